"""The park map's deck, legend and listing, from the layer rows of dashboard.geo.

The basemap is the offline one by default: relief and county boundaries that ship with the app, so
the page asks no other host for anything. `ZHUNDONG_BASEMAP` chooses another: `carto`, `none`, or
the URL of a MapLibre style JSON (a service inside China, say). Tianditu is in CGCS2000, which is
WGS-84 to within centimetres, and needs nothing more; for a GCJ-02 service such as Amap set
`ZHUNDONG_BASEMAP_CRS=gcj02`: the points and boundaries move onto its offset, the tiles stay.
"""

import os
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk

from dashboard import data, geo
from dashboard.calc import filter_projects
from dashboard.i18n import CONFIDENCE_NAMES, KIND_NAMES, pick, product_label, t

LAYERS = ("base", "areas", "clusters", "facilities", "projects", "towns", "labels", "outline")
LAYER_NAMES = {
    "base": ("底图（地形与县界）", "Base (relief, counties)"),
    "areas": ("新城与园区", "New towns and parks"),
    "clusters": ("产业组团", "Clusters"),
    "facilities": ("煤矿与电厂", "Mines and power plants"),
    "projects": ("煤化工项目", "Coal-chemical projects"),
    "towns": ("县城", "County seats"),
    "labels": ("地名", "Names"),
    "outline": ("示意范围", "Schematic extent"),
}
# pydeck reads plain strings as expressions: a literal string argument is quoted inside.
FONT = '"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"'
RELIEF_OPACITY = 0.55


def basemap_setting() -> tuple[str, bool]:
    """(offline | carto | none | a style URL, whether the basemap is in GCJ-02)."""
    basemap = os.environ.get("ZHUNDONG_BASEMAP", "").strip() or "offline"
    gcj02 = os.environ.get("ZHUNDONG_BASEMAP_CRS", "").strip().lower() == "gcj02"
    return basemap, gcj02 and basemap not in ("offline", "none")


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


def base_layers(offline: bool, gcj02: bool) -> list[pdk.Layer]:
    """Relief (offline only: a tile basemap has its own) and county boundaries."""
    layers = []
    if offline:
        (west, south, east, north) = geo.BASEMAP_ABOUT["relief_bounds"]
        layers.append(
            pdk.Layer(
                "BitmapLayer",
                None,
                id="relief",
                image=f'"{geo.RELIEF_URI}"',
                bounds=[west, south, east, north],
                opacity=RELIEF_OPACITY,
            )
        )
    layers.append(
        pdk.Layer(
            "GeoJsonLayer",
            geo.counties(gcj02),
            id="counties",
            stroked=True,
            filled=False,
            get_line_color=[95, 95, 95, 200],
            line_width_min_pixels=1.2,
            get_line_width=1,
            pickable=False,
        )
    )
    return layers


def deck(
    places: pd.DataFrame,
    facts: pd.DataFrame,
    projects: pd.DataFrame,
    chosen: list[str],
    lang: str,
    metrics: pd.DataFrame | None = None,
) -> pdk.Deck:
    """The deck with the chosen layers over the configured basemap."""
    basemap, gcj02 = basemap_setting()
    move = geo.to_gcj02 if gcj02 else (lambda frame: frame)
    place_frame = data.shared(geo.place_rows, places, facts, lang, metrics)
    kinds = place_frame["kind"]
    areas = move(place_frame[kinds.isin(["new_town", "park"])])
    facilities = move(
        place_frame[kinds.isin(["mine", "power_plant"])].assign(radius=geo.FACILITY_RADIUS_M)
    )
    towns = move(place_frame[kinds == "town"].assign(radius=1800, line_width=1.5))
    built_up = move(data.shared(geo.built_up_rows, places, facts, lang))
    project_frame = move(geo.project_rows(projects, places, lang))
    clusters = data.shared(geo.cluster_rows, places, facts, lang)
    outline = geo.dashed_outline()
    if gcj02:
        clusters = clusters.assign(polygon=[geo.shift_path(ring) for ring in clusters["polygon"]])
        outline = [{"path": geo.shift_path(segment["path"])} for segment in outline]
    labels = move(geo.label_rows(place_frame, lang, clusters))
    layers = []
    if "base" in chosen:
        layers += base_layers(basemap == "offline", gcj02)
    if "outline" in chosen:
        layers.append(
            pdk.Layer(
                "PathLayer",
                outline,
                id="outline",
                get_path="path",
                get_color=[31, 78, 121, 170],
                width_min_pixels=2,
            )
        )
    if "clusters" in chosen and len(clusters):
        layers.append(
            pdk.Layer(
                "PolygonLayer",
                clusters,
                id="clusters",
                get_polygon="polygon",
                get_fill_color="fill",
                get_line_color="line",
                line_width_min_pixels=2,
                stroked=True,
                filled=True,
                pickable=True,
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
                get_size="size",
                get_color="color",
                get_text_anchor="anchor",
                get_alignment_baseline="baseline",
                get_pixel_offset="offset",
                character_set='"auto"',
                font_family=FONT,
                background=True,
                get_background_color="background",
                background_padding=list(geo.LABEL_PADDING),
                line_height=1.2,
            )
        )
    settings = geo.MAP_SETTINGS["view"]
    view = pdk.ViewState(
        longitude=settings["lon"], latitude=settings["lat"], zoom=settings["zoom"], min_zoom=5
    )
    if basemap in ("offline", "none"):
        # pydeck's "no style given" marker, which Streamlit reads as "no basemap at all"; a None
        # style would make it fetch Carto's.
        style = {"map_provider": None}
    elif basemap == "carto":
        style = {"map_provider": "carto"}  # pydeck's default Carto style
    else:
        style = {"map_provider": "carto", "map_style": basemap}
    return FinishedDeck(
        layers=layers,
        initial_view_state=view,
        **style,
        tooltip={
            "text": "{tooltip}",
            "style": {"maxWidth": "340px", "whiteSpace": "pre-wrap", "fontSize": "12px"},
        },
    )


