"""Targets on screen: the progress chart (Overview and Targets) and the full targets table."""

import pandas as pd
import streamlit as st

from dashboard.components import charts
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.components.text import escape_markdown
from dashboard.fmt import percent, quantity
from dashboard.i18n import pick, t

READINGS = {
    "on_track": "reading_on_track",
    "at_risk": "reading_at_risk",
    "covered": "reading_covered",
    "partly": "reading_partly",
    "none": "reading_none",
}
DOWNLOAD_COLUMNS = [
    "target_id",
    "label_zh",
    "label_en",
    "unit",
    "target_year",
    "target_value",
    "baseline_year",
    "baseline_value",
    "baseline_is_derived",
    "current",
    "current_kind",
    "gap",
    "progress",
    "cagr_needed",
    "reading",
    "quote",
    "source",
    "report_date",
    "note_zh",
    "note_en",
]
TABLE_COLUMNS = [
    "col_label",
    "col_target_year",
    "col_target",
    "col_current",
    "col_base_year",
    "col_gap",
    "col_progress",
    "col_cagr",
    "col_reading",
    "col_basis",
]


def label(row, lang: str) -> str:
    year = f" {int(row.target_year)}" if row.target_year == row.target_year else ""
    return pick((row.label_zh, row.label_en), lang) + year


def current_text(row, lang: str) -> str:
    """The current value, marked when it is derived or the sum of a project pipeline."""
    if row.current != row.current:
        return "–"
    text = quantity(row.current, row.display_unit, lang, row.current_qualifier)
    if row.current_kind in ("derived", "pipeline"):
        word = t("derived" if row.current_kind == "derived" else "pipeline", lang)
        text += f"（{word}）" if lang == "zh" else f" ({word})"
    return text


def target_text(row, lang: str) -> str:
    return quantity(row.target_value, row.display_unit, lang, row.qualifier)


def progress_chart(progress: pd.DataFrame, reports: pd.DataFrame, lang: str, key: str) -> None:
    """Progress towards every target that has a current value, with its reading and sentence."""
    chartable = progress.dropna(subset=["progress"])
    if chartable.empty:
        st.info(t("nothing_here", lang))
        return
    labels = [label(row, lang) for row in chartable.itertuples()]
    texts = [
        f"{percent(r.progress)} · {t(READINGS[r.reading], lang)}" for r in chartable.itertuples()
    ]
    hovers = [
        f"{current_text(r, lang)} / {target_text(r, lang)}\n{r.quote}"
        for r in chartable.itertuples()
    ]
    figure = charts.progress_bars(
        labels,
        list(chartable["progress"]),
        texts,
        hovers,
        t("progress_chart_title", lang),
        t("col_progress", lang),
    )
    st.plotly_chart(figure, key=key)
    st.caption(t("overview_chart_note", lang))
    source_line(chartable, reports, lang)
    rows = chartable.assign(label=labels)
    sources_and_data(rows, lang, chartable[DOWNLOAD_COLUMNS], "targets_progress", key)


def targets_table(progress: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    """Every target with current value, gap, progress, growth needed, reading and its basis;
    derived baselines with their derivation one click away."""
    cells = {
        "col_label": [pick((r.label_zh, r.label_en), lang) for r in progress.itertuples()],
        "col_target_year": [
            str(int(y)) if y == y else t("no_year", lang) for y in progress["target_year"]
        ],
        "col_target": [
            quantity(r.target_value, r.display_unit, lang, r.qualifier)
            for r in progress.itertuples()
        ],
        "col_current": [current_text(r, lang) for r in progress.itertuples()],
        "col_base_year": [str(int(y)) if y == y else "–" for y in progress["current_year"]],
        "col_gap": [
            quantity(r.gap, r.display_unit, lang) if r.gap == r.gap else "–"
            for r in progress.itertuples()
        ],
        "col_progress": progress["progress"] * 100,
        "col_cagr": [percent(c, 1) for c in progress["cagr_needed"]],
        "col_reading": [t(READINGS[r], lang) for r in progress["reading"]],
        "col_basis": [t(r.basis_key, lang, **r.basis_values) for r in progress.itertuples()],
    }
    table = pd.DataFrame({t(key, lang): cells[key] for key in TABLE_COLUMNS})
    bar = st.column_config.ProgressColumn(format="%.0f%%", min_value=0, max_value=100)
    st.dataframe(
        table, hide_index=True, column_config={t("col_progress", lang): bar}, key="targets_table"
    )
    st.caption(t("judged_how", lang))
    source_line(progress, reports, lang)
    rows = progress.assign(label=cells["col_label"])
    sources_and_data(rows, lang, progress[DOWNLOAD_COLUMNS], "targets", "targets_table")
    for row in progress[progress["current_kind"] == "derived"].itertuples():
        with st.expander(f"{t('derived_how', lang)}{pick(('：', ': '), lang)}{label(row, lang)}"):
            st.markdown(escape_markdown(pick((row.note_zh, row.note_en), lang)))
            st.markdown(f"> {escape_markdown(row.baseline_quote)}")
