"""The seed reports' metadata (seeds/reports.toml): read, check against the files, look up."""

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data_prep.errors import InputError

# Files that hold a report; anything else in seeds/ (reports.toml, notes) is not a report.
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx", ".doc")
REQUIRED = (
    "report_id",
    "file",
    "newspaper",
    "lead_headline",
    "report_date",
    "date_basis",
    "sha256",
)


_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def check_date(where: Path | str, value: str) -> str:
    """A report date, YYYY-MM-DD (or YYYY-MM), that exists; raises InputError naming `where`."""
    if not _DATE.match(value):
        raise InputError(
            where, f"the date {value!r} is not YYYY-MM-DD", code="bad_date", date=value
        )
    try:
        date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        raise InputError(
            where, f"the date {value!r} does not exist", code="no_such_date", date=value
        ) from None
    return value


@dataclass(frozen=True)
class Report:
    report_id: str
    file: str
    newspaper: str
    lead_headline: str
    report_date: str
    date_basis: str
    sha256: str
    extra: dict[str, str]

    @property
    def year(self) -> int:
        return int(self.report_date[:4])


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_reports(seeds_dir: Path) -> list[Report]:
    """Read `reports.toml` and check that every entry's file exists with the recorded hash."""
    path = seeds_dir / "reports.toml"
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("reports", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot be read as TOML: {error}") from None
    reports: list[Report] = []
    for index, entry in enumerate(entries, start=1):
        missing = [key for key in REQUIRED if not entry.get(key)]
        if missing:
            raise InputError(path, f"report #{index} lacks {', '.join(missing)}")
        check_date(path, str(entry["report_date"]))
        seed = seeds_dir / entry["file"]
        if not seed.is_file():
            raise InputError(
                path, f"report {entry['report_id']} names {seed.name}, which is missing"
            )
        if sha256_of(seed) != entry["sha256"]:
            raise InputError(seed, "its sha256 differs from the one recorded in reports.toml")
        extra = {key: str(value) for key, value in entry.items() if key not in REQUIRED}
        reports.append(Report(**{key: str(entry[key]) for key in REQUIRED}, extra=extra))
    ids = [report.report_id for report in reports]
    if len(set(ids)) != len(ids):
        raise InputError(path, "report ids are not unique")
    _refuse_unrecorded(seeds_dir, {report.file for report in reports})
    return reports


def _refuse_unrecorded(seeds_dir: Path, recorded: set[str]) -> None:
    """A report file put into seeds/ by hand is named, never silently left out of the build."""
    for seed in sorted(seeds_dir.iterdir()):
        if seed.suffix.lower() in REPORT_SUFFIXES and seed.name not in recorded:
            raise InputError(
                seed,
                "is in seeds/ but not recorded in reports.toml, so the build would leave it out: "
                "move it out of seeds/ and add it with "
                f"`python -m data_prep add {seed.name} --date YYYY-MM-DD`",
                code="not_recorded",
                file=seed.name,
            )


def _recorded(seeds_dir: Path) -> list[dict]:
    try:
        text = (seeds_dir / "reports.toml").read_text(encoding="utf-8")
        return list(tomllib.loads(text).get("reports", []))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []  # the build names the problem; nothing is finished from a file not read


def finish_adds(seeds_dir: Path) -> list[Path]:
    """Finish an `add` cut between its two renames: its record is in reports.toml, its text is
    still staged under a scratch name (`.<file>.<unique>.tmp`) with the recorded sha256. The
    staged text goes into place; returns the files put in place. Run under the writer's lock."""
    finished = []
    for entry in _recorded(seeds_dir):
        file, digest = str(entry.get("file", "")), str(entry.get("sha256", ""))
        target = seeds_dir / file
        if not file or "/" in file or target.exists():
            continue
        for staged in sorted(seeds_dir.glob(f".{glob_escape(file)}.*.tmp")):
            if sha256_of(staged) == digest:
                os.replace(staged, target)
                finished.append(target)
                break
    return finished


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