class FinishedDeck(pdk.Deck):
    """A deck that is shared by every session asking for the same view and never changed: its
    JSON, some 90 KB, is made once, as it is built (Streamlit asks for it on every page run, from
    several sessions at once; made later, one session's memo could end up inside another's
    JSON, which pydeck makes of the deck's attributes)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._spec = pdk.Deck.to_json(self)

    def to_json(self) -> str:
        return self._spec


@dataclass(frozen=True)
class MapView:
    """Everything the map page shows for one view, computed once per view and data version."""

    deck: FinishedDeck
    listing: pd.DataFrame
    unplaced: tuple[str, ...]  # projects whose reports name no park the map knows
    unlocated: tuple[str, ...]  # places with no published location
    report_ids: tuple[str, ...]  # the reports behind the points
    download: pd.DataFrame  # places and project points, as the download gives them


@data.per_view
def map_view(
    report: str,
    lang: str,
    chosen: tuple[str, ...],
    products: tuple[str, ...],
    statuses: tuple[str, ...],
) -> MapView:
    """The map of `report` (or the newest) with the `chosen` layers, its projects filtered by
    `products` and `statuses` (none: all)."""
    places = data.table("places")
    facts = data.table("place_facts")
    metrics = data.table("metrics")
    shown = filter_projects(data.projects_for(report), list(products), list(statuses), [])
    unplaced = geo.unplaced_projects(shown, places)
    unlocated = places[places["confidence"] == "UNKNOWN"]
    points = geo.project_rows(shown, places, lang).drop(
        # how a point is drawn is no data for a reader
        columns=["fill", "line", "line_width", "radius", "tooltip", "approximate"],
        errors="ignore",
    )
    return MapView(
        deck=deck(places, facts, shown, list(chosen), lang, metrics),
        listing=listing(places, facts, shown, lang, metrics),
        unplaced=tuple(pick((row.name_zh, row.name_en), lang) for row in unplaced.itertuples()),
        unlocated=tuple(unlocated["name_zh" if lang == "zh" else "name_en"]),
        report_ids=tuple(
            sorted(set(facts["report_id"].dropna()) | set(shown["report_id"].dropna()), key=str)
        ),
        download=pd.concat([places, points], ignore_index=True),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _symbol(kind: str, color: tuple[int, int, int], y: int, approximate: bool = False) -> str:
    r, g, b = color
    fill, line = (0.12, 0.45) if approximate else (0.3, 0.95)
    width = 1 if approximate else 2.5
    if kind == "line":
        return (
            f'<line x1="4" y1="{y}" x2="24" y2="{y}" stroke="rgb({r},{g},{b})" stroke-width="2"/>'
        )
    if kind in ("box", "dashed"):
        dash = ' stroke-dasharray="4 3"' if kind == "dashed" else ""
        inside = 0 if kind == "dashed" else 0.15
        return (
            f'<rect x="5" y="{y - 7}" width="18" height="14" rx="2" '
            f'fill="rgba({r},{g},{b},{inside})" stroke="rgba({r},{g},{b},0.85)" '
            f'stroke-width="2"{dash}/>'
        )
    return (
        f'<circle cx="14" cy="{y}" r="7" fill="rgba({r},{g},{b},{fill})" '
        f'stroke="rgba({r},{g},{b},{line})" stroke-width="{width}"/>'
    )


def _legend_svg(rows: list[tuple[str, str]]) -> str:
    """An SVG list of (symbol, text) rows; drawn as an image, so no HTML goes into the page."""
    height = 24 * len(rows) + 6
    longest = max(sum(14 if ord(c) > 0x2E7F else 7.5 for c in text) for _, text in rows)
    width = int(40 + longest)
    body = "".join(
        f'{symbol}<text x="32" y="{12 + 24 * i + 5}" font-size="13" fill="#1a1a1a">'
        f"{_escape(text)}</text>"
        for i, (symbol, text) in enumerate(rows)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, '
        f'sans-serif">{body}</svg>'
    )


def legend_svgs(lang: str) -> tuple[str, str]:
    """The legend as two SVG images: the map's symbols; confidence and project colours."""
    c = geo.KIND_COLORS

    symbols, colours = [], []
    for kind, color, key in (
        ("line", (95, 95, 95), "map_legend_county"),
        ("circle", c["town"], "map_legend_seat"),
        ("circle", c["park"], "map_legend_area"),
        ("circle", c["mine"], "map_legend_mine"),
        ("circle", c["power_plant"], "map_legend_power"),
        ("box", c["cluster"], "map_legend_cluster"),
        ("dashed", c["zone"], "map_legend_outline"),
    ):
        symbols.append((_symbol(kind, color, 12 + 24 * len(symbols)), t(key, lang)))
    colours.append((_symbol("circle", c["park"], 12), t("map_legend_sure", lang)))
    colours.append((_symbol("circle", c["park"], 36, True), t("map_legend_approx", lang)))
    colours.append(("", t("map_legend_projects", lang)))
    for code, color in geo.PRODUCT_COLORS.items():
        y = 12 + 24 * len(colours)
        colours.append((_symbol("circle", color, y), product_label(code, lang)))
    return _legend_svg(symbols), _legend_svg(colours)


