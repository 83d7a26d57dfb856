"""Proposals: what a report the catalog does not name would add, bound per clause, gated by
scope and kind, and published only through a decision that every rebuild reproduces."""

import csv
import io
import shutil
import tomllib

import pytest

from data_prep import SEEDS_DIR
from data_prep.add import add_report
from data_prep.build import build, build_tables, decide_and_rebuild
from data_prep.check import check_tables, read_csv
from data_prep.curate import load_catalog, named_reports
from data_prep.errors import InputError
from data_prep.measures import bind, measure_of
from data_prep.review import DECISIONS_FILE, proposal_key
from tests.conftest import FIXTURES
from tests.data_prep.review_key import EXPECTED, NOT_METRICS, NOT_PROJECTS

UNSEEN = FIXTURES / "unseen"


def _add(workspace, path, date):
    seeds, out = workspace
    new = add_report(path.read_bytes(), str(path), date, seeds_dir=seeds, out_dir=out)
    rows = [r for r in read_csv(out / "proposals.csv") if r["report_id"] == new.report_id]
    return new, rows


def test_results_report_proposes_its_own_measures_only(workspace):
    # tests/fixtures/unseen/changji_results.txt, "准东开发区2024年经济社会发展成绩亮眼", added in
    # January 2025. Each row below is read off the article by hand.
    _, rows = _add(workspace, UNSEEN / "changji_results.txt", "2025-01-20")
    found = {(r["target_id"], r["raw"], r["year"]) for r in rows}
    assert found == {
        # "全年原煤产量达2.38亿吨，同比增长14.9%，占全疆原煤产量的43.6%": the year is the
        # article's 2024 (全年); the share is of coal output, the growth has no metric
        ("coal_output", "2.38亿吨", "2024"),
        ("coal_output_share_xinjiang", "43.6%", "2024"),
        # "全年发电量1302亿千瓦时，同比增长6.1%，占全疆发电量的25.3%"
        ("power_generation", "1302亿千瓦时", "2024"),
        ("power_generation_share_xinjiang", "25.3%", "2024"),
        # "外送电量688亿千瓦时，占全疆外送电量的52.7%"
        ("power_sent_out", "688亿千瓦时", "2024"),
        ("power_sent_out_share_xinjiang", "52.7%", "2024"),
        # "2024年，…规模以上工业增加值同比增长12.6%，固定资产投资完成412.5亿元，同比增长18.3%"
        ("industrial_value_added_growth", "12.6%", "2024"),
        ("fixed_asset_investment_growth", "18.3%", "2024"),
        # "固定资产投资完成412.5亿元": the year's investment (a flow, 2024)
        ("fixed_asset_investment", "412.5亿元", "2024"),
        # "截至年底，电力总装机达到3386万千瓦": a stock at the year end; 其中新能源装机 is a part
        ("power_capacity", "3386万千瓦", "2024"),
        # "多晶硅产能达到20万吨/年": no year in its sentence, so the report's, and it says so
        ("polysilicon_capacity", "20万吨/年", "2025"),
    }
    by_raw = {r["raw"]: r for r in rows}
    assert by_raw["20万吨/年"]["year_basis"] == "report date"
    assert by_raw["20万吨/年"]["confidence_level"] == "high"
    assert float(by_raw["20万吨/年"]["confidence"]) < float(by_raw["1302亿千瓦时"]["confidence"])
    # what the issue saw go wrong: shares and growth rates bound to the wrong quantity
    assert by_raw["25.3%"]["evidence"] == "占全疆发电量的25.3%"
    assert by_raw["52.7%"]["evidence"] == "占全疆外送电量的52.7%"
    assert by_raw["18.3%"]["evidence"] == "固定资产投资完成412.5亿元……同比增长18.3%"
    # beside the seed's 2024 values, which they would replace
    assert (by_raw["2.38亿吨"]["relation"], by_raw["2.38亿吨"]["current_value"]) == (
        "replaces",
        "240000000",
    )
    # never proposed: coal growth (no metric), 其中 露天 (a part), aluminium OUTPUT and its share
    # (the metrics are capacity), the 疆煤外运 share, new-energy capacity and its share
    raws = {r["raw"] for r in rows}
    for raw in ("14.9%", "2.21亿吨", "298.4万吨", "47.5%", "38.5%", "1120万千瓦", "33.1%"):
        assert raw not in raws


