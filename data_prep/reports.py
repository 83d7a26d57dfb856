"""The seed reports' metadata (seeds/reports.toml): read, check against the files, look up."""

import hashlib
import tomllib
from dataclasses import dataclass
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
