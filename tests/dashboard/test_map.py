"""The park map's deck: layers, points per layer, filters, labels and honest tooltips."""

import csv
import json
import math

import pandas as pd
import pytest

from dashboard import geo
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
    assert "芨芨湖新城 / 芨芨湖产业园" in texts  # one point, one label


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
    assert sorted(labels["text"]) == ["丙", "甲 / 乙"]
