"""Curated tables from the figure ledger, through the catalog (data_prep/catalog.toml).

Selectors pick figures; the catalog never holds a value. A selector that matches no figure or more
than one stops the build with a message naming the catalog entry.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from data_prep import PACKAGE_DIR, meaning
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
    "scope",
    "statement_kind",
    "article",
    "raw",
    "line",
    "start",
    "end",
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
    """What curation reads: the reports, the ledger rows, and each report's cleaned text.

    `claimed` collects the (source, start) of every figure a curated row took, so that the rest
    can be listed for review; `review` collects catalog entries that matched a later report
    ambiguously.
    """

    reports: dict[str, Report]
    figures: list[Row]
    texts: dict[str, str]
    claimed: set[tuple[str, int]] = field(default_factory=set)
    review: list[Row] = field(default_factory=list)
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


def select_again(sources: Sources, templates: list[dict], report: Report, entry: str) -> Row | None:
    """A catalog entry's selectors tried on a report they do not name: the first that picks
    exactly one figure wins; several figures go to review, none means not reported there."""
    for template in templates:
        selector = {key: value for key, value in template.items() if key != "report"}
        matches = candidates(sources, selector, report)
        if len(matches) == 1:
            sources.claimed.add((report.file, int(matches[0]["start"])))
            return matches[0]
        if len(matches) > 1:
            sources.review.append(
                {
                    "entry": entry,
                    "report_id": report.report_id,
                    "figures": " | ".join(str(row["raw"]) for row in matches),
                }
            )
    return None


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


def meaning_of(figure: Row, report: Report) -> dict[str, object]:
    """Scope, statement kind and period of a ledger figure, from its clause and sentence."""
    clause, sentence = _clause_of(figure), str(figure["sentence"])
    year, period, basis = meaning.period(figure["year"], clause, sentence, int(report.year))
    lead = _lead_of(figure)
    return {
        "year": year,
        "year_basis": basis,
        "period": period or figure["period"],
        "scope": meaning.scope(str(figure["subject"]), clause),
        "statement_kind": meaning.statement_kind(clause, lead),
    }


def _metric_row(metric: dict, figure: Row, report: Report) -> Row:
    about = meaning_of(figure, report)
    return {
        "metric_id": metric["metric_id"],
        "category": metric["category"],
        "label_zh": metric["label_zh"],
        "label_en": metric["label_en"],
        "kind": metric["kind"],
        "year": about["year"],
        "value": figure["value"],
        "value_high": figure["value_high"],
        "unit": figure["unit"],
        "qualifier": figure["qualifier"],
        "source": report.file,
        "report_date": report.report_date,
        "quote": figure["sentence"],
        "report_id": report.report_id,
        "per": figure["per"],
        "display_unit": metric["display_unit"],
        "year_basis": about["year_basis"],
        "period": about["period"],
        "scope": about["scope"],
        "statement_kind": about["statement_kind"],
        "article": figure["article"],
        "raw": figure["raw"],
        "line": figure["line"],
        "start": figure["start"],
        "end": figure["end"],
    }


def build_metrics(catalog: dict, sources: Sources) -> list[Row]:
    """Each metric from the reports its selectors name (exactly one figure each, or the build
    stops), then from every other report where its selectors pick exactly one figure."""
    rows: list[Row] = []
    for metric in catalog.get("metrics", []):
        entry = f"metric {metric['metric_id']}"
        named = set()
        for selector in metric["select"]:
            report = sources.report(selector["report"], entry)
            rows.append(_metric_row(metric, select(sources, selector, entry), report))
            named.add(report.report_id)
        for report in sources.reports.values():
            if report.report_id not in named:
                figure = select_again(sources, metric["select"], report, entry)
                if figure is not None:
                    rows.append(_metric_row(metric, figure, report))
    return sorted(rows, key=lambda row: (row["report_date"], str(row["report_id"])))


def _project_row(project: dict, report: Report, **fields: object) -> Row:
    return {
        "project_id": project["project_id"],
        "name_zh": project["name_zh"],
        "product": project["product"],
        "park": project.get("park", ""),
        "report_date": report.report_date,
        "source": report.file,
        "report_id": report.report_id,
        "name_en": project["name_en"],
        "park_quote": "",
        "park_source": "",
        "part_of": project.get("part_of", ""),
        **fields,
    }


def _park_fields(project: dict, sources: Sources, entry: str) -> dict[str, str]:
    """Where a project is: stated once, in the report that `park_report` names."""
    if not project.get("park_words"):
        return {}
    park_report = sources.report(project["park_report"], entry)
    park_quote = _sentence_with(sources, park_report, project["park_words"], entry)
    if project["park"] not in park_quote:
        raise CatalogError(entry, f"park {project['park']!r} is not in {park_quote!r}")
    return {"park_quote": park_quote, "park_source": park_report.file}


def _status_in(text: str, vocabulary: dict[str, str]) -> str:
    """The status word that comes first in `text` (the longest where two start together), or ""."""
    found = [(text.find(word), -len(word), word) for word in vocabulary if word in text]
    return min(found)[2] if found else ""


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


def _mentioned_again(
    project: dict, first: Row, report: Report, sources: Sources, vocabulary: dict[str, str]
) -> Row | None:
    """A project found in a report the catalog does not name: the same capacity and product in
    one part of a sentence, with a status word beside them."""
    hits = [
        row
        for row in sources.body_figures(report)
        if row["unit"] == first["capacity_unit"]
        and row["value"] == first["capacity"]
        and project["product"] in _clause_of(row)
        and _status_in(_clause_of(row), vocabulary)
    ]
    if len(hits) != 1:
        return None
    figure = hits[0]
    sources.claimed.add((report.file, int(figure["start"])))
    quote = _part_of_sentence(figure)
    status_raw = _status_in(_clause_of(figure), vocabulary)
    return _project_row(
        project,
        report,
        companies="",
        capacity=figure["value"],
        capacity_unit=figure["unit"],
        investment_cny="",
        status=vocabulary[status_raw],
        status_raw=status_raw,
        quote=quote,
        capacity_per=figure["per"],
        line=figure["line"],
        _clause=(_clause_of(figure), _lead_of(figure)),
    )


def build_projects(catalog: dict, sources: Sources) -> list[Row]:
    """Each project in the reports the catalog names for it, then in any other report that
    names its capacity and product with a status word."""
    vocabulary: dict[str, str] = catalog.get("status_vocabulary", {})
    rows: list[Row] = []
    for project in catalog.get("projects", []):
        project_rows = []
        for mention in project["reports"]:
            entry = f"project {project['project_id']} ({mention['report']})"
            report = sources.report(mention["report"], entry)
            capacity = (
                select(sources, {"report": mention["report"], **mention["capacity"]}, entry)
                if "capacity" in mention
                else None
            )
            investment = (
                select(sources, {"report": mention["report"], **mention["investment"]}, entry)
                if "investment" in mention
                else None
            )
            parts = [_part_of_sentence(row) for row in (capacity, investment) if row]
            if "sentence" in mention:
                parts.append(_sentence_with(sources, report, mention["sentence"], entry))
            quote = "".join(dict.fromkeys(parts))
            status_raw = mention["status"]
            if status_raw not in vocabulary:
                raise CatalogError(entry, f"status {status_raw!r} is not in status_vocabulary")
            for word in [status_raw, *mention.get("companies", [])]:
                if word not in quote:
                    raise CatalogError(entry, f"{word!r} is not in the quote {quote!r}")
            project_rows.append(
                _project_row(
                    project,
                    report,
                    companies="、".join(mention.get("companies", [])),
                    capacity=capacity["value"] if capacity else "",
                    capacity_unit=capacity["unit"] if capacity else "",
                    investment_cny=investment["value"] if investment else "",
                    status=vocabulary[status_raw],
                    status_raw=status_raw,
                    quote=quote,
                    capacity_per=capacity["per"] if capacity else "",
                    line=capacity["line"] if capacity else "",
                    _clause=(_clause_of(capacity), _lead_of(capacity)) if capacity else None,
                )
            )
        named = {mention["report"] for mention in project["reports"]}
        first = next((row for row in project_rows if row["capacity"] != ""), None)
        if first is not None:
            for report in sources.reports.values():
                if report.report_id not in named:
                    again = _mentioned_again(project, first, report, sources, vocabulary)
                    if again is not None:
                        project_rows.append(again)
        park = _park_fields(project, sources, f"project {project['project_id']}")
        rows += [{**row, **park} for row in _stages_and_companies(project_rows)]
    return _related_by_company(rows)


def _related_by_company(rows: list[Row]) -> list[Row]:
    """Flag projects that name a company in common (其亚 in an olefins group and in a methanol
    project): related, never the same capacity. Each row lists the others with the companies
    they share as its evidence, "other_id（企业、企业）"; empty when none."""
    companies: dict[str, set[str]] = {}
    for row in rows:
        named = {name for name in str(row["companies"]).split("、") if name}
        companies.setdefault(str(row["project_id"]), set()).update(named)
    for row in rows:
        own = str(row["project_id"])
        related = [
            f"{other}（{'、'.join(sorted(companies[own] & theirs))}）"
            for other, theirs in companies.items()
            if other != own and companies[own] & theirs
        ]
        row["shares_companies_with"] = "；".join(related)
    return rows


def _stages_and_companies(project_rows: list[Row]) -> list[Row]:
    """Only a factual sentence sets a stage: a plan or a condition (谋划, 加快推进…重点项目,
    建成后) is kept as a mention, status "mentioned". A report that names a project without its
    companies keeps those of the project's earlier report, and says which."""
    ordered = sorted(project_rows, key=lambda row: (row["report_date"], str(row["report_id"])))
    companies, named_in = "", ""
    for row in ordered:
        clause, lead = row.pop("_clause") or (str(row["quote"]), str(row["quote"]))
        kind = meaning.statement_kind(clause, lead)
        row["statement_kind"] = kind
        row["sets_stage"] = kind == "fact"
        if kind != "fact":
            row["status"] = "mentioned"
        if row["companies"]:
            companies, named_in = str(row["companies"]), str(row["report_id"])
            row["companies_from"] = ""
        else:
            row["companies"], row["companies_from"] = companies, named_in
    return ordered


