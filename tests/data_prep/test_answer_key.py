"""Every quantity of the two lead articles, read off the articles by hand, must be in the ledger.

Each entry is (as written in the article, value in the base unit, base unit, per, qualifier).
Values were worked out from the text (亿 = 10^8, 万 = 10^4, 吉瓦 = 10^6 千瓦), not from output.
"""

from decimal import Decimal

import pytest

LEAD_000 = [
    ("20亿立方米/年", "2000000000", "立方米", "年", ""),
    ("170.39亿元", "17039000000", "元", "", ""),
    ("833亿元", "83300000000", "元", "", ""),
    ("3900亿吨", "390000000000", "吨", "", ""),
    ("17.8%", "17.8", "%", "", ""),
    ("7%", "7", "%", "", ""),
    ("100年以上", "100", "年", "", "以上"),
    ("8000万吨", "80000000", "吨", "", ""),
    ("17处", "17", "处", "", ""),
    ("3.542亿吨", "354200000", "吨", "", ""),
    ("一半以上", "50", "%", "", "以上"),
    ("千万吨级", "10000000", "吨", "", "级"),
    ("40%", "40", "%", "", ""),
    ("18%", "18", "%", "", ""),
    ("2.4亿吨", "240000000", "吨", "", ""),
    ("43%", "43", "%", "", ""),
    ("3373万千瓦", "33730000", "千瓦", "", ""),
    ("2725万千瓦", "27250000", "千瓦", "", ""),
    ("1298亿千瓦时", "129800000000", "千瓦时", "", ""),
    ("25%", "25", "%", "", ""),
    ("684亿千瓦时", "68400000000", "千瓦时", "", ""),
    ("54%", "54", "%", "", ""),
    ("3293公里", "3293", "公里", "", ""),
    ("5000万家庭", "50000000", "家庭", "", ""),
    ("2亿多人", "200000000", "人", "", "多"),
    ("296.6万吨", "2966000", "吨", "", ""),
    ("52万吨", "520000", "吨", "", ""),
    ("47万吨", "470000", "吨", "", ""),
    ("12%", "12", "%", "", ""),
    ("1.8吉瓦", "1800000", "千瓦", "", ""),
    ("2个", "2", "个", "", ""),
    ("260万吨", "2600000", "吨", "", ""),
    ("4000亿元", "400000000000", "元", "", ""),
    ("8000亿元", "800000000000", "元", "", ""),
    ("万亿产值", "1000000000000", "元", "", ""),
    ("千亿级", "100000000000", "", "", "级"),
    ("3个", "3", "个", "", ""),
    ("百亿级", "10000000000", "", "", "级"),
    ("1.4-1.8元/立方米", "1.4", "元", "立方米", ""),
    ("3元/立方米", "3", "元", "立方米", ""),
    ("1吨", "1", "吨", "", ""),
    ("600元", "600", "元", "吨", "约"),
    ("1100元", "1100", "元", "吨", ""),
    ("2200元/吨", "2200", "元", "吨", ""),
    ("160万吨", "1600000", "吨", "", ""),
    ("60亿立方米", "6000000000", "立方米", "", ""),
    ("710万吨", "7100000", "吨", "", ""),
    ("1200万吨", "12000000", "吨", "", ""),
    ("140亿立方米/年", "14000000000", "立方米", "年", ""),
    ("600万吨/年", "6000000", "吨", "年", ""),
    ("870万吨/年以上", "8700000", "吨", "年", "以上"),
    ("1200万吨/年以上", "12000000", "吨", "年", "以上"),
    ("40%以上", "40", "%", "", "以上"),
    ("两座", "2", "座", "", ""),
    ("3867平方公里", "3867", "平方公里", "", ""),
    ("四个", "4", "个", "", ""),
    ("8.47平方公里", "8.47", "平方公里", "", ""),
    ("30000余名", "30000", "名", "", "余"),
    ("10多年", "10", "年", "", "多"),
    ("9家", "9", "家", "", ""),
    ("1.6亿吨", "160000000", "吨", "年", "超"),
    ("6家", "6", "家", "", ""),
    ("500万千瓦", "5000000", "千瓦", "", "超"),
    ("47亿元", "4700000000", "元", "年", ""),
    ("70亿元", "7000000000", "元", "", ""),
    ("2000余人", "2000", "人", "", "余"),
    ("3年", "3", "年", "", ""),
    ("100亿元", "10000000000", "元", "", ""),
    ("两条", "2", "条", "", ""),
    ("5个", "5", "个", "", ""),
    ("7个", "7", "个", "", ""),
    ("10万名以上", "100000", "名", "", "以上"),
    ("30岁以下", "30", "岁", "", "以下"),
    ("百万元", "1000000", "元", "年", ""),
]

