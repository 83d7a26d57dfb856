"""The park map's deck and its listing, from the layer rows of dashboard.geo."""

import os

import pandas as pd
import pydeck as pdk

from dashboard import geo
from dashboard.i18n import CONFIDENCE_NAMES, KIND_NAMES, pick

LAYERS = ("areas", "facilities", "projects", "towns", "labels", "outline")
LAYER_NAMES = {
    "areas": ("新城与园区", "New towns and parks"),
    "facilities": ("煤矿与电厂", "Mines and power plants"),
    "projects": ("煤化工项目", "Coal-chemical projects"),
    "towns": ("县市", "Towns"),
    "labels": ("地名", "Names"),
    "outline": ("示意范围", "Schematic extent"),
}
# pydeck reads plain strings as expressions: a literal string argument is quoted inside.
FONT = '"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"'


def circles(layer_id: str, frame: pd.DataFrame) -> pdk.Layer:
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
        filled=True,
        pickable=True,
        radius_units='"meters"',
    )


def deck(
    places: pd.DataFrame, facts: pd.DataFrame, projects: pd.DataFrame, chosen: list[str], lang: str
) -> pdk.Deck:
    """The deck with the chosen layers; ZHUNDONG_BASEMAP: carto (default), none or a style URL."""
    place_frame = geo.place_rows(places, facts, lang)
    kinds = place_frame["kind"]
    areas = place_frame[kinds.isin(["new_town", "park"])]
    facilities = place_frame[kinds.isin(["mine", "power_plant"])].assign(
        radius=geo.FACILITY_RADIUS_M
    )
    towns = place_frame[kinds == "town"].assign(radius=geo.FACILITY_RADIUS_M)
    built_up = geo.built_up_rows(places, facts, lang)
    project_frame = geo.project_rows(projects, places, lang)
    labels = geo.label_rows(place_frame, lang)
    layers = []
    if "outline" in chosen:
        outline = geo.dashed_outline()
        layers.append(
            pdk.Layer(
                "PathLayer",
                outline,
                id="outline",
                get_path="path",
                get_color=[31, 78, 121, 160],
                width_min_pixels=2,
            )
        )
    if "areas" in chosen and len(areas):
        layers.append(circles("areas", areas))
        if len(built_up):
            layers.append(circles("built_up", built_up))
    for name, frame in (("facilities", facilities), ("projects", project_frame), ("towns", towns)):
        if name in chosen and len(frame):
            layers.append(circles(name, frame))
    if "labels" in chosen and len(labels):
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
    view = pdk.ViewState(
        latitude=float(centre["lat"]),
        longitude=float(centre["lon"]),
        zoom=geo.MAP_SETTINGS["view"]["zoom"],
    )
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None if basemap == "none" else "carto",
        map_style=None if basemap in ("none", "carto") else basemap,
        tooltip={"text": "{tooltip}"},
    )


def listing(
    places: pd.DataFrame, facts: pd.DataFrame, projects: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """What the map shows, one row per point, with its kind, confidence and source."""
    place_frame = geo.place_rows(places, facts, lang)
    project_frame = geo.project_rows(projects, places, lang)
    parts = [
        place_frame[["name", "kind", "confidence", "source"]].assign(
            kind=[pick(KIND_NAMES[k], lang) for k in place_frame["kind"]]
        )
    ]
    if len(project_frame):
        parts.append(
            project_frame[["name", "confidence", "source"]].assign(
                kind=pick(("煤化工项目", "project"), lang)
            )
        )
    listed = pd.concat(parts, ignore_index=True)
    listed = listed.assign(
        confidence=[pick(CONFIDENCE_NAMES[c], lang) for c in listed["confidence"]]
    )
    return listed[["name", "kind", "confidence", "source"]].rename(
        columns={
            "name": pick(("名称", "Name"), lang),
            "kind": pick(("类别", "Kind"), lang),
            "confidence": pick(("位置可信度", "Location confidence"), lang),
            "source": pick(("来源", "Source"), lang),
        }
    )
