"""Park map: 芨芨湖, 五彩湾 and the parks, mines, power plants, clusters and projects among the
counties, over a base layer that ships with the app; every point says its confidence, report and
sentence."""

import streamlit as st

from dashboard import data
from dashboard.components import projects as pipeline
from dashboard.components.park_map import (
    LAYER_NAMES,
    LAYERS,
    base_credit,
    legend_svgs,
    map_view,
)
from dashboard.components.provenance import downloads, report_caption
from dashboard.context import current, publish, seed_many
from dashboard.i18n import pick, t

view = current()
lang = view.lang
st.title(t("page_map", lang))
st.caption(t("map_intro", lang))

if "layers" not in st.session_state and "layers" not in st.query_params:
    st.session_state["layers"] = list(LAYERS)
seed_many("layers", list(LAYERS))
chosen = st.pills(
    t("map_layers", lang),
    LAYERS,
    selection_mode="multi",
    format_func=lambda key: pick(LAYER_NAMES[key], lang),
    key="layers",
)
publish("layers", None if set(chosen) == set(LAYERS) else (chosen or ["none"]))
products, statuses, _ = pipeline.filters(None, lang)
# sorted: a view is the same whatever order its choices were clicked in
shown = map_view(
    view.report, lang, tuple(sorted(chosen)), tuple(sorted(products)), tuple(sorted(statuses))
)

st.pydeck_chart(shown.deck, height=560, key="map_deck")
st.markdown(f"**{t('map_legend_title', lang)}**")
for column, legend in zip(st.columns(2), legend_svgs(lang), strict=True):
    column.image(legend)
st.caption(t("map_legend", lang))
st.caption(base_credit(lang))
if shown.unplaced:
    st.caption(t("map_unplaced", lang, names=pick(("、", "; "), lang).join(shown.unplaced)))
if shown.unlocated:
    st.caption(t("map_unlocated", lang, names=pick(("、", ", "), lang).join(shown.unlocated)))

st.subheader(t("map_table", lang))
st.dataframe(shown.listing, hide_index=True, key="map_table")
report_caption(shown.report_ids, data.table("reports"), lang)
downloads(shown.download, "map_places", lang, key="map_places")
