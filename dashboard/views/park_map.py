"""Park map: 芨芨湖, 五彩湾 and the parks, mines, power plants, clusters and projects among the
counties, over a base layer that ships with the app; every point says its confidence, report and
sentence."""

import pandas as pd
import streamlit as st

from dashboard import data, geo
from dashboard.calc import filter_projects, latest_projects
from dashboard.components import projects as pipeline
from dashboard.components.park_map import (
    LAYER_NAMES,
    LAYERS,
    base_credit,
    deck,
    legend_svgs,
    listing,
)
from dashboard.components.provenance import downloads, source_line
from dashboard.context import current, publish, seed_many
from dashboard.i18n import pick, product_code, t

view = current()
lang = view.lang
places = data.table("places")
facts = data.table("place_facts")
metrics = data.table("metrics")
reports = data.table("reports")
projects = latest_projects(data.table("projects"), view.report)
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

coded = projects.assign(product_code=projects["product"].map(product_code))
shown_projects = filter_projects(coded, products, statuses, [])

st.pydeck_chart(
    deck(places, facts, shown_projects, chosen, lang, metrics), height=560, key="map_deck"
)
st.markdown(f"**{t('map_legend_title', lang)}**")
for column, legend in zip(st.columns(2), legend_svgs(lang), strict=True):
    column.image(legend)
st.caption(t("map_legend", lang))
st.caption(base_credit(lang))

unplaced = geo.unplaced_projects(shown_projects, places)
if len(unplaced):
    names = [pick((r.name_zh, r.name_en), lang) for r in unplaced.itertuples()]
    st.caption(t("map_unplaced", lang, names=pick(("、", "; "), lang).join(names)))
unlocated = places[places["confidence"] == "UNKNOWN"]
if len(unlocated):
    names = "、".join(unlocated["name_zh"]) if lang == "zh" else ", ".join(unlocated["name_en"])
    st.caption(t("map_unlocated", lang, names=names))

st.subheader(t("map_table", lang))
st.dataframe(
    listing(places, facts, shown_projects, lang, metrics), hide_index=True, key="map_table"
)
source_line(pd.concat([facts, shown_projects]), reports, lang)
points = geo.project_rows(shown_projects, places, lang).drop(
    # how a point is drawn is no data for a reader
    columns=["fill", "line", "line_width", "radius", "tooltip", "approximate"],
    errors="ignore",
)
downloads(pd.concat([places, points], ignore_index=True), "map_places", lang, key="map_places")
