"""A workspace to review one report in: a copy of the seeds with the report added and its tables
built (by default our own report of 2025's results, tests/fixtures/energy_base_2026.txt, as
report 004), made once per test module; and a private copy of it for each test, its tables
installed behind their link as a build installs them.
"""

import shutil
from pathlib import Path

from data_prep import SEEDS_DIR, store
from data_prep.add import add_report
from tests.conftest import FIXTURES

ENERGY_BASE = FIXTURES / "energy_base_2026.txt"
ENERGY_BASE_DATE = "2026-01-15"


def added(
    folder: Path, report: Path = ENERGY_BASE, report_date: str = ENERGY_BASE_DATE
) -> tuple[Path, Path]:
    """(seeds, tables) in `folder`: the seeds copied, `report` added as of `report_date`."""
    seeds, out = folder / "seeds", folder / "curated"
    shutil.copytree(SEEDS_DIR, seeds, ignore=shutil.ignore_patterns(".*"))
    add_report(report.read_bytes(), report.name, report_date, seeds_dir=seeds, out_dir=out)
    return seeds, out


def copied(workspace: tuple[Path, Path], folder: Path) -> tuple[Path, Path]:
    """A private copy of `workspace` in `folder`: its seeds, and its tables behind their link."""
    seeds, out = folder / "seeds", folder / "curated"
    shutil.copytree(workspace[0], seeds)
    version = store.new_version(out)
    shutil.copytree(workspace[1], version, dirs_exist_ok=True)
    store.install_tables(version, out)
    return seeds, out