def test_national_statistics_add_no_metric(workspace):
    # "国家统计局：前三季度规上工业原煤产量同比增长": national and provincial figures; its one
    # 准东 sentence is the coalfield's calorific value
    _, out = workspace
    new, rows = _add(workspace, UNSEEN / "national_coal_stats.txt", "2025-10-21")
    assert rows == []
    assert [r for r in read_csv(out / "metrics.csv") if r["report_id"] == new.report_id] == []
    ledger = [r for r in read_csv(out / "figures.csv") if r["source"] == new.file]
    assert {"35.7亿吨", "4.2亿吨"} <= {r["raw"] for r in ledger}
    assert any(r["raw"].startswith("6784大卡") for r in ledger)


def test_a_report_about_another_zone_adds_nothing(workspace):
    text = (
        "宁东基地2025年煤炭产量再创新高\n\n本报记者 某某\n\n"
        "2025年，宁东能源化工基地原煤产量达1.1亿吨，同比增长6.2%，占宁夏的52%。"
        "全年发电量860亿千瓦时，外送电量420亿千瓦时。"
        "与新疆准东等基地相比，宁东煤制油产能400万吨/年，居全国前列。\n"
    )
    path = FIXTURES.parent / "artifacts" / "ningdong.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    _, rows = _add(workspace, path, "2026-01-15")
    assert rows == []


def test_accept_and_reject_round_trip_and_a_fresh_rebuild(workspace, tmp_path):
    seeds, out = workspace
    new, rows = _add(workspace, UNSEEN / "changji_results.txt", "2025-01-20")
    ids = {r["target_id"]: r["proposal_id"] for r in rows}
    decide_and_rebuild([ids["coal_output"], ids["power_generation"]], "accepted", seeds, out)
    decide_and_rebuild([ids["polysilicon_capacity"]], "rejected", seeds, out)
    status = {
        r["metric_id"]: r["review_status"]
        for r in read_csv(out / "metrics.csv")
        if r["report_id"] == new.report_id
    }
    assert status["coal_output"] == status["power_generation"] == "accepted"
    assert status["power_sent_out"] == "proposed"
    assert "polysilicon_capacity" not in status
    decisions = tomllib.loads((seeds / DECISIONS_FILE).read_text(encoding="utf-8"))["decisions"]
    assert {(d["target"], d["raw"], d["decision"]) for d in decisions} == {
        ("metric:coal_output", "2.38亿吨", "accepted"),
        ("metric:power_generation", "1302亿千瓦时", "accepted"),
        ("metric:polysilicon_capacity", "20万吨/年", "rejected"),
    }
    assert check_tables(out) == []
    # a fresh copy of seeds/ (as a clone has it) rebuilds the same decisions
    fresh_seeds, fresh_out = tmp_path / "clone" / "seeds", tmp_path / "clone" / "curated"
    shutil.copytree(seeds, fresh_seeds)
    build(fresh_out, fresh_seeds)
    for table in ("metrics", "projects", "proposals", "targets"):
        assert read_csv(fresh_out / f"{table}.csv") == read_csv(out / f"{table}.csv")


def test_a_second_value_for_one_metric_and_year_is_refused(workspace):
    seeds, out = workspace
    _, rows = _add(workspace, UNSEEN / "changji_results.txt", "2025-01-20")
    ids = {r["target_id"]: r["proposal_id"] for r in rows}
    decide_and_rebuild([ids["coal_output"]], "accepted", seeds, out)
    # the same proposal again is fine; an unknown id names itself and changes nothing
    decide_and_rebuild([ids["coal_output"]], "accepted", seeds, out)
    before = (seeds / DECISIONS_FILE).read_bytes()
    with pytest.raises(InputError, match="no proposal pabcdef0123"):
        decide_and_rebuild(["pabcdef0123"], "accepted", seeds, out)
    assert (seeds / DECISIONS_FILE).read_bytes() == before


