"""Add a report: store it in seeds/ as UTF-8 under a stable name, record it in reports.toml, and
rebuild. The new report is built and checked in a scratch copy first; seeds/ and data/ change only
when that succeeded, and a refused file changes nothing."""

import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR
from data_prep.build import build, build_tables
from data_prep.errors import InputError
from data_prep.load import text_of
from data_prep.pipeline import read_report
from data_prep.reports import load_reports

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
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
    if not _DATE.match(report_date):
        raise InputError(
            name, f"the date {report_date!r} is not YYYY-MM-DD", code="bad_date", date=report_date
        )
    try:
        date.fromisoformat(report_date if len(report_date) == 10 else report_date + "-01")
    except ValueError:
        raise InputError(
            name, f"the date {report_date!r} does not exist", code="no_such_date", date=report_date
        ) from None
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
    (folder / new.file).write_text(new.text, encoding="utf-8")
    toml = folder / "reports.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").rstrip("\n") + "\n" + new.entry, encoding="utf-8"
    )


def trial_tables(new: NewReport, seeds_dir: Path = SEEDS_DIR) -> dict[str, bytes]:
    """The tables as they would be with `new` added, built in a scratch copy of seeds/."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "seeds"
        shutil.copytree(seeds_dir, trial)
        _write_into(trial, new)
        return build_tables(trial)


def add_report(
    data: bytes,
    name: str,
    report_date: str,
    title: str = "",
    newspaper: str = "",
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
) -> NewReport:
    """Add a report and rebuild; on any failure seeds/ and the tables are left as they were."""
    new = prepare(data, name, report_date, title, newspaper, seeds_dir)
    trial_tables(new, seeds_dir)  # raises before anything is written
    toml = seeds_dir / "reports.toml"
    before = toml.read_bytes()
    try:
        _write_into(seeds_dir, new)
        build(out_dir, seeds_dir)
    except BaseException:
        toml.write_bytes(before)
        (seeds_dir / new.file).unlink(missing_ok=True)
        raise
    return new
