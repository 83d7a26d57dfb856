"""Park map: 芨芨湖, 五彩湾 and the parks, mines, power plants and projects, each point with its
confidence and source. Works with no basemap: the layers draw over a plain background."""

import os

import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard import data, geo
from dashboard.calc import latest_projects
from dashboard.components.provenance import downloads, source_line
from dashboard.context import current, publish, seed_many
from dashboard.i18n import CONFIDENCE_NAMES, KIND_NAMES, PRODUCT_BY_NAME, PRODUCTS, STATUS, pick, t

LAYERS = ("areas", "facilities", "projects", "towns", "labels", "outline")
LAYER_NAMES = {
    "areas": ("新城与园区", "New towns and parks"),
    "facilities": ("煤矿与电厂", "Mines and power plants"),
    "projects": ("煤化工项目", "Coal-chemical projects"),
    "towns": ("县市", "Towns"),
    "labels": ("地名", "Names"),
    "outline": ("示意范围", "Schematic extent"),
}
FONT = '"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"'

view = current()
lang = view.lang
places = data.table("places")
facts = data.table("place_facts")
projects = latest_projects(data.table("projects"), view.report)
reports = data.table("reports")
st.title(t("page_map", lang))
st.caption(t("map_intro", lang))

if "layers" not in st.session_state and "layers" not in st.query_params:
    st.session_state["layers"] = list(LAYERS)
seed_many("layers", list(LAYERS))
seed_many("product", list(PRODUCTS))
seed_many("status", list(STATUS))
with st.container(border=True):
    chosen_layers = st.pills(
        t("map_layers", lang),
        LAYERS,
        selection_mode="multi",
        format_func=lambda key: pick(LAYER_NAMES[key], lang),
        key="layers",
    )
    left, right = st.columns(2)
    products = left.multiselect(
        t("product", lang),
        list(PRODUCTS),
        format_func=lambda c: pick(PRODUCTS[c], lang),
        key="product",
        placeholder=t("all", lang),
    )
    statuses = right.multiselect(
        t("status", lang),
        list(STATUS),
        format_func=lambda s: pick(STATUS[s], lang),
        key="status",
        placeholder=t("all", lang),
    )
publish("layers", None if set(chosen_layers) == set(LAYERS) else (chosen_layers or ["none"]))
publish("product", products)
publish("status", statuses)

shown_projects = projects.assign(code=projects["product"].map(PRODUCT_BY_NAME))
if products:
    shown_projects = shown_projects[shown_projects["code"].isin(products)]
if statuses:
    shown_projects = shown_projects[shown_projects["status"].isin(statuses)]

place_frame = geo.place_rows(places, facts, lang)
areas = place_frame[
    place_frame["kind"].isin(["zone", "new_town", "park"]) & (place_frame["kind"] != "zone")
]
facilities = place_frame[place_frame["kind"].isin(["mine", "power_plant"])]
towns = place_frame[place_frame["kind"] == "town"]
built_up = geo.built_up_rows(places, facts, lang)
project_frame = geo.project_rows(shown_projects, places, lang)
labels = geo.label_rows(place_frame, lang)


def circles(layer_id: str, frame: pd.DataFrame, filled: bool = True) -> pdk.Layer:
    return pdk.Layer(
        "ScatterplotLayer",
        frame,
        id=layer_id,
        get_position="[lon, lat]",
        get_radius="radius",
        get_fill_color="fill",
        get_line_color="line",
        get_line_width="line_width",
        line_width_units='"pixels"',
        stroked=True,
        filled=filled,
        pickable=True,
        radius_units='"meters"',
    )


layers = []
if "outline" in chosen_layers:
    layers.append(
        pdk.Layer(
            "PathLayer",
            geo.dashed_outline(),
            id="outline",
            get_path="path",
            get_color=[31, 78, 121, 160],
            width_min_pixels=2,
        )
    )
if "areas" in chosen_layers and len(areas):
    layers.append(circles("areas", areas))
    if len(built_up):
        layers.append(circles("built_up", built_up))
if "facilities" in chosen_layers and len(facilities):
    layers.append(circles("facilities", facilities.assign(radius=geo.FACILITY_RADIUS_M)))
if "projects" in chosen_layers and len(project_frame):
    layers.append(circles("projects", project_frame))
if "towns" in chosen_layers and len(towns):
    layers.append(circles("towns", towns.assign(radius=geo.FACILITY_RADIUS_M)))
if "labels" in chosen_layers and len(labels):
    layers.append(
        pdk.Layer(
            "TextLayer",
            labels,
            id="labels",
            get_position="[lon, lat]",
            get_text="text",
            get_size=15,
            get_color=[26, 26, 26, 255],
            character_set='"auto"',
            font_family=FONT,
            get_pixel_offset=[0, -18],
            background=True,
            get_background_color=[255, 255, 255, 200],
            background_padding=[4, 2],
        )
    )

centre = places[places["key"] == geo.MAP_SETTINGS["view"]["place"]].iloc[0]
basemap = os.environ.get("ZHUNDONG_BASEMAP", "carto").strip()
deck = pdk.Deck(
    layers=layers,
    initial_view_state=pdk.ViewState(
        latitude=float(centre["lat"]),
        longitude=float(centre["lon"]),
        zoom=geo.MAP_SETTINGS["view"]["zoom"],
    ),
    map_provider=None if basemap == "none" else "carto",
    map_style=None if basemap in ("none", "carto") else basemap,
    tooltip={"text": "{tooltip}"},
)
st.pydeck_chart(deck, height=560, key="map_deck")
st.caption(t("map_legend", lang))

st.subheader(t("map_table", lang))
listed = pd.concat(
    [
        place_frame[["name", "kind", "confidence", "source"]].assign(
            kind=[pick(KIND_NAMES[k], lang) for k in place_frame["kind"]]
        ),
        project_frame[["name", "confidence", "source"]].assign(
            kind=pick(("煤化工项目", "project"), lang)
        )
        if len(project_frame)
        else pd.DataFrame(),
    ],
    ignore_index=True,
)
listed = listed.assign(confidence=[pick(CONFIDENCE_NAMES[c], lang) for c in listed["confidence"]])
st.dataframe(
    listed[["name", "kind", "confidence", "source"]].rename(
        columns={
            "name": pick(("名称", "Name"), lang),
            "kind": pick(("类别", "Kind"), lang),
            "confidence": pick(("位置可信度", "Location confidence"), lang),
            "source": pick(("来源", "Source"), lang),
        }
    ),
    hide_index=True,
    key="map_table",
)
unlocated = places[places["confidence"] == "UNKNOWN"]
if len(unlocated):
    names = "、".join(unlocated["name_zh"]) if lang == "zh" else ", ".join(unlocated["name_en"])
    st.caption(t("map_unlocated", lang, names=names))
source_line(pd.concat([facts, shown_projects]), reports, lang)
downloads(
    pd.concat(
        [places, project_frame.drop(columns=["fill", "line"], errors="ignore")], ignore_index=True
    ),
    "map_places",
    lang,
    key="map_places",
)
