"""Build data/curated/ from the seeds and the catalog, atomically.

Everything is written to a new folder next to the target and checked there; only when the whole
build and its checks succeeded is its manifest written and the link `data/curated` moved onto it
(data_prep.store). On any error, or a kill at any point, the previous tables stay as they were.
A build runs as the one writer of the seeds and the tables, first mending what a killed writer
left, and refuses a decisions file that lost decisions the tables record.

`record_and_rebuild` is how a review decision lands: recorded in the seeds (data_prep.review),
then rebuilt, as one writer; the review module never builds.
"""

import csv
import io
import json
import shutil
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from data_prep import CURATED_DIR, PACKAGE_DIR, SEEDS_DIR, measures, review, store, teach
from data_prep.check import check_tables
from data_prep.curate import (
    CATALOG,
    METRIC_COLUMNS,
    PLATFORM_COLUMNS,
    PROJECT_COLUMNS,
    Sources,
    load_catalog,
)
from data_prep.errors import InputError
from data_prep.figures import LEDGER_COLUMNS
from data_prep.geometry import COUNTIES, GEOMETRY_COLUMNS, MAP_SETTINGS, with_geometry
from data_prep.metrics import build_metrics
from data_prep.mobile import mobile_files
from data_prep.pipeline import ReadReport, read_report
from data_prep.places import FACT_COLUMNS, PLACE_COLUMNS, PLACES, load_places, place_facts
from data_prep.platforms import build_platforms
from data_prep.projects import build_projects
from data_prep.reports import load_reports, sha256_of
from data_prep.review import PROPOSAL_COLUMNS, decisions_path, keep_decisions, load_decisions
from data_prep.targets import ANSWERS, TARGET_COLUMNS, build_targets

SCHEMA = PACKAGE_DIR / "schema.toml"
T = TypeVar("T")
ARTICLE_COLUMNS = [
    "source",
    "article",
    "headline",
    "subtitle",
    "byline",
    "sections",
    "is_lead",
    "zhundong_mentions",
    "relevance",
    "keywords",
    "figures",
    "chars",
    "start",
    "spans",
]
UNCLAIMED_COLUMNS = [
    "report_id",
    "report_date",
    "relevance",
    "source",
    "article",
    "raw",
    "value",
    "unit",
    "per",
    "qualifier",
    "subject",
    "year",
    "sentence",
    "line",
    "start",
]
REPORT_COLUMNS = [
    "report_id",
    "source",
    "newspaper",
    "lead_headline",
    "report_date",
    "date_basis",
    "sha256",
    "lead_headline_en",
    "lead_subtitle",
    "newspaper_en",
    "newspaper_basis",
    "date_basis_zh",
]


