"""Updates: add a report by upload or paste, see its cleaned text with every figure marked and the
rows it would add, then save it (the same code path as `python -m data_prep add`)."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.components.text import mark_figures
from dashboard.context import current
from dashboard.fmt import beijing_today, quantity
from dashboard.i18n import STATUS, pick, t
from data_prep.errors import InputError

view = current()
lang = view.lang
st.title(t("page_updates", lang))
st.caption(t("updates_intro", lang))

upload_tab, paste_tab = st.tabs([t("updates_upload", lang), t("updates_paste", lang)])
uploaded = upload_tab.file_uploader(t("updates_file", lang), type=["txt"], key="updates_file")
pasted = paste_tab.text_area(
    t("updates_text", lang), height=200, key="updates_text", max_chars=200_000
)
left, middle, right = st.columns(3)
day = left.date_input(t("updates_date", lang), value=beijing_today(), key="updates_date")
title = middle.text_input(t("updates_title", lang), key="updates_title", max_chars=200)
paper = right.text_input(t("updates_newspaper", lang), key="updates_newspaper", max_chars=100)

if uploaded is not None:
    content, name = uploaded.getvalue(), uploaded.name
elif pasted.strip():
    content, name = pasted.encode("utf-8"), "pasted.txt"
else:
    st.info(t("updates_waiting", lang))
    st.stop()

try:
    preview = data.preview_report(content, name, day.isoformat(), title, paper)
except InputError as error:
    st.error(t("updates_refused", lang, reason=error.message, file=name))
    st.stop()

st.subheader(t("updates_would_add", lang, report=preview.report_id))
metrics = preview.metrics
if metrics.empty and preview.projects.empty:
    st.info(t("updates_nothing", lang))
if len(metrics):
    st.dataframe(
        pd.DataFrame(
            {
                t("col_label", lang): [
                    pick((a, b), lang)
                    for a, b in zip(metrics["label_zh"], metrics["label_en"], strict=True)
                ],
                pick(("数值", "Value"), lang): [
                    quantity(r.value, r.display_unit, lang, r.qualifier, r.value_high)
                    for r in metrics.itertuples()
                ],
                pick(("年份", "Year"), lang): metrics["year"].astype(str),
                pick(("原句", "Sentence"), lang): metrics["quote"],
            }
        ),
        hide_index=True,
        key="updates_metrics",
    )
if len(preview.projects):
    st.dataframe(
        pd.DataFrame(
            {
                pick(("项目", "Project"), lang): [
                    pick((a, b), lang)
                    for a, b in zip(
                        preview.projects["name_zh"], preview.projects["name_en"], strict=True
                    )
                ],
                t("status", lang): [
                    f"{pick(STATUS[s], lang)}（{w}）"
                    for s, w in zip(
                        preview.projects["status"], preview.projects["status_raw"], strict=True
                    )
                ],
                pick(("原句", "Sentence"), lang): preview.projects["quote"],
            }
        ),
        hide_index=True,
        key="updates_projects",
    )
st.caption(t("updates_unclaimed", lang, n=len(preview.unclaimed)))

st.subheader(t("text_with_figures", lang))
spans = list(zip(preview.figures["start"], preview.figures["end"], strict=True))
with st.container(height=360, border=True):
    st.markdown(mark_figures(preview.text, spans).replace("\n", "\n\n"))

if st.button(t("updates_save", lang), type="primary", key="updates_save"):
    try:
        report_id = data.save_report(content, name, day.isoformat(), title, paper)
    except InputError as error:
        st.error(t("updates_refused", lang, reason=error.message, file=name))
    else:
        st.success(t("updates_saved", lang, report=report_id))
