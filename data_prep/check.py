"""Validate built tables: quotes verbatim in their source, ranges, uniqueness, described columns."""

import csv
import tomllib
from pathlib import Path

from data_prep import PACKAGE_DIR

TABLES = (
    "figures",
    "metrics",
    "projects",
    "targets",
    "platforms",
    "articles",
    "reports",
    "columns",
)
_KEYS = {
    "figures": ("source", "start"),
    "metrics": ("metric_id", "report_id"),
    "projects": ("project_id", "report_id"),
    "targets": ("target_id",),
    "platforms": ("platform_id",),
    "places": ("key",),
    "place_facts": ("place", "metric_id", "report_id"),
    "unclaimed": ("source", "start"),
    "review": ("entry", "report_id", "figures"),
    "articles": ("article",),
    "reports": ("report_id",),
    "columns": ("table", "column"),
}
_QUOTES = {
    "metrics": ("quote",),
    "projects": ("quote", "park_quote"),
    "targets": ("quote", "baseline_quote"),
    "platforms": ("quote",),
    "place_facts": ("quote",),
    "figures": ("sentence",),
}
_REQUIRED = {
    "metrics": ("metric_id", "value", "unit", "quote", "source"),
    "projects": ("project_id", "name_zh", "product", "status", "status_raw", "quote", "source"),
    "targets": ("target_id", "target_value", "unit", "quote", "source"),
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def check_tables(folder: Path) -> list[str]:
    """All problems found in the tables under `folder`; an empty list means they pass."""
    problems: list[str] = []
    tables: dict[str, list[dict[str, str]]] = {}
    for name in TABLES:
        path = folder / f"{name}.csv"
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        tables[name] = read_csv(path)
    if problems:
        return problems
    schema = tomllib.loads((PACKAGE_DIR / "schema.toml").read_text(encoding="utf-8"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in (folder / "texts").glob("*")}

    for name, rows in tables.items():
        with (folder / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle))
        for column in header:
            if column not in schema.get(name, {}):
                problems.append(f"{name}.csv: column {column!r} is not described in schema.toml")
        keys = [tuple(row[key] for key in _KEYS[name]) for row in rows]
        duplicates = {key for key in keys if keys.count(key) > 1}
        for key in sorted(duplicates):
            problems.append(f"{name}.csv: id {key} is not unique")
        for number, row in enumerate(rows, start=2):
            where = f"{name}.csv line {number}"
            for column in _REQUIRED.get(name, ()):
                if not row.get(column):
                    problems.append(f"{where}: {column} is empty")
            for column in _QUOTES.get(name, ()):
                quote = row.get(column, "")
                source = row.get("park_source") if column == "park_quote" else row["source"]
                if quote and quote not in texts.get(source or "", ""):
                    problems.append(f"{where}: {column} is not in the cleaned text of {source}")
            low, high = _number(row.get("value", "")), _number(row.get("value_high", ""))
            if low is not None and high is not None and high < low:
                problems.append(f"{where}: value_high {high} is below value {low}")

    for row in tables["metrics"]:
        value = _number(row["value"])
        if row["kind"] == "share" and (value is None or not 0 <= value <= 100):
            problems.append(
                f"metrics.csv {row['metric_id']}: share {row['value']} is not within 0-100"
            )
    for row in tables["targets"]:
        value = _number(row["target_value"])
        if row["unit"] == "%" and (value is None or not 0 <= value <= 100):
            problems.append(
                f"targets.csv {row['target_id']}: {row['target_value']}% is not within 0-100"
            )

    catalog = tomllib.loads((PACKAGE_DIR / "catalog.toml").read_text(encoding="utf-8"))
    values = {
        (row["metric_id"], row["report_id"]): _number(row["value"]) for row in tables["metrics"]
    }
    for pair in catalog.get("checks", []):
        for (metric_id, report_id), lower in values.items():
            if metric_id != pair["lower"]:
                continue
            upper = values.get((pair["upper"], report_id))
            if lower is not None and upper is not None and lower > upper:
                problems.append(
                    f"metrics.csv: {pair['lower']} ({lower:g}) exceeds {pair['upper']} ({upper:g}) "
                    f"in report {report_id}"
                )
    return problems
