"""The park map's layers as plain data: the offline base layer (relief and counties), places,
clusters, projects placed at their park, labels placed so that they do not overlap at the opening
zoom, and the schematic outline, each with a plain-text tooltip naming its source and sentence."""

import base64
import json
import math
import tomllib
from pathlib import Path

import pandas as pd

from dashboard.fmt import quantity
from dashboard.i18n import (
    CONFIDENCE_NAMES,
    KIND_NAMES,
    pick,
    product_code,
    product_label,
    status_label,
    t,
)
from data_prep import PACKAGE_DIR
from data_prep.gcj02 import wgs84_to_gcj02

MAP_SETTINGS = tomllib.loads((PACKAGE_DIR / "map.toml").read_text(encoding="utf-8"))
# Served by Streamlit as well (server.enableStaticServing): the browser fetches the boundaries from
# the app's own host, once, and caches them, instead of receiving them in every rerun's deck.
BASEMAP_DIR = Path(__file__).resolve().parent / "static" / "basemap"
COUNTIES_URL = "app/static/basemap/counties.json"  # relative: works under a base URL path too
COUNTIES = json.loads((BASEMAP_DIR / "counties.json").read_text(encoding="utf-8"))
BASEMAP_ABOUT = json.loads((BASEMAP_DIR / "about.json").read_text(encoding="utf-8"))
# The relief goes into the page itself, so that the map needs no other request (a few kB).
RELIEF_URI = "data:image/jpeg;base64," + base64.b64encode(
    (BASEMAP_DIR / "relief.jpg").read_bytes()
).decode("ascii")
APPROXIMATE = {"LOW", "ESTIMATED"}
KIND_COLORS = {
    "zone": (31, 78, 121),
    "new_town": (31, 78, 121),
    "park": (79, 129, 189),
    "mine": (120, 80, 40),
    "power_plant": (192, 80, 77),
    "town": (40, 40, 40),
    "cluster": (214, 120, 30),
}
PRODUCT_COLORS = {
    "sng": (247, 150, 70),
    "olefins": (155, 187, 89),
    "methanol": (128, 100, 162),
    "oil": (75, 172, 198),
    "integrated": (148, 138, 84),
}
# Projects stand on a small ring around their park: the report places them in the park, not at a
# point, so the ring only keeps them apart and says nothing of where in the park they are.
PROJECT_RING_M = 7000
FACILITY_RADIUS_M = 2500
PARK_RADIUS_M = 5000  # parks whose area is not reported
METRES_PER_DEGREE = 111_320
TILE_SIZE = 512  # deck.gl's world is 512 pixels wide at zoom 0
LABEL_SIZE = {"place": 14, "town": 13, "county": 13, "cluster": 12, "zone": 13}
LABEL_PADDING = (4, 2)
# Where a label stands relative to its point: text anchor, baseline and offset in pixels.
ANCHORS = {
    "above": ("middle", "bottom", (0, -9)),
    "below": ("middle", "top", (0, 9)),
    "left": ("end", "center", (-9, 0)),
    "right": ("start", "center", (9, 0)),
    "center": ("middle", "center", (0, 0)),
}


def area_radius_m(area_km2: float) -> float:
    """Radius of the circle with the reported area (an area-equal circle, not a boundary)."""
    return math.sqrt(area_km2 / math.pi) * 1000


def _offset(lat: float, lon: float, metres: float, angle: float) -> tuple[float, float]:
    dlat = metres * math.cos(angle) / METRES_PER_DEGREE
    dlon = metres * math.sin(angle) / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    return lat + dlat, lon + dlon


def _style(confidence: str, color: tuple[int, int, int]) -> dict:
    """Sourced places are drawn solid; approximate ones translucent, with a thin outline."""
    approximate = confidence in APPROXIMATE
    return {
        "fill": [*color, 25 if approximate else 70],
        "line": [*color, 110 if approximate else 230],
        "line_width": 1 if approximate else 2.5,
        "approximate": approximate,
    }


