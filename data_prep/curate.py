"""What every curated table shares: the catalog (data_prep/catalog.toml), the sources a build
reads, the selectors that pin a seed report's figures, and the meaning of a figure. Each table is
built by its own module (metrics.py, projects.py, platforms.py; the targets here).

Selectors pick figures; the catalog never holds a value. A selector that matches no figure or more
than one stops the build with a message naming the catalog entry.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from data_prep import PACKAGE_DIR, meaning, review
from data_prep.errors import InputError
from data_prep.figures import split_sentences
from data_prep.reports import Report

CATALOG = PACKAGE_DIR / "catalog.toml"

METRIC_COLUMNS = [
    "metric_id",
    "category",
    "label_zh",
    "label_en",
    "kind",
    "year",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "source",
    "report_date",
    "quote",
    "report_id",
    "per",
    "display_unit",
    "year_basis",
    "period",
    "period_type",
    "scope",
    "statement_kind",
    "article",
    "raw",
    "line",
    "start",
    "end",
    "review_status",
    "proposal_id",
]
PROJECT_COLUMNS = [
    "project_id",
    "name_zh",
    "companies",
    "product",
    "capacity",
    "capacity_unit",
    "investment_cny",
    "status",
    "status_raw",
    "stage_date",
    "park",
    "report_date",
    "source",
    "quote",
    "report_id",
    "name_en",
    "capacity_per",
    "park_quote",
    "park_source",
    "part_of",
    "line",
    "statement_kind",
    "sets_stage",
    "companies_from",
    "shares_companies_with",
    "review_status",
    "proposal_id",
]
TARGET_COLUMNS = [
    "target_id",
    "label_zh",
    "label_en",
    "unit",
    "target_year",
    "target_value",
    "target_kind",
    "scope",
    "current_value",
    "current_year",
    "current_year_basis",
    "current_qualifier",
    "current_quote",
    "current_source",
    "current_report_date",
    "required_growth",
    "required_growth_formula",
    "reading",
    "reading_reason_zh",
    "reading_reason_en",
    "relation_zh",
    "relation_en",
    "source",
    "quote",
    "report_id",
    "report_date",
    "display_unit",
    "qualifier",
    "per",
    "note_zh",
    "note_en",
    "pipeline_product",
]

PLATFORM_COLUMNS = [
    "platform_id",
    "name_zh",
    "name_en",
    "status",
    "report_id",
    "report_date",
    "source",
    "quote",
]

Row = dict[str, object]


class CatalogError(InputError):
    def __init__(self, entry: str, message: str) -> None:
        super().__init__(CATALOG, f"{entry}: {message}")


@dataclass(frozen=True)
class Sources:
    """What curation reads: the reports, the ledger rows, each report's cleaned text, its articles
    and the analyst's decisions on proposals.

    `claimed` collects the (source, start) of every figure a curated row took, so that the rest
    can be listed for review; `proposals` collects the rows found in reports the catalog does not
    name, each with its decision.
    """

    reports: dict[str, Report]
    figures: list[Row]
    texts: dict[str, str]
    articles: dict[str, Row] = field(default_factory=dict)
    decisions: dict[str, review.Decision] = field(default_factory=dict)
    claimed: set[tuple[str, int]] = field(default_factory=set)
    proposals: list[Row] = field(default_factory=list)
    _body: dict[str, list[Row]] = field(default_factory=dict)

    def body_figures(self, report: Report) -> list[Row]:
        """The figures of a report's article bodies, where every selector looks; grouped once,
        so that each selector reads one report's figures, not the whole ledger."""
        if not self._body:
            for row in self.figures:
                if row["role"] == "body":
                    self._body.setdefault(str(row["source"]), []).append(row)
        return self._body.get(report.file, [])

    def report(self, report_id: str, entry: str) -> Report:
        if report_id not in self.reports:
            raise CatalogError(entry, f"names report {report_id!r}, which reports.toml lacks")
        return self.reports[report_id]


def load_catalog(path: Path = CATALOG) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot be read as TOML: {error}") from None


