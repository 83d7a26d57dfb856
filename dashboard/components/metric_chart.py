"""A bar chart of curated metrics with everything a chart owes its reader: title, unit, source
line, the sentences, and downloads of exactly the data drawn."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.calc import metric
from dashboard.components import charts
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.fmt import quantity, scaled
from dashboard.i18n import pick, t

DOWNLOAD_COLUMNS = [
    "metric_id",
    "label_zh",
    "label_en",
    "year",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "display_unit",
    "quote",
    "source",
    "report_date",
    "review_status",
]


def chart_rows(metrics: pd.DataFrame, metric_ids: list[str]) -> pd.DataFrame:
    """The rows of `metric_ids` that the report has, in the order given."""
    rows = [metric(metrics, metric_id) for metric_id in metric_ids]
    return pd.DataFrame([row for row in rows if row is not None])


def metric_bars(
    metrics: pd.DataFrame,
    metric_ids: list[str],
    title_key: str,
    lang: str,
    reports: pd.DataFrame,
    key: str,
) -> None:
    """Horizontal bars of metrics sharing one display unit, or a note when the report has none."""
    rows, figure, download = data.shared(bar_contents, metrics, tuple(metric_ids), title_key, lang)
    if rows.empty:
        title = t(title_key, lang)
        st.info(
            f"{title}：{t('nothing_here', lang)}"
            if lang == "zh"
            else f"{title}: {t('nothing_here', lang)}"
        )
        return
    st.plotly_chart(figure, key=key)
    source_line(rows, reports, lang)
    sources_and_data(rows, lang, download, key, key)


def bar_contents(
    metrics: pd.DataFrame, metric_ids: tuple[str, ...], title_key: str, lang: str
) -> tuple[pd.DataFrame, tuple]:
    """The rows drawn, each with its label; the bars (None for a report that has none of the
    metrics); the download."""
    rows = chart_rows(metrics, list(metric_ids))
    if rows.empty:
        return rows, None, rows
    title = t(title_key, lang)
    display_unit = rows.iloc[0]["display_unit"]
    unit_label = scaled(0, display_unit, lang)[1]
    labels = [
        pick((r.label_zh, r.label_en), lang) + (f" {r.year}" if r.kind == "actual" else "")
        for r in rows.itertuples()
    ]
    values = [scaled(float(v), display_unit, lang)[0] for v in rows["value"]]
    texts = [
        quantity(r.value, r.display_unit, lang, r.qualifier, r.value_high)
        for r in rows.itertuples()
    ]
    heading = charts.heading(title, unit_label, lang)
    figure = data.figure(
        charts.hbar, labels, values, texts, list(rows["quote"]), heading, unit_label
    )
    return rows.assign(label=labels), figure, rows[DOWNLOAD_COLUMNS]