def listing(
    places: pd.DataFrame,
    facts: pd.DataFrame,
    projects: pd.DataFrame,
    lang: str,
    metrics: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What the map shows, one row per point or area, with its kind, confidence and source."""
    place_frame = data.shared(geo.place_rows, places, facts, lang, metrics)
    project_frame = geo.project_rows(projects, places, lang)
    clusters = places[places["kind"] == "cluster"]
    parts = [
        place_frame[["name", "kind", "county", "confidence", "source"]].assign(
            kind=[pick(KIND_NAMES[k], lang) for k in place_frame["kind"]]
        ),
        pd.DataFrame(
            {
                "name": [pick((c.name_zh, c.name_en), lang) for c in clusters.itertuples()],
                "kind": pick(KIND_NAMES["cluster"], lang),
                "confidence": list(clusters["confidence"]),
                "source": t("map_cluster_area", lang),
            }
        ),
    ]
    if len(project_frame):
        parts.append(
            project_frame[["name", "confidence", "park_quote"]]
            .rename(columns={"park_quote": "source"})
            .assign(kind=pick(("煤化工项目", "project"), lang))
        )
    listed = pd.concat(parts, ignore_index=True).fillna({"county": ""})
    listed = listed.assign(
        confidence=[pick(CONFIDENCE_NAMES[c], lang) for c in listed["confidence"]]
    )
    return listed[["name", "kind", "county", "confidence", "source"]].rename(
        columns={
            "name": pick(("名称", "Name"), lang),
            "kind": pick(("类别", "Kind"), lang),
            "county": pick(("所在县市（按坐标）", "County (by coordinate)"), lang),
            "confidence": pick(("位置可信度", "Location confidence"), lang),
            "source": pick(("来源", "Source"), lang),
        }
    )


def base_credit(lang: str) -> str:
    about = geo.BASEMAP_ABOUT
    return t(
        "map_base_credit",
        lang,
        counties=about["counties"]["package"].split()[-1],
        relief=about["relief"]["package"].split()[1],
    )


def coordinate_sources(places: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each place of the map with the public source of its coordinate, for the sources page."""
    return pd.DataFrame(
        {
            pick(("名称", "Name"), lang): [
                pick((p.name_zh, p.name_en), lang) for p in places.itertuples()
            ],
            pick(("类别", "Kind"), lang): [pick(KIND_NAMES[k], lang) for k in places["kind"]],
            pick(("位置可信度", "Location confidence"), lang): [
                pick(CONFIDENCE_NAMES.get(c, ("未知位置", "no location")), lang)
                for c in places["confidence"]
            ],
            pick(("坐标来源", "Coordinate source"), lang): [
                geo.coordinate_source(p.confidence, p.source, lang)
                if p.confidence != "UNKNOWN"
                else pick(("无公开位置", "no published location"), lang)
                for p in places.itertuples()
            ],
        }
    )
