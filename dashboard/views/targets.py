"""Targets: every target with current value, gap, progress, growth still needed and a reading."""

import streamlit as st

from dashboard import data
from dashboard.calc import target_progress
from dashboard.components import charts
from dashboard.components.provenance import downloads, quotes, source_line
from dashboard.components.text import escape_markdown
from dashboard.context import current
from dashboard.fmt import percent, quantity
from dashboard.i18n import pick, t

view = current()
lang = view.lang
targets = data.table("targets")
reports = data.table("reports")
if view.report != "latest":
    targets = targets[targets["report_id"] == view.report]
st.title(t("page_targets", lang))
if targets.empty:
    st.info(t("nothing_here", lang))
    st.stop()
progress = target_progress(targets, data.table("projects"), data.table("metrics"))

READINGS = {
    "on_track": "reading_on_track",
    "at_risk": "reading_at_risk",
    "covered": "reading_covered",
    "partly": "reading_partly",
    "none": "reading_none",
}


def current_text(row) -> str:
    if row.current != row.current:
        return "–"
    text = quantity(row.current, row.display_unit, lang, row.current_qualifier)
    if row.current_kind == "derived":
        text += f"（{t('derived', lang)}）" if lang == "zh" else f" ({t('derived', lang)})"
    elif row.current_kind == "pipeline":
        text += f"（{t('pipeline', lang)}）" if lang == "zh" else f" ({t('pipeline', lang)})"
    return text


table = progress.assign(
    **{
        t("col_label", lang): [pick((r.label_zh, r.label_en), lang) for r in progress.itertuples()],
        t("col_target_year", lang): [
            str(int(y)) if y == y else t("no_year", lang) for y in progress["target_year"]
        ],
        t("col_target", lang): [
            quantity(r.target_value, r.display_unit, lang, r.qualifier)
            for r in progress.itertuples()
        ],
        t("col_current", lang): [current_text(r) for r in progress.itertuples()],
        t("col_base_year", lang): [
            str(int(y)) if y == y else "–" for y in progress["current_year"]
        ],
        t("col_gap", lang): [
            quantity(g, r.display_unit, lang) if g == g else "–"
            for g, r in zip(progress["gap"], progress.itertuples(), strict=True)
        ],
        t("col_progress", lang): progress["progress"] * 100,
        t("col_cagr", lang): [percent(c, 1) for c in progress["cagr_needed"]],
        t("col_reading", lang): [t(READINGS[r], lang) for r in progress["reading"]],
        t("col_basis", lang): [
            t(r.basis_key, lang, **r.basis_values) for r in progress.itertuples()
        ],
    }
)
columns = [
    t(key, lang)
    for key in (
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
    )
]

st.subheader(t("targets_table", lang))
st.dataframe(
    table[columns],
    hide_index=True,
    column_config={
        t("col_progress", lang): st.column_config.ProgressColumn(
            format="%.0f%%", min_value=0, max_value=100
        )
    },
    key="targets_table",
)
st.caption(t("judged_how", lang))
source_line(progress, reports, lang)
quotes(progress.assign(label=table[t("col_label", lang)]), lang)
downloads(
    progress[
        [
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
    ],
    "targets",
    lang,
    key="targets_table",
)

derived = progress[progress["current_kind"] == "derived"]
for row in derived.itertuples():
    label = f"{pick((row.label_zh, row.label_en), lang)} {int(row.target_year)}"
    with st.expander(f"{t('derived_how', lang)}{pick(('：', ': '), lang)}{label}"):
        st.markdown(escape_markdown(pick((row.note_zh, row.note_en), lang)))
        st.markdown(f"> {escape_markdown(row.baseline_quote)}")

st.subheader(t("progress_chart", lang))
chartable = progress.dropna(subset=["progress"])
labels = [
    pick((r.label_zh, r.label_en), lang)
    + (f" {int(r.target_year)}" if r.target_year == r.target_year else "")
    for r in chartable.itertuples()
]
texts = [f"{percent(r.progress)} · {t(READINGS[r.reading], lang)}" for r in chartable.itertuples()]
st.plotly_chart(
    charts.progress_bars(
        labels,
        list(chartable["progress"]),
        texts,
        list(chartable["quote"]),
        t("progress_chart", lang),
        t("col_progress", lang),
    ),
    key="targets_chart",
)
source_line(chartable, reports, lang)
