"""The park map's deck: the offline base layer by default, layers and points per layer, filters,
clusters that carry their own totals, labels that do not overlap, and honest tooltips."""

import csv
import json
import math

import pandas as pd
import pytest

from dashboard import data, geo
from dashboard.components import park_map
from data_prep.gcj02 import distance_m
from data_prep.places import PLACES
from tests.dashboard.test_pages import app, open_page


def deck_layers(test) -> dict[str, dict]:
    (chart,) = test.get("deck_gl_json_chart")
    spec = json.loads(chart.proto.json)
    return {layer["id"]: layer for layer in spec["layers"]}


def reviewed_places() -> list[dict[str, str]]:
    with open(PLACES, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def located(kinds: set[str]) -> int:
    return sum(1 for p in reviewed_places() if p["kind"] in kinds and p["confidence"] != "UNKNOWN")


def test_map_has_every_layer_with_the_places_of_the_reviewed_file():
    layers = deck_layers(open_page(app(), "park_map"))
    assert set(layers) == {
        "relief",
        "counties",
        "clusters",
        "outline",
        "areas",
        "built_up",
        "facilities",
        "projects",
        "towns",
        "labels",
    }
    assert len(layers["areas"]["data"]) == located({"new_town", "park"})
    assert len(layers["facilities"]["data"]) == located({"mine", "power_plant"})
    assert len(layers["towns"]["data"]) == located({"town"})
    # 160万吨, 60亿立方米, 710万吨 and 1200万吨 groups: "在芨芨湖产业园系统布局"
    assert len(layers["projects"]["data"]) == 4


def test_chinese_labels_are_set_up_to_render():
    labels = deck_layers(open_page(app(), "park_map"))["labels"]
    assert labels["characterSet"] == "auto"
    assert "Noto Sans CJK SC" in labels["fontFamily"]
    texts = {row["text"] for row in labels["data"]}
    assert "五彩湾新城" in texts
    assert "芨芨湖新城\n芨芨湖产业园" in texts  # one point, one label, a line each
    assert {"吉木萨尔县", "奇台县", "木垒县", "乌鲁木齐", "阜康市", "富蕴县"} <= texts


def test_filters_and_layer_switches_change_the_deck():
    test = app()
    test.query_params["product"] = ["olefins"]
    layers = deck_layers(open_page(test, "park_map"))
    assert len(layers["projects"]["data"]) == 2
    test = app()
    test.query_params["layers"] = ["labels"]
    assert set(deck_layers(open_page(test, "park_map"))) == {"labels"}


def test_approximate_places_look_and_say_so():
    areas = deck_layers(open_page(app(), "park_map"))["areas"]["data"]
    by_key = {row["key"]: row for row in areas}
    estimated, sourced = by_key["dajing_park"], by_key["xiheishan_park"]
    assert estimated["fill"][3] < sourced["fill"][3]
    assert estimated["line_width"] < sourced["line_width"]
    assert "位置近似" in estimated["tooltip"] and "位置近似" not in sourced["tooltip"]
    assert "gem.wiki" in sourced["tooltip"]


def test_new_town_is_drawn_at_its_reported_area():
    areas = deck_layers(open_page(app(), "park_map"))["areas"]["data"]
    jijihu = next(row for row in areas if row["key"] == "jijihu_town")
    # "辖区总面积3867平方公里": a circle of that area has a radius of sqrt(3867/pi) km
    assert jijihu["radius"] == pytest.approx(math.sqrt(3867 / math.pi) * 1000)
    assert "3867平方公里" in jijihu["tooltip"]


def test_area_radius_and_dashed_outline():
    assert geo.area_radius_m(math.pi) == pytest.approx(1000)
    segments = geo.dashed_outline(dash_degrees=0.1)
    assert all(len(segment["path"]) == 2 for segment in segments)
    box = geo.MAP_SETTINGS["schematic_box"]
    xs = [point[0] for segment in segments for point in segment["path"]]
    assert min(xs) == box["lon_min"] and max(xs) == pytest.approx(box["lon_max"])


def test_labels_join_names_at_one_point():
    places = pd.DataFrame(
        {
            "name": ["甲", "乙", "丙"],
            "kind": ["new_town", "park", "town"],
            "lat": [1.0, 1.0, 2.0],
            "lon": [3.0, 3.0, 4.0],
        }
    )
    labels = geo.label_rows(places, "zh")
    assert {"丙", "甲\n乙"} <= set(labels["text"])


def test_the_default_basemap_is_offline_and_names_no_other_host():
    (chart,) = open_page(app(), "park_map").get("deck_gl_json_chart")
    spec = json.loads(chart.proto.json)
    # pydeck's "no style" marker, which Streamlit reads as no basemap (a missing style is Carto's)
    assert spec.get("mapStyle") == "__MAP_STYLE__" and not spec.get("mapProvider")
    relief = next(layer for layer in spec["layers"] if layer["id"] == "relief")
    assert relief["image"].startswith("data:image/jpeg;base64,")
    assert "http" not in chart.proto.json


def table(name: str) -> pd.DataFrame:
    """A curated table read as the dashboard reads it."""
    return data._read.__wrapped__(name, "", str(data.curated_dir()))


def facts_table() -> pd.DataFrame:
    return table("place_facts")


def places_table() -> pd.DataFrame:
    return table("places")


@pytest.mark.parametrize(
    ("setting", "crs", "moved"),
    [
        ("https://tiles.example.cn/style.json", "", False),  # Tianditu-like: CGCS2000 = WGS-84
        ("https://tiles.example.cn/style.json", "gcj02", True),  # Amap-like: points move
        ("offline", "gcj02", False),  # the offline layer is WGS-84 whatever the setting says
    ],
)
def test_a_gcj02_basemap_moves_the_points_not_the_tiles(monkeypatch, setting, crs, moved):
    places, facts = places_table(), facts_table()
    projects = table("projects")
    monkeypatch.setenv("ZHUNDONG_BASEMAP", setting)
    monkeypatch.setenv("ZHUNDONG_BASEMAP_CRS", crs)
    spec = json.loads(park_map.deck(places, facts, projects, list(park_map.LAYERS), "zh").to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert ("relief" in layers) == (setting == "offline")
    if setting != "offline":
        assert spec["mapStyle"] == setting
    qitai = next(row for row in layers["towns"]["data"] if row["key"] == "qitai")
    shift = distance_m(89.583, 44.017, qitai["lon"], qitai["lat"])
    # the GCJ-02 offset is a few hundred metres here
    assert (200 < shift < 400) if moved else shift == 0
    (cluster,) = layers["clusters"]["data"]
    unmoved = geo.cluster_area(places.set_index("key").loc["jijihu_cluster"])[0]
    assert (distance_m(*unmoved, *cluster["polygon"][0]) > 200) == moved


def test_cluster_totals_belong_to_the_cluster_not_to_its_members():
    facts = facts_table()
    totals = {"jijihu_coal_mines", "jijihu_coal_capacity", "jijihu_power_plants"}
    totals.add("jijihu_power_capacity")
    assert set(facts.loc[facts["metric_id"].isin(totals), "place"]) == {"jijihu_cluster"}
    layers = deck_layers(open_page(app(), "park_map"))
    (cluster,) = layers["clusters"]["data"]
    # "…等9家煤矿为代表的煤炭产业组团，年产能超1.6亿吨；…6家煤电产业集群…装机规模超500万千瓦。"
    for words in ("芨芨湖周边煤矿年产能: 超1.6亿吨", "芨芨湖周边煤电装机: 超500万千瓦"):
        assert words in cluster["tooltip"]
    assert "9家煤矿为代表的煤炭产业组团，年产能超1.6亿吨" in cluster["tooltip"]
    labels = {row["text"] for row in layers["labels"]["data"]}
    assert any("9家煤矿 · 年产能超1.6亿吨\n6家煤电 · 装机超500万千瓦" in text for text in labels)
    for member in layers["facilities"]["data"]:
        # a member names its cluster and the sentence that names it, never a total as its own
        assert "芨芨湖周边煤矿年产能" not in member["tooltip"]
        assert "芨芨湖周边煤电装机" not in member["tooltip"]
        assert "属于芨芨湖周边煤炭与煤电产业组团" in member["tooltip"]


def test_the_cluster_area_is_drawn_as_the_tables_store_it():
    places = places_table().set_index("key")
    (cluster,) = deck_layers(open_page(app(), "park_map"))["clusters"]["data"]
    stored = json.loads(places.loc["jijihu_cluster", "area_polygon"])
    assert cluster["polygon"] == stored and len(stored) > 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_do_not_overlap_and_the_zone_fits_a_phone(lang):
    places, facts = places_table(), facts_table()
    place_frame = geo.place_rows(places, facts, lang)
    labels = geo.label_rows(place_frame, lang, geo.cluster_rows(places, facts, lang))
    # the map's width at a 390 px phone, a 1366 px laptop with the sidebar, and without it
    for width in (358, 906, 1300):
        assert geo.overlapping_labels(labels, width, 560) == [], width
    phone = {box[0]: box for box in geo.label_boxes(labels, 358, 560)}
    zone_labels = labels[labels["role"].isin(["place", "zone", "cluster"])]
    for text in zone_labels["text"]:
        assert text in phone, f"{text!r} is off a phone's map"
        _, left, top, right, bottom = phone[text]
        assert left >= 0 and right <= 358 and top >= 0 and bottom <= 560, text


def test_the_whole_schematic_zone_fits_the_opening_view_on_a_phone():
    box = geo.MAP_SETTINGS["schematic_box"]
    corners = pd.DataFrame(
        {
            "text": ["sw", "ne"],
            "lon": [box["lon_min"], box["lon_max"]],
            "lat": [box["lat_min"], box["lat_max"]],
            "size": [1, 1],
            "anchor": ["middle", "middle"],
            "baseline": ["center", "center"],
            "offset": [[0, 0], [0, 0]],
        }
    )
    assert len(geo.label_boxes(corners, 358, 560)) == 2
    for _, left, top, right, bottom in geo.label_boxes(corners, 358, 560):
        assert left >= 0 and right <= 358 and top >= 0 and bottom <= 560


def test_every_point_says_its_sentence_or_why_it_has_none():
    layers = deck_layers(open_page(app(), "park_map"))
    said = ("原句（", "报道提及（", "报道未给出此地的数字", "县城位置，仅作参照")
    for layer_id in ("areas", "built_up", "facilities", "projects", "towns", "clusters"):
        for row in layers[layer_id]["data"]:
            assert any(words in row["tooltip"] for words in said), row["tooltip"]
    by_key = {row["key"]: row for row in layers["areas"]["data"]}
    assert "芨芨湖、西黑山、大井、将军庙四个产业园环绕四周" in by_key["dajing_park"]["tooltip"]
    # the reports name 五彩湾 only inside a company's name: no sentence is about the new town
    assert "报道未给出此地的数字" in by_key["wucaiwan_town"]["tooltip"]
    for project in layers["projects"]["data"]:
        assert "所在园区的依据：" in project["tooltip"] and "芨芨湖产业园" in project["tooltip"]


def test_projects_without_a_reported_park_are_listed_not_drawn():
    test = open_page(app(), "park_map")
    projects = table("projects")
    unplaced = projects[projects["park"].fillna("") == ""]
    assert len(unplaced)
    captions = " ".join(caption.value for caption in test.caption)
    assert "位置未报道、未上图的项目" in captions
    for name in unplaced["name_zh"]:
        assert name in captions
    drawn = {row["project_id"] for row in deck_layers(test)["projects"]["data"]}
    assert drawn.isdisjoint(set(unplaced["project_id"]))


def test_coordinate_sources_are_public_not_repository_paths():
    for place in reviewed_places():
        assert "shared/" not in place["source"], place["key"]
    test = open_page(app(), "park_map")
    assert "shared/" not in json.dumps(deck_layers(test), ensure_ascii=False)


def test_places_say_which_county_their_coordinate_falls_in():
    areas = {row["key"]: row for row in deck_layers(open_page(app(), "park_map"))["areas"]["data"]}
    # 芨芨湖's source names it "Qitai County Jiji Lake"; 五彩湾 lies in the north of 吉木萨尔县
    assert "按坐标位于：吉木萨尔县" in areas["wucaiwan_town"]["tooltip"]
    assert "按坐标位于：奇台县" in areas["jijihu_town"]["tooltip"]
    english = deck_layers(open_page(app(lang="en"), "park_map"))["areas"]["data"]
    assert "Jimsar" in {row["key"]: row for row in english}["wucaiwan_town"]["tooltip"]
