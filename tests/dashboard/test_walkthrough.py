"""What a first walkthrough found, each checked: Beijing time, chart titles and units, named
series, cards that do not cut values, one compact sources control per chart, and no English
on the Chinese sources page."""

import re
from datetime import UTC, datetime

from dashboard.components import charts
from dashboard.fmt import beijing, beijing_today
from tests.dashboard.test_pages import app, open_page


def test_times_are_beijing_time():
    assert beijing("2026-11-23T06:52:30+00:00") == "2026-11-23 14:52"
    assert beijing("2026-12-31T20:00:00") == "2027-01-01 04:00"  # naive is UTC; a new year
    assert beijing(datetime(2026, 6, 1, 0, 0, tzinfo=UTC)) == "2026-06-01 08:00"
    # 23:30 UTC is already the next morning in Beijing: a new report defaults to that day.
    assert str(beijing_today(datetime(2026, 6, 1, 23, 30, tzinfo=UTC))) == "2026-06-02"


def test_a_chart_title_has_no_empty_brackets():
    assert charts.heading("Trend", "", "en") == "Trend"
    assert charts.heading("Trend", "GW", "en") == "Trend (GW)"
    assert charts.heading("趋势", "个", "zh") == "趋势（个）"


def _one_series() -> list[dict]:
    return [{"name": "百亿级产业集群", "x": ["2025-08"], "y": [3], "text": ["3"], "quotes": ["q"]}]


def test_one_series_is_named_and_the_unit_stands_level_above_the_axis():
    for figure in (
        charts.lines(_one_series(), "趋势（个）", "个"),
        charts.grouped_bars(_one_series(), "集群（个）", "个"),
    ):
        assert figure.data[0].showlegend is True
        assert figure.data[0].name == "百亿级产业集群"
        assert not figure.layout.yaxis.title.text  # no rotated axis title
        (unit,) = [note for note in figure.layout.annotations if note.text == "个"]
        assert not unit.textangle and unit.yref == "paper" and unit.y == 1


def test_a_target_timeline_writes_its_unit_level_too(curated_dir):
    import pandas as pd

    from dashboard.calc import target_progress
    from dashboard.components.progress import measures, timeline_figure

    tables = {
        name: pd.read_csv(curated_dir / f"{name}.csv", encoding="utf-8-sig")
        for name in ("targets", "projects", "metrics")
    }
    progress = target_progress(tables["targets"], tables["projects"], tables["metrics"])
    workers = next(rows for rows in measures(progress) if rows.iloc[0]["display_unit"] == "人")
    figure = timeline_figure(workers, "zh")
    assert not figure.layout.yaxis.title.text
    (unit,) = [note for note in figure.layout.annotations if note.text == "人"]
    assert not unit.textangle


def test_a_long_unit_gets_room_on_the_left():
    figure = charts.grouped_bars(_one_series(), "产能（亿立方米/年）", "亿立方米/年")
    assert figure.layout.margin.l >= 13 * len("亿立方米/年")


def test_no_unit_no_annotation():
    figure = charts.lines(_one_series(), "Trend", "")
    assert not figure.layout.annotations


def test_each_chart_has_one_sources_control_holding_sentences_and_downloads():
    test = open_page(app(), "coal_power")
    popovers = test.get("popover")
    assert popovers, "no sources control"
    assert not [e for e in test.expander if e.label == "原文句子"]
    for popover in popovers:
        assert popover.proto.popover.label == "原文与下载"
        assert any(m.value.startswith("**") and "> " in m.value for m in popover.markdown)
    labels = [b.proto.label for popover in popovers for b in popover.get("download_button")]
    assert {"下载 CSV", "下载 Excel"} <= set(labels)
    # Downloads sit inside the controls, none loose on the page.
    assert len(test.get("download_button")) == len(labels)


def test_english_cards_show_the_whole_value():
    test = open_page(app(lang="en"), "coal_power")
    values = [header.value for header in test.subheader]
    long = [value for value in values if re.match(r"(over|about|nearly) [\d,.]+ \w+", value)]
    assert long, values
    assert not test.metric  # an st.metric cuts a long value at the card's edge


def test_sources_page_states_the_date_basis_in_chinese():
    test = open_page(app(), "sources")
    captions = [c.value for c in test.caption if c.value.startswith("日期依据")]
    assert captions
    for caption in captions:
        basis = caption.split(" · ")[0]
        assert basis.startswith("日期依据：")
        assert not re.search(r"[A-Za-z]{4,}", basis), basis
