"""`python -m data_prep check` refuses a stage set by a condition, and says so on the command line.

The 兖矿 project's only sentence is a condition ("…煤化一体化项目建成后，将实现年利税47亿元"):
it names no stage, so a table that gives the project one must not pass.
"""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from data_prep.check import check_tables, read_csv

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tables(curated_dir, tmp_path) -> Path:
    copy = tmp_path / "curated"
    shutil.copytree(curated_dir, copy)
    return copy


def _give_yankuang_a_stage(folder: Path) -> None:
    path = folder / "projects.csv"
    rows = read_csv(path)
    for row in rows:
        if row["project_id"] == "yankuang_integrated":
            row.update(status="planned", sets_stage="True")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_the_yankuang_sentence_is_a_condition_that_sets_no_stage(curated_dir):
    rows = [
        r
        for r in read_csv(curated_dir / "projects.csv")
        if r["project_id"] == "yankuang_integrated"
    ]
    assert rows, "the 兖矿 project is curated"
    for row in rows:
        assert "建成后" in row["quote"]
        assert (row["statement_kind"], row["status"]) == ("condition", "mentioned")


def test_check_refuses_a_stage_set_by_a_condition(tables):
    assert check_tables(tables) == []
    _give_yankuang_a_stage(tables)
    assert any(
        "yankuang_integrated" in p and "set by a condition" in p for p in check_tables(tables)
    )


def test_the_command_fails_and_names_the_problem(tables):
    _give_yankuang_a_stage(tables)
    done = subprocess.run(
        [sys.executable, "-m", "data_prep", "check", "--out", str(tables)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "yankuang_integrated" in done.stderr and "condition" in done.stderr
