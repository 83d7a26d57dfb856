"""Places for the park map, from the reviewed file data_prep/places.csv, with their facts.

Every place keeps the confidence of its coordinate (HIGH, MED, LOW, ESTIMATED; UNKNOWN when the
report names it but no location is published) and the source of that coordinate. Facts are the
curated metrics that the file assigns to a place, each with its quote.
"""

import csv

from data_prep import PACKAGE_DIR
from data_prep.errors import InputError

PLACES = PACKAGE_DIR / "places.csv"
KINDS = ("zone", "new_town", "park", "mine", "power_plant", "project", "town", "cluster")
CONFIDENCE = ("HIGH", "MED", "LOW", "ESTIMATED", "UNKNOWN")
PLACE_COLUMNS = [
    "key",
    "name_zh",
    "name_en",
    "kind",
    "lat",
    "lon",
    "confidence",
    "basis",
    "source",
    "aliases",
    "metric_ids",
]
FACT_COLUMNS = [
    "place",
    "metric_id",
    "label_zh",
    "label_en",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "display_unit",
    "report_id",
    "report_date",
    "source",
    "quote",
    "review_status",
]
# A box that holds every sourced point of the zone, with room for the county towns around it.
_LAT, _LON = (43.0, 46.0), (86.5, 91.5)


def load_places(path=PLACES) -> list[dict[str, str]]:
    """The reviewed places, checked; raises InputError naming the file and line."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror}") from None
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        if list(row) != PLACE_COLUMNS:
            raise InputError(path, f"columns must be {', '.join(PLACE_COLUMNS)}", line)
        if row["key"] in seen:
            raise InputError(path, f"key {row['key']!r} is not unique", line)
        seen.add(row["key"])
        if row["kind"] not in KINDS or row["confidence"] not in CONFIDENCE:
            raise InputError(
                path, f"kind {row['kind']!r} or confidence {row['confidence']!r} is unknown", line
            )
        located = bool(row["lat"] and row["lon"])
        if located != (row["confidence"] != "UNKNOWN"):
            raise InputError(
                path, "a place has coordinates exactly when its confidence is not UNKNOWN", line
            )
        if located:
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (_LAT[0] <= lat <= _LAT[1] and _LON[0] <= lon <= _LON[1]):
                raise InputError(path, f"{row['key']} at {lat}, {lon} is far from the zone", line)
    return rows


def place_facts(places: list[dict[str, str]], metrics: list[dict]) -> list[dict]:
    """One row per (place, metric, report): the metric's value and quote, joined to the place."""
    by_id: dict[str, list[dict]] = {}
    for row in metrics:
        by_id.setdefault(str(row["metric_id"]), []).append(row)
    facts = []
    for place in places:
        for metric_id in filter(None, place["metric_ids"].split("|")):
            if metric_id not in by_id:
                raise InputError(
                    PLACES,
                    f"place {place['key']} names metric {metric_id!r}, which the catalog lacks",
                )
            for row in by_id[metric_id]:
                facts.append({"place": place["key"], **{c: row[c] for c in FACT_COLUMNS[1:]}})
    return facts
