"""Fixtures of the data_prep tests: a copy of the seeds with its tables, to add reports to."""

import shutil
from pathlib import Path

import pytest

from data_prep import SEEDS_DIR
from data_prep.build import build


@pytest.fixture
def workspace(tmp_path) -> tuple[Path, Path]:
    """A copy of seeds/ and the tables built from it, both in a temporary folder."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    out = tmp_path / "curated"
    build(out, seeds)
    return seeds, out