def _latest_fact(
    templates: list[dict], scope: str, sources: Sources, entry: str
) -> tuple[Row, Report] | None:
    """The latest reported fact that `templates` pick in any report, of the given scope; a
    figure that is a goal, forecast, plan or condition never is one."""
    found: list[tuple[int, str, Row, Report]] = []
    for report in sources.reports.values():
        for template in templates:
            selector = {key: value for key, value in template.items() if key != "report"}
            facts = [
                row
                for row in candidates(sources, selector, report)
                if meaning_of(row, report)["statement_kind"] == "fact"
                and meaning_of(row, report)["scope"] == scope
            ]
            if len(facts) > 1:
                sources.review.append(
                    {
                        "entry": entry,
                        "report_id": report.report_id,
                        "figures": " | ".join(str(row["raw"]) for row in facts),
                    }
                )
            elif facts:
                sources.claimed.add((report.file, int(facts[0]["start"])))
                year = int(meaning_of(facts[0], report)["year"])
                found.append((year, report.report_date, facts[0], report))
                break
    if not found:
        return None
    _, _, row, report = max(found, key=lambda item: (item[0], item[1]))
    return row, report


def build_targets(catalog: dict, sources: Sources) -> list[Row]:
    """Targets as the reports state them, each with the kind of statement it is, the latest
    reported actual of the same measure and scope (none: "not reported"), and a reading."""
    rows: dict[str, Row] = {}
    for target in catalog.get("targets", []):
        entry = f"target {target['target_id']}"
        if "derivation" in target or "baseline" in target:
            raise CatalogError(
                entry, "a baseline is never derived; name the measure's reported actual in `actual`"
            )
        figure = select(sources, target["target"], entry)
        report = sources.report(target["target"]["report"], entry)
        about = meaning_of(figure, report)
        target_year = "" if target.get("no_year") else figure["year"]
        kind = "ambition" if target_year == "" else meaning.target_kind(about["statement_kind"])
        row: Row = {
            "target_id": target["target_id"],
            "label_zh": target["label_zh"],
            "label_en": target["label_en"],
            "unit": figure["unit"],
            "target_year": target_year,
            "target_value": figure["value"],
            "target_kind": kind,
            "scope": about["scope"],
            "current_value": "",
            "current_year": "",
            "current_year_basis": "",
            "current_qualifier": "",
            "current_quote": "",
            "current_source": "",
            "current_report_date": "",
            "required_growth": "",
            "required_growth_formula": "",
            "relation_zh": target.get("relation_zh", ""),
            "relation_en": target.get("relation_en", ""),
            "source": report.file,
            "quote": figure["sentence"],
            "report_id": report.report_id,
            "report_date": report.report_date,
            "display_unit": target["display_unit"],
            "qualifier": figure["qualifier"],
            "per": figure["per"],
            "note_zh": target.get("note_zh", ""),
            "note_en": target.get("note_en", ""),
            "pipeline_product": target.get("pipeline_product", ""),
        }
        actual = _latest_fact(target.get("actual", []), str(about["scope"]), sources, entry)
        growth = _latest_fact(target.get("growth", []), str(about["scope"]), sources, entry)
        value = year = None
        if actual is not None:
            fact, fact_report = actual
            fact_about = meaning_of(fact, fact_report)
            value, year = float(fact["value"]), int(fact_about["year"])
            row.update(
                current_value=fact["value"],
                current_year=year,
                current_year_basis=fact_about["year_basis"],
                current_qualifier=fact["qualifier"],
                current_quote=fact["sentence"],
                current_source=fact_report.file,
                current_report_date=fact_report.report_date,
            )
            if target_year != "" and int(target_year) > year:
                span = int(target_year) - year
                need = meaning.required_growth(value, float(figure["value"]), span)
                if need is not None:
                    row["required_growth"] = round(need, 6)
                    row["required_growth_formula"] = (
                        f"({figure['value']} / {fact['value']})^(1/({target_year} − {year})) − 1"
                    )
        verdict, reason_zh, reason_en = meaning.reading(
            value,
            year,
            float(figure["value"]),
            int(target_year) if target_year != "" else None,
            float(growth[0]["value"]) / 100 if growth else None,
            target["label_zh"] if growth else target.get("growth_reported", ""),
            target["label_zh"],
        )
        row.update(reading=verdict, reading_reason_zh=reason_zh, reading_reason_en=reason_en)
        if target["target_id"] in rows:
            raise CatalogError(entry, "target_id is not unique")
        rows[target["target_id"]] = row
    return list(rows.values())


def build_platforms(catalog: dict, sources: Sources) -> list[Row]:
    """Innovation platforms a report names; each name (less its framing words) is in its quote."""
    rows: list[Row] = []
    for platform in catalog.get("platforms", []):
        entry = f"platform {platform['platform_id']}"
        report = sources.report(platform["report"], entry)
        quote = _sentence_with(sources, report, platform["words"], entry)
        rows.append(
            {
                "platform_id": platform["platform_id"],
                "name_zh": platform["name_zh"],
                "name_en": platform["name_en"],
                "status": platform["status"],
                "report_id": report.report_id,
                "report_date": report.report_date,
                "source": report.file,
                "quote": quote,
            }
        )
    return rows