def csv_bytes(rows: list[dict], columns: list[str]) -> bytes:
    """Rows as CSV in UTF-8 with a byte-order mark, so that Excel on Chinese Windows reads it."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return buffer.getvalue().encode("utf-8-sig")


def figure_rows(read: ReadReport) -> list[dict]:
    return [figure.row() for figure in read.figures]


def article_rows(read: ReadReport, prefix: str, lead_headline: str) -> list[dict]:
    counts: dict[str, int] = {}
    for figure in read.figures:
        counts[figure.article] = counts.get(figure.article, 0) + 1
    spans = read.page.spans
    rows = []
    for article in read.page.articles:
        article_id = f"{prefix}-a{article.number:02d}"
        own = [s for s in spans if s.article == article.number]
        body_starts = [s.start for s in own if s.role == "body"]
        rows.append(
            {
                "source": read.source,
                "article": article_id,
                "headline": article.headline,
                "subtitle": article.subtitle,
                "byline": article.byline,
                "sections": "|".join(article.sections),
                "is_lead": bool(lead_headline) and lead_headline in article.headline,
                "zhundong_mentions": article.zhundong_mentions,
                "relevance": article.relevance,
                "keywords": "|".join(article.keywords),
                "figures": counts.get(article_id, 0),
                "chars": sum(len(paragraph) for paragraph in article.body),
                "start": min(body_starts) if body_starts else "",
                "spans": ";".join(f"{s.start}:{s.end}:{s.role}" for s in own),
            }
        )
    return rows


def unclaimed(reports, figures: list[dict], articles: list[dict], sources: Sources) -> list[dict]:
    """Body figures that no curated row took, newest report first, for an analyst to review."""
    relevance = {row["article"]: row["relevance"] for row in articles}
    by_file = {report.file: report for report in reports}
    rows = []
    for figure in figures:
        if figure["role"] != "body" or (figure["source"], int(figure["start"])) in sources.claimed:
            continue
        report = by_file[figure["source"]]
        rows.append(
            {
                **figure,
                "report_id": report.report_id,
                "report_date": report.report_date,
                "relevance": relevance.get(figure["article"], ""),
            }
        )
    return sorted(rows, key=lambda row: (row["report_date"], row["report_id"]), reverse=True)


def _describe_columns() -> list[dict]:
    schema = tomllib.loads(SCHEMA.read_text(encoding="utf-8"))
    return [
        {"table": table, "column": column, "description": text}
        for table, columns in schema.items()
        for column, text in columns.items()
        if not column.startswith("_")
    ]


def build_tables(seeds_dir: Path = SEEDS_DIR, catalog_path: Path = CATALOG) -> dict[str, bytes]:
    """All output files (relative path -> bytes) except the manifest; raises InputError."""
    measures.use_taught(seeds_dir)  # the words reviewers' decisions taught
    reports = load_reports(seeds_dir)
    decisions = load_decisions(seeds_dir)
    catalog = review.with_created_metrics(
        load_catalog(catalog_path), decisions, decisions_path(seeds_dir)
    )
    figures: list[dict] = []
    articles: list[dict] = []
    texts: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for report in reports:
        read = read_report(
            seeds_dir / report.file,
            lead_headline=report.lead_headline,
            report_year=report.year,
            prefix=report.report_id,
        )
        figures += figure_rows(read)
        articles += article_rows(read, report.report_id, report.lead_headline)
        texts[report.file] = read.text.text
        files[f"texts/{report.file}"] = read.text.text.encode("utf-8")
    sources = Sources(
        {report.report_id: report for report in reports},
        figures,
        texts,
        {str(row["article"]): row for row in articles},
        decisions,
    )
    report_rows = [
        {
            "report_id": r.report_id,
            "source": r.file,
            "newspaper": r.newspaper,
            "lead_headline": r.lead_headline,
            "report_date": r.report_date,
            "date_basis": r.date_basis,
            "sha256": r.sha256,
            **r.extra,
        }
        for r in reports
    ]
    files["figures.csv"] = csv_bytes(figures, LEDGER_COLUMNS)
    files["articles.csv"] = csv_bytes(articles, ARTICLE_COLUMNS)
    files["reports.csv"] = csv_bytes(report_rows, REPORT_COLUMNS)
    metrics = build_metrics(catalog, sources)
    places = load_places()
    files["metrics.csv"] = csv_bytes(metrics, METRIC_COLUMNS)
    files["places.csv"] = csv_bytes(with_geometry(places), PLACE_COLUMNS + GEOMETRY_COLUMNS)
    files["place_facts.csv"] = csv_bytes(place_facts(places, metrics), FACT_COLUMNS)
    projects = build_projects(catalog, sources)
    files["projects.csv"] = csv_bytes(projects, PROJECT_COLUMNS)
    targets = build_targets(catalog, sources, metrics, projects)
    files["targets.csv"] = csv_bytes(targets, TARGET_COLUMNS)
    files.update(mobile_files(metrics, targets, report_rows))
    files["platforms.csv"] = csv_bytes(build_platforms(catalog, sources), PLATFORM_COLUMNS)
    files["unclaimed.csv"] = csv_bytes(
        unclaimed(reports, figures, articles, sources), UNCLAIMED_COLUMNS
    )
    files["proposals.csv"] = csv_bytes(sources.proposals, PROPOSAL_COLUMNS)
    files["columns.csv"] = csv_bytes(_describe_columns(), ["table", "column", "description"])
    return files


def _manifest(files: dict[str, bytes], seeds_dir: Path, catalog_path: Path) -> dict:
    inputs = {
        path.relative_to(seeds_dir.parent).as_posix(): sha256_of(path)
        for path in sorted(seeds_dir.iterdir())
        if path.is_file() and not path.name.startswith(".")
    }
    for path in (
        catalog_path,
        SCHEMA,
        PLACES,
        PACKAGE_DIR / "layout.toml",
        ANSWERS,
        PACKAGE_DIR / "userdict.txt",
        PACKAGE_DIR / "vocabulary.toml",
        PACKAGE_DIR / "regions.toml",
        PACKAGE_DIR / "companies.toml",
        PACKAGE_DIR / "stages.toml",
        MAP_SETTINGS,
    ):
        inputs[f"data_prep/{path.name}"] = sha256_of(path)
    inputs["dashboard/static/basemap/counties.json"] = sha256_of(COUNTIES)
    rows = {
        name: data.decode("utf-8-sig").count("\r\n") - 1
        for name, data in files.items()
        if name.endswith(".csv")
    }
    return {
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": inputs,
        "rows": rows,
    }


def build(
    out_dir: Path = CURATED_DIR,
    seeds_dir: Path = SEEDS_DIR,
    catalog_path: Path = CATALOG,
    forget_decisions: bool = False,
) -> dict:
    """Build, check and atomically install the tables in `out_dir`; returns the manifest.

    Runs as the one writer (InputError "busy" when another holds the seeds too long). Refuses a
    decisions file that lacks decisions `out_dir`'s proposals.csv records, unless
    `forget_decisions` (they were dropped on purpose)."""
    with store.writing(seeds_dir):
        store.recover(seeds_dir, out_dir)
        if not forget_decisions:
            keep_decisions(load_decisions(seeds_dir), seeds_dir, out_dir / "proposals.csv")
        files = build_tables(seeds_dir, catalog_path)
        manifest = _manifest(files, seeds_dir, catalog_path)
        version = store.new_version(out_dir)
        try:
            _write_version(version, files, manifest)
            store.install_tables(version, out_dir)
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)
            raise
    return manifest


def _write_version(version: Path, files: dict[str, bytes], manifest: dict) -> None:
    """The tables into `version`, checked; the manifest last, so that a folder with a manifest is
    a complete, checked build."""
    for name, data in files.items():
        path = version / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as error:
            raise store.write_error(path, error) from None
    store.step("build:tables-written")
    problems = check_tables(version)
    if problems:
        raise InputError(version / "metrics.csv", "checks failed:\n  " + "\n  ".join(problems))
    manifest_bytes = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    store.write_atomic(version / "manifest.json", manifest_bytes)
    store.step("build:manifest-written")


def record_and_rebuild(
    record: Callable[[], T], seeds_dir: Path = SEEDS_DIR, out_dir: Path = CURATED_DIR
) -> T:
    """Run `record` (which writes decisions.toml, data_prep.review) and rebuild, as one writer.
    When the rebuild fails, decisions.toml is put back as it was and the error raised; killed
    after the record, the decision is kept and the next build shows it."""
    paths = (decisions_path(seeds_dir), teach.taught_path(seeds_dir))  # and what it taught
    with store.writing(seeds_dir):
        store.recover(seeds_dir, out_dir)
        before = [path.read_bytes() if path.is_file() else None for path in paths]
        recorded = record()
        store.step("decide:recorded")
        try:
            build(out_dir, seeds_dir)
        except BaseException:
            for path, content in zip(paths, before, strict=True):
                if content is None:
                    path.unlink(missing_ok=True)
                else:
                    store.write_atomic(path, content)
            raise
    return recorded


def decide_and_rebuild(
    proposal_ids: list[str],
    decision: str,
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
    by: str = "",
) -> list[dict[str, str]]:
    """Accept or reject proposals and rebuild, as one writer (what `review --accept` does)."""
    return record_and_rebuild(
        lambda: review.decide(proposal_ids, decision, seeds_dir, out_dir, by), seeds_dir, out_dir
    )
