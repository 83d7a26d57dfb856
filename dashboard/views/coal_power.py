"""Coal and power: reserves, output, approved capacity, coal power planned vs built, generation
vs power sent out of Xinjiang, and the clusters around 芨芨湖."""

import streamlit as st

from dashboard import data
from dashboard.calc import metric, rows_for_report, series
from dashboard.components import cards
from dashboard.components.changes import trend_chart
from dashboard.components.metric_chart import metric_bars
from dashboard.components.provenance import source_line
from dashboard.context import current
from dashboard.fmt import quantity
from dashboard.i18n import pick, t

view = current()
lang = view.lang
metrics = rows_for_report(data.table("metrics"), view.report, "metric_id")
reports = data.table("reports")
st.title(t("page_coal_power", lang))
coal = metrics[metrics["category"].isin(["coal", "power"])]
if coal.empty:
    st.info(t("nothing_here", lang))
    st.stop()


def card(metric_id: str, *beside_ids: str) -> tuple[str, str, str, str]:
    row = metric(metrics, metric_id)
    if row is None:
        return ("", "–", "", "")
    beside = []
    for other in beside_ids:
        other_row = metric(metrics, other)
        if other_row is not None:
            value = quantity(
                other_row["value"], other_row["display_unit"], lang, other_row["qualifier"]
            )
            beside.append(f"{pick((other_row['label_zh'], other_row['label_en']), lang)} {value}")
    label = pick((row["label_zh"], row["label_en"]), lang)
    if row["kind"] == "actual":
        label += f" {row['year']}"
    value = quantity(row["value"], row["display_unit"], lang, row["qualifier"], row["value_high"])
    return (label, value, " · ".join(beside), "")


st.subheader(t("coal_section", lang))
cards.show(
    [
        card("coal_reserves", "coal_reserves_share_xinjiang", "coal_reserves_share_china"),
        card("coal_output", "coal_output_share_xinjiang"),
        card("approved_mine_capacity", "approved_mines", "approved_mine_capacity_share_xinjiang"),
    ]
)
source_line(coal[coal["category"] == "coal"], reports, lang)
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

trends = series(
    data.table("metrics"),
    [
        "coal_output",
        "coal_output_share_xinjiang",
        "coal_power_built",
        "coal_power_planned",
        "power_generation",
        "power_sent_out",
    ],
)
if len(trends):
    st.subheader(t("trend_chart", lang))
    trend_chart(trends, reports, lang, key="coal_power_trend")

st.subheader(t("clusters", lang))
cards.show(
    [
        card("jijihu_coal_capacity", "jijihu_coal_mines"),
        card("jijihu_power_capacity", "jijihu_power_plants"),
        card("transmission_distance", "households_served", "people_served"),
    ]
)
source_line(coal[coal["metric_id"].str.startswith("jijihu")], reports, lang)
