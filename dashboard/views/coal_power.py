"""Coal and power: reserves, output, approved capacity, coal power planned vs built, generation
vs power sent out of Xinjiang, and the clusters around 芨芨湖."""

import streamlit as st

from dashboard import data
from dashboard.components import cards, key_figures
from dashboard.components.changes import trend_chart
from dashboard.components.metric_chart import metric_bars
from dashboard.components.provenance import source_line
from dashboard.context import current
from dashboard.i18n import t

view = current()
lang = view.lang
metrics = data.metrics_for(view.report)
reports = data.table("reports")
st.title(t("page_coal_power", lang))
if not metrics["category"].isin(["coal", "power"]).any():
    st.info(t("nothing_here", lang))
    st.stop()


# (a card's metric, the metrics its sentence gives beside it), per group of cards
CARD_METRICS = {
    "coal": (
        ("coal_reserves", "coal_reserves_share_xinjiang", "coal_reserves_share_china"),
        ("coal_output", "coal_output_share_xinjiang"),
        ("approved_mine_capacity", "approved_mines", "approved_mine_capacity_share_xinjiang"),
    ),
    "clusters": (
        ("jijihu_coal_capacity", "jijihu_coal_mines"),
        ("jijihu_power_capacity", "jijihu_power_plants"),
        ("transmission_distance", "households_served", "people_served"),
    ),
}


def card_group(name: str) -> None:
    """A group of cards and the line that names their reports."""
    shown, rows = data.shared(key_figures.card_group, metrics, CARD_METRICS[name], lang)
    cards.show(shown)
    source_line(rows, reports, lang)


st.subheader(t("coal_section", lang))
card_group("coal")
metric_bars(
    metrics,
    ["coal_output", "jijihu_coal_capacity", "approved_mine_capacity"],
    "coal_chart",
    lang,
    reports,
    key="coal_output_chart",
)

st.subheader(t("power_section", lang))
metric_bars(
    metrics,
    ["coal_power_planned", "coal_power_built", "jijihu_power_capacity"],
    "power_capacity_chart",
    lang,
    reports,
    key="coal_power_capacity",
)
metric_bars(
    metrics,
    ["power_generation", "power_sent_out"],
    "power_energy_chart",
    lang,
    reports,
    key="coal_power_energy",
)
metric_bars(
    metrics,
    [
        "coal_output_share_xinjiang",
        "power_generation_share_xinjiang",
        "power_sent_out_share_xinjiang",
        "approved_mine_capacity_share_xinjiang",
    ],
    "share_chart",
    lang,
    reports,
    key="coal_power_shares",
)

trends = data.trends(
    (
        "coal_output",
        "coal_output_share_xinjiang",
        "coal_power_built",
        "coal_power_planned",
        "power_generation",
        "power_sent_out",
    )
)
if len(trends):
    st.subheader(t("trend_chart", lang))
    trend_chart(trends, reports, lang, key="coal_power_trend")

st.subheader(t("clusters", lang))
card_group("clusters")
