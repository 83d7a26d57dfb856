"""projects.csv: each catalog project in the reports that name it, and in every other report the
projects it states, known or new, each proposed for review."""

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from data_prep import PACKAGE_DIR, meaning, review
from data_prep.curate import (
    CatalogError,
    Row,
    Sources,
    _clause_of,
    _lead_of,
    _part_of_sentence,
    _sentence_with,
    named_reports,
    select,
)
from data_prep.errors import InputError
from data_prep.figures import split_sentences
from data_prep.measures import VOCABULARY, sentence_before, taught_in_use
from data_prep.reports import Report

STAGES = PACKAGE_DIR / "stages.toml"
COMPANIES = PACKAGE_DIR / "companies.toml"


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


@dataclass(frozen=True)
class Stage:
    """A stage of a project's approval sequence; see stages.toml."""

    status: str
    order: int
    words: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot be read as TOML: {error}") from None


@cache
def stages() -> tuple[Stage, ...]:
    return tuple(
        Stage(
            entry["status"],
            int(entry["order"]),
            tuple(entry.get("words", [])),
            tuple(re.compile(pattern) for pattern in entry.get("patterns", [])),
        )
        for entry in _load(STAGES)["stages"]
    )


# The stages a sentence without a capacity may set: the approval sequence, not 加快推进 or 落地.
APPROVAL_SEQUENCE = (
    "filed",
    "approved",
    "energy_review",
    "eia_review",
    "eia_approved",
    "under_construction",
    "trial_run",
    "operating",
)


def stage_in(text: str) -> tuple[str, str] | None:
    """(the words as written, status) of the stage `text` states first (the longest where two
    start together), or None."""
    found = []
    for stage in stages():
        found += [(text.find(w), -len(w), w, stage.status) for w in stage.words if w in text]
        for pattern in stage.patterns:
            found += [
                (m.start(), -len(m.group(0)), m.group(0), stage.status)
                for m in pattern.finditer(text)
            ]
    if not found:
        return None
    _, _, words, status = min(found)
    return words, status


_DATE = re.compile(r"(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日")


