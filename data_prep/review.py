"""Proposals and their review: rows found in a report the catalog does not name wait for an
analyst's decision, which is kept in seeds/decisions.toml, keyed by report and figure, so that
every rebuild (and the hosted link) reproduces it.

This module records decisions and reads them; it never builds (the command line and the dashboard
rebuild through data_prep.build.record_and_rebuild). decisions.toml cannot be rebuilt from
anything, so it is checked before it is trusted: an entry twice, with one decision or two, an
invalid date, or a file that lacks decisions the built tables record is refused, naming the file.

A proposal is a figure of a new report bound to a catalog metric (or a project row, or a new
project). It enters metrics.csv / projects.csv with review_status "proposed"; accepted, it is
"accepted"; rejected, it leaves them and stays in proposals.csv with its decision.
"""

import csv
import hashlib
import json
import tomllib
from dataclasses import MISSING, dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR, meaning, store, teach
from data_prep.errors import InputError
from data_prep.measures import Binding, Measure, bind, clause_of, sentence_before, use_taught
from data_prep.reports import Report

DECISIONS_FILE = "decisions.toml"
# review_status of a row of metrics.csv and projects.csv.
SEED, ACCEPTED, PROPOSED = "seed", "accepted", "proposed"
DECISIONS = ("accepted", "rejected")
ACTIONS = ("", "assign", "correct", "create")
# A corrected period, as the period column writes it.
PERIODS = {"annual": "全年", "cumulative": "累计", "span": "期间"}
CATEGORIES = ("coal", "power", "chemicals", "materials", "economics", "park", "innovation")
REVIEWER = "reviewer"  # the year_basis of a year the reviewer set

PROPOSAL_COLUMNS = [
    "proposal_id",  # stable: a hash of report, target and figure
    "report_id",
    "report_date",
    "source",
    "article",
    "target_type",  # metric | project | new_project
    "target_id",  # a metric_id or project_id; "" for a new project
    "label_zh",
    "label_en",
    "value",
    "value_high",
    "unit",
    "per",
    "qualifier",
    "display_unit",
    "raw",
    "year",
    "year_basis",
    "scope",
    "statement_kind",
    "confidence",  # 0..1
    "confidence_level",  # high | medium | low
    "confidence_reason_zh",
    "confidence_reason_en",
    "evidence",  # the clause that binds the figure to its measure
    "quote",  # the whole sentence
    "relation",  # new | follows | replaces | repeats | earlier
    "current_value",  # the published value it would follow or replace
    "current_year",
    "current_report_id",
    "current_quote",
    "stage",  # a project's stage word as this report states it (开工建设…), "" for a metric
    "current_stage",  # the stage word of the project's published row it would follow
    "decision",  # proposed | accepted | rejected | stale
    "decided_on",  # Beijing time
    "decided_by",
    "taught",  # what the decision taught the vocabulary (seeds/taught.toml): "产量：开采量"
    "line",
    "start",
]


# Confidence: where the figure's subject, year and article leave room for doubt, it drops.
_HOW = {
    "own": (0.0, "", ""),
    "follows": (0.05, "比例或增速跟随同一分句前的数量", "the ratio takes the quantity it follows"),
    "respectively": (0.1, "“分别”列举，按顺序对应", "a 分别 list, matched by order"),
}
_BASIS = {
    meaning.BASIS_SENTENCE: (0.0, "", ""),
    meaning.BASIS_SENTENCE_YEAR: (0.05, "年份取自句中", "the year is the sentence's"),
    meaning.BASIS_PERIOD: (0.05, "年份由时期词推定", "the year comes from a period word"),
    meaning.BASIS_ARTICLE_YEAR: (0.05, "年份取自文章前文", "the year is the one the article named"),
    meaning.BASIS_REPORT: (0.15, "句中无年份，取报道时间", "no year in the sentence: the report's"),
}
_RELEVANCE = {
    "high": (0.0, "", ""),
    "medium": (0.1, "文章较少提及准东", "the article mentions Zhundong little"),
}
_SYNONYM = (0.05, "以同义词匹配", "matched by a synonym")
_SEVERAL = (0.4, "同一报道有多个候选值", "several figures of this report fit")
HIGH, MEDIUM = 0.8, 0.6


BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


@dataclass(frozen=True)
class Decision:
    proposal_id: str
    report_id: str
    target: str
    raw: str
    evidence: str
    decision: str
    decided_on: str  # Beijing time, "2026-12-02T07:15+08:00" (a date alone in older entries)
    decided_by: str = ""
    # What the reviewer did beyond accept / reject: "" (a proposal as the build made it),
    # "assign" (a figure no measure bound, to a metric), "correct" (a proposal with its metric,
    # year, period, kind or scope set by the reviewer), "create" (a new metric from a figure).
    action: str = ""
    replaces: str = ""  # correct with another metric: the proposal it corrects (then rejected)
    year: str = ""  # corrections; "" keeps what the build read
    period: str = ""  # annual | cumulative | span
    statement_kind: str = ""  # meaning.KINDS
    scope: str = ""  # meaning.SCOPES
    label_zh: str = ""  # create: the new metric
    label_en: str = ""
    unit: str = ""  # its display unit, 亿千瓦时
    category: str = ""
    # A figure assigned to a project: "assign" to a known one (target "project:<id>"), "create"
    # for a new one (target "new_project:<id>", with its company, product and stage).
    company: str = ""
    product: str = ""  # a product of vocabulary.toml's [project_products]: 煤制烯烃
    capacity: str = ""  # a new project's capacity where the figure is not it: "60"
    capacity_unit: str = ""  # in its display unit: 万吨/年
    stage: str = ""  # a status of data_prep/stages.toml: under_construction
    stage_date: str = ""  # YYYY-MM-DD


def beijing_now() -> str:
    return datetime.now(BEIJING).isoformat(timespec="minutes")


def _valid_moment(value: str) -> bool:
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def decisions_path(seeds_dir: Path) -> Path:
    return seeds_dir / DECISIONS_FILE


