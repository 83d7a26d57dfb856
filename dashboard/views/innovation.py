"""Innovation: the second report's results, needs and new entities, cluster goals over time,
and the platforms it names."""

import streamlit as st

from dashboard import data
from dashboard.components import cards
from dashboard.components.innovation import innovation_view
from dashboard.components.metric_chart import metric_bars
from dashboard.components.provenance import quotes, source_line, sources_and_data
from dashboard.context import current
from dashboard.i18n import t

view = current()
lang = view.lang
metrics = data.metrics_for(view.report)
reports = data.table("reports")
st.title(t("page_innovation", lang))
shown = innovation_view(view.report, lang)
if not shown.reported:
    st.info(t("nothing_here", lang))
    st.stop()

st.subheader(t("economy_section", lang))
metric_bars(
    metrics,
    ["industrial_value_added_growth", "fixed_asset_investment_growth", "budget_revenue_growth"],
    "growth_chart",
    lang,
    reports,
    key="innovation_growth",
)

st.subheader(t("innovation_counts", lang))
cards.show(shown.cards)
source_line(shown.counts, reports, lang)
quotes(shown.counts, lang)

st.subheader(t("clusters_over_time", lang))
st.plotly_chart(shown.clusters, key="innovation_clusters")
source_line(shown.over_time, reports, lang)
sources_and_data(
    shown.over_time, lang, shown.over_time_download, "cluster_goals", "innovation_clusters"
)

st.subheader(t("platforms", lang))
if shown.platforms.empty:
    st.info(t("nothing_here", lang))
else:
    st.dataframe(shown.platforms_table, hide_index=True, key="innovation_platforms")
    source_line(shown.platforms, reports, lang)
    sources_and_data(
        shown.platforms_named, lang, shown.platforms, "platforms", "innovation_platforms"
    )