def stage_date(text: str, words: str, report: Report) -> str:
    """The date `text` gives up to its stage `words` ("7月9日，…获得…环评批复"), as YYYY-MM-DD, or
    "": the year is the sentence's, else the report's (the year before, for a month after the
    report's own)."""
    end = text.find(words) + len(words) if words and words in text else len(text)
    found = list(_DATE.finditer(text[:end]))
    if not found:
        return ""
    match = found[-1]
    month, day = int(match.group(2)), int(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    year = int(match.group(1)) if match.group(1) else report.year
    if not match.group(1) and len(report.report_date) >= 7 and month > int(report.report_date[5:7]):
        year -= 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def status_of(words: str) -> str:
    """The status of a stage word (a seed's status word in catalog.toml), or ""."""
    return next((s.status for s in stages() if words in s.words), "")


def stage_order(status: str) -> int:
    return next((s.order for s in stages() if s.status == status), -1)


def _companies() -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    """companies.toml with the companies reviewers' decisions taught (seeds/taught.toml, as the
    current build uses it: data_prep/teach.py)."""
    return _companies_read(COMPANIES, *taught_in_use())


@cache
def _companies_read(
    path: Path, taught: Path | None, stamp: tuple[int, int] | None
) -> tuple[re.Pattern, dict[str, str], tuple[str, ...]]:
    from data_prep.teach import load_taught

    data = _load(path)
    aliases = {
        alias: name for name, entry in data["companies"].items() for alias in entry["aliases"]
    }
    for entry in load_taught(taught) if taught is not None and stamp is not None else []:
        if entry.kind == "companies":
            aliases.setdefault(entry.word, entry.name)
    pattern = re.compile("|".join(map(re.escape, sorted(aliases, key=len, reverse=True))))
    return pattern, aliases, tuple(data.get("not_company", {}).get("words", []))


def companies_in(text: str) -> set[str]:
    """The companies `text` names, by their canonical names (国能 → 国家能源集团)."""
    pattern, aliases, not_company = _companies()
    for words in not_company:
        text = text.replace(words, "　" * len(words))
    return {aliases[match.group(0)] for match in pattern.finditer(text)}


def canonical(names: set[str]) -> set[str]:
    """Company names as the catalog writes them, by their canonical names."""
    return set().union(*(companies_in(name) or {name} for name in names)) if names else set()


@cache
def products() -> dict[str, tuple[str, ...]]:
    return {name: tuple(words) for name, words in _load(VOCABULARY)["project_products"].items()}


def _product_in(text: str, product: str) -> bool:
    return any(word in text for word in products().get(product, (product,)))


def product_named(text: str) -> tuple[str, int, int] | None:
    """(product, start, end) of the product `text` names first, or None."""
    found = [
        (text.find(word), -len(word), name, word)
        for name, words in products().items()
        for word in words
        if word in text
    ]
    if not found:
        return None
    start, _, name, word = min(found)
    return name, start, start + len(word)


CAPACITY_UNITS = ("吨", "立方米")
_PROJECT_DISPLAY = {"吨": "万吨", "立方米": "亿立方米"}


def _companies_of(project_rows: list[Row]) -> set[str]:
    return {name for row in project_rows for name in str(row["companies"]).split("、") if name}


def _recognise(
    clause: str, part: str, size: tuple[object, object] | None, known: list[tuple[dict, list[Row]]]
) -> tuple[dict, float, str, str, str] | None:
    """The known project a clause speaks of: its product in the clause, and the same capacity
    (`size`) or one of the project's companies in its part of the sentence; a clause that names a
    company the project lacks speaks of another project. A member's own project of a group the
    clause's companies belong to is a new project, part of that group. None when none or several
    fit. Returns (project, confidence, reason_zh, reason_en, part_of) where project is None for a
    group member's own project."""
    named = companies_in(part)
    fits = []
    member_of = []
    for project, project_rows in known:
        if not _product_in(clause, project["product"]):
            continue
        own = canonical(_companies_of(project_rows))
        if named and not named & own:
            continue  # another company's project, whatever its size
        capacities = {(row["capacity"], row["capacity_unit"]) for row in project_rows}
        same_size = size is not None and size in capacities
        company = bool(named & own)
        if company and len(own) > 1 and named < own and not same_size:
            member_of.append(project)
            continue
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
    if fits and not (len(fits) > 1 and fits[0][1] == fits[1][1]):
        return (*fits[0], fits[0][0].get("part_of", ""))
    if not fits and len(member_of) == 1:
        group = member_of[0]
        return (
            None,
            0.6,
            f"企业属于已知项目组“{group['name_zh']}”，产能不同：新项目",
            f"a company of the known group {group['project_id']}, another capacity: a new project",
            group["project_id"],
        )
    return None  # none, or two known projects fit as well: not guessed


def _new_project_name(figure: Row) -> tuple[str, str] | None:
    """(name, product) of a project the clause names with its capacity: "某公司年产40万吨煤制乙二醇
    项目", "…四号露天矿一期工程及选煤厂1000万吨/年项目"; None when the clause names no 项目 after
    the figure or no product."""
    clause = _clause_of(figure)
    offset = int(figure["start"]) - int(figure["sentence_start"])
    sentence = str(figure["sentence"])
    begin = sentence.find(clause) if clause else -1
    after = clause[offset - begin :] if begin >= 0 else clause
    end = after.find("项目")
    if end < 0:
        return None
    product = product_named(after[:end]) or product_named(clause[: max(offset - begin, 0)])
    if product is None:
        return None
    name = clause[: offset - begin + end + 2] if begin >= 0 else clause
    company = _companies()[0].search(name)
    if company is not None:
        name = name[company.start() :]  # "国家发展改革委核准新疆兖矿其能…" names 兖矿其能's
    return name.lstrip("由将其中并和及、 "), product[0]


def _new_id(companies: set[str], product: str, capacity: object, name: str) -> str:
    """A new project's id from what identifies it: its companies, product and capacity (its name
    where it names no company), so that two sentences about it are one project."""
    key = "\x1f".join((*sorted(companies), product, str(capacity), "" if companies else name))
    return "new_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _stage_sentences(report: Report, sources: Sources) -> list[Row]:
    """Sentences of a report's articles about the zone that state a stage of the approval sequence
    and name a company and a product but no capacity ("…兖矿其能…四号露天矿实现首次见煤"), as rows
    shaped like ledger figures without a value."""
    text = sources.texts[report.file]
    figures = sources.body_figures(report)
    # a sentence with a capacity a year ("20亿立方米/年") is read from that figure
    with_capacity = {
        int(row["sentence_start"])
        for row in figures
        if row["unit"] in CAPACITY_UNITS and row["per"] == "年"
    }
    rows: list[Row] = []
    for key, article in sources.articles.items():
        if article["source"] != report.file or article.get("relevance") in ("none", "low"):
            continue
        if review.about_elsewhere(article, review.article_text(article, text)):
            continue
        for span_start, span_end in review.article_spans(article):
            position = span_start
            for sentence in split_sentences(text[span_start:span_end]):
                start = text.find(sentence, position, span_end)
                if start < 0:
                    continue
                position = start + len(sentence)
                if start in with_capacity:
                    continue
                stage = stage_in(sentence)
                if stage is None or stage[1] not in APPROVAL_SEQUENCE:
                    continue
                if not companies_in(sentence) or product_named(sentence) is None:
                    continue
                lines = [r for r in figures if int(r["start"]) <= start] or figures
                rows.append(
                    {
                        "source": report.file,
                        "article": key,
                        "raw": stage[0],
                        "value": "",
                        "value_high": "",
                        "unit": "",
                        "per": "",
                        "qualifier": "",
                        "subject": "",
                        "sentence": sentence,
                        "sentence_start": start,
                        "start": start + sentence.find(stage[0]),
                        "end": start + sentence.find(stage[0]) + len(stage[0]),
                        "line": lines[-1]["line"] if lines else "",
                    }
                )
    return rows


def _named_in_sentence(sentence: str) -> tuple[str, str] | None:
    """(name, product) of the project a stage sentence names: from its first company to its
    product ("新疆兖矿其能煤业有限公司五彩湾矿区四号露天矿")."""
    pattern = _companies()[0]
    company = pattern.search(sentence)
    product = product_named(sentence)
    if company is None or product is None or product[2] <= company.start():
        return None
    end = product[2] + (2 if sentence[product[2] : product[2] + 2] == "项目" else 0)
    return sentence[company.start() : end], product[0]


def _proposal(
    found_as: dict,
    names: tuple[str, str],
    display_unit: str,
    kind: str,
    status_raw: str,
    latest: Row | None,
) -> dict:
    """A project row's line in proposals.csv: what it says beside the project's latest row."""
    return {
        **found_as,
        "label_zh": names[0],
        "label_en": names[1],
        "display_unit": display_unit,
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


def project_proposals(
    catalog: dict, sources: Sources, known: list[tuple[dict, list[Row]]]
) -> list[Row]:
    """Project rows in reports the catalog does not name: a known project recognised by product,
    capacity and companies, or a new one a clause names with its capacity, or a stage sentence
    names by its company and product; each a proposal."""
    named = named_reports(catalog)
    rows: list[Row] = []
    new_projects: dict[tuple[str, frozenset[str], str], dict] = {}
    for report in sources.reports.values():
        if report.report_id in named:
            continue
        proposed: list[tuple[int, int]] = []  # the sentences a capacity figure proposed from
        for figure in [*sources.body_figures(report), *_stage_sentences(report, sources)]:
            stated = figure["unit"] == ""
            if stated and any(start <= int(figure["start"]) < end for start, end in proposed):
                continue  # its project is proposed from the capacity it states
            if not stated and figure["unit"] not in CAPACITY_UNITS:
                continue
            if sources.articles.get(str(figure["article"]), {}).get("relevance") in ("none", "low"):
                continue
            if stated:
                # the clause that states the stage decides its kind: "…实现首次见煤，该矿今年
                # 预计完成…" states a fact, whatever the forecast after it
                sentence = str(figure["sentence"])
                at = int(figure["start"]) - int(figure["sentence_start"])
                begin = max(sentence.rfind(mark, 0, at) for mark in "，；,;") + 1
                ends = [i for i in (sentence.find(mark, at) for mark in "，；,;。") if i >= 0]
                clause = sentence[begin : min(ends) if ends else len(sentence)]
                lead = sentence[: min(ends) if ends else len(sentence)]
                part = sentence
            else:
                clause, lead = _clause_of(figure), _lead_of(figure)
                part = _part_of_sentence(figure)
            before = sentence_before(figure) if not stated else ""
            if meaning.scope_in_context(str(figure["subject"]), clause, before, "") != "zhundong":
                continue
            headline = sources.articles.get(str(figure["article"]), {}).get("headline", "")
            if not meaning.zone_figure_in(str(figure["sentence"]), str(headline)):
                continue
            stage = stage_in(part)
            status_raw, status = stage if stage else ("", "mentioned")
            size = None if stated else (figure["value"], figure["unit"])
            found = _recognise(clause, part, size, known)
            companies = companies_in(part)
            if found is not None and found[0] is not None:
                if not status_raw:
                    continue
                project, confidence, reason_zh, reason_en, _ = found
                target_type, target_id = "project", project["project_id"]
                latest = max(
                    (row for p, rows in known if p is project for row in rows),
                    key=lambda row: (str(row["report_date"]), str(row["report_id"])),
                )
                name_zh, name_en = project["name_zh"], project["name_en"]
            else:
                named_new = _named_in_sentence(part) if stated else _new_project_name(figure)
                if named_new is None:
                    continue
                name_zh, product = named_new
                part_of = found[4] if found is not None else ""
                project = {
                    "project_id": _new_id(companies, product, figure["value"], name_zh),
                    "name_zh": name_zh,
                    "name_en": name_zh,
                    "product": product,
                    "part_of": part_of,
                }
                # a stage sentence without a capacity speaks of the new project of the same
                # companies and product that this report gave a capacity
                identity = (report.report_id, frozenset(companies), product)
                if stated and companies and identity in new_projects:
                    project = new_projects[identity]
                    name_zh = project["name_zh"]
                elif companies:
                    new_projects.setdefault(identity, project)
                confidence, reason_zh, reason_en = (
                    found[1:4]
                    if found is not None
                    else (0.6, "未与已知项目相符：新项目", "matches no known project: a new one")
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
                {**project, "project_id": target_id or project["project_id"]},
                report,
                companies="、".join(sorted(companies)),
                capacity=figure["value"],
                capacity_unit=figure["unit"],
                investment_cny="",
                status=status,
                status_raw=status_raw or "未述阶段",
                stage_date=stage_date(part, status_raw, report),
                quote=part,
                capacity_per=figure["per"],
                line=figure["line"],
                _clause=(clause, lead),
                review_status=review.PROPOSED,
                proposal_id=found_as["proposal_id"],
            )
            rows.append(row)
            if not stated:
                start = int(figure["sentence_start"])
                proposed.append((start, start + len(str(figure["sentence"]))))
            sources.proposals.append(
                _proposal(
                    found_as,
                    (name_zh, name_en),
                    _PROJECT_DISPLAY.get(str(figure["unit"]), ""),
                    kind,
                    status_raw,
                    latest,
                )
            )
    return rows


def _figure_of(decision: review.Decision, sources: Sources) -> Row | None:
    """The figure a reviewer's decision names, found again in its report by its text and
    clause; None where the report no longer has it (the decision is then listed as stale)."""
    report = sources.reports.get(decision.report_id)
    if report is None:
        return None
    tail = review.evidence_tail(decision.evidence)
    return next(
        (
            f
            for f in sources.body_figures(report)
            if str(f["raw"]) == decision.raw and tail in str(f["sentence"])
        ),
        None,
    )


def reviewer_projects(
    sources: Sources, known: list[tuple[dict, list[Row]]], proposed: list[Row]
) -> list[Row]:
    """The project rows reviewers made (decisions.toml): a figure of a report assigned to a known
    project, or to a new one with its company, product, capacity, stage and date. Each row quotes
    the figure's sentence; its stage is the reviewer's, else the one the sentence states. Their
    proposals, accepted by their decision, join sources.proposals."""
    projects = {project["project_id"]: (project, rows) for project, rows in known}
    for row in proposed:  # a new project the build found, accepted: assignable by its id
        projects.setdefault(str(row["project_id"]), (row, []))
    decisions = sorted(
        (d for d in sources.decisions.values() if review._is_project(d)),
        key=lambda d: d.action != "create",  # new projects first: later ones may join them
    )
    rows: list[Row] = []
    for decision in decisions:
        figure = _figure_of(decision, sources)
        target_type, _, project_id = decision.target.partition(":")
        if figure is None or (target_type == "project" and project_id not in projects):
            continue
        report = sources.reports[decision.report_id]
        sentence = str(figure["sentence"])
        capacity = ("", "", "")
        if review._is_capacity(figure):
            capacity = (figure["value"], figure["unit"], figure["per"])
        elif decision.capacity:
            value, unit, per = review.in_base_unit(decision.capacity, decision.capacity_unit)
            capacity = (f"{value:g}", unit, per)
        if target_type == "new_project":
            name = f"{decision.company}{decision.capacity}{decision.capacity_unit}"
            if review._is_capacity(figure):
                name = f"{decision.company}{figure['raw']}"
            name += decision.product if decision.product not in name else ""
            project = {
                "project_id": project_id,
                "name_zh": f"{name}项目",
                "name_en": f"{name}项目",
                "product": decision.product,
                "part_of": "",
            }
            projects[project_id] = (project, [])
            companies = canonical({decision.company})
            latest = None
        else:
            project, project_rows = projects[project_id]
            companies = companies_in(sentence)
            latest = max(
                project_rows,
                key=lambda row: (str(row["report_date"]), str(row["report_id"])),
                default=None,
            )
        stated = stage_in(sentence)
        status = decision.stage or (stated[1] if stated else "mentioned")
        if stated and stated[1] == status:
            status_raw = stated[0]
        else:
            status_raw = "审核人认定" if decision.stage else "未述阶段"
        clause, lead = _clause_of(figure), _lead_of(figure)
        kind = meaning.statement_kind(clause, lead)
        found_as = review.proposal(
            report, figure, decision.target, decision.evidence, review._BY_REVIEWER
        )
        rows.append(
            _project_row(
                project,
                report,
                companies="、".join(sorted(companies)),
                capacity=capacity[0],
                capacity_unit=capacity[1],
                investment_cny=figure["value"] if review._is_investment(figure) else "",
                status=status,
                status_raw=status_raw,
                stage_date=decision.stage_date or stage_date(sentence, status_raw, report),
                quote=sentence,
                capacity_per=capacity[2],
                line=figure["line"],
                _clause=(clause, lead),
                review_status=review.PROPOSED,
                proposal_id=found_as["proposal_id"],
            )
        )
        sources.proposals.append(
            _proposal(
                found_as,
                (project["name_zh"], project["name_en"]),
                "亿元"
                if review._is_investment(figure)
                else _PROJECT_DISPLAY.get(str(figure["unit"]), ""),
                kind,
                status_raw,
                latest,
            )
        )
    return rows


def build_projects(catalog: dict, sources: Sources) -> list[Row]:
    """Each project in the reports the catalog names for it; then, proposed, known projects and
    new ones in every other report, each kept, marked or left out by the analyst's decision."""
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
            if not status_of(status_raw):
                raise CatalogError(entry, f"status {status_raw!r} is not a word of stages.toml")
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
                    status=status_of(status_raw),
                    status_raw=status_raw,
                    stage_date=stage_date(quote, status_raw, report),
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
    proposed += reviewer_projects(sources, known, proposed)
    found = sources.proposals[first:]
    del sources.proposals[first:]
    sources.proposals.extend(
        review.with_decisions(found, sources.decisions, ("project", "new_project"))
    )
    decided = {str(p["proposal_id"]): p for p in sources.proposals[first:]}
    proposed = list({str(row["proposal_id"]): row for row in reversed(proposed)}.values())[::-1]
    kept: dict[str, list[Row]] = {}
    taken: set[tuple[str, str]] = set()

    def likeliest(row: Row) -> tuple[bool, float, int]:
        """The accepted first, then the likeliest, then the furthest stage."""
        proposal = decided[str(row["proposal_id"])]
        return (
            proposal["decision"] != "accepted",
            -float(proposal["confidence"]),
            -stage_order(str(row["status"])),
        )

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
    建成后) is kept as a mention, status "mentioned", and so is a fact that states no stage. A
    report that names a project without its companies keeps those of the project's earlier
    report, and says which."""
    ordered = sorted(project_rows, key=lambda row: (row["report_date"], str(row["report_id"])))
    companies, named_in = "", ""
    for row in ordered:
        clause, lead = row.pop("_clause") or (str(row["quote"]), str(row["quote"]))
        kind = meaning.statement_kind(clause, lead)
        row["statement_kind"] = kind
        row["sets_stage"] = kind == "fact" and row["status"] != "mentioned"
        if kind != "fact":
            row["status"] = "mentioned"
        if row["companies"]:
            companies, named_in = str(row["companies"]), str(row["report_id"])
            row["companies_from"] = ""
        else:
            row["companies"], row["companies_from"] = companies, named_in
    return ordered
