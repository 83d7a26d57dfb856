"""Coal chemicals: the project pipeline (filterable, in the URL), capacity by product and status,
the pipeline against each 2030 target, what changed, status history, and a margin calculator."""

import streamlit as st

from dashboard import data
from dashboard.calc import LATEST, filter_projects
from dashboard.components import projects as pipeline
from dashboard.components.calculator import margin_calculator
from dashboard.components.changes import changes_table, of_kinds
from dashboard.context import current
from dashboard.i18n import t

view = current()
lang = view.lang
all_projects = data.table("projects")
reports = data.table("reports")
st.title(t("page_chemicals", lang))

companies = sorted(
    {name for names in all_projects["companies"].dropna() for name in names.split("、")}
)
products, statuses, chosen_companies = pipeline.filters(companies, lang)
projects = data.projects_for(view.report)
shown = data.shared(
    filter_projects,
    projects,
    tuple(sorted(products)),
    tuple(sorted(statuses)),
    tuple(sorted(chosen_companies)),
)

st.subheader(t("projects_table", lang))
if shown.empty:
    st.info(t("nothing_here", lang))
else:
    pipeline.project_table(shown, reports, lang)
    st.subheader(t("capacity_chart", lang))
    pipeline.capacity_charts(shown, lang)

st.subheader(t("pipeline_chart", lang))
pipeline.pipeline_charts(data.table("targets"), all_projects, reports, lang)

st.subheader(t("what_changed", lang))
changed = data.shared(of_kinds, data.changes(view.report), ("new_project", "status"))
changes_table(changed, reports, lang, "chemicals_latest")

st.subheader(t("status_changes", lang))
pipeline.status_history(all_projects, lang)
pipeline.mentions(all_projects, lang)

st.subheader(t("calculator", lang))
margin_calculator(data.metrics_for(LATEST), reports, lang)