def test_a_decision_that_matches_nothing_is_kept_as_stale(workspace):
    seeds, out = workspace
    _, rows = _add(workspace, UNSEEN / "changji_results.txt", "2025-01-20")
    row = next(r for r in rows if r["target_id"] == "coal_output")
    decide_and_rebuild([row["proposal_id"]], "accepted", seeds, out)
    text = (seeds / DECISIONS_FILE).read_text(encoding="utf-8")
    # the clause changes (as after a change to the cleaner): the decision no longer matches
    old_id = row["proposal_id"]
    new_id = proposal_key(row["report_id"], "metric:coal_output", row["raw"], "全年原煤产量")
    text = text.replace(row["evidence"], "全年原煤产量").replace(old_id, new_id)
    (seeds / DECISIONS_FILE).write_text(text, encoding="utf-8")
    # the edited file lacks the decision the tables record: refused unless meant
    with pytest.raises(InputError, match=rf"{DECISIONS_FILE}.*1 are lost \({old_id}\)"):
        build(out, seeds)
    build(out, seeds, forget_decisions=True)
    stale = [r for r in read_csv(out / "proposals.csv") if r["decision"] == "stale"]
    assert [(r["proposal_id"], r["raw"]) for r in stale] == [(new_id, "2.38亿吨")]
    metrics = {(r["metric_id"], r["report_id"]): r for r in read_csv(out / "metrics.csv")}
    assert metrics[("coal_output", row["report_id"])]["review_status"] == "proposed"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[decisions]]\nproposal_id = 'x'\n", "lacks"),
        ("[[decisions", "cannot be read as TOML"),
    ],
)
def test_a_broken_decisions_file_is_named_and_changes_nothing(workspace, text, message):
    seeds, out = workspace
    (seeds / DECISIONS_FILE).write_text(text, encoding="utf-8")
    before = (out / "metrics.csv").read_bytes()
    with pytest.raises(InputError, match=f"{DECISIONS_FILE}.*{message}"):
        build(out, seeds)
    assert (out / "metrics.csv").read_bytes() == before


