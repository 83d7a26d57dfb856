"""The innovation page's readings, once per view and data version: the counts as cards, the
cluster goals across reports, and the platforms the reports name."""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import data
from dashboard.calc import LATEST
from dashboard.components import charts
from dashboard.fmt import quantity
from dashboard.i18n import PLATFORM_STATUS, pick, t
from dashboard.review import chart_mark

CLUSTER_METRICS = ["thousand_billion_industries", "ten_billion_clusters"]
CLUSTER_DOWNLOAD = [
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


@dataclass(frozen=True)
class InnovationView:
    reported: bool  # whether the report gives any innovation figure
    cards: list  # (label, value, beside, help) of each count
    counts: pd.DataFrame  # the rows behind the cards
    clusters: go.Figure  # the cluster goals across reports
    over_time: pd.DataFrame  # the rows behind it
    over_time_download: pd.DataFrame
    platforms_table: pd.DataFrame  # the platforms as shown (empty: none)
    platforms: pd.DataFrame  # their rows, as downloaded
    platforms_named: pd.DataFrame  # their rows with labels, for the sentences


@data.per_view
def innovation_view(report: str, lang: str) -> InnovationView:
    metrics = data.metrics_for(report)
    innovation = metrics[metrics["category"] == "innovation"]
    counts = innovation[innovation["kind"].isin(["count", "actual"])]
    cards = [
        (
            pick((r.label_zh, r.label_en), lang)
            + (f" {r.year}" if r.year_basis == "sentence" else ""),
            quantity(r.value, r.display_unit, lang, r.qualifier),
            "",
            "",
        )
        for r in counts.itertuples()
    ]
    all_metrics = data.table("metrics")
    over_time = all_metrics[all_metrics["metric_id"].isin(CLUSTER_METRICS)]
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
    platforms = data.table("platforms")
    if report != LATEST:
        platforms = platforms[platforms["report_id"] == report]
    table = pd.DataFrame(
        {
            t("platforms", lang): [
                pick((r.name_zh, r.name_en), lang) for r in platforms.itertuples()
            ],
            t("status", lang): [pick(PLATFORM_STATUS[s], lang) for s in platforms["status"]],
            pick(("报道", "Report"), lang): list(platforms["report_date"]),
        }
    )
    return InnovationView(
        reported=not innovation.empty,
        cards=cards,
        counts=counts,
        clusters=data.figure(charts.grouped_bars, series, heading, unit),
        over_time=over_time,
        over_time_download=over_time[CLUSTER_DOWNLOAD],
        platforms_table=table,
        platforms=platforms,
        platforms_named=platforms.rename(columns={"name_zh": "label_zh", "name_en": "label_en"}),
    )
