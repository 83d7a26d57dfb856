"""The committed base layer (dashboard/static/basemap/, from scripts/build_basemap.py): in WGS-84,
small, covering the map's region, and the GCJ-02 conversion it was made with."""

import csv
import json
import math
import tomllib

import pytest
from PIL import Image

from data_prep import PACKAGE_DIR
from data_prep.gcj02 import distance_m, gcj02_to_wgs84, wgs84_to_gcj02
from data_prep.geometry import county_at, load_counties

BASEMAP = PACKAGE_DIR.parent / "dashboard" / "static" / "basemap"
REFERENCE = PACKAGE_DIR.parent.parent / "shared" / "reference" / "place_coordinates.csv"
REGION = tomllib.loads((PACKAGE_DIR / "map.toml").read_text(encoding="utf-8"))["basemap"]["region"]
# Each county seat of the reference file and the county it is the seat of (by hand).
SEATS = {
    "urumqi": "乌鲁木齐市",
    "changji": "昌吉市",
    "jimsar": "吉木萨尔县",
    "qitai": "奇台县",
    "mori": "木垒哈萨克自治县",
}


def counties() -> dict[str, dict]:
    data = json.loads((BASEMAP / "counties.json").read_text(encoding="utf-8"))
    return {f["properties"]["name_zh"]: f["geometry"] for f in data["features"]}


def reference_seats() -> list[dict[str, str]]:
    if not REFERENCE.is_file():
        pytest.fail(
            f"{REFERENCE} is missing: the test reads the reference coordinates that sit beside "
            "the repository (shared/reference/place_coordinates.csv)"
        )
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["key"] in SEATS]


def test_each_county_seat_lies_in_its_own_county():
    seats = reference_seats()
    assert {row["key"] for row in seats} == set(SEATS)
    for row in seats:
        lon, lat = float(row["lon"]), float(row["lat"])
        owner = county_at(lon, lat, load_counties()).get("name_zh")
        assert owner == SEATS[row["key"]], f"{row['key']} falls in {owner}"


def test_the_layer_says_wgs84_and_covers_the_region():
    about = json.loads((BASEMAP / "about.json").read_text(encoding="utf-8"))
    assert about["crs"].startswith("EPSG:4326")
    assert about["relief_bounds"] == [
        REGION["lon_min"],
        REGION["lat_min"],
        REGION["lon_max"],
        REGION["lat_max"],
    ]
    for geometry in counties().values():
        polygons = geometry["coordinates"]
        polygons = [polygons] if geometry["type"] == "Polygon" else polygons
        for rings in polygons:
            for lon, lat in (point for ring in rings for point in ring):
                assert REGION["lon_min"] - 1e-6 <= lon <= REGION["lon_max"] + 1e-6
                assert REGION["lat_min"] - 1e-6 <= lat <= REGION["lat_max"] + 1e-6


def test_the_relief_rows_are_web_mercator():
    """The image spans its bounds in Mercator: rows per degree grow northwards by 1/cos(lat)."""
    width, height = Image.open(BASEMAP / "relief.jpg").size
    per_degree = width / (REGION["lon_max"] - REGION["lon_min"])

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    expected = (mercator(REGION["lat_max"]) - mercator(REGION["lat_min"])) / math.radians(
        1 / per_degree
    )
    assert height == round(expected)
    plate_carree = (REGION["lat_max"] - REGION["lat_min"]) * per_degree
    assert height > plate_carree * 1.3  # at 44°N a Mercator row is ~1.4 times shorter


def test_the_committed_layer_is_small():
    total = sum(path.stat().st_size for path in BASEMAP.iterdir())
    assert total < 400_000, f"{total} bytes"


@pytest.mark.parametrize(
    ("lon", "lat"), [(89.70, 44.65), (87.60, 43.825), (116.397, 39.909), (113.95, 22.54)]
)
def test_gcj02_round_trip_and_offset(lon, lat):
    shifted = wgs84_to_gcj02(lon, lat)
    back = gcj02_to_wgs84(*shifted)
    assert distance_m(lon, lat, *back) < 0.01
    assert 100 < distance_m(lon, lat, *shifted) < 700  # the offset is hundreds of metres


def test_gcj02_known_point():
    """Tiananmen: WGS-84 116.3912757, 39.906217 is drawn by Amap at 116.397470, 39.907594."""
    lon, lat = wgs84_to_gcj02(116.3912757, 39.906217)
    assert distance_m(lon, lat, 116.397470, 39.907594) < 5
