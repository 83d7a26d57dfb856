"""The map's geometry computed with the tables: each place's county by its coordinate, and each
cluster's area, the hull of its parks widened by its margin."""

import json

import pytest
from shapely.geometry import LinearRing, Point, Polygon

from data_prep.errors import InputError
from data_prep.gcj02 import distance_m
from data_prep.geometry import county_at, hull_area, load_counties, with_geometry
from data_prep.places import load_places


@pytest.fixture(scope="module")
def counties():
    return load_counties()


@pytest.mark.parametrize(
    ("lon", "lat", "county"),
    [
        # shared/reference/place_coordinates.csv: 五彩湾's proxy, the Shenhua Wucaiwan power
        # station, lies in the north of 吉木萨尔县; 芨芨湖's, in a source titled "Qitai County Jiji
        # Lake", in 奇台县 — the two new towns sit on either side of that county line.
        (89.1498, 44.7955, "吉木萨尔县"),
        (90.055, 44.753, "奇台县"),
        (87.6000, 43.8250, "乌鲁木齐市"),  # Ürümqi's infobox coordinate
        (90.283, 43.833, "木垒哈萨克自治县"),  # Mori's town
    ],
)
def test_a_point_falls_in_its_county(counties, lon, lat, county):
    assert county_at(lon, lat, counties)["name_zh"] == county


def test_a_point_outside_every_county_has_none(counties):
    assert county_at(80.0, 40.0, counties) == {}


def test_one_point_widens_to_a_disc_of_the_margin():
    ring = hull_area([(89.9, 44.65)], 9000)
    assert ring[0] == ring[-1] and len(ring) == 17  # a closed 16-gon
    for lon, lat in ring:
        # rounding to 4 decimals moves a vertex by at most about 6 m
        assert distance_m(89.9, 44.65, lon, lat) == pytest.approx(9000, abs=40)


def test_two_points_widen_to_a_band_that_holds_the_line_between_them():
    ring = Polygon(hull_area([(89.55, 44.70), (90.236, 44.555)], 5000))
    assert ring.contains(Point(89.893, 44.6275))  # the midpoint
    # 0.1° of latitude (about 11 km) north of the midpoint is beyond a 5 km margin
    assert not ring.contains(Point(89.893, 44.7275))


def test_the_hull_holds_its_points_and_is_counter_clockwise():
    corners = [(89.0, 44.0), (90.0, 44.0), (90.0, 45.0), (89.0, 45.0)]
    ring = hull_area([*corners, (89.5, 44.5)], 1000)
    assert LinearRing(ring).is_ccw
    area = Polygon(ring)
    for lon, lat in corners:
        assert area.contains(Point(lon, lat))
    # every corner is a full margin inside the edge, not on it
    assert area.exterior.distance(Point(89.0, 44.0)) * 111_320 > 700
    assert not area.contains(Point(88.9, 44.5))  # about 8 km west of the western edge


def test_places_carry_their_county_and_the_cluster_its_area():
    rows = {row["key"]: row for row in with_geometry(load_places())}
    assert rows["wucaiwan_town"]["county_zh"] == "吉木萨尔县"
    assert rows["wucaiwan_town"]["county_en"] == "Jimsar"
    assert rows["jijihu_town"]["county_zh"] == "奇台县"
    assert rows["jijihu_town"]["county_adcode"] == "652325"
    assert rows["zhongrun_mine"]["county_zh"] == ""  # no published location
    cluster = rows["jijihu_cluster"]
    assert cluster["county_zh"] == ""
    assert all(row["area_polygon"] == "" for row in rows.values() if row is not cluster)
    area = Polygon(json.loads(cluster["area_polygon"]))
    for key in ("jijihu_park", "xiheishan_park", "dajing_park", "jiangjunmiao_park"):
        assert area.contains(Point(float(rows[key]["lon"]), float(rows[key]["lat"]))), key
    # 五彩湾 is not among 芨芨湖's surrounding parks
    wucaiwan = rows["wucaiwan_town"]
    assert not area.contains(Point(float(wucaiwan["lon"]), float(wucaiwan["lat"])))


def test_a_cluster_built_on_an_unlocated_place_is_refused(tmp_path):
    settings = tmp_path / "map.toml"
    settings.write_text(
        '[clusters.jijihu_cluster]\narea_from = ["zhongrun_mine"]\nmargin_m = 9000\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"map\.toml") as error:
        with_geometry(load_places(), settings=settings)
    assert "no location" in str(error.value)


def test_an_unreadable_boundary_file_is_named(tmp_path):
    broken = tmp_path / "counties.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"counties\.json"):
        load_counties(broken)
