"""Every target answered with what is known (data_prep/targets.py), checked against the reports:
the current value where one is stated, else the nearest stated evidence, and what settles it."""

import pytest

from data_prep.check import check_answers, read_csv
from data_prep.targets import (
    TARGET_COLUMNS,
    _answer,
    load_answers,
    qualified,
    root_words,
)


@pytest.fixture(scope="module")
def targets(curated_dir) -> dict[str, dict[str, str]]:
    return {row["target_id"]: row for row in read_csv(curated_dir / "targets.csv")}


def test_gas_is_answered_by_its_pipeline_never_as_progress(targets):
    # "以国能、天池能源、新业为代表的60亿立方米煤制气项目先后落地"; 天池能源's 20亿 approved
    # project is part of that group, so the pipeline is 60, not 80, of the forecast 140.
    gas = targets["coal_to_gas_capacity_2030"]
    assert gas["answer_kind"] == "pipeline"
    assert float(gas["answer_value"]) == 6e9
    assert "已落地60亿立方米/年" in gas["answer_zh"]
    assert "预测140亿立方米/年" in gas["answer_zh"]
    assert "不算进度" in gas["answer_zh"] and "not progress" in gas["answer_en"]
    assert gas["current_value"] == ""
    assert "60亿立方米煤制气项目先后落地" in gas["answer_quotes"]


def test_olefins_pipeline_is_split_by_stage(targets):
    # 160万吨 开工建设 (a fact); 710万吨 乘势而上 in a plan sentence: no stage stated.
    olefins = targets["olefins_capacity_2030"]
    assert "开工建设160万吨/年" in olefins["answer_zh"]
    assert "未说明阶段710万吨/年" in olefins["answer_zh"]
    assert len(olefins["answer_quotes"].split("\n")) == 2


@pytest.mark.parametrize(
    "target_id, words",
    [("coal_to_oil_capacity_2030", "煤制油"), ("high_end_chemicals_capacity_2030", "高端化学品")],
)
def test_no_named_project_is_said_so_not_as_zero(targets, target_id, words):
    row = targets[target_id]
    assert row["answer_kind"] == "no_project"
    assert "未点名任何" in row["answer_zh"] and words in row["answer_zh"]
    assert "合计0" not in row["answer_zh"] and row["answer_value"] == ""


def test_output_goals_show_related_facts_and_the_pace_they_imply(targets):
    # "规上工业增加值增长13.4%" (2025) is another measure: related, not comparable.
    for target_id in ("industrial_output_2027", "industrial_output_2030", "trillion_output_park"):
        row = targets[target_id]
        assert row["answer_kind"] == "related"
        assert "相关但不可比" in row["answer_zh"] and "13.4%" in row["answer_zh"]
        assert "not comparable" in row["answer_en"]
        assert row["current_value"] == ""
    # 2027: 4000亿元, 2030: "再翻一番" 8000亿元: 2^(1/3) − 1 = 26% a year, said in words.
    output = targets["industrial_output_2030"]
    assert float(output["implied_growth"]) == pytest.approx(2 ** (1 / 3) - 1, abs=1e-6)
    assert "26%" in output["implied_growth_zh"]
    assert "（8000亿元 ÷ 4000亿元）的三分之一次方减1" in output["implied_growth_zh"]
    assert "不是实际增速" in output["implied_growth_zh"]
    assert targets["industrial_output_2027"]["implied_growth"] == ""


def test_coal_power_is_a_plan_pair(targets):
    # "规划煤电装机规模3373万千瓦，已建成2725万千瓦。"
    coal_power = targets["coal_power_capacity_plan"]
    assert coal_power["target_kind"] == "plan"
    assert (coal_power["target_value"], coal_power["answer_value"]) == ("33730000", "27250000")
    assert "已建成2725万千瓦" in coal_power["answer_zh"] and "3373万千瓦" in coal_power["answer_zh"]
    assert "81%" in coal_power["answer_zh"]
    assert coal_power["current_value"] == ""  # the same sentence is not a fact of its own


def test_forecasts_say_so_and_a_reported_count_is_reported(targets):
    workers = targets["jijihu_workers_2027"]
    # "预计将进驻10万名以上产业工人": a forecast, not a goal.
    assert workers["answer_zh"].startswith("此为预测")
    # "目前…汇聚产业工人30000余名": the reported count, dated by its report.
    assert "30000余人" in workers["answer_zh"] and "目前" in workers["answer_zh"]
    # (100000 / 30000)^(1/(2027 − 2025)) − 1 in words.
    assert workers["required_growth_words_zh"] == "（100000人 ÷ 30000人）的二分之一次方减1"
    for row in targets.values():
        if row["target_kind"] == "forecast":
            assert "预测" in row["answer_zh"] and "forecast" in row["answer_en"]