def load_decisions(seeds_dir: Path) -> dict[str, Decision]:
    """The committed decisions, by proposal id; an absent file holds none (build's guard,
    `keep_decisions`, refuses it when the tables record decisions). Raises InputError naming the
    file and the entry for anything it cannot trust."""
    path = decisions_path(seeds_dir)
    if not path.is_file():
        return {}
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("decisions", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(
            path, f"cannot be read as TOML: {error}", code="decisions_unreadable", error=str(error)
        ) from None
    found: dict[str, Decision] = {}
    where: dict[str, int] = {}
    required = [k for k, f in Decision.__dataclass_fields__.items() if f.default is MISSING]
    for index, entry in enumerate(entries, start=1):
        missing = [key for key in required if key not in entry]
        if missing:
            raise InputError(
                path,
                f"decision #{index} lacks {missing[0]}",
                code="decision_lacks",
                n=index,
                key=missing[0],
            )
        decision = Decision(
            **{key: str(entry[key]) for key in Decision.__dataclass_fields__ if key in entry}
        )
        if decision.decision not in DECISIONS:
            raise InputError(
                path,
                f"decision #{index}: {decision.decision!r} is not one of {DECISIONS}",
                code="decision_unknown",
                n=index,
                value=decision.decision,
            )
        if proposal_key(decision.report_id, decision.target, decision.raw, decision.evidence) != (
            decision.proposal_id
        ):
            raise InputError(
                path,
                f"decision #{index}: proposal_id does not match its report, target and figure",
                code="decision_forged",
                n=index,
            )
        if not _valid_moment(decision.decided_on):
            raise InputError(
                path,
                f"decision #{index}: decided_on {decision.decided_on!r} is not a valid date",
                code="decision_bad_date",
                n=index,
                value=decision.decided_on,
            )
        problem = _action_problem(decision)
        if problem:
            raise InputError(
                path,
                f"decision #{index}: {problem}",
                code="decision_invalid",
                n=index,
                problem=problem,
            )
        if decision.proposal_id in found:
            first = where[decision.proposal_id]
            same = found[decision.proposal_id].decision == decision.decision
            raise InputError(
                path,
                f"decisions #{first} and #{index} are both on proposal {decision.proposal_id}"
                + ("" if same else f", one {found[decision.proposal_id].decision}, one "
                   f"{decision.decision}")
                + ": keep one",
                code="decision_twice" if same else "decision_contradicts",
                first=first,
                second=index,
                proposal=decision.proposal_id,
            )  # fmt: skip
        found[decision.proposal_id] = decision
        where[decision.proposal_id] = index
    _refuse_contradictions(path, found)
    return found


def _action_problem(decision: Decision) -> str:
    """What is wrong with a decision's action and its fields, or ""."""
    if decision.action not in ACTIONS:
        return f"action {decision.action!r} is not one of {ACTIONS[1:]}"
    if decision.year and not (decision.year.isdigit() and 1949 <= int(decision.year) <= 2100):
        return f"year {decision.year!r} is not a year"
    if decision.period and decision.period not in PERIODS:
        return f"period {decision.period!r} is not one of {tuple(PERIODS)}"
    if decision.statement_kind and decision.statement_kind not in meaning.KINDS:
        return f"statement_kind {decision.statement_kind!r} is not one of {meaning.KINDS}"
    if decision.scope and decision.scope not in meaning.SCOPES:
        return f"scope {decision.scope!r} is not one of {meaning.SCOPES}"
    if decision.action in ("assign", "create", "correct"):
        if decision.decision != "accepted":
            return f"{decision.action} is an acceptance, not {decision.decision!r}"
        if _is_project(decision):
            problem = project_problem(decision)
            return problem[2] if problem else ""
        if not decision.target.startswith("metric:") or decision.target == "metric:":
            return f"{decision.action} needs a metric target, not {decision.target!r}"
    if decision.action == "create":
        fields = ("label_zh", "label_en", "unit", "category")
        missing = [key for key in fields if not getattr(decision, key)]
        if missing:
            return f"create lacks {', '.join(missing)}"
        if decision.category not in CATEGORIES:
            return f"category {decision.category!r} is not one of {CATEGORIES}"
    return ""


def _refuse_contradictions(path: Path, found: dict[str, Decision]) -> None:
    """One figure, one accepted metric; one new metric, one definition."""
    figure: dict[tuple[str, str, str], Decision] = {}
    created: dict[str, Decision] = {}
    for decision in found.values():
        if decision.action in ("assign", "create") and decision.decision == "accepted":
            key = (decision.report_id, decision.raw, decision.evidence)
            other = figure.setdefault(key, decision)
            if other is not decision:
                raise InputError(
                    path,
                    f"{decision.raw} of report {decision.report_id} is assigned to both "
                    f"{other.target} and {decision.target}: keep one",
                    code="decision_contradicts",
                    first=other.proposal_id,
                    second=decision.proposal_id,
                    proposal=decision.raw,
                )
        if decision.action == "create":
            definition = (decision.label_zh, decision.label_en, decision.unit, decision.category)
            other = created.setdefault(decision.target, decision)
            mine = (other.label_zh, other.label_en, other.unit, other.category)
            if mine != definition:
                raise InputError(
                    path,
                    f"{decision.target} is created twice with different labels, unit or category",
                    code="decision_contradicts",
                    first=other.proposal_id,
                    second=decision.proposal_id,
                    proposal=decision.target,
                )


def keep_decisions(decisions: dict[str, Decision], seeds_dir: Path, proposals_csv: Path) -> None:
    """Refuse a decisions file that lacks decisions the built tables record (emptied, deleted,
    or an older copy): read as it is, it would silently drop them."""
    try:
        with proposals_csv.open(encoding="utf-8-sig", newline="") as file:
            recorded = [
                row["proposal_id"]
                for row in csv.DictReader(file)
                if row.get("decision") in (*DECISIONS, "stale")
            ]
    except (OSError, KeyError, UnicodeDecodeError, csv.Error):
        return  # no tables (or none of this shape) to compare with: nothing to guard
    covered = set(decisions) | {d.replaces for d in decisions.values() if d.replaces}
    lost = sorted(set(recorded) - covered)
    if lost:
        path = decisions_path(seeds_dir)
        state = "is missing" if not path.is_file() else f"holds {len(decisions)}"
        raise InputError(
            path,
            f"{state}, but {proposals_csv} records {len(set(recorded))} decisions; "
            f"{len(lost)} are lost ({', '.join(lost[:3])}{'…' if len(lost) > 3 else ''}). "
            "Restore the file (git checkout seeds/decisions.toml), or, to drop them on purpose, "
            "run python -m data_prep build --forget-decisions",
            code="decisions_lost",
            n=len(lost),
            ids=", ".join(lost[:3]),
        )


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def decisions_text(decisions: dict[str, Decision]) -> str:
    lines = [
        "# Decisions on proposed rows, by `python -m data_prep review` or the /updates page.",
        "# Each is keyed by report, target and figure (its text and its clause), so every rebuild",
        "# reproduces it; proposal_id is a hash of those four.",
    ]
    ordered = sorted(decisions.values(), key=lambda d: (d.report_id, d.target, d.proposal_id))
    for decision in ordered:
        lines += ["", "[[decisions]]"]
        lines += [
            f"{key} = {_toml_string(getattr(decision, key))}"
            for key in Decision.__dataclass_fields__
            if getattr(decision, key) or Decision.__dataclass_fields__[key].default is MISSING
        ]
    return "\n".join(lines) + "\n"


def proposal_key(report_id: str, target: str, raw: str, evidence: str) -> str:
    """ "p" and ten hex digits: never read as a number (by pandas, or Excel: "1544e01234")."""
    text = "\x1f".join((report_id, target, raw, evidence))
    return "p" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _penalties(*items: tuple[float, str, str]) -> tuple[float, str, str]:
    kept = [item for item in items if item[0]]
    score = round(max(0.0, 1.0 - sum(item[0] for item in kept)), 2)
    reason_zh = "；".join(item[1] for item in kept) or "本句、本分句直接给出，年份明确"
    reason_en = "; ".join(item[2] for item in kept) or "stated in its own clause, with its year"
    return score, reason_zh, reason_en


def level(confidence: float) -> str:
    return "high" if confidence >= HIGH else "medium" if confidence >= MEDIUM else "low"


def about_elsewhere(article: dict, text: str) -> bool:
    """An article mostly about another place: it names 准东 (or its parks) at most once, or far
    less often than other zones and provinces, and its headline is not about the zone."""
    if article.get("relevance") in ("none", "low"):
        return True
    if any(word in str(article.get("headline", "")) for word in meaning.ZHUNDONG_WORDS):
        return False
    # Xinjiang and China contain the zone: an article on the province keeps its paragraph on
    # 准东 (each figure's own scope still decides); other zones do not.
    own = sum(text.count(word) for word in meaning.ZHUNDONG_WORDS)
    other = sum(text.count(word) for word in meaning.OTHER_PLACES)
    return other > 2 * own


def article_spans(article: dict) -> list[tuple[int, int]]:
    """(start, end) of each part of an article row, from its "start:end:role;…" spans."""
    spans = [span.split(":") for span in str(article.get("spans", "")).split(";")]
    return [(int(span[0]), int(span[1])) for span in spans if len(span) == 3]


def article_text(article: dict, text: str) -> str:
    return "\n".join(text[start:end] for start, end in article_spans(article))


def _paragraph_before(text: str, row: dict) -> str:
    start = int(row["start"])
    return text[text.rfind("\n", 0, start) + 1 : start]


def metric_fields(metric: dict, about: dict) -> dict:
    """What a metric proposal says of its metric and of its figure's meaning."""
    return {
        "label_zh": metric["label_zh"],
        "label_en": metric["label_en"],
        "display_unit": metric["display_unit"],
        **{key: about[key] for key in ("year", "year_basis", "scope", "statement_kind")},
    }


def metric_proposals(
    report: Report,
    figures: list[dict],
    text: str,
    articles: dict[str, dict],
    metrics: dict[str, dict],
    measures: list[Measure],
    meaning_of,
) -> list[dict]:
    """The metric rows a report the catalog does not name would add: every body figure bound to
    a measure, of the zone's scope and of the measure's kind of statement, in an article about
    the zone. Rows carry their evidence and a confidence; the decision is added later."""
    elsewhere = {
        key: about_elsewhere(article, article_text(article, text))
        for key, article in articles.items()
    }
    found: list[tuple[Binding, Measure, str, dict]] = []
    for binding, measure, word in bind(figures, measures):
        row = binding.figure
        if elsewhere.get(str(row["article"]), True):
            continue
        about = meaning_of(row, report)
        if about["statement_kind"] != measure.statement:
            continue
        anchor = binding.anchor
        before = sentence_before(anchor)
        paragraph = _paragraph_before(text, anchor)
        # a ratio that follows a quantity is about that quantity's place: "全疆…2.19万亿吨，
        # 约占全国的40%" is Xinjiang's share, whatever its own clause says
        scope = meaning.scope_in_context(
            binding.subject,
            binding.clause if anchor is row else clause_of(anchor),
            before,
            paragraph[: len(paragraph) - len(before)],
        )
        if scope != "zhundong":
            continue
        if anchor is not row:
            anchor_about = meaning_of(anchor, report)
            about = {**about, **{k: anchor_about[k] for k in ("year", "year_basis", "period")}}
        found.append((binding, measure, word, {**about, "scope": scope}))
    distinct: dict[str, set[tuple[str, str]]] = {}
    for binding, measure, _, _ in found:
        figure = (str(binding.figure["raw"]), binding.clause)
        distinct.setdefault(measure.metric_id, set()).add(figure)
    counts = {metric_id: len(figures) for metric_id, figures in distinct.items()}
    rows = []
    for binding, measure, word, about in found:
        row, metric = binding.figure, metrics[measure.metric_id]
        confidence, reason_zh, reason_en = _penalties(
            _HOW[binding.how],
            _BASIS.get(str(about["year_basis"]), (0.0, "", "")),
            _RELEVANCE.get(str(articles[str(row["article"])]["relevance"]), (0.0, "", "")),
            _SYNONYM if word != measure.subjects[0] else (0.0, "", ""),
            _SEVERAL if counts[measure.metric_id] > 1 else (0.0, "", ""),
        )
        evidence = binding.clause
        if binding.anchor is not row:
            evidence = f"{clause_of(binding.anchor)}……{binding.clause}"
        rows.append(
            {
                **proposal(
                    report,
                    row,
                    f"metric:{measure.metric_id}",
                    evidence,
                    (confidence, reason_zh, reason_en),
                ),
                **metric_fields(metric, about),
                "_figure": row,
                "_about": about,
            }
        )
    return rows


def proposal(
    report: Report, figure: dict, target: str, evidence: str, confidence: tuple[float, str, str]
) -> dict:
    """The fields every proposal has, from its report, its ledger figure, what it is proposed as
    ("metric:coal_output", "project:olefins_160", "new_project:"), its evidence clause and its
    (confidence, reason_zh, reason_en)."""
    target_type, target_id = target.split(":", 1)
    score, reason_zh, reason_en = confidence
    return {
        "proposal_id": proposal_key(report.report_id, target, str(figure["raw"]), evidence),
        "report_id": report.report_id,
        "report_date": report.report_date,
        "source": report.file,
        "article": figure["article"],
        "target_type": target_type,
        "target_id": target_id,
        "value": figure["value"],
        "value_high": figure["value_high"],
        "unit": figure["unit"],
        "per": figure["per"],
        "qualifier": figure["qualifier"],
        "raw": figure["raw"],
        "confidence": score,
        "confidence_level": level(score),
        "confidence_reason_zh": reason_zh,
        "confidence_reason_en": reason_en,
        "evidence": evidence,
        "quote": figure["sentence"],
        "line": figure["line"],
        "start": figure["start"],
    }


def with_decisions(
    proposals: list[dict], decisions: dict[str, Decision], target_types: tuple[str, ...]
) -> list[dict]:
    """Each proposal with its decision (proposed where none), and each decision that no longer
    matches a proposal as a `stale` row, so that nothing an analyst decided is lost silently."""
    # The same figure in the same clause twice in one report (a summary repeats the body): one
    # proposal, one decision.
    proposals = list({str(row["proposal_id"]): row for row in reversed(proposals)}.values())[::-1]
    # a proposal corrected to another metric is rejected by its correction
    replaced = {d.replaces: d for d in decisions.values() if d.replaces}
    taught = teach.by_decision(teach.in_use())
    ids = set()
    for row in proposals:
        decided = replaced.get(str(row["proposal_id"])) or decisions.get(str(row["proposal_id"]))
        row["decision"] = "proposed"
        if decided is not None:
            row["decision"] = (
                "rejected" if decided.replaces == row["proposal_id"] else (decided.decision)
            )
            _corrected(row, decided)
        row["decided_on"] = decided.decided_on if decided else ""
        row["decided_by"] = decided.decided_by if decided else ""
        row["taught"] = taught.get(decided.proposal_id, "") if decided else ""
        ids.add(row["proposal_id"])
    stale = [
        {
            "proposal_id": d.proposal_id,
            "report_id": d.report_id,
            "target_type": d.target.split(":", 1)[0],
            "target_id": d.target.split(":", 1)[-1],
            "raw": d.raw,
            "evidence": d.evidence,
            "decision": "stale",
            "decided_on": d.decided_on,
            "decided_by": d.decided_by,
        }
        for d in decisions.values()
        if d.proposal_id not in ids and d.target.split(":", 1)[0] in target_types
    ]
    return proposals + stale


def _corrected(row: dict, decision: Decision) -> None:
    """The reviewer's year, period, kind and scope over what the build read."""
    changes: dict[str, object] = {}
    if decision.year:
        changes |= {"year": int(decision.year), "year_basis": REVIEWER}
    if decision.period:
        changes["period"] = PERIODS[decision.period]
    if decision.statement_kind:
        changes["statement_kind"] = decision.statement_kind
    if decision.scope:
        changes["scope"] = decision.scope
    row.update(changes)
    if "_about" in row:
        row["_about"] = {**row["_about"], **changes}


_BY_REVIEWER = (1.0, "审核人指定", "set by the reviewer")


def evidence_tail(evidence: str) -> str:
    """The figure's own clause of an evidence ("anchor……clause" → "clause")."""
    return evidence.rsplit("……", 1)[-1]


def reviewer_proposals(
    decisions: dict[str, Decision],
    reports: dict[str, Report],
    body_figures,
    metrics: dict[str, dict],
    meaning_of,
) -> list[dict]:
    """The metric rows a reviewer made that no measure binds: a figure assigned to a metric, a
    new metric's figure, a proposal corrected to another metric. Each is found again in its
    report by its text and clause (a decision that finds nothing is listed as stale)."""
    rows = []
    for decision in decisions.values():
        if decision.action not in ("assign", "create") and not decision.replaces:
            continue
        if not decision.target.startswith("metric:"):
            continue  # a project's: data_prep/projects.py
        report = reports.get(decision.report_id)
        metric = metrics.get(decision.target.split(":", 1)[1])
        if report is None or metric is None:
            continue
        tail = evidence_tail(decision.evidence)
        figure = next(
            (
                f
                for f in body_figures(report)
                if str(f["raw"]) == decision.raw and tail in str(f["sentence"])
            ),
            None,
        )
        if figure is None:
            continue
        about = dict(meaning_of(figure, report))
        rows.append(
            {
                **proposal(report, figure, decision.target, decision.evidence, _BY_REVIEWER),
                **metric_fields(metric, about),
                "_figure": figure,
                "_about": about,
            }
        )
    return rows


def with_created_metrics(catalog: dict, decisions: dict[str, Decision], path: Path) -> dict:
    """The catalog with the metrics reviewers created from a figure (data, not code: each is in
    decisions.toml with its labels, unit and category). A created id the catalog has is refused."""
    known = {metric["metric_id"] for metric in catalog.get("metrics", [])}
    created: dict[str, dict] = {}
    for decision in decisions.values():
        if decision.action != "create" or not decision.target.startswith("metric:"):
            continue
        metric_id = decision.target.split(":", 1)[1]
        if metric_id in known:
            raise InputError(
                path,
                f"decision on {decision.raw} creates metric {metric_id}, which the catalog has",
                code="metric_exists",
                metric=metric_id,
            )
        created[metric_id] = {
            "metric_id": metric_id,
            "category": decision.category,
            "kind": "actual",
            "label_zh": decision.label_zh,
            "label_en": decision.label_en,
            "display_unit": decision.unit,
            "select": [],
            "created_by_review": True,
        }
    if not created:
        return catalog
    return {**catalog, "metrics": [*catalog.get("metrics", []), *created.values()]}


def relation_to(row: dict, published: list[dict]) -> dict[str, object]:
    """How a proposal stands beside the published rows of its metric: new, follows (a later
    year), replaces (the same year, another value), repeats (the same year and value), earlier."""
    if not published:
        return {"relation": "new"}
    latest = max(published, key=lambda r: (int(r["year"]), str(r["report_date"])))
    same_year = [r for r in published if int(r["year"]) == int(row["year"])]
    near = same_year[-1] if same_year else latest
    if same_year:
        equal = float(near["value"]) == float(row["value"])
        relation = "repeats" if equal else "replaces"
    else:
        relation = "follows" if int(row["year"]) > int(latest["year"]) else "earlier"
    return {
        "relation": relation,
        "current_value": near["value"],
        "current_year": near["year"],
        "current_report_id": near["report_id"],
        "current_quote": near["quote"],
    }


def decide(
    proposal_ids: list[str],
    decision: str,
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
    by: str = "",
) -> list[dict[str, str]]:
    """Record `decision` (accepted / rejected) for each proposal in decisions.toml, as the one
    writer, and return the proposals decided; the caller rebuilds. Raises InputError naming an
    unknown id; on any failure the decisions file stays as it was."""
    if decision not in DECISIONS:
        raise InputError(DECISIONS_FILE, f"{decision!r} is not one of {DECISIONS}")
    with store.writing(seeds_dir):
        table = out_dir / "proposals.csv"
        try:
            with table.open(encoding="utf-8-sig", newline="") as file:
                rows = list(csv.DictReader(file))
        except OSError as error:
            raise InputError(table, f"cannot be read: {error.strerror}", code="no_tables") from None
        known = {row["proposal_id"]: row for row in rows if row["decision"] != "stale"}
        unknown = [pid for pid in proposal_ids if pid not in known]
        if unknown:
            raise InputError(
                table,
                f"no proposal {', '.join(unknown)}",
                code="no_proposal",
                ids=", ".join(unknown),
            )
        decisions = load_decisions(seeds_dir)
        keep_decisions(decisions, seeds_dir, table)
        chosen = [known[pid] for pid in proposal_ids]
        if decision == "accepted":
            _refuse_second(chosen, known, decisions, table)
        now = beijing_now()
        for row in chosen:
            target = f"{row['target_type']}:{row['target_id']}"
            decisions[row["proposal_id"]] = Decision(
                row["proposal_id"],
                row["report_id"],
                target,
                row["raw"],
                row["evidence"],
                decision,
                now,
                by.strip(),
            )
        store.write_atomic(decisions_path(seeds_dir), decisions_text(decisions).encode("utf-8"))
    return chosen


def _refuse_second(
    chosen: list[dict], known: dict[str, dict], decisions: dict[str, Decision], table: Path
) -> None:
    """One accepted value per metric, report and year: a second is refused, naming the first."""

    def slot(row: dict) -> tuple[str, str, str, str]:
        return (row["target_type"], row["target_id"], row["report_id"], row["year"])

    taken = {
        slot(known[pid]): pid
        for pid, d in decisions.items()
        if d.decision == "accepted" and pid in known and known[pid]["target_type"] == "metric"
    }
    for row in chosen:
        if row["target_type"] != "metric":
            continue
        other = taken.get(slot(row))
        if other and other != row["proposal_id"]:
            raise InputError(
                table,
                f"{row['proposal_id']}: proposal {other} is already accepted for "
                f"{row['target_id']} of report {row['report_id']}, {row['year']}; reject it first",
                code="second_value",
                proposal=row["proposal_id"],
                other=other,
                metric=row["target_id"],
                report=row["report_id"],
                year=row["year"],
            )
        taken[slot(row)] = row["proposal_id"]


def describe(row: dict[str, str]) -> str:
    """A proposal in two lines for the command line: what, beside what, and its evidence."""
    value = f"{row['raw']}"
    year = f"{row['year']}, {row['year_basis']}" if row.get("year") else "no year"
    when = f"{row['current_year']}, " if row.get("current_year") else ""
    published = f"{row['current_value']} ({when}report {row['current_report_id']})"
    relation = row.get("relation", "")
    if row.get("current_stage"):
        published = f"{row['current_stage']} {published}"
    beside = {
        "new": "no published value",
        "earlier": f"earlier than {published}",
    }.get(relation, f"{relation} {published}")
    target = row["target_id"] or "new project"
    return (
        f"[{row['proposal_id']}] {target} = {value} ({year})  confidence {row['confidence']}"
        f" {row['confidence_level']}: {row['confidence_reason_en']}\n"
        f"    {beside}\n    evidence: {row['evidence']}"
    )


# --- a reviewer's assignments, corrections and new metrics --------------------------------------

_MAGNITUDES = ("万亿", "亿", "万")
_SAME_UNIT = {"吉瓦": "千瓦"}


def unit_of(display_unit: str) -> tuple[str, str]:
    """(base unit, per) of a display unit, as the ledger writes a figure's: 万吨/年 → (吨, 年),
    亿千瓦时 → (千瓦时, ""), 元/吨 → (元, 吨), 吉瓦 → (千瓦, "")."""
    unit, _, per = display_unit.partition("/")
    unit = _SAME_UNIT.get(unit, unit)
    for magnitude in _MAGNITUDES:
        if unit.startswith(magnitude) and len(unit) > len(magnitude):
            unit = unit[len(magnitude) :]
            break
    return unit, per


def metric_unit(metric: dict) -> tuple[str, str | None]:
    """(unit, per) a metric's figures have; per None where any rate fits."""
    measure = metric.get("measure") or {}
    if measure.get("unit"):
        return measure["unit"], measure.get("per")
    unit, per = unit_of(str(metric.get("display_unit", "")))
    return unit, per or None


def fits(figure: dict, metric: dict) -> bool:
    """The figure's unit is the metric's, or one its pinned figures are written in (a count of
    workers shown in 人 is written 名)."""
    unit, per = metric_unit(metric)
    units = {unit} | {str(s["unit"]) for s in metric.get("select", []) if s.get("unit")}
    return str(figure["unit"]) in units and (per is None or str(figure["per"] or "") == per)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def candidates(figure: dict, metrics: list[dict], before: str = "") -> list[dict]:
    """The metrics a figure may be assigned to: those whose unit fits, nearest meaning first: a
    subject of the metric's measure in the figure's clause, its sentence, or the sentence before
    (`before`, where "这个数字" finds what it refers to), then words shared with its label."""
    clause, sentence = clause_of(figure), str(figure["sentence"])
    before = ([part for part in before.split("。") if part.strip()] or [""])[-1]  # one sentence
    ranked = []
    for metric in metrics:
        if not fits(figure, metric):
            continue
        subjects = list((metric.get("measure") or {}).get("subjects", []))
        label = _bigrams(str(metric["label_zh"]))
        score = sum(
            weight * sum(word in text for word in subjects) + share * len(label & _bigrams(text))
            for text, weight, share in ((clause, 100, 5), (sentence, 30, 2), (before, 20, 1))
        )
        ranked.append((score, str(metric["metric_id"]), metric))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [{**metric, "score": score} for score, _, metric in ranked]


def text_before(figure: dict, out_dir: Path) -> str:
    """The paragraph of a figure up to its sentence, from the built cleaned text."""
    try:
        text = (out_dir / "texts" / str(figure["source"])).read_text(encoding="utf-8")
    except OSError:
        return ""
    start = int(figure["sentence_start"])
    return text[text.rfind("\n", 0, start) + 1 : start]


def _read_table(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            return list(csv.DictReader(file))
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror}", code="no_tables") from None


def find_figure(figure_id: str, out_dir: Path) -> tuple[dict, str]:
    """A figure of the built tables by its id, "<report_id>@<start>" (as `review` lists them);
    returns (its ledger row, its report id). Raises InputError naming figures.csv."""
    report_id, _, start = figure_id.partition("@")
    sources = {r["report_id"]: r["source"] for r in _read_table(out_dir / "reports.csv")}
    table = out_dir / "figures.csv"
    for row in _read_table(table):
        if row["source"] == sources.get(report_id) and row["start"] == start:
            return row, report_id
    raise InputError(
        table, f"no figure {figure_id} (report@offset)", code="no_figure", figure=figure_id
    )


def record(
    new: Decision, seeds_dir: Path, out_dir: Path, lesson: tuple[str, str, str] | None = None
) -> Decision:
    """Write one decision into decisions.toml, as the one writer, and the word it teaches
    (`lesson`: kind, name, word; data_prep/teach.py) into taught.toml; the caller rebuilds."""
    problem = _action_problem(new)
    if problem:
        raise InputError(
            decisions_path(seeds_dir), problem, code="decision_invalid", n=0, problem=problem
        )
    with store.writing(seeds_dir):
        decisions = load_decisions(seeds_dir)
        keep_decisions(decisions, seeds_dir, out_dir / "proposals.csv")
        # a figure has one reviewer's metric: a new assignment replaces an earlier one
        for pid, old in list(decisions.items()):
            same = (old.report_id, old.raw, old.evidence) == (new.report_id, new.raw, new.evidence)
            if same and old.action in ("assign", "create") and pid != new.proposal_id:
                del decisions[pid]
        decisions[new.proposal_id] = new
        _refuse_contradictions(decisions_path(seeds_dir), decisions)
        store.write_atomic(decisions_path(seeds_dir), decisions_text(decisions).encode("utf-8"))
        if lesson is not None:
            kind, name, word = lesson
            entry = teach.Taught(kind, name, word, new.proposal_id, new.decided_by, new.decided_on)
            teach.teach(entry, seeds_dir)
    return new


def lesson_of(clause: str, raw: str, metric: dict) -> tuple[str, str, str] | None:
    """What assigning the figure `raw` of `clause` to `metric` teaches (data_prep/teach.py)."""
    return teach.lesson(evidence_tail(clause), raw, dict(metric.get("measure") or {}))


def _refuse_unfit(figure: dict, metric: dict, table: Path) -> None:
    if not fits(figure, metric):
        unit, per = metric_unit(metric)
        raise InputError(
            table,
            f"{figure['raw']} is in {figure['unit']}{'/' + figure['per'] if figure['per'] else ''}"
            f", {metric['metric_id']} in {unit}{'/' + per if per else ''}",
            code="unit_mismatch",
            raw=figure["raw"],
            metric=metric["metric_id"],
        )


def reviewers_decision(
    report_id: str, target: str, raw: str, evidence: str, by: str, action: str, **fields: str
) -> Decision:
    """A reviewer's acceptance of figure `raw` (in its clause `evidence`) of a report for
    `target`, now in Beijing time, with the fields set (empty ones left out)."""
    return Decision(
        proposal_key(report_id, target, raw, evidence),
        report_id,
        target,
        raw,
        evidence,
        ACCEPTED,
        beijing_now(),
        by.strip(),
        action=action,
        **{key: str(value).strip() for key, value in fields.items() if str(value).strip()},
    )


def giving_way(
    out_dir: Path, report_id: str, start: object, types: tuple[str, ...], pid: str
) -> str:
    """The proposal the build made of the figure at `start` of a report for another target of
    `types` (which a reviewer's own target replaces), or ""."""
    proposals = out_dir / "proposals.csv"
    bound = [
        r["proposal_id"]
        for r in (_read_table(proposals) if proposals.is_file() else [])
        if (r["report_id"], r["start"]) == (report_id, str(start))
        and r["target_type"] in types
        and r["proposal_id"] != pid
        and r["decision"] != "stale"
    ]
    return bound[0] if bound else ""


def assign(
    figure_id: str,
    metric: dict,
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
    by: str = "",
    create: bool = False,
    **corrections: str,
) -> Decision:
    """Assign a figure (any, an unclaimed one included) to `metric` (a catalog entry, or with
    `create` a new one: metric_id, label_zh, label_en, display_unit, category), with optional
    corrections (year, period, statement_kind, scope); records the decision. A `metric` with a
    project_id is a project (known; with `create` a new one, its fields in `corrections`):
    assign_project."""
    if "project_id" in metric:
        project_id = "" if create else str(metric["project_id"])
        return assign_project(figure_id, project_id, seeds_dir, out_dir, by, **corrections)
    figure, report_id = find_figure(figure_id, out_dir)
    _refuse_unfit(figure, metric, out_dir / "figures.csv")
    target = f"metric:{metric['metric_id']}"
    evidence = clause_of(figure)
    fields = {}
    if create:
        fields = {
            "label_zh": metric["label_zh"],
            "label_en": metric["label_en"],
            "unit": metric["display_unit"],
            "category": metric["category"],
        }
    new = reviewers_decision(
        report_id, target, str(figure["raw"]), evidence, by, "create" if create else "assign",
        **fields, **corrections,
    )  # fmt: skip
    # a proposal the build made of this figure, for another metric, gives way
    replaces = giving_way(out_dir, report_id, figure["start"], ("metric",), new.proposal_id)
    return record(
        replace(new, replaces=replaces),
        seeds_dir,
        out_dir,
        None if create else lesson_of(evidence, str(figure["raw"]), metric),
    )


def correct(
    proposal_id: str,
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
    by: str = "",
    metric: dict | None = None,
    **corrections: str,
) -> Decision:
    """Accept a metric proposal with the reviewer's metric, year, period, statement kind or
    scope in place of what the build read; records the decision."""
    table = out_dir / "proposals.csv"
    rows = {r["proposal_id"]: r for r in _read_table(table) if r["decision"] != "stale"}
    row = rows.get(proposal_id)
    if row is None or row["target_type"] != "metric":
        raise InputError(
            table, f"no metric proposal {proposal_id}", code="no_proposal", ids=proposal_id
        )
    target, replaces = f"metric:{row['target_id']}", ""
    lesson = None
    if metric is not None and metric["metric_id"] != row["target_id"]:
        figure = {"raw": row["raw"], "unit": row["unit"], "per": row["per"]}
        _refuse_unfit(figure, metric, table)
        target, replaces = f"metric:{metric['metric_id']}", proposal_id
        lesson = lesson_of(row["evidence"], row["raw"], metric)
    new = reviewers_decision(
        row["report_id"], target, row["raw"], row["evidence"], by, "correct", **corrections
    )
    return record(replace(new, replaces=replaces), seeds_dir, out_dir, lesson)


# --- a figure assigned to a project, known or new ------------------------------------------------

PROJECT_TARGETS = {"project": "assign", "new_project": "create"}
INVESTMENT_UNIT = "元"  # a project's investment, beside its capacity (projects.CAPACITY_UNITS)
_MAGNITUDE_VALUES = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


def _is_project(decision: Decision) -> bool:
    return decision.target.partition(":")[0] in PROJECT_TARGETS


def in_base_unit(value: str, display_unit: str) -> tuple[float, str, str] | None:
    """(value, base unit, per) of a capacity as a reviewer writes it, "60" in "万吨/年" →
    (600000, 吨, 年); None when `value` is not a positive number."""
    try:
        number = float(value)
    except ValueError:
        return None
    if not number > 0 or number != number or number == float("inf"):
        return None
    unit, _, per = display_unit.strip().partition("/")
    scale = next((m for m in _MAGNITUDE_VALUES if unit.startswith(m) and len(unit) > len(m)), "")
    return number * _MAGNITUDE_VALUES.get(scale, 1), unit[len(scale) :], per


def project_problem(decision: Decision) -> tuple[str, dict[str, str], str] | None:
    """(code, params, message) of what is wrong with a decision assigning a figure to a project,
    or None: its target, stage (data_prep/stages.toml), date, capacity unit, and for a new
    project its company, product (vocabulary.toml) and stage."""
    from data_prep import projects  # projects builds on this module

    target_type, _, project_id = decision.target.partition(":")
    if PROJECT_TARGETS.get(target_type) != decision.action or not project_id:
        return ("no_project", {"project": project_id or "–"},
                f"{decision.action} to {decision.target!r}: a known project is assigned, a new "
                "one created, each with its id")  # fmt: skip
    if target_type == "new_project":
        missing = [k for k in ("company", "product", "stage") if not getattr(decision, k).strip()]
        if missing:
            fields = ", ".join(missing)
            return "project_lacks", {"fields": fields}, f"a new project lacks {fields}"
        if decision.product not in projects.products():
            return ("bad_product", {"product": decision.product},
                    f"product {decision.product!r} is not one of vocabulary.toml's "
                    "[project_products]")  # fmt: skip
    statuses = [stage.status for stage in projects.stages()]
    if decision.stage and decision.stage not in statuses:
        return ("bad_stage", {"stage": decision.stage},
                f"stage {decision.stage!r} is not one of data_prep/stages.toml's "
                f"({', '.join(statuses)})")  # fmt: skip
    if decision.stage_date:
        try:
            date.fromisoformat(decision.stage_date)
            valid = len(decision.stage_date) == 10
        except ValueError:
            valid = False
        if not valid:
            return ("bad_stage_date", {"value": decision.stage_date},
                    f"stage_date {decision.stage_date!r} is not a date (YYYY-MM-DD)")  # fmt: skip
    if decision.capacity or decision.capacity_unit:
        base = in_base_unit(decision.capacity, decision.capacity_unit)
        if base is None:
            return ("bad_capacity", {"value": decision.capacity},
                    f"capacity {decision.capacity!r} is not a positive number")  # fmt: skip
        if base[1] not in projects.CAPACITY_UNITS or base[2] not in ("", "年"):
            return ("capacity_unit", {"unit": decision.capacity_unit},
                    f"{decision.capacity_unit!r} is not a unit of capacity "
                    "(万吨/年, 亿立方米/年)")  # fmt: skip
    return None


def _is_capacity(figure: dict) -> bool:
    """A project's capacity: tonnes or cubic metres a year, or a quantity of them in a sentence
    that names a project's product ("160万吨煤制烯烃项目"); not reserves or a year's output."""
    from data_prep import projects

    if str(figure["unit"]) not in projects.CAPACITY_UNITS:
        return False
    per = str(figure["per"] or "")
    return per == "年" or (not per and projects.product_named(str(figure["sentence"])) is not None)


def _is_investment(figure: dict) -> bool:
    """A sum of yuan in a sentence about an investment in a project (总投资约300亿元)."""
    sentence = str(figure["sentence"])
    plain = str(figure["unit"]) == INVESTMENT_UNIT and not str(figure["per"] or "")
    return plain and "投资" in sentence and "项目" in sentence


def known_projects(rows: list[dict]) -> list[dict[str, str]]:
    """The published projects of rows of projects.csv (seeds and accepted rows), each its newest
    row with the companies and capacity units of all its rows."""
    rows = [
        {key: "" if value != value or value is None else str(value) for key, value in row.items()}
        for row in rows
        if row.get("review_status") != PROPOSED
    ]
    found: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: (r["report_date"], r["report_id"])):
        before = found.get(row["project_id"], {})
        companies = {c for c in (before.get("companies", ""), row["companies"]) if c}
        units = {u for u in (before.get("capacity_units", ""), row["capacity_unit"]) if u}
        found[row["project_id"]] = {
            **row,
            "companies": "、".join(sorted(set("、".join(companies).split("、")) - {""})),
            "capacity_units": "、".join(sorted(set("、".join(units).split("、")) - {""})),
        }
    return list(found.values())


