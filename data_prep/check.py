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
    "proposals",
)
_KEYS = {
    "figures": ("source", "start"),
    "metrics": ("metric_id", "report_id", "year"),
    "projects": ("project_id", "report_id"),
    "targets": ("target_id",),
    "platforms": ("platform_id",),
    "places": ("key",),
    "place_facts": ("place", "metric_id", "report_id"),
    "unclaimed": ("source", "start"),
    "proposals": ("proposal_id",),
    "articles": ("article",),
    "reports": ("report_id",),
    "columns": ("table", "column"),
}
_QUOTES = {
    "metrics": ("quote",),
    "projects": ("quote", "park_quote"),
    "targets": ("quote", "current_quote"),
    "platforms": ("quote",),
    "place_facts": ("quote",),
    "figures": ("sentence",),
    "proposals": ("quote",),
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
                source = {"park_quote": "park_source", "current_quote": "current_source"}.get(
                    column, "source"
                )
                source = row.get(source)
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

    problems += check_answers(tables, texts)
    problems += check_meaning(tables)
    problems += check_review(tables)
    catalog = tomllib.loads((PACKAGE_DIR / "catalog.toml").read_text(encoding="utf-8"))
    values = {
        (row["metric_id"], row["report_id"]): _number(row["value"])
        for row in tables["metrics"]
        if row.get("review_status", "seed") != "proposed"
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


def check_answers(tables: dict[str, list[dict[str, str]]], texts: dict[str, str]) -> list[str]:
    """Each target's answer: every sentence it rests on is verbatim in its source, and a target
    with a current value is answered by it."""
    problems: list[str] = []
    for row in tables["targets"]:
        where = f"targets.csv {row['target_id']}"
        if "answer_kind" not in row:
            continue
        if not row.get("answer_zh") or not row.get("answer_en") or not row.get("settle_zh"):
            problems.append(f"{where}: no answer or no words on what would settle it")
        quotes = [q for q in row.get("answer_quotes", "").split("\n") if q]
        sources = [s for s in row.get("answer_sources", "").split("|") if s]
        if len(quotes) != len(sources):
            problems.append(f"{where}: {len(quotes)} answer quotes but {len(sources)} sources")
        for quote, source in zip(quotes, sources, strict=False):
            if quote not in texts.get(source, ""):
                problems.append(f"{where}: answer quote is not in the cleaned text of {source}")
        if row.get("current_value") and row["answer_kind"] != "current":
            problems.append(f"{where}: has a current value but is answered by {row['answer_kind']}")
    return problems


def _year_of(report_date: str) -> int | None:
    return int(report_date[:4]) if report_date[:4].isdigit() else None


def check_meaning(tables: dict[str, list[dict[str, str]]]) -> list[str]:
    """What the tables claim against what the sentences say: no derived baseline, no current
    value that is not a reported fact of the target's own measure, no stage set by a plan or a
    condition, no reported fact dated after its report."""
    problems: list[str] = []
    for row in tables["targets"]:
        where = f"targets.csv {row['target_id']}"
        for column in ("baseline_value", "baseline_is_derived", "derivation"):
            if row.get(column) not in (None, "", "False"):
                problems.append(f"{where}: a derived baseline ({column}) is refused")
        if row.get("current_value"):
            quote = row.get("current_quote", "")
            if not quote or quote == row["quote"]:
                problems.append(
                    f"{where}: current value {row['current_value']} is not a reported fact "
                    "of its own (its quote is missing or is the target's own sentence)"
                )
            report_year = _year_of(row.get("current_report_date", ""))
            year = _number(row.get("current_year", ""))
            if report_year is not None and year is not None and year > report_year:
                problems.append(f"{where}: current value dated {year:g}, after its report")
    for row in tables["projects"]:
        stage_set = row.get("sets_stage") == "True" or row.get("status") != "mentioned"
        if row.get("statement_kind") in ("plan", "condition") and stage_set:
            problems.append(
                f"projects.csv {row['project_id']} ({row['report_id']}): stage "
                f"{row['status']!r} is set by a {row['statement_kind']} ({row['status_raw']})"
            )
    for row in tables["metrics"]:
        report_year = _year_of(row.get("report_date", ""))
        year = _number(row.get("year", ""))
        is_fact = row.get("statement_kind", "fact") == "fact"
        if is_fact and report_year and year and year > report_year:
            problems.append(
                f"metrics.csv {row['metric_id']} ({row['report_id']}): a reported fact "
                f"dated {year:g}, after its report ({row['report_date']})"
            )
    return problems


def check_review(tables: dict[str, list[dict[str, str]]]) -> list[str]:
    """A row that is not a seed's stands on a proposal with the same decision; a rejected
    proposal is in no table; a target's current value is never a proposed row's."""
    problems: list[str] = []
    proposals = {row["proposal_id"]: row for row in tables["proposals"]}
    for name in ("metrics", "projects"):
        for row in tables[name]:
            status = row.get("review_status", "")
            where = (
                f"{name}.csv {row.get('metric_id') or row.get('project_id')} ({row['report_id']})"
            )
            if status not in ("seed", "accepted", "proposed"):
                problems.append(f"{where}: review_status {status!r} is not seed/accepted/proposed")
            if status == "seed":
                continue
            proposal = proposals.get(row.get("proposal_id", ""))
            if proposal is None or proposal["decision"] != status:
                problems.append(f"{where}: {status} without a matching proposal")
    proposed_quotes = {
        row["quote"] for row in tables["metrics"] if row.get("review_status") == "proposed"
    }
    published_quotes = {
        row["quote"] for row in tables["metrics"] if row.get("review_status") != "proposed"
    }
    for row in tables["targets"]:
        quote = row.get("current_quote", "")
        if quote and quote in proposed_quotes and quote not in published_quotes:
            problems.append(f"targets.csv {row['target_id']}: current value from a proposed row")
    return problems
