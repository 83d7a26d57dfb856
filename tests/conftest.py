"""Shared fixtures: the project's paths and the seed reports taken apart once per session."""

from collections import Counter
from pathlib import Path

import pytest

from data_prep import SEEDS_DIR
from data_prep.build import build
from data_prep.pipeline import ReadReport, read_report
from data_prep.reports import load_reports

FIXTURES = Path(__file__).parent / "fixtures"
SERVED = ("browser", "deploy")  # folders whose tests start servers and drive Chromium


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow files first: those that start servers, then the rest, each the larger first; a
    file's own order is kept. With `make test`'s two processes (whole files to whichever is
    free) the quick files come last and fill in, so neither is left with a long file at the end.
    """
    sizes = Counter(item.path for item in items)
    items.sort(
        key=lambda item: (Path(item.path).parent.name not in SERVED, -sizes[item.path], item.path)
    )


@pytest.fixture(scope="session")
def seed_reports() -> dict[str, ReadReport]:
    """Each seed report read the way the build reads it, keyed by report id."""
    return {
        report.report_id: read_report(
            SEEDS_DIR / report.file,
            lead_headline=report.lead_headline,
            report_year=report.year,
            prefix=report.report_id,
        )
        for report in load_reports(SEEDS_DIR)
    }


@pytest.fixture(scope="session")
def curated_dir(tmp_path_factory) -> Path:
    """The tables built from the seeds into a temporary folder, once per test session."""
    folder = tmp_path_factory.mktemp("curated") / "curated"
    build(folder)
    return folder
