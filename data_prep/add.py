"""Add a report: store it in seeds/ as UTF-8 under a stable name, record it in reports.toml, and
rebuild. The new report is built and checked in a scratch copy first; seeds/ and data/ change only
when that succeeded, and a refused file changes nothing.

All of it runs as the one writer (data_prep.store). The record and the text land as one step that
a kill cannot split; the record in reports.toml is the commit point:

1. the text is written and fsynced under a scratch name beside its final one
   (`.004_<hash>.txt.<unique>.tmp`), and so is the new reports.toml;
2. reports.toml is renamed into place: from here on the report is added;
3. the text is renamed to its final name.

Killed before 2, only scratch files are left, which the next writer removes: nothing was added.
Killed between 2 and 3, reports.toml records a file that is still staged: the next writer (every
build runs `store.recover` first) finds the staged text by its recorded sha256 and renames it into
place, finishing the add. So seeds/ never holds a text without its record, nor a record whose
text is lost. A rebuild that fails after 2 takes the add back in the reverse order (the text
back to a scratch name, then the old reports.toml), so a kill there also ends whole.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR, store
from data_prep.build import build, build_tables
from data_prep.errors import InputError
from data_prep.load import text_of
from data_prep.pipeline import read_report
from data_prep.reports import check_date, load_reports

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class NewReport:
    report_id: str
    file: str
    text: str
    entry: str  # the TOML block recorded in reports.toml


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def prepare(
    data: bytes,
    name: str,
    report_date: str,
    title: str = "",
    newspaper: str = "",
    seeds_dir: Path = SEEDS_DIR,
) -> NewReport:
    """Check a new report and work out its id, file name and metadata; raises InputError."""
    text, encoding = text_of(data, name)
    check_date(name, report_date)
    stored = text if text.endswith("\n") else text + "\n"
    digest = hashlib.sha256(stored.encode("utf-8")).hexdigest()
    reports = load_reports(seeds_dir)
    for report in reports:
        existing = (seeds_dir / report.file).read_text(encoding="utf-8")
        # The same text from another file (a Word copy of a .txt) differs only in line breaks.
        if report.sha256 == digest or _SPACE.sub("", existing) == _SPACE.sub("", text):
            raise InputError(
                name,
                f"this text was already added, as report {report.report_id}",
                code="already_added",
                report=report.report_id,
            )
    report_id = f"{max((int(r.report_id) for r in reports), default=-1) + 1:03d}"
    file = f"{report_id}_{digest[:16]}.txt"
    headline = title.strip()
    if not headline:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / file
            path.write_text(stored, encoding="utf-8")
            articles = read_report(path).page.articles
        ranked = sorted(articles, key=lambda a: a.zhundong_mentions, reverse=True)
        headline = next((a.headline for a in ranked if a.headline), "") or "（无标题）"
    basis = f"given when the report was added ({encoding} file {Path(name).name})"
    entry = "\n".join(
        [
            "",
            "[[reports]]",
            f"report_id = {_toml_string(report_id)}",
            f"file = {_toml_string(file)}",
            f"newspaper = {_toml_string(newspaper.strip() or '未注明')}",
            f"newspaper_en = {_toml_string(newspaper.strip() or 'not given')}",
            f"lead_headline = {_toml_string(headline)}",
            f"lead_headline_en = {_toml_string(headline)}",
            f"report_date = {_toml_string(report_date)}",
            f"date_basis = {_toml_string(basis)}",
            f"date_basis_zh = {_toml_string('添加报道时由分析人员给出')}",
            f"sha256 = {_toml_string(digest)}",
            "",
        ]
    )
    return NewReport(report_id=report_id, file=file, text=stored, entry=entry)


def _write_into(folder: Path, new: NewReport) -> None:
    """`new` written into a scratch copy of seeds/ (no other writer sees it)."""
    (folder / new.file).write_text(new.text, encoding="utf-8")
    (folder / "reports.toml").write_bytes(_record(folder, new))


def trial_tables(new: NewReport, seeds_dir: Path = SEEDS_DIR) -> dict[str, bytes]:
    """The tables as they would be with `new` added, built in a scratch copy of seeds/."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "seeds"
        shutil.copytree(seeds_dir, trial, ignore=shutil.ignore_patterns(".*"))
        _write_into(trial, new)
        return build_tables(trial)


def _record(folder: Path, new: NewReport) -> bytes:
    """The bytes of reports.toml with `new` recorded."""
    toml = folder / "reports.toml"
    return (toml.read_text(encoding="utf-8").rstrip("\n") + "\n" + new.entry).encode("utf-8")


def _install(seeds_dir: Path, new: NewReport) -> bytes:
    """Record and store `new` as one step (see the module's docstring); returns the old record."""
    toml = seeds_dir / "reports.toml"
    before = toml.read_bytes()
    text = store.stage(seeds_dir / new.file, new.text.encode("utf-8"))
    store.step("add:text-staged")
    record = store.stage(toml, _record(seeds_dir, new))
    store.step("add:record-staged")
    store.commit(record, toml)  # the commit point
    store.step("add:recorded")
    store.commit(text, seeds_dir / new.file)
    store.step("add:text-in-place")
    return before


def _take_back(seeds_dir: Path, new: NewReport, before: bytes) -> None:
    """Undo `_install` in the reverse order: cut anywhere, the next writer's recovery ends it
    whole (finished, if the record still stands; scratch removed, if not)."""
    seed = seeds_dir / new.file
    scratch = store.temp_name(seed)
    if seed.exists():
        os.replace(seed, scratch)
    store.step("add:text-taken-back")
    store.write_atomic(seeds_dir / "reports.toml", before)
    scratch.unlink(missing_ok=True)


def add_report(
    data: bytes,
    name: str,
    report_date: str,
    title: str = "",
    newspaper: str = "",
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
) -> NewReport:
    """Add a report and rebuild, as the one writer; on any failure seeds/ and the tables are left
    as they were. Raises InputError (code "busy" when another writer holds the seeds too long)."""
    with store.writing(seeds_dir):
        store.recover(seeds_dir, out_dir)
        new = prepare(data, name, report_date, title, newspaper, seeds_dir)
        trial_tables(new, seeds_dir)  # raises before anything is written
        before = _install(seeds_dir, new)
        try:
            build(out_dir, seeds_dir)
        except BaseException:
            _take_back(seeds_dir, new, before)
            raise
    return new
