"""Fixtures of the data_prep tests: a copy of the seeds with its tables, to add reports to."""

import shutil
from pathlib import Path

import pytest

from data_prep import SEEDS_DIR
from data_prep.build import build
from tests.dashboard import report_workspace


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory) -> tuple[Path, Path]:
    """seeds/ copied and its tables built, once per test process; tests get copies."""
    folder = tmp_path_factory.mktemp("workspace")
    seeds, out = folder / "seeds", folder / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    build(out, seeds)
    return seeds, out


@pytest.fixture
def workspace(built_seeds, tmp_path) -> tuple[Path, Path]:
    """A copy of seeds/ and the tables built from it, both in a temporary folder, the tables
    behind their link as a build installs them."""
    return report_workspace.copied(built_seeds, tmp_path)