def test_every_target_says_what_would_settle_it(targets):
    assert len(targets) == 11
    for row in targets.values():
        assert row["settle_zh"].startswith(("须有报道", "已有现值"))
        assert row["settle_en"].startswith("A ")
    assert "工业总产值" in targets["trillion_output_park"]["settle_zh"]
    assert "获批、在建或落地的项目产能不算" in targets["coal_to_gas_capacity_2030"]["settle_zh"]


def test_check_refuses_an_answer_quote_not_in_its_source(targets):
    row = dict(targets["coal_to_gas_capacity_2030"])
    row["answer_quotes"] = "准东煤制气项目全部投产。"
    problems = check_answers({"targets": [row]}, {row["answer_sources"]: "另一段文字。"})
    assert any("answer quote is not in" in problem for problem in problems)


def _row(**fields) -> dict:
    row = {column: "" for column in TARGET_COLUMNS}
    row.update(
        target_id="t",
        label_zh="煤制乙二醇产能",
        label_en="Coal-to-glycol capacity",
        unit="吨",
        display_unit="万吨/年",
        target_value=1e6,
        target_kind="goal",
        scope="zhundong",
        pipeline_product="煤制乙二醇",
        report_id="004",
    )
    row.update(fields)
    return row


def _project(**fields) -> dict:
    project = {
        "project_id": "p",
        "product": "煤制乙二醇",
        "capacity": 400000,
        "capacity_unit": "吨",
        "status": "under_construction",
        "sets_stage": True,
        "part_of": "",
        "report_date": "2026-05",
        "report_id": "004",
        "review_status": "accepted",
        "quote": "年产40万吨煤制乙二醇项目正式开工建设",
        "source": "004_x.txt",
    }
    project.update(fields)
    return project


def test_a_proposed_project_is_no_evidence_and_an_unknown_stage_states_none():
    answers = load_answers()
    row = _row()
    _answer(row, {"measure": "capacity"}, [], [_project(review_status="proposed")], answers, None)
    assert row["answer_kind"] == "no_project"
    row = _row()
    _answer(row, {"measure": "capacity"}, [], [_project(status="试生产")], answers, None)
    assert row["answer_kind"] == "pipeline"
    assert "未说明阶段40万吨/年" in row["answer_zh"]
    assert row["answer_report_ids"] == "004"


def test_a_project_in_another_unit_is_not_summed():
    row = _row()
    _answer(
        row, {"measure": "capacity"}, [], [_project(capacity_unit="立方米")], load_answers(), None
    )
    assert row["answer_kind"] == "no_project"


@pytest.mark.parametrize(
    "text, qualifier, lang, expected",
    [
        ("30000人", "余", "zh", "30000余人"),
        ("870万吨/年", "以上", "zh", "870万吨/年以上"),
        ("1.6亿吨", "超", "zh", "超1.6亿吨"),
        ("30000 people", "余", "en", "over 30000 people"),
        ("8.7 Mt/yr", "以上", "en", "8.7 Mt/yr or more"),
    ],
)
def test_qualifiers_stand_where_the_report_puts_them(text, qualifier, lang, expected):
    assert qualified(text, qualifier, lang) == expected


@pytest.mark.parametrize(
    "years, lang, expected",
    [
        (3, "zh", "（8000亿元 ÷ 4000亿元）的三分之一次方减1"),
        (1, "zh", "（8000亿元 ÷ 4000亿元）减1"),
        (3, "en", "(8000亿元 ÷ 4000亿元) to the power of 1/3, minus 1"),
    ],
)
def test_growth_formula_in_words(years, lang, expected):
    assert root_words("8000亿元", "4000亿元", years, lang) == expected


def test_every_project_stage_has_a_name_in_the_answers():
    # A stage the answers cannot name would be read as "named in a plan only": an approved or
    # EIA-approved project would lose its stage in the target's answer.
    import tomllib

    from data_prep import PACKAGE_DIR

    stages = tomllib.loads((PACKAGE_DIR / "stages.toml").read_text(encoding="utf-8"))["stages"]
    ordered = [s["status"] for s in sorted(stages, key=lambda s: -s["order"])]
    named = [stage for stage in load_answers()["stages"] if stage != "mentioned"]
    assert named == ordered  # every stage, most advanced first
