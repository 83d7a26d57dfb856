"""Overview: the numbers an official asks first, targets beside them, progress, what changed."""

import streamlit as st

from dashboard import data
from dashboard.briefing import briefing_html
from dashboard.briefing_pdf import briefing_pdf
from dashboard.calc import LATEST
from dashboard.components import changes
from dashboard.components.key_figures import card_reports, key_cards
from dashboard.components.progress import progress_chart
from dashboard.components.provenance import report_list, source_line
from dashboard.context import current, shared_params
from dashboard.i18n import t

# Metrics drawn as lines once several reports give them.
KEY_SERIES = (
    "coal_output",
    "coal_power_built",
    "power_generation",
    "power_sent_out",
    "aluminium_capacity",
    "jijihu_workers",
    "thousand_billion_industries",
    "ten_billion_clusters",
)
LINKS = [
    ("targets.py", "page_targets"),
    ("coal_power.py", "page_coal_power"),
    ("chemicals.py", "page_chemicals"),
    ("materials.py", "page_materials"),
    ("innovation.py", "page_innovation"),
    ("sources.py", "page_sources"),
]

view = current()
lang = view.lang
all_metrics = data.table("metrics")
metrics = data.metrics_for(view.report)
targets = data.table("targets")
projects = data.table("projects")
reports = data.table("reports")
progress = data.progress(LATEST)

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

st.subheader(t("overview_cards", lang))
key_cards(metrics, all_metrics, progress, lang)
source_line(data.shared(card_reports, metrics, progress), reports, lang)

st.subheader(t("overview_chart", lang))
progress_chart(progress, reports, lang, key="overview_progress")

st.subheader(t("what_changed", lang))
changes.changes_table(data.changes(view.report), reports, lang, "overview")
trends = data.trends(KEY_SERIES)
if len(trends):
    changes.trend_chart(trends, reports, lang, key="overview_trend")

st.download_button(
    t("briefing_download", lang),
    lambda: briefing_html(all_metrics, targets, projects, reports, lang, view.report),
    "zhundong_briefing.html",
    "text/html",
    key="overview_briefing",
    on_click="ignore",
    icon=":material/print:",
    type="primary",
)
st.download_button(
    t("download_briefing_pdf", lang),
    lambda: briefing_pdf(
        briefing_html(all_metrics, targets, projects, reports, lang, view.report), lang
    ),
    "zhundong_briefing.pdf",
    "application/pdf",
    key="overview_briefing_pdf",
    on_click="ignore",
    icon=":material/picture_as_pdf:",
)

st.subheader(t("report_dates", lang))
st.markdown(data.shared(report_list, reports, lang))

st.subheader(t("more_pages", lang))
links = st.columns(3)
for index, (path, key) in enumerate(LINKS):
    links[index % 3].page_link(
        f"views/{path}", label=t(key, lang), query_params=shared_params(view)
    )
