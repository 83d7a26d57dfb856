"""Targets: every target as stated, its reported current value (or none), the stored reading,
and a timeline of what the reports state."""

import streamlit as st

from dashboard import data
from dashboard.components.progress import progress_chart, targets_table, timelines
from dashboard.context import current
from dashboard.i18n import t

view = current()
lang = view.lang
progress = data.progress(view.report)
reports = data.table("reports")
st.title(t("page_targets", lang))
if progress.empty:
    st.info(t("nothing_here", lang))
    st.stop()

st.subheader(t("targets_table", lang))
targets_table(progress, reports, lang)

st.subheader(t("progress_chart", lang))
progress_chart(progress, reports, lang, key="targets_chart")

st.subheader(t("timeline", lang))
timelines(progress, lang)
