"""The park map's layers as plain data: places, projects placed at their park, labels and the
schematic outline, each with a plain-text tooltip that names its confidence and source."""

import math
import tomllib

import pandas as pd

from dashboard.fmt import quantity
from dashboard.i18n import CONFIDENCE_NAMES, KIND_NAMES, PRODUCT_BY_NAME, PRODUCTS, STATUS, pick, t
from data_prep import PACKAGE_DIR

MAP_SETTINGS = tomllib.loads((PACKAGE_DIR / "map.toml").read_text(encoding="utf-8"))
APPROXIMATE = {"LOW", "ESTIMATED"}
KIND_COLORS = {
    "zone": (31, 78, 121),
    "new_town": (31, 78, 121),
    "park": (79, 129, 189),
    "mine": (70, 70, 70),
    "power_plant": (192, 80, 77),
    "town": (120, 120, 120),
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
    rows = (
        facts[facts["place"] == key]
        .sort_values("report_date")
        .drop_duplicates("metric_id", keep="last")
    )
    return [
        f"{pick((r.label_zh, r.label_en), lang)}: "
        f"{quantity(r.value, r.display_unit, lang, r.qualifier, r.value_high)} ({r.report_date})"
        for r in rows.itertuples()
    ]


def _tooltip(
    name: str, kind: str, confidence: str, source: str, facts: list[str], lang: str
) -> str:
    lines = [name, pick(KIND_NAMES.get(kind, (kind, kind)), lang)]
    lines += facts
    lines.append(
        pick(("位置可信度", "Location confidence"), lang)
        + ": "
        + pick(CONFIDENCE_NAMES[confidence], lang)
    )
    lines.append(pick(("坐标来源", "Coordinate source"), lang) + ": " + source)
    return "\n".join(lines)


def place_rows(places: pd.DataFrame, facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Located places with position, style, radius and tooltip."""
    located = places[places["confidence"] != "UNKNOWN"].copy()
    rows = []
    for place in located.itertuples():
        name = pick((place.name_zh, place.name_en), lang)
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
                "name": name,
                "kind": place.kind,
                "confidence": place.confidence,
                "lat": float(place.lat),
                "lon": float(place.lon),
                "radius": radius,
                "area_reported": bool(len(area)),
                "source": place.source,
                **style,
                "tooltip": _tooltip(
                    name,
                    place.kind,
                    place.confidence,
                    place.source,
                    _fact_lines(facts, place.key, lang),
                    lang,
                ),
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
                + t("map_confidence", lang, text=pick(CONFIDENCE_NAMES[place.confidence], lang)),
            }
        )
    return pd.DataFrame(rows)


def project_rows(projects: pd.DataFrame, places: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Projects at their park (on a ring around it), coloured by product, sized by capacity."""
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
        code = PRODUCT_BY_NAME.get(project.product, "integrated")
        unit = "亿立方米/年" if project.capacity_unit == "立方米" else "万吨/年"
        capacity = (
            quantity(project.capacity, unit, lang) if project.capacity == project.capacity else "–"
        )
        name = pick((project.name_zh, project.name_en), lang)
        tooltip = "\n".join(
            [
                name,
                f"{pick(PRODUCTS[code], lang)} · {capacity}",
                f"{pick(STATUS[project.status], lang)}（{project.status_raw}）"
                f"· {project.report_date}",
                t("map_project_where", lang, park=pick((park.name_zh, park.name_en), lang)),
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
                "park": pick((park.name_zh, park.name_en), lang),
                "quote": project.quote,
                "source": project.source,
            }
        )
    return pd.DataFrame(rows)


def label_rows(places: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One label per located point of a town, new town or park; names at one point are joined."""
    shown = places[places["kind"].isin(["new_town", "park", "town"])]
    if shown.empty:
        return pd.DataFrame(columns=["lat", "lon", "text"])
    grouped = shown.groupby(["lat", "lon"], sort=False)["name"].apply(
        lambda names: " / ".join(names)
    )
    frame = grouped.reset_index().rename(columns={"name": "text"})
    zone = places[places["kind"] == "zone"]
    if len(zone):
        box = MAP_SETTINGS["schematic_box"]
        schematic = pick(
            ("（示意范围，非法定边界）", " (schematic extent, not the legal boundary)"), lang
        )
        frame.loc[len(frame)] = [
            box["lat_max"] + 0.04,
            (box["lon_min"] + box["lon_max"]) / 2,
            zone.iloc[0]["name"] + schematic,
        ]
    return frame


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
