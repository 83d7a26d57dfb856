"""Targets on screen: the measured-progress chart, the full targets table and each target's
timeline. Current values, required growth and readings are the table's (computed in data_prep);
a target with no reported actual says so, and has no progress."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.components import charts
from dashboard.components.provenance import downloads, quotes, source_line
from dashboard.components.text import escape_markdown
from dashboard.fmt import percent, quantity
from dashboard.i18n import pick, t
from dashboard.target_text import (
    current_text,
    label,
    measured,
    pipeline_text,
    reading_text,
    reason_text,
    target_text,
    unmeasured_names,
)

DOWNLOAD_COLUMNS = [
    "target_id",
    "label_zh",
    "label_en",
    "target_kind",
    "unit",
    "target_year",
    "target_value",
    "current_value",
    "current_year",
    "current_year_basis",
    "current_quote",
    "gap",
    "progress",
    "required_growth",
    "required_growth_formula",
    "pipeline",
    "reading",
    "reading_reason_zh",
    "reading_reason_en",
    "relation_zh",
    "relation_en",
    "quote",
    "source",
    "report_date",
    "note_zh",
    "note_en",
]
# Narrow first: the reading stays in view at 1366 px; the long reason comes last.
TABLE_COLUMNS = [
    "col_label",
    "col_target_kind",
    "col_target",
    "col_current",
    "col_reading",
    "col_progress",
    "col_cagr",
    "col_pipeline",
    "col_reason",
]


def progress_chart(progress: pd.DataFrame, reports: pd.DataFrame, lang: str, key: str) -> None:
    """Progress of the targets that have a reported actual; the others are named as such."""
    chartable = measured(progress)
    names = unmeasured_names(progress, lang)
    if chartable.empty:
        st.info(t("unmeasured", lang, names=names))
        return
    labels = [label(row, lang) for row in chartable.itertuples()]
    texts = [f"{percent(r.progress)} · {reading_text(r, lang)}" for r in chartable.itertuples()]
    hovers = [
        f"{current_text(r, lang)} / {target_text(r, lang)}\n{r.current_quote}"
        for r in chartable.itertuples()
    ]
    figure = charts.progress_bars(
        labels,
        list(chartable["progress"]),
        texts,
        hovers,
        t("measured_chart", lang),
        t("col_progress", lang),
    )
    unclipped(figure, list(chartable["progress"]))
    st.plotly_chart(figure, key=key)
    st.caption(t("measured_note", lang))
    if names:
        st.caption(t("unmeasured", lang, names=names))
    source_line(chartable, reports, lang)
    # every target, so that the download too says which have a reported current value
    downloads(progress[DOWNLOAD_COLUMNS], "targets_progress", lang, key=key)


def unclipped(figure: go.Figure, progress: list[float]) -> go.Figure:
    """Bar labels outside the bars, on an axis wide enough to hold them."""
    widest = max([100.0, *(value * 100 for value in progress)])
    figure.update_traces(textposition="outside", cliponaxis=False)
    figure.update_xaxes(range=[0, widest * 1.6])
    figure.update_layout(margin={"r": 40})
    return figure


def table_cells(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets table as shown: one row per target, in the reader's language."""
    rows = list(progress.itertuples())
    cells = {
        "col_label": [label(r, lang) for r in rows],
        "col_target_kind": [t(f"target_kind_{r.target_kind}", lang) for r in rows],
        "col_target": [quantity(r.target_value, r.display_unit, lang, r.qualifier) for r in rows],
        "col_current": [current_text(r, lang) for r in rows],
        "col_reading": [reading_text(r, lang) for r in rows],
        "col_progress": progress["progress"] * 100,
        "col_cagr": [percent(c, 1) for c in progress["cagr_needed"]],
        "col_pipeline": [pipeline_text(r, lang) for r in rows],
        "col_reason": [reason_text(r, lang) for r in rows],
    }
    return pd.DataFrame({t(key, lang): cells[key] for key in TABLE_COLUMNS})


