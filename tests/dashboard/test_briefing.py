"""The printable briefing: every area, every number with its sentence, nothing unescaped."""

import pandas as pd
import pytest

from dashboard.briefing import briefing_html, svg_bars


@pytest.fixture(scope="module")
def tables(curated_dir):
    def read(name):
        return pd.read_csv(
            curated_dir / f"{name}.csv", encoding="utf-8-sig", dtype={"report_id": str}
        )

    return {name: read(name) for name in ("metrics", "targets", "projects", "reports")}


def make(tables, lang="zh", **changes) -> str:
    frames = {**tables, **changes}
    return briefing_html(
        frames["metrics"], frames["targets"], frames["projects"], frames["reports"], lang
    )


def test_one_section_per_area_with_numbers_and_their_sentences(tables):
    page = make(tables)
    for title in (
        "目标与进度",
        "现代煤化工",
        "煤炭与煤电",
        "硅铝新材料",
        "芨芨湖新城",
        "科技创新",
        "“十四五”收官：经济运行（不是创新指标）",
    ):
        assert f"<h2>{title}</h2>" in page
    # "2024年，准东完成煤炭产量2.4亿吨，占全疆的43%"
    assert "<td>2.4亿吨</td>" in page and "准东完成煤炭产量2.4亿吨" in page
    # "到2027年，…工业总产值达到4000亿元": a goal; no report states the current output
    output_row = (
        "<td>工业总产值 2027：2027年目标 4000亿元</td><td>无法判断 · 未报道现值。"
        "相关但不可比：2025年规上工业增加值增长13.4%"
    )
    assert output_row in page
    assert "2000亿元" not in page and "推算" not in page  # no base derived from 翻番
    # "目前…汇聚产业工人30000余名": the one target with a reported current value
    assert "报道的现值：2025年30000余人" in page
    # the same stored answers as the pages: pipelines, no project, coal power built of planned
    assert "已落地60亿立方米/年" in page and "项目产能合计 0" not in page
    assert "报道未点名任何煤制油项目" in page
    assert "已建成2725万千瓦，为规划3373万千瓦的81%" in page
    assert page.count("<section>") == 8
    # each row of numbers is followed by the sentence it came from
    # (page 1 sums up; the sections after it hold the sentences)
    details = page[page.index("<section>", page.index("<section>") + 1) :]
    assert details.count("<tr><td colspan=") >= details.count("<tr><td>") > 20
    assert "来源：" in page and "2025-08" in page and "2026-02" in page


def test_english_briefing(tables):
    page = make(tables, "en")
    assert "<h2>Coal and power</h2>" in page and "240 Mt" in page


def test_report_text_is_escaped(tables):
    hostile = tables["metrics"].copy()
    hostile.loc[hostile["metric_id"] == "coal_output", "quote"] = "<script>alert(1)</script>"
    hostile.loc[hostile["metric_id"] == "coal_output", "label_zh"] = "<b>产量</b>"
    page = make(tables, metrics=hostile)
    assert "<script>" not in page and "<b>产量" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_svg_bars_scale_to_the_largest_value():
    svg = svg_bars(["甲", "乙"], [50.0, 100.0], ["50", "100"], reference=100)
    widths = [float(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths == [140.0, 280.0]
    assert "stroke-dasharray" in svg