def candidates(sources: Sources, selector: dict, report: Report) -> list[Row]:
    """The ledger rows of `report` that `selector` allows; with `position`, the one at that
    position among them when they stand in one sentence (none when they stand in several)."""
    words = selector.get("words", [])
    matches = [
        row
        for row in sources.body_figures(report)
        if row["unit"] == selector["unit"]
        and all(word in row["sentence"] for word in words)
        and ("year" not in selector or row["year"] == selector["year"])
        and ("per" not in selector or row["per"] == selector["per"])
        and ("subject" not in selector or selector["subject"] in row["subject"])
    ]
    if "position" in selector:
        if len({row["sentence_start"] for row in matches}) > 1:
            return matches  # ambiguous: the caller reports it
        index = selector["position"] - 1
        matches = matches[index : index + 1]
    return matches


def select(sources: Sources, selector: dict, entry: str) -> Row:
    """The one ledger row that `selector` picks; see the catalog's header for the fields."""
    report = sources.report(selector.get("report", ""), entry)
    matches = candidates(sources, selector, report)
    if len(matches) != 1:
        found = (
            "no figure"
            if not matches
            else f"{len(matches)} figures ({', '.join(str(r['raw']) for r in matches)})"
        )
        raise CatalogError(entry, f"selector {selector} matches {found} in {report.file}")
    sources.claimed.add((report.file, int(matches[0]["start"])))
    return matches[0]


def _sentence_with(sources: Sources, report: Report, words: list[str], entry: str) -> str:
    sentences = split_sentences(sources.texts[report.file])
    hits = {sentence for sentence in sentences if all(word in sentence for word in words)}
    if len(hits) != 1:
        raise CatalogError(entry, f"words {words} stand in {len(hits)} sentences of {report.file}")
    return hits.pop()


def _part_of_sentence(row: Row) -> str:
    """The ；-separated part of the figure's sentence that holds the figure."""
    sentence = str(row["sentence"])
    offset = int(row["start"]) - int(row["sentence_start"])
    begin = sentence.rfind("；", 0, offset) + 1
    end = sentence.find("；", offset)
    return sentence[begin : end if end >= 0 else len(sentence)]


def meaning_of(figure: Row, report: Report, earlier: str = "") -> dict[str, object]:
    """Scope, statement kind and period of a ledger figure, from its clause and sentence, and
    for 全年/年底 the year its article named before it (`earlier`)."""
    clause, sentence = _clause_of(figure), str(figure["sentence"])
    year, period, basis = meaning.period(
        figure["year"], clause, sentence, int(report.year), earlier
    )
    lead = _lead_of(figure)
    return {
        "year": year,
        "year_basis": basis,
        "period": period or figure["period"],
        "scope": meaning.scope(str(figure["subject"]), clause),
        "statement_kind": meaning.statement_kind(clause, lead),
    }


def earlier_in_article(sources: Sources, figure: Row) -> str:
    """The figure's article from its headline up to the figure's sentence."""
    article = sources.articles.get(str(figure["article"]), {})
    starts = [start for start, _ in review.article_spans(article)]
    text = sources.texts.get(str(figure["source"]), "")
    return text[min(starts) : int(figure["sentence_start"])] if starts else ""


def named_reports(catalog: dict) -> set[str]:
    """The reports the catalog names (the seeds it was written for): their rows are published as
    the selectors pick them; every other report's rows are proposals."""
    named = {s["report"] for m in catalog.get("metrics", []) for s in m["select"]}
    named |= {r["report"] for p in catalog.get("projects", []) for r in p["reports"]}
    named |= {t["target"]["report"] for t in catalog.get("targets", [])}
    named |= {p["report"] for p in catalog.get("platforms", [])}
    return named


def _clause_of(row: Row) -> str:
    """The clause of the figure's sentence, from the figure to the next comma or semicolon, with
    the words before it back to the previous one: "…共160万吨煤制烯烃项目建成投产"."""
    sentence = str(row["sentence"])
    offset = int(row["start"]) - int(row["sentence_start"])
    begin = max(sentence.rfind(mark, 0, offset) for mark in "，；,;") + 1
    ends = [i for i in (sentence.find(mark, offset) for mark in "，；,;。") if i >= 0]
    return sentence[begin : min(ends) if ends else len(sentence)]


def _lead_of(row: Row) -> str:
    """The figure's sentence from the start of its ；-part to the end of the figure's clause."""
    sentence = str(row["sentence"])
    offset = int(row["start"]) - int(row["sentence_start"])
    begin = sentence.rfind("；", 0, offset) + 1
    ends = [i for i in (sentence.find(mark, offset) for mark in "，；,;。") if i >= 0]
    return sentence[begin : min(ends) if ends else len(sentence)]