def test_a_forged_decision_is_refused(workspace):
    seeds, out = workspace
    (seeds / DECISIONS_FILE).write_text(
        '[[decisions]]\nproposal_id = "p0000000000"\nreport_id = "004"\n'
        'target = "metric:coal_output"\nraw = "9亿吨"\nevidence = "x"\n'
        'decision = "accepted"\ndecided_on = "2026-11-23"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="does not match"):
        build(out, seeds)


def test_every_measure_finds_its_seed_figure():
    """The catalog's measures, migrated from the seeds' selectors: on each report a selector
    names, the measure binds the very figure the selector picks, and no other fact."""
    catalog = load_catalog()
    files = build_tables(SEEDS_DIR)
    figures = read_csv_bytes(files["figures.csv"])
    metrics = read_csv_bytes(files["metrics.csv"])
    assert named_reports(catalog) == {"000", "003"}
    checked = 0
    for metric in catalog["metrics"]:
        measure = measure_of(metric)
        if measure is None or not metric["select"]:
            continue
        for row in (r for r in metrics if r["metric_id"] == metric["metric_id"]):
            body = [f for f in figures if f["source"] == row["source"] and f["role"] == "body"]
            bound = {
                binding.figure["start"]
                for binding, found, _ in bind(body, [measure])
                if found.metric_id == measure.metric_id
            }
            assert row["start"] in bound, metric["metric_id"]
            checked += 1
    assert checked >= 40


def read_csv_bytes(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_seed_rows_are_seed_and_unchanged_by_measures():
    files = build_tables(SEEDS_DIR)
    rows = read_csv_bytes(files["metrics.csv"])
    assert {r["review_status"] for r in rows} == {"seed"}
    assert read_csv_bytes(files["proposals.csv"]) == []


COALFIELD = (
    "准东煤田：我国最大的整装煤田\n\n本报记者 某某\n\n"
    "准东煤田位于准东开发区境内，是我国最大的整装煤田。"
    "准东煤田预测储量3900亿吨，占全疆煤炭预测储量2.19万亿吨的17.8%，占全国的7%。"
    "全国煤炭预测储量约5.97万亿吨，新疆占比超过三分之一。"
    "准东开发区已核准17处国家大中型煤矿，总产能达3.54亿吨，占全疆一半以上。\n"
)


def test_coalfield_overview_binds_reserves_apart_from_the_totals(workspace, tmp_path):
    # The coalfield overview: the sentence also holds the Xinjiang total, and writes
    # 全疆 where the seed wrote 新疆; the national total stands in a sentence of its own.
    path = tmp_path / "coalfield.txt"
    path.write_text(COALFIELD, encoding="utf-8")
    _, rows = _add(workspace, path, "2026-06-01")
    assert {(r["target_id"], r["raw"]) for r in rows} == {
        ("coal_reserves", "3900亿吨"),  # "准东煤田预测储量3900亿吨"
        ("coal_reserves_share_xinjiang", "17.8%"),  # "占全疆煤炭预测储量2.19万亿吨的17.8%"
        ("coal_reserves_share_china", "7%"),  # "占全国的7%", after the Xinjiang share
        ("approved_mines", "17处"),  # "已核准17处国家大中型煤矿"
        ("approved_mine_capacity", "3.54亿吨"),  # "…已核准…，总产能达3.54亿吨"
        ("approved_mine_capacity_share_xinjiang", "一半以上"),  # "占全疆一半以上"
    }


def test_a_sentence_printed_twice_is_one_proposal(workspace, tmp_path):
    # A summary box that repeats the body: the same figure in the same clause, twice.
    sentence = "2025年，准东完成煤炭产量2.7亿吨，山能化工、东明塑胶共160万吨煤制烯烃项目建成投产。"
    path = tmp_path / "twice.txt"
    path.write_text(f"准东开发区今年成绩单\n\n本报记者 某某\n\n{sentence}\n\n{sentence}\n", "utf-8")
    new, rows = _add(workspace, path, "2026-02-10")
    assert sorted((r["target_id"], r["raw"]) for r in rows) == [
        ("coal_output", "2.7亿吨"),
        ("olefins_160", "160万吨"),
    ]
    coal = next(r for r in rows if r["target_id"] == "coal_output")
    assert (coal["confidence"], coal["confidence_level"]) == ("1.0", "high")
    # beside the project's published row: 003's "加快推进…160万吨煤制烯烃…重点项目"
    olefins = next(r for r in rows if r["target_id"] == "olefins_160")
    assert (olefins["stage"], olefins["current_stage"]) == ("建成投产", "加快推进")
    assert (olefins["value"], olefins["current_value"]) == ("1600000", "1600000")
    _, out = workspace
    projects = [r for r in read_csv(out / "projects.csv") if r["report_id"] == new.report_id]
    assert [(r["project_id"], r["status"]) for r in projects] == [("olefins_160", "operating")]


# ---------------------------------------------------------------- the hand-keyed reports

REVIEW = FIXTURES / "review"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hand_keyed_report_proposes_exactly_its_rows(workspace, name):
    """tests/data_prep/review_key.py, read off each text by hand: exactly these rows, and none
    of the tempting figures listed against it."""
    _seeds, out = workspace
    key = EXPECTED[name]
    new, rows = _add(workspace, REVIEW / name, key["report_date"])
    metrics = {
        (r["target_id"], r["raw"], int(r["year"])) for r in rows if r["target_type"] == "metric"
    }
    assert metrics == set(key["metrics"])
    projects = [r for r in read_csv(out / "projects.csv") if r["report_id"] == new.report_id]
    found = {
        ("new" if r["project_id"].startswith("new_") else r["project_id"], r["raw"], r["status"])
        for r in projects
        for r["raw"] in [_raw_of(rows, r["proposal_id"])]
    }
    assert found == set(key["projects"])
    raws = {r["raw"] for r in rows if r["target_type"] == "metric"}
    assert raws.isdisjoint(NOT_METRICS.get(name, []))
    project_raws = {r["raw"] for r in rows if r["target_type"] != "metric"}
    assert project_raws.isdisjoint(NOT_PROJECTS.get(name, []))


def _raw_of(rows: list[dict[str, str]], proposal_id: str) -> str:
    return next(r["raw"] for r in rows if r["proposal_id"] == proposal_id)
