"""The park map's geometry, computed once with the tables (shapely): the county each place's
coordinate falls in, and the area each cluster is drawn on.

- **County.** A place lies in the county whose committed boundary
  (dashboard/static/basemap/counties.json, WGS-84) covers its coordinate. The answer is by the
  coordinate, which for a proxy or estimated point is only as good as the point.
- **Cluster area.** A cluster's totals belong to the area around the parks its report places it in
  (data_prep/map.toml, `area_from`), never to one member: the convex hull of those parks, widened
  by `margin_m` on every side. The widening is done in metres on a local flat projection (a few
  tens of kilometres here, where that projection is exact to well under a metre), so that one or
  two parks give a disc or a rounded band rather than a point or a line.

The dashboard only reads the columns these write; it draws, it does not compute.
"""

import json
import math
import tomllib
from pathlib import Path

import shapely
from shapely.geometry import MultiPoint, shape
from shapely.geometry.polygon import orient

from data_prep import PACKAGE_DIR
from data_prep.errors import InputError

COUNTIES = PACKAGE_DIR.parent / "dashboard" / "static" / "basemap" / "counties.json"
MAP_SETTINGS = PACKAGE_DIR / "map.toml"
GEOMETRY_COLUMNS = ["county_adcode", "county_zh", "county_en", "area_polygon"]
METRES_PER_DEGREE = 111_320
SEGMENTS_PER_QUARTER = 4  # a widened park is a 16-gon, smooth at the map's zoom
DECIMALS = 4  # about 10 m, the precision of the boundaries themselves


def load_counties(path: Path = COUNTIES) -> list[tuple[dict, shapely.Geometry]]:
    """(properties, prepared geometry) of each county; raises InputError naming the file."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        counties = [(f["properties"], shape(f["geometry"])) for f in features]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(path, f"is not a readable GeoJSON FeatureCollection: {error}") from None
    for props, geometry in counties:
        if not geometry.is_valid:
            raise InputError(path, f"the boundary of {props.get('name_zh')} is not a valid polygon")
        shapely.prepare(geometry)
    return counties


def county_at(lon: float, lat: float, counties: list[tuple[dict, shapely.Geometry]]) -> dict:
    """The properties of the county whose boundary covers the point; {} outside them all."""
    point = shapely.Point(lon, lat)
    for props, geometry in counties:
        if geometry.covers(point):
            return props
    return {}


def _to_metres(origin: tuple[float, float]):
    """Functions between [lon, lat] and metres east and north of `origin` (arrays of shape
    (n, 2), as shapely.transform passes them)."""
    lon0, lat0 = origin
    scale = [METRES_PER_DEGREE * math.cos(math.radians(lat0)), METRES_PER_DEGREE]
    return (lambda coords: (coords - [lon0, lat0]) * scale), (
        lambda coords: coords / scale + [lon0, lat0]
    )


def hull_area(points: list[tuple[float, float]], margin_m: float) -> list[list[float]]:
    """The convex hull of [lon, lat] points widened by `margin_m` metres, as a closed
    counter-clockwise ring of [lon, lat] rounded to about 10 m."""
    if not points:
        raise ValueError("a hull needs at least one point")
    origin = (
        sum(lon for lon, _ in points) / len(points),
        sum(lat for _, lat in points) / len(points),
    )
    forward, back = _to_metres(origin)
    hull = shapely.transform(MultiPoint(points), forward).convex_hull
    area = orient(hull.buffer(margin_m, quad_segs=SEGMENTS_PER_QUARTER), sign=1.0)
    ring = shapely.transform(area, back).exterior.coords
    return [[round(lon, DECIMALS), round(lat, DECIMALS)] for lon, lat in ring]


def _clusters(path: Path = MAP_SETTINGS) -> dict[str, dict]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("clusters", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot be read: {error}") from None


def with_geometry(
    places: list[dict[str, str]], counties_path: Path = COUNTIES, settings: Path = MAP_SETTINGS
) -> list[dict[str, str]]:
    """The places with their county (by coordinate) and, for a cluster, its area polygon (JSON);
    raises InputError naming map.toml when a cluster's parks are unknown or unlocated."""
    counties = load_counties(counties_path)
    clusters = _clusters(settings)
    by_key = {place["key"]: place for place in places}
    rows = []
    for place in places:
        row = {**place, **dict.fromkeys(GEOMETRY_COLUMNS, "")}
        if place["lat"] and place["lon"] and place["kind"] != "cluster":
            county = county_at(float(place["lon"]), float(place["lat"]), counties)
            row["county_adcode"] = county.get("adcode", "")
            row["county_zh"] = county.get("name_zh", "")
            row["county_en"] = county.get("name_en", "")
        if place["kind"] == "cluster":
            spec = clusters.get(place["key"])
            if spec is None:
                raise InputError(settings, f"cluster {place['key']!r} has no [clusters] entry")
            parks = [by_key.get(key) for key in spec["area_from"]]
            if not parks or any(p is None or not p["lat"] for p in parks):
                raise InputError(
                    settings, f"cluster {place['key']!r}: area_from names a place with no location"
                )
            points = [(float(p["lon"]), float(p["lat"])) for p in parks]
            row["area_polygon"] = json.dumps(hull_area(points, float(spec["margin_m"])))
        rows.append(row)
    return rows
