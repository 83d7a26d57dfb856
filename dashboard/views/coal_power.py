"""Coal and power: reserves, output, approved capacity, coal power planned vs built, generation
vs power sent out of Xinjiang, and the clusters around 芨芨湖."""

import streamlit as st

from dashboard import data
from dashboard.calc import metric
from dashboard.components import cards
from dashboard.components.changes import trend_chart
from dashboard.components.key_figures import quote_help
from dashboard.components.metric_chart import metric_bars
from dashboard.components.provenance import source_line
from dashboard.context import current
from dashboard.fmt import quantity
from dashboard.i18n import pick, t

view = current()
lang = view.lang
metrics = data.metrics_for(view.report)
reports = data.table("reports")
st.title(t("page_coal_power", lang))
coal = metrics[metrics["category"].isin(["coal", "power"])]
if coal.empty:
    st.info(t("nothing_here", lang))
    st.stop()


def card(metric_id: str, *beside_ids: str) -> tuple[str, str, str, str]:
    """A figure with the figures its sentence gives beside it, and that sentence in the "?"."""
    row = metric(metrics, metric_id)
    if row is None:
        return ("", "–", "", "")
    beside, quotes = [], [row["quote"]]
    for other in beside_ids:
        other_row = metric(metrics, other)
        if other_row is not None:
            value = quantity(
                other_row["value"], other_row["display_unit"], lang, other_row["qualifier"]
            )
            beside.append(f"{pick((other_row['label_zh'], other_row['label_en']), lang)} {value}")
            quotes.append(other_row["quote"])
    label = pick((row["label_zh"], row["label_en"]), lang)
    if row["kind"] == "actual":
        label += f" {row['year']}"
    value = quantity(row["value"], row["display_unit"], lang, row["qualifier"], row["value_high"])
    return (label, value, " · ".join(beside), quote_help(quotes, lang))


CARD_METRICS = {
    "coal": [
        ("coal_reserves", "coal_reserves_share_xinjiang", "coal_reserves_share_china"),
        ("coal_output", "coal_output_share_xinjiang"),
        ("approved_mine_capacity", "approved_mines", "approved_mine_capacity_share_xinjiang"),
    ],
    "clusters": [
        ("jijihu_coal_capacity", "jijihu_coal_mines"),
        ("jijihu_power_capacity", "jijihu_power_plants"),
        ("transmission_distance", "households_served", "people_served"),
    ],
}


def card_rows(name: str):
    """The rows behind a group of cards, for the line that names their reports."""
    ids = [metric_id for ids in CARD_METRICS[name] for metric_id in ids]
    return metrics[metrics["metric_id"].isin(ids)]


st.subheader(t("coal_section", lang))
cards.show([card(*ids) for ids in CARD_METRICS["coal"]])
source_line(card_rows("coal"), reports, lang)
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
cards.show([card(*ids) for ids in CARD_METRICS["clusters"]])
source_line(card_rows("clusters"), reports, lang)
