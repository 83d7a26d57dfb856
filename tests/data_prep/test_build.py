"""The build: tables Excel can open, atomic replacement, and failures that name what is wrong."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from data_prep import PACKAGE_DIR, SEEDS_DIR
from data_prep.build import build, csv_bytes
from data_prep.check import check_tables, read_csv
from data_prep.errors import InputError

CATALOG = PACKAGE_DIR / "catalog.toml"


@pytest.fixture(scope="module")
def built(curated_dir) -> Path:
    return curated_dir


def test_tables_are_utf8_with_bom_and_complete(built):
    for name in ("figures", "metrics", "projects", "targets", "articles", "reports", "columns"):
        assert (built / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), name
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"]["seeds/000_c63fa3f7ffda9a0e.txt"].startswith("4adb7dd6")
    assert manifest["rows"]["metrics.csv"] == len(read_csv(built / "metrics.csv"))
    assert check_tables(built) == []


def test_required_columns_are_present(built):
    expected = {
        "figures": "source article raw value value_high unit per qualifier subject year sentence "
        "start end line",
        "metrics": "metric_id category label_zh label_en kind year value value_high unit qualifier "
        "source report_date quote",
        "projects": "project_id name_zh companies product capacity capacity_unit investment_cny "
        "status status_raw park report_date source quote",
        "targets": "target_id label_zh label_en unit target_year target_value target_kind "
        "current_value current_year current_quote reading reading_reason_zh reading_reason_en "
        "source quote",
    }
    for table, columns in expected.items():
        header = list(read_csv(built / f"{table}.csv")[0])
        assert set(columns.split()) <= set(header), table


def _metric(built, metric_id, report_id="000"):
    rows = read_csv(built / "metrics.csv")
    (row,) = [r for r in rows if r["metric_id"] == metric_id and r["report_id"] == report_id]
    return row


@pytest.mark.parametrize(
    ("metric_id", "value", "unit", "words_in_quote"),
    [
        # values read off the lead article: 2.4亿吨, 2725万千瓦, 296.6万吨, 1.8吉瓦, 8.47平方公里
        ("coal_output", "240000000", "吨", "2024年，准东完成煤炭产量2.4亿吨"),
        ("coal_power_built", "27250000", "千瓦", "已建成2725万千瓦"),
        ("aluminium_capacity", "2966000", "吨", "电解铝产能296.6万吨"),
        ("wafer_slicing_capacity", "1800000", "千瓦", "1.8吉瓦单晶硅切片产能"),
        ("jijihu_built_up_area", "8.47", "平方公里", "建成区规划面积8.47平方公里"),
        ("power_sent_out_share_xinjiang", "54", "%", "疆电外送684亿千瓦时，占全疆的54%"),
        ("methanol_profit", "1100", "元", "每吨利润可达1100元"),
    ],
)
def test_metrics_hold_the_articles_values(built, metric_id, value, unit, words_in_quote):
    row = _metric(built, metric_id)
    assert (row["value"], row["unit"]) == (value, unit)
    assert words_in_quote in row["quote"]


def test_a_metric_in_both_reports_gives_two_dated_rows(built):
    rows = [r for r in read_csv(built / "metrics.csv") if r["metric_id"] == "ten_billion_clusters"]
    assert [(r["report_date"], r["value"]) for r in rows] == [("2025-08", "3"), ("2026-02", "3")]


def test_a_plan_mentions_a_project_without_changing_its_stage(built):
    # 000: "山能化工、东明塑胶共160万吨煤制烯烃项目开工建设" (a fact: the stage);
    # 003: "加快推进60亿立方米煤制气、160万吨煤制烯烃等重点项目" (a plan: a mention, no stage).
    rows = [r for r in read_csv(built / "projects.csv") if r["project_id"] == "olefins_160"]
    assert [(r["report_id"], r["status"], r["status_raw"], r["sets_stage"]) for r in rows] == [
        ("000", "under_construction", "开工建设", "True"),
        ("003", "mentioned", "加快推进", "False"),
    ]
    assert rows[1]["statement_kind"] == "plan"
    # The 003 sentence names no company: the project keeps those of 000, and says so.
    assert [(r["companies"], r["companies_from"]) for r in rows] == [
        ("山能化工、东明塑胶", ""),
        ("山能化工、东明塑胶", "000"),
    ]
    assert rows[0]["capacity"] == "1600000"  # 160万吨


def test_a_condition_sets_no_stage(built):
    # "兖矿新疆能化准东煤化一体化项目建成后，将实现年利税47亿元": 建成后 is a condition.
    # "以心连心、宝丰、其亚为代表的710万吨煤制烯烃项目乘势而上": riding the momentum, no stage.
    projects = {r["project_id"]: r for r in read_csv(built / "projects.csv")}
    assert projects["yankuang_integrated"]["statement_kind"] == "condition"
    assert projects["yankuang_integrated"]["status"] == "mentioned"
    assert projects["olefins_710"]["status"] == "mentioned"
    # "其亚、富德共1200万吨煤制甲醇等项目也在加快推进": a fact about the projects under way.
    assert projects["methanol_1200"]["status"] == "advancing"


def test_targets_are_as_stated_and_no_baseline_is_derived(built):
    targets = {r["target_id"]: r for r in read_csv(built / "targets.csv")}
    output_2027 = targets["industrial_output_2027"]
    assert output_2027["target_value"] == "400000000000"  # 4000亿元
    # "文件明确提出奋斗目标：到2027年…工业总产值达到4000亿元": a policy goal.
    assert output_2027["target_kind"] == "goal"
    # No report states Zhundong's industrial output: no current value, no reading.
    for target_id in ("industrial_output_2027", "industrial_output_2030"):
        assert targets[target_id]["current_value"] == ""
        assert targets[target_id]["reading"] == "cannot_judge"
        assert "未报道现值" in targets[target_id]["reading_reason_zh"]
    assert not {"baseline_value", "baseline_is_derived", "derivation"} & set(output_2027)
    # "再翻一番" is kept as a sentence, not as a value.
    assert "两倍" in targets["industrial_output_2030"]["relation_zh"]
    # "预计到2030年，准东煤制气产能将达到140亿立方米/年…": forecasts, none of it in operation.
    for target_id in ("coal_to_gas_capacity_2030", "olefins_capacity_2030"):
        assert targets[target_id]["target_kind"] == "forecast"
        assert targets[target_id]["current_value"] == ""
    # "目前…汇聚产业工人30000余名": a reported fact, dated by 目前 to the report.
    workers = targets["jijihu_workers_2027"]
    assert (workers["target_value"], workers["current_value"]) == ("100000", "30000")
    assert (workers["current_year"], workers["current_year_basis"]) == ("2025", "report date")
    assert workers["target_kind"] == "forecast"  # "预计将进驻10万名以上产业工人"
    assert targets["olefins_capacity_2030"]["target_value"] == "8700000"  # 870万吨/年
    assert targets["trillion_output_park"]["target_year"] == ""
    assert targets["trillion_output_park"]["target_kind"] == "ambition"


def _copy_inputs(tmp_path: Path) -> tuple[Path, Path]:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    catalog = tmp_path / "catalog.toml"
    shutil.copy(CATALOG, catalog)
    return seeds, catalog


def test_failed_build_leaves_previous_tables_untouched(tmp_path):
    out = tmp_path / "curated"
    seeds, catalog = _copy_inputs(tmp_path)
    build(out, seeds, catalog)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    catalog.write_text(
        catalog.read_text(encoding="utf-8").replace(
            'words = ["预测储量"], unit = "吨"', 'words = ["预测储量"], unit = "千瓦"'
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="metric coal_reserves"):
        build(out, seeds, catalog)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    # beside the link to the last good tables, the folder it points to and nothing else
    linked = os.readlink(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        linked,
        "catalog.toml",
        "curated",
        "seeds",
    ]


def test_ambiguous_selector_is_refused_naming_the_metric(tmp_path):
    seeds, catalog = _copy_inputs(tmp_path)
    text = catalog.read_text(encoding="utf-8")
    precise = 'words = ["电解铝产能"], unit = "吨", subject = "电解铝"'
    catalog.write_text(
        text.replace(precise, 'words = ["电解铝产能"], unit = "吨"'), encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"aluminium_capacity.*3 figures"):
        build(tmp_path / "curated", seeds, catalog)


def test_changed_seed_is_refused_naming_the_file(tmp_path):
    seeds, catalog = _copy_inputs(tmp_path)
    seed = seeds / "003_c6a280af8c506cd9.txt"
    seed.write_bytes(seed.read_bytes() + "补充。\n".encode())
    with pytest.raises(InputError, match=r"003_c6a280af8c506cd9\.txt.*sha256"):
        build(tmp_path / "curated", seeds, catalog)


def test_check_finds_a_quote_that_is_not_in_its_source(built, tmp_path):
    copy = tmp_path / "curated"
    shutil.copytree(built, copy)
    path = copy / "metrics.csv"
    path.write_bytes(path.read_bytes().replace("占全疆的43%".encode(), "占全疆的34%".encode()))
    problems = check_tables(copy)
    assert any("quote is not in the cleaned text" in problem for problem in problems)


def _rewrite_metrics(folder: Path, changes: dict[str, str]) -> None:
    """Set the value of the given metrics, keeping everything else of metrics.csv."""
    path = folder / "metrics.csv"
    rows = read_csv(path)
    for row in rows:
        row["value"] = changes.get(row["metric_id"], row["value"])
    path.write_bytes(csv_bytes(rows, list(rows[0])))


def test_check_finds_built_above_planned_and_bad_share(built, tmp_path):
    copy = tmp_path / "curated"
    shutil.copytree(built, copy)
    _rewrite_metrics(copy, {"coal_power_built": "99990000", "coal_output_share_xinjiang": "143"})
    problems = "\n".join(check_tables(copy))
    assert "coal_power_built" in problems and "exceeds coal_power_planned" in problems
    assert "share 143 is not within 0-100" in problems


def test_cli_build_and_check(tmp_path):
    out = tmp_path / "curated"
    run = [sys.executable, "-m", "data_prep"]
    built = subprocess.run([*run, "build", "--out", str(out)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    checked = subprocess.run([*run, "check", "--out", str(out)], capture_output=True, text=True)
    assert checked.returncode == 0 and "all checks pass" in checked.stdout
    (out / "targets.csv").unlink()
    checked = subprocess.run([*run, "check", "--out", str(out)], capture_output=True, text=True)
    assert checked.returncode == 1 and "targets.csv: missing" in checked.stderr