LEAD_003 = [
    ("13.4%", "13.4", "%", "", ""),
    ("32%", "32", "%", "", ""),
    ("13.2%", "13.2", "%", "", ""),
    ("42项", "42", "项", "", ""),
    ("16家", "16", "家", "", ""),
    ("26家", "26", "家", "", ""),
    ("60亿立方米", "6000000000", "立方米", "", ""),
    ("160万吨", "1600000", "吨", "", ""),
    ("3个", "3", "个", "", ""),
    ("百亿级", "10000000000", "", "", "级"),
    ("2个", "2", "个", "", ""),
    ("千亿级", "100000000000", "", "", "级"),
    ("万亿级", "1000000000000", "", "", "级"),
]

# Numbers in the lead articles that are not quantities.
TRAPS = {
    "000": [
        "2024",
        "2025",
        "2027",
        "2030",
        "第6个",
        "6个大型",
        "5G",
        "一年",
        "三年",
        "五年",
        "四个革命",
    ],
    "003": ["1月27日", "27日", "28日", "2026", "2025", "十四五", "十五五", "1+1+N", "1+", "两区"],
}


def _lead_figures(report):
    return [figure for figure in report.figures if figure.article == f"{report.source[:3]}-a00"]


def _key(figure):
    q = figure.quantity
    return (q.raw, q.value, q.unit, figure.per, q.qualifier)


@pytest.mark.parametrize(("report_id", "key"), [("000", LEAD_000), ("003", LEAD_003)])
def test_ledger_holds_every_quantity_of_the_lead_article(seed_reports, report_id, key):
    found = [_key(figure) for figure in _lead_figures(seed_reports[report_id])]
    missing = [
        entry
        for entry in key
        if (entry[0], Decimal(entry[1]), entry[2], entry[3], entry[4]) not in found
    ]
    assert missing == []


@pytest.mark.parametrize(("report_id", "key"), [("000", LEAD_000), ("003", LEAD_003)])
def test_lead_article_has_no_quantity_beyond_the_key(seed_reports, report_id, key):
    written = {entry[0] for entry in key}
    extra = [f.quantity.raw for f in _lead_figures(seed_reports[report_id])]
    assert [raw for raw in extra if raw not in written] == []


@pytest.mark.parametrize("report_id", ["000", "003"])
def test_traps_are_not_quantities(seed_reports, report_id):
    raws = [figure.quantity.raw for figure in seed_reports[report_id].figures]
    assert [raw for raw in raws if raw in TRAPS[report_id] or raw.startswith("1+")] == []


@pytest.mark.parametrize(
    ("report_id", "raw", "year"),
    [
        ("000", "2.4亿吨", 2024),
        ("000", "1298亿千瓦时", 2024),
        ("000", "4000亿元", 2027),
        ("000", "8000亿元", 2030),
        ("000", "870万吨/年以上", 2030),
        ("003", "26家", 2025),
    ],
)
def test_year_comes_from_the_sentence(seed_reports, report_id, raw, year):
    (figure,) = [f for f in seed_reports[report_id].figures if f.quantity.raw == raw]
    assert figure.year == year


def test_growth_rates_carry_their_plan_period(seed_reports):
    periods = {f.quantity.raw: f.period for f in _lead_figures(seed_reports["003"])}
    assert periods["13.4%"] == periods["32%"] == periods["13.2%"] == "十四五"


def test_subjects_name_what_is_measured(seed_reports):
    subjects = {f.quantity.raw: f.subject for f in _lead_figures(seed_reports["000"])}
    assert "电解铝" in subjects["296.6万吨"]
    assert "发电量" in subjects["1298亿千瓦时"]
    assert "单晶硅切片" in subjects["1.8吉瓦"]
    assert "煤制烯烃" in subjects["710万吨"]
    assert subjects["12%"] == "占全疆"  # "分别占全疆的40%、18%和12%": shared by the list


def test_every_sentence_is_verbatim_in_the_cleaned_text(seed_reports):
    for report in seed_reports.values():
        for figure in report.figures:
            assert figure.sentence in report.text.text
            start, end = figure.quantity.start, figure.quantity.end
            assert report.text.text[start:end] == figure.quantity.raw
