"""Adding a report: stored as UTF-8 under a stable name, recorded, rebuilt, or refused whole."""

import subprocess
import sys
from pathlib import Path

import pytest

from data_prep import SEEDS_DIR
from data_prep.add import add_report
from data_prep.build import build
from data_prep.check import read_csv
from data_prep.errors import InputError
from tests.conftest import FIXTURES

NEW = FIXTURES / "zhundong_2026_05.txt"


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "manifest.json"
    }


def test_added_report_extends_the_series(workspace):
    seeds, out = workspace
    new = add_report(
        NEW.read_bytes(), str(NEW), "2026-05-10", newspaper="昌吉日报", seeds_dir=seeds, out_dir=out
    )
    assert new.report_id == "004"
    assert (seeds / new.file).read_text(encoding="utf-8") == NEW.read_text(encoding="utf-8")
    metrics = [r for r in read_csv(out / "metrics.csv") if r["report_id"] == "004"]
    by_id = {r["metric_id"]: r for r in metrics}
    # "2025年，准东完成煤炭产量2.65亿吨，占全疆的44%"; "已建成2860万千瓦"
    assert (by_id["coal_output"]["value"], by_id["coal_output"]["year"]) == ("265000000", "2025")
    assert by_id["coal_output_share_xinjiang"]["value"] == "44"
    assert by_id["coal_power_built"]["value"] == "28600000"
    series = [r["value"] for r in read_csv(out / "metrics.csv") if r["metric_id"] == "coal_output"]
    assert series == ["240000000", "265000000"]  # 2.4亿吨 (2024), then 2.65亿吨 (2025)
    projects = {(r["project_id"], r["report_id"]): r for r in read_csv(out / "projects.csv")}
    # "山能化工、东明塑胶共160万吨煤制烯烃项目建成投产"
    assert projects[("olefins_160", "004")]["status_raw"] == "建成投产"
    assert projects[("olefins_160", "004")]["status"] == "operating"
    # "新签约项目12个，协议投资额超过300亿元": no catalog entry claims these
    unclaimed = {r["raw"] for r in read_csv(out / "unclaimed.csv") if r["report_id"] == "004"}
    assert unclaimed == {"12个", "300亿元"}


def test_gbk_report_is_stored_as_utf8(workspace, tmp_path):
    seeds, out = workspace
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(NEW.read_text(encoding="utf-8").encode("gbk"))
    new = add_report(gbk.read_bytes(), str(gbk), "2026-05-10", seeds_dir=seeds, out_dir=out)
    assert (seeds / new.file).read_bytes().decode("utf-8") == NEW.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "date", "message"),
    [
        (b"", "2026-05-10", "empty"),
        (b"\x00\x01\x02PK\x03\x04" * 50, "2026-05-10", "binary"),
        ("准东".encode() + b"\xff\xfe" + "开发区".encode() * 5, "2026-05-10", "neither UTF-8"),
        (None, "2026-05-10", "already added"),
        ("准东开发区。\n".encode(), "10/05/2026", "YYYY-MM-DD"),
        ("准东开发区。\n".encode(), "2026-02-30", "does not exist"),
    ],
)
def test_refused_files_change_nothing(workspace, content, date, message):
    seeds, out = workspace
    if content is None:  # a seed already in the project, under another name
        content = (SEEDS_DIR / "003_c6a280af8c506cd9.txt").read_bytes()
    before = snapshot(seeds, out)
    with pytest.raises(InputError, match=message):
        add_report(content, "incoming.txt", date, seeds_dir=seeds, out_dir=out)
    assert snapshot(seeds, out) == before


def _cli(*args: str) -> subprocess.CompletedProcess:
    """`python -m data_prep ARGS` as a user runs it."""
    command = [sys.executable, "-m", "data_prep", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_add_command_line(workspace):
    seeds, out = workspace
    added = _cli("add", str(NEW), "--date", "2026-05-10", "--seeds", str(seeds), "--out", str(out))
    assert added.returncode == 0, added.stderr
    review = _cli("review", "--out", str(out))
    # "2025年，准东完成煤炭产量2.65亿吨，占全疆的44%": proposed with its evidence, beside 2.4亿吨
    assert "report 004: 6 proposed rows to review" in review.stdout
    assert "coal_output = 2.65亿吨 (2025, sentence)" in review.stdout
    assert "follows 240000000 (2024, report 000)" in review.stdout
    assert "evidence: 准东完成煤炭产量2.65亿吨……占全疆的44%" in review.stdout
    # "新签约项目12个，协议投资额超过300亿元": no measure of the catalog, listed as unclaimed
    assert "2 figures that no metric, project or target claims" in review.stdout
    proposals = {r["target_id"]: r["proposal_id"] for r in read_csv(out / "proposals.csv")}
    decided = _cli(
        "review",
        "--accept",
        proposals["coal_output"],
        "--reject",
        proposals["coal_power_planned"],
        "--seeds",
        str(seeds),
        "--out",
        str(out),
    )
    assert decided.returncode == 0, decided.stderr
    assert f"accepted {proposals['coal_output']}: coal_output = 2.65亿吨" in decided.stdout
    status = {
        r["metric_id"]: r["review_status"]
        for r in read_csv(out / "metrics.csv")
        if r["report_id"] == "004"
    }
    assert status["coal_output"] == "accepted"
    assert status["coal_output_share_xinjiang"] == "proposed"
    assert "coal_power_planned" not in status  # rejected: in no table but proposals.csv
    unknown = _cli("review", "--accept", "p0000000000", "--seeds", str(seeds), "--out", str(out))
    assert unknown.returncode == 1 and "no proposal p0000000000" in unknown.stderr
    again = _cli("add", str(NEW), "--date", "2026-05-10", "--seeds", str(seeds), "--out", str(out))
    assert (
        again.returncode == 1
        and "already added" in again.stderr
        and "Traceback" not in again.stderr
    )


@pytest.mark.parametrize("stray", ["005_by_hand.txt", "e-paper.pdf", "report.docx"])
def test_a_report_put_into_seeds_by_hand_is_named_by_the_build(workspace, stray):
    seeds, out = workspace
    (seeds / stray).write_bytes(NEW.read_bytes())
    before = snapshot(out)
    with pytest.raises(InputError, match="not recorded in reports") as refused:
        build(out, seeds)
    assert refused.value.path.endswith(stray)
    assert f"python -m data_prep add {stray}" in str(refused.value)
    assert snapshot(out) == before  # the tables stay as they were


def test_add_command_names_a_stray_seed(workspace):
    seeds, out = workspace
    (seeds / "by_hand.txt").write_bytes(NEW.read_bytes())
    refused = _cli(
        "add", str(NEW), "--date", "2026-05-10", "--seeds", str(seeds), "--out", str(out)
    )
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "by_hand.txt: is in seeds/ but not recorded in reports.toml" in refused.stderr
