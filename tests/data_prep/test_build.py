"""The build: tables Excel can open, atomic replacement, and failures that name what is wrong."""

import json
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
        "targets": "target_id label_zh label_en unit target_year target_value baseline_year "
        "baseline_value baseline_is_derived source quote",
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


def test_project_groups_follow_status_across_reports(built):
    rows = [r for r in read_csv(built / "projects.csv") if r["project_id"] == "olefins_160"]
    assert [(r["report_id"], r["status"], r["status_raw"]) for r in rows] == [
        ("000", "under_construction", "开工建设"),
        ("003", "advancing", "加快推进"),
    ]
    assert rows[0]["companies"] == "山能化工、东明塑胶"
    assert rows[0]["capacity"] == "1600000"  # 160万吨


def test_targets_with_derived_baselines_say_so(built):
    targets = {r["target_id"]: r for r in read_csv(built / "targets.csv")}
    output_2027 = targets["industrial_output_2027"]
    assert output_2027["target_value"] == "400000000000"  # 4000亿元
    assert output_2027["baseline_value"] == "200000000000"  # half: 翻番
    assert output_2027["baseline_is_derived"] == "True"
    assert "翻番" in output_2027["note_zh"]
    workers = targets["jijihu_workers_2027"]
    assert (workers["target_value"], workers["baseline_value"]) == ("100000", "30000")
    assert workers["baseline_is_derived"] == "False"
    assert targets["olefins_capacity_2030"]["target_value"] == "8700000"  # 870万吨/年
    assert targets["trillion_output_park"]["target_year"] == ""


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
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog.toml", "curated", "seeds"]


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
