"""Curated tables from the figure ledger, through the catalog (data_prep/catalog.toml).

Selectors pick figures; the catalog never holds a value. A selector that matches no figure or more
than one stops the build with a message naming the catalog entry.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from data_prep import PACKAGE_DIR, meaning, review
from data_prep.errors import InputError
from data_prep.figures import split_sentences
from data_prep.measures import measure_of, sentence_before
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


def _metric_row(metric: dict, figure: Row, report: Report, about: dict | None = None) -> Row:
    about = about or meaning_of(figure, report)
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
        "review_status": review.SEED,
        "proposal_id": "",
    }


def named_reports(catalog: dict) -> set[str]:
    """The reports the catalog names (the seeds it was written for): their rows are published as
    the selectors pick them; every other report's rows are proposals."""
    named = {s["report"] for m in catalog.get("metrics", []) for s in m["select"]}
    named |= {r["report"] for p in catalog.get("projects", []) for r in p["reports"]}
    named |= {t["target"]["report"] for t in catalog.get("targets", [])}
    named |= {p["report"] for p in catalog.get("platforms", [])}
    return named


def build_metrics(catalog: dict, sources: Sources) -> list[Row]:
    """Each metric from the reports its selectors name (exactly one figure each, or the build
    stops), then the figures of every report the catalog does not name that its measure binds:
    proposed, or accepted or rejected by the analyst's decision."""
    metrics = {metric["metric_id"]: metric for metric in catalog.get("metrics", [])}
    rows: list[Row] = []
    for metric in metrics.values():
        entry = f"metric {metric['metric_id']}"
        for selector in metric["select"]:
            report = sources.report(selector["report"], entry)
            figure = select(sources, selector, entry)
            about = meaning_of(figure, report, earlier_in_article(sources, figure))
            rows.append(_metric_row(metric, figure, report, about))
    measures = [m for m in map(measure_of, metrics.values()) if m is not None]
    named = named_reports(catalog)
    proposals: list[Row] = []
    for report in sources.reports.values():
        if report.report_id in named:
            continue
        articles = {
            key: article
            for key, article in sources.articles.items()
            if article["source"] == report.file
        }
        proposals += review.metric_proposals(
            report,
            sources.body_figures(report),
            sources.texts[report.file],
            articles,
            metrics,
            measures,
            lambda figure, report: meaning_of(figure, report, earlier_in_article(sources, figure)),
        )
    proposals += review.reviewer_proposals(  # figures a reviewer assigned, corrected, created
        sources.decisions,
        sources.reports,
        sources.body_figures,
        metrics,
        lambda figure, report: meaning_of(figure, report, earlier_in_article(sources, figure)),
    )
    proposals = review.with_decisions(proposals, sources.decisions, ("metric",))
    published = list(rows)
    for proposal in proposals:
        if proposal["decision"] in ("proposed", "accepted") and "_figure" in proposal:
            sources.claimed.add((str(proposal["source"]), int(proposal["start"])))
    likeliest = sorted(
        proposals, key=lambda p: (p["decision"] != "accepted", -float(p.get("confidence") or 0))
    )
    for proposal in likeliest:
        if "_figure" not in proposal:
            continue
        metric = metrics[str(proposal["target_id"])]
        same = [
            r
            for r in published
            if r["metric_id"] == metric["metric_id"] and r["review_status"] != review.PROPOSED
        ]
        proposal.update(review.relation_to(proposal, same))
        if proposal["decision"] == "rejected":
            continue
        slot = (metric["metric_id"], proposal["report_id"], proposal["year"])
        if any((r["metric_id"], r["report_id"], r["year"]) == slot for r in published):
            continue  # one row per metric, report and year: the accepted, else the likeliest
        report = sources.reports[str(proposal["report_id"])]
        row = _metric_row(metric, proposal["_figure"], report, proposal["_about"])
        row["review_status"] = (
            review.ACCEPTED if proposal["decision"] == "accepted" else review.PROPOSED
        )
        row["proposal_id"] = proposal["proposal_id"]
        published.append(row)
    for proposal in proposals:
        proposal.pop("_figure", None)
        proposal.pop("_about", None)
    sources.proposals.extend(proposals)
    return sorted(published, key=lambda row: (row["report_date"], str(row["report_id"])))


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


# A product as reports also write it: 煤制天然气 for 煤制气, 甲醇 for 煤制甲醇.
PRODUCT_WORDS = {
    "煤制气": ("煤制气", "煤制天然气"),
    "煤制甲醇": ("煤制甲醇", "甲醇"),
    "煤制烯烃": ("煤制烯烃", "烯烃"),
    "煤化一体化": ("煤化一体化",),
}
# Products a new project can be named by, besides the catalog's own.
NEW_PROJECT_PRODUCTS = (
    "煤制乙二醇",
    "乙二醇",
    "煤制油",
    "煤制天然气",
    "煤制气",
    "煤制烯烃",
    "聚乙烯",
    "聚丙烯",
    "甲醇",
    "合成氨",
    "尿素",
    "电解铝",
    "多晶硅",
    "工业硅",
    "有机硅",
    "可降解材料",
    "煤焦油",
    "兰炭",
)
_CAPACITY_UNITS = ("吨", "立方米")
_PROJECT_DISPLAY = {"吨": "万吨", "立方米": "亿立方米"}