def _fact_lines(facts: pd.DataFrame, key: str, lang: str) -> list[str]:
    """Each fact of the place with its report, then each sentence once, as the report wrote it."""
    rows = (
        facts[facts["place"] == key]
        .sort_values("report_date")
        .drop_duplicates("metric_id", keep="last")
    )
    lines = [
        f"{pick((r.label_zh, r.label_en), lang)}: "
        f"{quantity(r.value, r.display_unit, lang, r.qualifier, r.value_high)} ({r.report_date})"
        for r in rows.itertuples()
    ]
    for (date, quote), _ in rows.groupby(["report_date", "quote"], sort=False):
        lines.append(t("map_sentence", lang, date=date, quote=quote))
    return lines


def mentions(places: pd.DataFrame, metrics: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """For each place, the first curated sentence that names it (by its aliases): (date, quote)."""
    found = {}
    sentences = metrics.sort_values("report_date").drop_duplicates("quote")
    for place in places.itertuples():
        aliases = [a for a in str(place.aliases).split("|") if a]
        for row in sentences.itertuples():
            if any(alias in str(row.quote) for alias in aliases):
                found[place.key] = (str(row.report_date), str(row.quote))
                break
    return found


def coordinate_source(confidence: str, source: str, lang: str) -> str:
    """The public source of a coordinate; an estimated one has none, and says so in `lang`."""
    return t("map_estimated_source", lang) if confidence == "ESTIMATED" else str(source)


def county_name(place, lang: str) -> str:
    """The county the place's coordinate falls in (computed with the tables), in `lang`; ""
    where none is known."""
    zh, en = getattr(place, "county_zh", ""), getattr(place, "county_en", "")
    zh, en = (value if isinstance(value, str) else "" for value in (zh, en))
    return pick((zh, en), lang) if zh or en else ""


def _cluster_of(key: str) -> str | None:
    for cluster, spec in MAP_SETTINGS["clusters"].items():
        if key in spec["members"]:
            return cluster
    return None


def _tooltip(place, facts: pd.DataFrame, named: dict, names: dict, lang: str) -> str:
    name = pick((place.name_zh, place.name_en), lang)
    lines = [name, pick(KIND_NAMES.get(place.kind, (place.kind, place.kind)), lang)]
    county = county_name(place, lang)
    if county:
        lines.append(t("map_in_county", lang, county=county))
    cluster = _cluster_of(place.key)
    if cluster:
        lines.append(t("map_member_of", lang, cluster=names.get(cluster, cluster)))
    fact_lines = _fact_lines(facts, place.key, lang)
    if fact_lines:
        lines += fact_lines
    elif place.kind == "town":
        lines.append(t("map_reference_point", lang))
    elif place.key in named:
        date, quote = named[place.key]
        lines.append(t("map_named_in", lang, date=date, quote=quote))
    else:
        lines.append(t("map_no_sentence", lang))
    lines.append(t("map_confidence", lang, text=pick(CONFIDENCE_NAMES[place.confidence], lang)))
    source = coordinate_source(place.confidence, place.source, lang)
    lines.append(t("map_coordinate_source", lang, text=source))
    return "\n".join(lines)


def place_rows(
    places: pd.DataFrame, facts: pd.DataFrame, lang: str, metrics: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Located places (clusters aside) with position, style, radius and tooltip."""
    named = mentions(places, metrics) if metrics is not None else {}
    names = {p.key: pick((p.name_zh, p.name_en), lang) for p in places.itertuples()}
    located = places[(places["confidence"] != "UNKNOWN") & (places["kind"] != "cluster")]
    rows = []
    for place in located.itertuples():
        style = _style(place.confidence, KIND_COLORS[place.kind])
        area = facts[(facts["place"] == place.key) & (facts["metric_id"] == "jijihu_area")]
        radius = (
            FACILITY_RADIUS_M if place.kind in ("mine", "power_plant", "town") else PARK_RADIUS_M
        )
        if len(area):
            radius = area_radius_m(float(area.iloc[-1]["value"]))
        rows.append(
            {
                "key": place.key,
                "name": names[place.key],
                "kind": place.kind,
                "confidence": place.confidence,
                "lat": float(place.lat),
                "lon": float(place.lon),
                "radius": radius,
                "area_reported": bool(len(area)),
                "source": coordinate_source(place.confidence, place.source, lang),
                "county": county_name(place, lang),
                **style,
                "tooltip": _tooltip(place, facts, named, names, lang),
            }
        )
    return pd.DataFrame(rows)


def built_up_rows(places: pd.DataFrame, facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The built-up area of a new town as its own smaller circle, where the report gives it."""
    rows = []
    for fact in (
        facts[facts["metric_id"] == "jijihu_built_up_area"]
        .drop_duplicates("place", keep="last")
        .itertuples()
    ):
        place = places[places["key"] == fact.place].iloc[0]
        label = pick((fact.label_zh, fact.label_en), lang)
        rows.append(
            {
                "name": label,
                "lat": float(place.lat),
                "lon": float(place.lon),
                "radius": area_radius_m(float(fact.value)),
                **_style(place.confidence, (192, 80, 77)),
                "tooltip": f"{label}: {quantity(fact.value, fact.display_unit, lang)}\n"
                + t("map_sentence", lang, date=fact.report_date, quote=fact.quote)
                + "\n"
                + t("map_confidence", lang, text=pick(CONFIDENCE_NAMES[place.confidence], lang)),
            }
        )
    return pd.DataFrame(rows)


def cluster_area(cluster) -> list[list[float]]:
    """The cluster's area as the tables store it (data_prep.geometry): a ring of [lon, lat]."""
    text = getattr(cluster, "area_polygon", "")
    return json.loads(text) if isinstance(text, str) and text else []


def cluster_rows(places: pd.DataFrame, facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each cluster as an area of its own, carrying its totals and their sentence."""
    rows = []
    for cluster in places[places["kind"] == "cluster"].itertuples():
        members = places.set_index("key").loc[MAP_SETTINGS["clusters"][cluster.key]["members"]]
        member_names = (
            "、".join(members["name_zh"]) if lang == "zh" else ", ".join(members["name_en"])
        )
        name = pick((cluster.name_zh, cluster.name_en), lang)
        fact_lines = _fact_lines(facts, cluster.key, lang)
        tooltip = "\n".join(
            [
                name,
                *fact_lines,
                t("map_cluster_members", lang, names=member_names),
                t("map_cluster_area", lang),
            ]
        )
        rows.append(
            {
                "key": cluster.key,
                "name": name,
                "polygon": cluster_area(cluster),
                "lat": float(cluster.lat),
                "lon": float(cluster.lon),
                "confidence": cluster.confidence,
                "fill": [*KIND_COLORS["cluster"], 30],
                "line": [*KIND_COLORS["cluster"], 200],
                "tooltip": tooltip,
                "totals": _cluster_totals(facts, cluster.key, lang),
            }
        )
    return pd.DataFrame(rows)


def _cluster_totals(facts: pd.DataFrame, key: str, lang: str) -> list[str]:
    """Short lines for the cluster's label: each stated count with its stated total."""
    rows = facts[facts["place"] == key].drop_duplicates("metric_id", keep="last")
    by_id = {r.metric_id: r for r in rows.itertuples()}
    lines = []
    for count_id, total_id, kind in (
        ("jijihu_coal_mines", "jijihu_coal_capacity", "map_cluster_coal"),
        ("jijihu_power_plants", "jijihu_power_capacity", "map_cluster_power"),
    ):
        if count_id in by_id and total_id in by_id:
            count, total = by_id[count_id], by_id[total_id]
            lines.append(
                t(
                    kind,
                    lang,
                    n=quantity(count.value, count.display_unit, lang),
                    total=quantity(total.value, total.display_unit, lang, total.qualifier),
                )
            )
    return lines


def project_rows(projects: pd.DataFrame, places: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Projects a report places in a park (on a ring around it), coloured by product, sized by
    capacity; projects with no park in their report are left to `unplaced_projects`."""
    parks = {}
    for place in places[places["confidence"] != "UNKNOWN"].itertuples():
        for alias in str(place.aliases).split("|"):
            parks.setdefault(alias, place)
    placed = projects[projects["park"].isin(parks)]
    rows = []
    for index, project in enumerate(placed.itertuples()):
        park = parks[project.park]
        angle = 2 * math.pi * index / max(len(placed), 1)
        lat, lon = _offset(float(park.lat), float(park.lon), PROJECT_RING_M, angle)
        same_unit = placed[placed["capacity_unit"] == project.capacity_unit]["capacity"]
        share = (project.capacity / same_unit.max()) if project.capacity == project.capacity else 0
        code = product_code(project.product)
        unit = "亿立方米/年" if project.capacity_unit == "立方米" else "万吨/年"
        capacity = (
            quantity(project.capacity, unit, lang) if project.capacity == project.capacity else "–"
        )
        name = pick((project.name_zh, project.name_en), lang)
        park_name = pick((park.name_zh, park.name_en), lang)
        park_quote = getattr(project, "park_quote", "") or project.quote
        tooltip = "\n".join(
            [
                name,
                f"{product_label(code, lang)} · {capacity}",
                f"{status_label(project.status, lang)}（{project.status_raw}）"
                f"· {project.report_date}",
                t("map_sentence", lang, date=project.report_date, quote=project.quote),
                t("map_project_where", lang, park=park_name),
                t("map_placed_by", lang, quote=park_quote),
                t("map_confidence", lang, text=pick(CONFIDENCE_NAMES[park.confidence], lang)),
            ]
        )
        rows.append(
            {
                "project_id": project.project_id,
                "name": name,
                "product": code,
                "status": project.status,
                "lat": lat,
                "lon": lon,
                "radius": 1500 + 3500 * math.sqrt(share),
                "confidence": park.confidence,
                **_style(park.confidence, PRODUCT_COLORS.get(code, (90, 90, 90))),
                "tooltip": tooltip,
                "capacity": capacity,
                "park": park_name,
                "quote": project.quote,
                "park_quote": park_quote,
                "source": project.source,
            }
        )
    return pd.DataFrame(rows)


def unplaced_projects(projects: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Projects whose reports name no park that the map knows: listed, never drawn."""
    aliases = {
        alias
        for value in places.loc[places["confidence"] != "UNKNOWN", "aliases"]
        for alias in str(value).split("|")
    }
    return projects[~projects["park"].isin(aliases)]


# Labels -------------------------------------------------------------------------------------


def _label(text: str, lon: float, lat: float, role: str, anchor: str) -> dict:
    text_anchor, baseline, offset = ANCHORS[anchor]
    return {
        "text": text,
        "lon": lon,
        "lat": lat,
        "role": role,
        "size": LABEL_SIZE[role],
        "anchor": text_anchor,
        "baseline": baseline,
        "offset": list(offset),
        "color": [90, 90, 90, 255] if role == "county" else [26, 26, 26, 255],
        "background": [255, 255, 255, 0] if role == "county" else [255, 255, 255, 215],
    }


def label_rows(
    places: pd.DataFrame, lang: str, clusters: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One label per located town, new town or park (names at one point share one label, a line
    each), the schematic zone, the clusters' totals, and the counties that have no town label."""
    settings = MAP_SETTINGS["labels"]
    rows = []
    shown = places[places["kind"].isin(["new_town", "park", "town"])]
    for (lat, lon), group in shown.groupby(["lat", "lon"], sort=False):
        first = group.iloc[0]
        key = first.get("key", "")
        role = "town" if first["kind"] == "town" else "place"
        text = "\n".join(group["name"])
        if lang == "en" and key in MAP_SETTINGS["labels_en"]:
            text = MAP_SETTINGS["labels_en"][key]
        rows.append(_label(text, float(lon), float(lat), role, settings.get(key, "above")))
    zone = places[places["kind"] == "zone"]
    if len(zone):
        box = MAP_SETTINGS["schematic_box"]
        rows.append(
            _label(
                t("map_zone_label", lang),
                (box["lon_min"] + box["lon_max"]) / 2,
                box["lat_max"],
                "zone",
                "above",
            )
        )
    if clusters is not None:
        for cluster in clusters.itertuples():
            south = min((point[1] for point in cluster.polygon), default=cluster.lat)
            name = cluster.name
            if lang == "en":
                name = MAP_SETTINGS["labels_en"].get(cluster.key, name)
            rows.append(
                _label(
                    "\n".join([name, *cluster.totals]),
                    cluster.lon,
                    south,
                    "cluster",
                    "below",
                )
            )
    seats = set(MAP_SETTINGS["seats"].values())
    for feature in COUNTIES["features"]:
        props = feature["properties"]
        if props["adcode"] in seats:
            continue
        lon, lat = settings.get(props["adcode"], (props["label_lon"], props["label_lat"]))
        rows.append(
            _label(pick((props["name_zh"], props["name_en"]), lang), lon, lat, "county", "center")
        )
    return pd.DataFrame(rows)


def _world_px(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    scale = TILE_SIZE * 2**zoom
    x = (lon + 180) / 360 * scale
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * scale
    return x, y


def _text_px(text: str, size: int) -> tuple[float, float]:
    lines = text.split("\n")
    width = max(sum(size if ord(c) > 0x2E7F else 0.56 * size for c in line) for line in lines)
    return width + 2 * LABEL_PADDING[0], size * 1.2 * len(lines) + 2 * LABEL_PADDING[1]


def label_boxes(labels: pd.DataFrame, width: int, height: int) -> list[tuple]:
    """Screen boxes (text, left, top, right, bottom) of the labels at the opening view on a map of
    `width` x `height` pixels; labels wholly outside the screen are left out."""
    view = MAP_SETTINGS["view"]
    cx, cy = _world_px(view["lon"], view["lat"], view["zoom"])
    boxes = []
    for label in labels.itertuples():
        x, y = _world_px(label.lon, label.lat, view["zoom"])
        x, y = x - cx + width / 2 + label.offset[0], y - cy + height / 2 + label.offset[1]
        w, h = _text_px(label.text, label.size)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[label.anchor]
        top = {"top": y, "center": y - h / 2, "bottom": y - h}[label.baseline]
        if left > width or left + w < 0 or top > height or top + h < 0:
            continue
        boxes.append((label.text, left, top, left + w, top + h))
    return boxes


def overlapping_labels(labels: pd.DataFrame, width: int, height: int) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap at the opening view."""
    boxes = label_boxes(labels, width, height)
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


# Base layer and outline ---------------------------------------------------------------------


def counties(gcj02: bool = False) -> dict | str:
    """The committed county boundaries: their address on the app's own host (WGS-84), or, for an
    Amap basemap, the boundaries themselves shifted onto GCJ-02."""
    if not gcj02:
        return COUNTIES_URL

    def shift(coords):
        if isinstance(coords[0], (int, float)):
            return list(wgs84_to_gcj02(coords[0], coords[1]))
        return [shift(c) for c in coords]

    return {
        "type": "FeatureCollection",
        "features": [
            {**f, "geometry": {**f["geometry"], "coordinates": shift(f["geometry"]["coordinates"])}}
            for f in COUNTIES["features"]
        ],
    }


def shift_path(points: list[list[float]]) -> list[list[float]]:
    """A ring or path of [lon, lat] moved onto GCJ-02."""
    return [list(wgs84_to_gcj02(lon, lat)) for lon, lat in points]


def to_gcj02(frame: pd.DataFrame) -> pd.DataFrame:
    """Points moved onto a GCJ-02 basemap (Amap): the points move, the tiles stay."""
    if frame.empty:
        return frame
    shifted = [
        wgs84_to_gcj02(lon, lat) for lon, lat in zip(frame["lon"], frame["lat"], strict=True)
    ]
    return frame.assign(lon=[p[0] for p in shifted], lat=[p[1] for p in shifted])


def dashed_outline(dash_degrees: float = 0.05) -> list[dict]:
    """The schematic box as short segments, so that it reads as dashed on any basemap."""
    box = MAP_SETTINGS["schematic_box"]
    corners = [
        (box["lon_min"], box["lat_min"]),
        (box["lon_max"], box["lat_min"]),
        (box["lon_max"], box["lat_max"]),
        (box["lon_min"], box["lat_max"]),
    ]
    segments = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        length = math.hypot(x1 - x0, y1 - y0)
        steps = max(int(length / dash_degrees), 1)
        for step in range(0, steps, 2):
            a, b = step / steps, min((step + 1) / steps, 1)
            segments.append(
                {
                    "path": [
                        [x0 + (x1 - x0) * a, y0 + (y1 - y0) * a],
                        [x0 + (x1 - x0) * b, y0 + (y1 - y0) * b],
                    ]
                }
            )
    return segments