def project_candidates(figure: dict, projects_: list[dict[str, str]]) -> list[dict[str, str]]:
    """The known projects a figure may be assigned to, nearest first: one of its companies in
    the figure's sentence, its product there, the figure's capacity unit, its capacity."""
    from data_prep import projects

    sentence = str(figure["sentence"])
    named = projects.companies_in(sentence)
    ranked = []
    for project in projects_:
        own = projects.canonical({c for c in project["companies"].split("、") if c})
        units = set(project["capacity_units"].split("、"))
        score = (
            100 * bool(named & own)
            + 50 * projects._product_in(sentence, project["product"])
            + 20 * (str(figure["unit"]) in units)
            + 10 * (_number(figure["value"]) == _number(project.get("capacity", "")))
        )
        ranked.append((score, project["project_id"], project))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [{**project, "score": str(score)} for score, _, project in ranked]


def _number(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


def new_project_id(company: str, product: str, capacity: str, capacity_unit: str) -> str:
    """A new project's id from what identifies it (as the build names the new projects it
    finds: data_prep/projects.py)."""
    from data_prep import projects

    companies = projects.companies_in(company) or {company.strip()}
    base = in_base_unit(capacity, capacity_unit) if capacity else None
    return projects._new_id(companies, product, f"{base[0]:g}" if base else "", "")


def assign_project(
    figure_id: str,
    project_id: str,
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
    by: str = "",
    **fields: str,
) -> Decision:
    """Assign a figure (a capacity or an investment) to the known project `project_id` or, where
    it is "", to a new project of `fields` (company, product, stage, stage_date, and its capacity
    where the figure is not it); records the decision. Raises InputError naming the file."""
    figure, report_id = find_figure(figure_id, out_dir)
    fields = {key: str(value).strip() for key, value in fields.items() if str(value).strip()}
    table = out_dir / "projects.csv"
    if not (_is_capacity(figure) or _is_investment(figure)):
        raise InputError(
            out_dir / "figures.csv",
            f"{figure['raw']} is neither a project's capacity (吨, 立方米 a year) nor its "
            "investment (元)",
            code="unit_mismatch_project",
            raw=figure["raw"],
        )
    if project_id:
        known = {p["project_id"]: p for p in known_projects(_read_table(table))}
        if project_id not in known:
            raise InputError(
                table, f"no project {project_id}", code="no_project", project=project_id
            )
        units = {u for u in known[project_id]["capacity_units"].split("、") if u}
        if _is_capacity(figure) and units and str(figure["unit"]) not in units:
            raise InputError(
                table,
                f"{figure['raw']} is in {figure['unit']}, {project_id}'s capacity in "
                f"{'、'.join(sorted(units))}",
                code="project_unit",
                raw=figure["raw"],
                project=project_id,
            )
        target = f"project:{project_id}"
    else:
        if _is_capacity(figure) and (fields.get("capacity") or fields.get("capacity_unit")):
            raise InputError(
                table,
                f"{figure['raw']} is the project's capacity: give no other",
                code="capacity_twice",
                raw=figure["raw"],
            )
        capacity = (str(figure["value"]), str(figure["unit"])) if _is_capacity(figure) else (
            fields.get("capacity", ""), fields.get("capacity_unit", ""))  # fmt: skip
        target = "new_project:" + new_project_id(
            fields.get("company", ""), fields.get("product", ""), *capacity
        )
    action = PROJECT_TARGETS[target.partition(":")[0]]
    decision = reviewers_decision(
        report_id, target, str(figure["raw"]), clause_of(figure), by, action, **fields
    )
    # a proposal the build made of this figure, for another project, gives way
    types = tuple(PROJECT_TARGETS)
    replaces = giving_way(out_dir, report_id, figure["start"], types, decision.proposal_id)
    decision = replace(decision, replaces=replaces)
    problem = project_problem(decision)
    if problem:
        code, params, message = problem
        raise InputError(decisions_path(seeds_dir), message, code=code, **params)
    lesson = None
    if not project_id:  # a new project's company, where the sentence names it so
        use_taught(seeds_dir)  # the companies these seeds taught, not another folder's
        lesson = teach.company_lesson(str(figure["sentence"]), decision.company)
    return record(decision, seeds_dir, out_dir, lesson)