def _product_in(text: str, product: str) -> bool:
    return any(word in text for word in PRODUCT_WORDS.get(product, (product,)))


def _companies_of(project_rows: list[Row]) -> set[str]:
    return {name for row in project_rows for name in str(row["companies"]).split("、") if name}


def _recognise(
    figure: Row, known: list[tuple[dict, list[Row]]]
) -> tuple[dict, float, str, str] | None:
    """The known project a capacity figure speaks of: the same product in its clause and the same
    capacity, or one of the project's companies in its part of the sentence; None when none or
    several fit. Returns (project, confidence, reason_zh, reason_en)."""
    clause, part = _clause_of(figure), _part_of_sentence(figure)
    fits = []
    for project, project_rows in known:
        if not _product_in(clause, project["product"]):
            continue
        capacities = {(row["capacity"], row["capacity_unit"]) for row in project_rows}
        same_size = (figure["value"], figure["unit"]) in capacities
        company = any(name in part for name in _companies_of(project_rows))
        if same_size and company:
            fits.append(
                (
                    project,
                    1.0,
                    "产品、产能和企业都与已知项目相符",
                    "product, capacity and company match",
                )
            )
        elif same_size:
            fits.append((project, 0.9, "产品和产能与已知项目相符", "product and capacity match"))
        elif company:
            fits.append(
                (
                    project,
                    0.7,
                    "产品和企业相符，产能不同",
                    "product and company match; capacity differs",
                )
            )
    fits.sort(key=lambda fit: -fit[1])
    if not fits or (len(fits) > 1 and fits[0][1] == fits[1][1]):
        return None  # none, or two known projects fit as well: not guessed
    return fits[0]


def _new_project_name(figure: Row) -> tuple[str, str] | None:
    """(name, product) of a project the clause names with its capacity: "某公司年产40万吨煤制乙二醇
    项目"; None when the clause names no 项目 or no product after the figure."""
    clause = _clause_of(figure)
    offset = int(figure["start"]) - int(figure["sentence_start"])
    sentence = str(figure["sentence"])
    begin = sentence.find(clause) if clause else -1
    after = clause[offset - begin :] if begin >= 0 else clause
    end = after.find("项目")
    if end < 0:
        return None
    product = next((word for word in NEW_PROJECT_PRODUCTS if word in after[:end]), "")
    if not product:
        return None
    name = clause[: offset - begin + end + 2] if begin >= 0 else clause
    return name.lstrip("由将其中并和及、 "), product


def project_proposals(
    catalog: dict, sources: Sources, known: list[tuple[dict, list[Row]]]
) -> list[Row]:
    """Project rows in reports the catalog does not name: a known project recognised by product,
    capacity and companies, or a new one a clause names with its capacity; each a proposal."""
    vocabulary: dict[str, str] = catalog.get("status_vocabulary", {})
    named = named_reports(catalog)
    rows: list[Row] = []
    for report in sources.reports.values():
        if report.report_id in named:
            continue
        for figure in sources.body_figures(report):
            if figure["unit"] not in _CAPACITY_UNITS:
                continue
            if sources.articles.get(str(figure["article"]), {}).get("relevance") in ("none", "low"):
                continue
            clause, lead = _clause_of(figure), _lead_of(figure)
            before = sentence_before(figure)
            if meaning.scope_in_context(str(figure["subject"]), clause, before, "") != "zhundong":
                continue
            part = _part_of_sentence(figure)
            status_raw = _status_in(part, vocabulary)
            found = _recognise(figure, known)
            if found is not None:
                if not status_raw:
                    continue
                project, confidence, reason_zh, reason_en = found
                target_type, target_id = "project", project["project_id"]
                latest = max(
                    (row for p, rows in known if p is project for row in rows),
                    key=lambda row: (str(row["report_date"]), str(row["report_id"])),
                )
                name_zh, name_en = project["name_zh"], project["name_en"]
            else:
                named_new = _new_project_name(figure)
                if named_new is None:
                    continue
                name_zh, product = named_new
                project = {
                    "project_id": "",
                    "name_zh": name_zh,
                    "name_en": name_zh,
                    "product": product,
                }
                confidence, reason_zh, reason_en = (
                    0.6,
                    "未与已知项目相符：新项目",
                    "matches no known project: a new one",
                )
                target_type, target_id, name_en = "new_project", "", name_zh
                latest = None
            kind = meaning.statement_kind(clause, lead)
            if kind != "fact":
                reason_zh, reason_en = (
                    f"{reason_zh}；{kind}：不改变阶段",
                    f"{reason_en}; a {kind}: sets no stage",
                )
            found_as = review.proposal(
                report,
                figure,
                f"{target_type}:{target_id}",
                clause,
                (confidence, reason_zh, reason_en),
            )
            row = _project_row(
                {**project, "project_id": target_id or f"new_{found_as['proposal_id']}"},
                report,
                companies="",
                capacity=figure["value"],
                capacity_unit=figure["unit"],
                investment_cny="",
                status=vocabulary.get(status_raw, "mentioned"),
                status_raw=status_raw or "未述阶段",
                quote=part,
                capacity_per=figure["per"],
                line=figure["line"],
                _clause=(clause, lead),
                review_status=review.PROPOSED,
                proposal_id=found_as["proposal_id"],
            )
            rows.append(row)
            sources.proposals.append(
                {
                    **found_as,
                    "label_zh": name_zh,
                    "label_en": name_en,
                    "display_unit": _PROJECT_DISPLAY.get(str(figure["unit"]), ""),
                    "year": "",
                    "year_basis": "",
                    "scope": "zhundong",
                    "statement_kind": kind,
                    "relation": "new" if latest is None else "follows",
                    "current_value": latest["capacity"] if latest else "",
                    "current_year": "",
                    "stage": status_raw,
                    "current_stage": latest["status_raw"] if latest else "",
                    "current_report_id": latest["report_id"] if latest else "",
                    "current_quote": latest["quote"] if latest else "",
                }
            )
    return rows


