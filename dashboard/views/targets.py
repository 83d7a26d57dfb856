"""Targets: every target with current value, gap, progress, growth still needed and a reading."""

import streamlit as st

from dashboard import data
from dashboard.calc import target_progress
from dashboard.components.progress import progress_chart, targets_table
from dashboard.context import current
from dashboard.i18n import t

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

st.subheader(t("targets_table", lang))
targets_table(progress, reports, lang)

st.subheader(t("progress_chart", lang))
progress_chart(progress, reports, lang, key="targets_chart")
