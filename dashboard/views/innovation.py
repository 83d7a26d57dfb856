"""Innovation: the second report's results, needs and new entities, cluster goals over time,
and the platforms it names."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.components import cards, charts
from dashboard.components.metric_chart import metric_bars
from dashboard.components.provenance import quotes, source_line, sources_and_data
from dashboard.context import current
from dashboard.fmt import quantity
from dashboard.i18n import PLATFORM_STATUS, pick, t
from dashboard.review import chart_mark

view = current()
lang = view.lang
all_metrics = data.table("metrics")
metrics = data.metrics_for(view.report)
reports = data.table("reports")
st.title(t("page_innovation", lang))
innovation = metrics[metrics["category"] == "innovation"]
if innovation.empty:
    st.info(t("nothing_here", lang))
    st.stop()

st.subheader(t("economy_section", lang))
metric_bars(
    metrics,
    ["industrial_value_added_growth", "fixed_asset_investment_growth", "budget_revenue_growth"],
    "growth_chart",
    lang,
    reports,
    key="innovation_growth",
)

st.subheader(t("innovation_counts", lang))
counts = innovation[innovation["kind"].isin(["count", "actual"])]
cards.show(
    [
        (
            pick((r.label_zh, r.label_en), lang)
            + (f" {r.year}" if r.year_basis == "sentence" else ""),
            quantity(r.value, r.display_unit, lang, r.qualifier),
            "",
            "",
        )
        for r in counts.itertuples()
    ]
)
source_line(counts, reports, lang)
quotes(counts, lang)

st.subheader(t("clusters_over_time", lang))
over_time = all_metrics[
    all_metrics["metric_id"].isin(["thousand_billion_industries", "ten_billion_clusters"])
]
series = []
for _, rows in over_time.groupby("metric_id", sort=False):
    series.append(
        {
            "name": pick((rows.iloc[0]["label_zh"], rows.iloc[0]["label_en"]), lang),
            "x": list(rows["report_date"]),
            "y": list(rows["value"]),
            "text": [
                quantity(v, "个", lang) + chart_mark(s, lang)
                for v, s in zip(rows["value"], rows["review_status"], strict=True)
            ],
            "quotes": list(rows["quote"]),
        }
    )
unit = pick(("个", "count"), lang)
heading = charts.heading(t("clusters_over_time", lang), unit, lang)
st.plotly_chart(data.figure(charts.grouped_bars, series, heading, unit), key="innovation_clusters")
source_line(over_time, reports, lang)
sources_and_data(
    over_time,
    lang,
    over_time[
        [
            "metric_id",
            "label_zh",
            "label_en",
            "value",
            "unit",
            "report_date",
            "quote",
            "source",
            "review_status",
        ]
    ],
    "cluster_goals",
    "innovation_clusters",
)

st.subheader(t("platforms", lang))
platforms = data.table("platforms")
if view.report != "latest":
    platforms = platforms[platforms["report_id"] == view.report]
if platforms.empty:
    st.info(t("nothing_here", lang))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("platforms", lang): [
                    pick((r.name_zh, r.name_en), lang) for r in platforms.itertuples()
                ],
                t("status", lang): [pick(PLATFORM_STATUS[s], lang) for s in platforms["status"]],
                pick(("报道", "Report"), lang): platforms["report_date"],
            }
        ),
        hide_index=True,
        key="innovation_platforms",
    )
    source_line(platforms, reports, lang)
    named = platforms.rename(columns={"name_zh": "label_zh", "name_en": "label_en"})
    sources_and_data(named, lang, platforms, "platforms", "innovation_platforms")
