"""Silicon and aluminium: capacities, shares of Xinjiang, and the two chains drawn as flows."""

import streamlit as st

from dashboard import data
from dashboard.components.chains import chain_contents
from dashboard.components.metric_chart import metric_bars
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.context import current
from dashboard.i18n import t

view = current()
lang = view.lang
metrics = data.metrics_for(view.report)
reports = data.table("reports")
st.title(t("page_materials", lang))
if not (metrics["category"] == "materials").any():
    st.info(t("nothing_here", lang))
    st.stop()

metric_bars(
    metrics,
    [
        "aluminium_capacity",
        "aluminium_products_capacity",
        "industrial_silicon_capacity",
        "polysilicon_capacity",
    ],
    "materials_chart",
    lang,
    reports,
    key="materials_capacity",
)
metric_bars(
    metrics,
    ["aluminium_share_xinjiang", "industrial_silicon_share_xinjiang", "polysilicon_share_xinjiang"],
    "materials_share_chart",
    lang,
    reports,
    key="materials_shares",
)

st.subheader(t("chains", lang))
figure, note, rows, download = data.shared(chain_contents, metrics, lang)
if figure is None:
    st.info(t("nothing_here", lang))
else:
    st.plotly_chart(figure, key="materials_sankey")
    st.caption(note)
    source_line(rows, reports, lang)
    sources_and_data(rows, lang, download, "material_chains", "materials_chains")