def targets_table(progress: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    """Every target: its kind, value, the reported current value or "not reported", the stored
    reading first, then progress, growth needed, the project pipeline and the reason."""
    table = table_cells(progress, lang)
    bar = st.column_config.ProgressColumn(format="%.0f%%", min_value=0, max_value=100)
    narrow = {
        t(key, lang): st.column_config.TextColumn(width="small")
        for key in ("col_target_kind", "col_reading", "col_cagr")
    }
    st.dataframe(
        table,
        hide_index=True,
        column_config={**narrow, t("col_progress", lang): bar},
        key="targets_table",
    )
    st.caption(t("judged_stored", lang))
    source_line(progress, reports, lang)
    quotes(progress.assign(label=[label(r, lang) for r in progress.itertuples()]), lang)
    downloads(progress[DOWNLOAD_COLUMNS], "targets", lang, key="targets_table")
    for row in progress.itertuples():
        relation = pick((row.relation_zh, row.relation_en), lang)
        if relation == relation and relation:
            st.caption(
                f"{t('relation', lang)}{pick(('：', ': '), lang)}{escape_markdown(relation)}"
            )
        formula = row.required_growth_formula
        if formula == formula and formula:
            st.caption(f"{label(row, lang)} · {t('derived_formula', lang, formula=formula)}")


def timeline_points(row) -> list[tuple[str, float, float]]:
    """(kind, year, value) a report states for one target: its goal and its actual."""
    points = []
    if row.target_year == row.target_year:
        points.append(("goal", float(row.target_year), float(row.target_value)))
    if row.current == row.current:
        points.append(("actual", float(row.current_year), float(row.current)))
    return points


def required_path(row) -> list[tuple[float, float]]:
    """From a stated actual to the goal at the required annual rate r: actual × (1+r)^years.
    Empty without a stated actual, a year, or a stored rate."""
    if row.current != row.current or row.cagr_needed != row.cagr_needed:
        return []
    start, end = int(row.current_year), int(row.target_year)
    rate = float(row.cagr_needed)
    return [
        (float(y), float(row.current) * (1 + rate) ** (y - start)) for y in range(start, end + 1)
    ]


def timeline_figure(row, lang: str) -> go.Figure:
    """One target's timeline: stated goal and actual as points, the required path dashed."""
    figure = go.Figure()
    for kind, symbol, color in (("goal", "diamond", "#c0504d"), ("actual", "circle", "#1f4e79")):
        points = [(y, v) for k, y, v in timeline_points(row) if k == kind]
        if points:
            figure.add_scatter(
                x=[y for y, _ in points],
                y=[v for _, v in points],
                mode="markers",
                marker={"size": 12, "symbol": symbol, "color": color},
                name=t(f"timeline_{kind}", lang),
            )
    path = required_path(row)
    if path:
        figure.add_scatter(
            x=[y for y, _ in path],
            y=[v for _, v in path],
            mode="lines",
            line={"dash": "dash", "color": "#7f7f7f"},
            name=t("timeline_path", lang),
        )
    figure.update_layout(
        title=label(row, lang),
        height=260,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "y": -0.25},
        font={"family": charts.FONT},
        plot_bgcolor="#ffffff",
    )
    figure.update_xaxes(dtick=1, tickformat="d")
    return figure


def timelines(progress: pd.DataFrame, lang: str) -> None:
    """A timeline per target with a year: only what the reports state, and the derived path."""
    st.caption(t("timeline_note", lang))
    if measured(progress).empty:
        st.caption(t("timeline_empty", lang))
    dated = progress[progress["target_year"].notna()]
    columns = st.columns(2)
    for index, row in enumerate(dated.itertuples()):
        with columns[index % 2]:
            st.plotly_chart(timeline_figure(row, lang), key=f"timeline_{row.target_id}")