def build_projects(catalog: dict, sources: Sources) -> list[Row]:
    """Each project in the reports the catalog names for it; then, proposed, known projects and
    new ones in every other report, each kept, marked or left out by the analyst's decision."""
    vocabulary: dict[str, str] = catalog.get("status_vocabulary", {})
    known: list[tuple[dict, list[Row]]] = []
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
                    review_status=review.SEED,
                    proposal_id="",
                )
            )
        known.append((project, project_rows))
    first = len(sources.proposals)
    proposed = project_proposals(catalog, sources, known)
    found = sources.proposals[first:]
    del sources.proposals[first:]
    sources.proposals.extend(
        review.with_decisions(found, sources.decisions, ("project", "new_project"))
    )
    decided = {str(p["proposal_id"]): p for p in sources.proposals[first:]}
    proposed = list({str(row["proposal_id"]): row for row in reversed(proposed)}.values())[::-1]
    kept: dict[str, list[Row]] = {}
    taken: set[tuple[str, str]] = set()

    def likeliest(row: Row) -> tuple[bool, float]:
        proposal = decided[str(row["proposal_id"])]
        return proposal["decision"] != "accepted", -float(proposal["confidence"])

    for row in sorted(proposed, key=likeliest):
        proposal = decided[str(row["proposal_id"])]
        if proposal["decision"] == "rejected":
            continue
        sources.claimed.add((str(proposal["source"]), int(proposal["start"])))
        # one row per project and report: the accepted one, else the likeliest
        if (str(row["project_id"]), str(row["report_id"])) in taken:
            continue
        taken.add((str(row["project_id"]), str(row["report_id"])))
        if proposal["decision"] == "accepted":
            row["review_status"] = review.ACCEPTED
        kept.setdefault(str(row["project_id"]), []).append(row)
    rows: list[Row] = []
    for project, project_rows in known:
        project_rows = project_rows + kept.pop(project["project_id"], [])
        park = _park_fields(project, sources, f"project {project['project_id']}")
        rows += [{**row, **park} for row in _stages_and_companies(project_rows)]
    for new_rows in kept.values():
        rows += _stages_and_companies(new_rows)
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


def _latest_fact(metrics: list[Row], metric_id: str, scope: str) -> Row | None:
    """The latest published (seed or accepted) fact of a metric, of the given scope; a goal,
    forecast, plan or condition, or a proposed row, never is one."""
    facts = [
        row
        for row in metrics
        if row["metric_id"] == metric_id
        and row["statement_kind"] == "fact"
        and row["scope"] == scope
        and row["review_status"] != review.PROPOSED
    ]
    if not facts:
        return None
    return max(facts, key=lambda row: (int(row["year"]), str(row["report_date"])))


def build_targets(catalog: dict, sources: Sources, metrics: list[Row]) -> list[Row]:
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
        known = {row["metric_id"] for row in metrics} | {
            m["metric_id"] for m in catalog.get("metrics", [])
        }
        for key in ("actual", "growth"):
            if target.get(key) and target[key] not in known:
                raise CatalogError(entry, f"{key} names metric {target[key]!r}, which is not one")
        scope = str(about["scope"])
        fact = _latest_fact(metrics, target.get("actual", ""), scope)
        growth = _latest_fact(metrics, target.get("growth", ""), scope)
        value = year = None
        if fact is not None:
            value, year = float(fact["value"]), int(fact["year"])
            row.update(
                current_value=fact["value"],
                current_year=year,
                current_year_basis=fact["year_basis"],
                current_qualifier=fact["qualifier"],
                current_quote=fact["quote"],
                current_source=fact["source"],
                current_report_date=fact["report_date"],
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
            float(growth["value"]) / 100 if growth else None,
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
