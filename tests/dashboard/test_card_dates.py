"""Each Overview card says when its figure holds: "2024年，准东完成煤炭产量2.4亿吨" is 2024's
output; "已建成2725万千瓦" gives no year, so the card names the report that states it."""

import pandas as pd

from dashboard.components.key_figures import metric_when
from tests.dashboard.test_pages import app, open_page, shown_text


def test_a_card_dates_its_figure_by_the_sentence_or_by_its_report(curated_dir):
    metrics = pd.read_csv(curated_dir / "metrics.csv", encoding="utf-8-sig")
    assert metric_when(metrics, "coal_output", "zh") == "2024年"
    assert metric_when(metrics, "coal_power_built", "zh") == "据2025-08报道"
    assert metric_when(metrics, "coal_power_built", "en") == "as reported 2025-08"
    assert metric_when(metrics, "no_such_metric", "zh") == ""


def test_the_overview_shows_the_year_of_coal_output():
    test = open_page(app(), "overview")
    assert "2024年 · 煤炭产量占全疆比重 43%" in shown_text(test)
