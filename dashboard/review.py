"""Proposed rows on screen, as plain functions: the hosted link shows published rows only; a
local copy shows proposed ones too, each marked 待核实 ("unverified") in its label, so that the
mark follows the row into every chart, table, tooltip and download; and the /updates page lists
the proposals waiting for a decision, beside the published value each would follow or replace."""

import pandas as pd

from dashboard.components.text import escape_markdown, mark_figures
from dashboard.fmt import beijing, quantity
from dashboard.i18n import pick, t
from data_prep.review import ACCEPTED, PROPOSED, SEED

STATUS = "review_status"
# The label columns of the tables whose rows can be proposed, with the mark each language gets.
# place_facts holds metric rows placed on the map: it follows them when it carries their status.
LABELS = {
    "metrics": ("label_zh", "label_en"),
    "projects": ("name_zh", "name_en"),
    "place_facts": ("label_zh", "label_en"),
}
MARK = ("（待核实）", " (unverified)")
REJECTED = "rejected"
DECIDED = (ACCEPTED, REJECTED)
STALE = "stale"


def with_status(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with a review_status on every row: a table built before review had none, and
    every one of its rows is a seed row."""
    if STATUS not in frame.columns:
        return frame.assign(**{STATUS: SEED})
    return frame.assign(**{STATUS: frame[STATUS].fillna(SEED).replace("", SEED)})


def is_proposed(frame: pd.DataFrame) -> pd.Series:
    """Whether each row waits for review (False for a table without the column)."""
    if STATUS not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame[STATUS] == PROPOSED


def published(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that seeds or an analyst's acceptance published: what officials may be shown."""
    return frame[~is_proposed(frame)]


def marked(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """`frame` (the `name` table) with the labels of proposed rows marked 待核实 / unverified."""
    proposed = is_proposed(frame)
    if not proposed.any() or name not in LABELS:
        return frame
    frame = frame.copy()
    for column, mark in zip(LABELS[name], MARK, strict=True):
        frame.loc[proposed, column] = frame.loc[proposed, column].astype(str) + mark
    return frame


def for_screen(frame: pd.DataFrame, name: str, hosted: bool) -> pd.DataFrame:
    """A table of rows that may be proposed, as the app shows it: on the hosted link without
    proposed rows, on a local copy with them, marked."""
    if name not in LABELS:
        return frame
    frame = with_status(frame)
    return published(frame) if hosted else marked(frame, name)


def mark(status: object, lang: str) -> str:
    """The mark a value of a proposed row carries (empty for any other row)."""
    return pick(MARK, lang) if status == PROPOSED else ""


def chart_mark(status: object, lang: str) -> str:
    """The mark under a value written on a chart: a line of its own, so that a point at the
    chart's edge keeps its number in view."""
    return "<br>" + pick(MARK, lang).strip(" （）()") if status == PROPOSED else ""


def waiting_by_report(*tables: pd.DataFrame) -> dict[str, int]:
    """How many rows of each report wait for review, over the tables given."""
    counts: dict[str, int] = {}
    for frame in tables:
        for report_id in frame.loc[is_proposed(frame), "report_id"]:
            counts[report_id] = counts.get(report_id, 0) + 1
    return counts


# --- the review list of /updates ---------------------------------------------------------------


def pending(proposals: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Proposals waiting for a decision, grouped by report, the newest report first."""
    waiting = proposals[proposals["decision"] == PROPOSED]
    order = (
        waiting[["report_id", "report_date"]]
        .drop_duplicates("report_id")
        .sort_values(["report_date", "report_id"], ascending=False)
    )
    return [(report, waiting[waiting["report_id"] == report]) for report in order["report_id"]]


def decided(proposals: pd.DataFrame) -> pd.DataFrame:
    """Proposals accepted or rejected, the newest decision first."""
    rows = proposals[proposals["decision"].isin(DECIDED)]
    return rows.sort_values(["decided_on", "report_date"], ascending=False, na_position="last")


def stale(proposals: pd.DataFrame) -> pd.DataFrame:
    """Decisions whose proposal the reports no longer make (a report or the catalog changed)."""
    return proposals[proposals["decision"] == STALE]


def _present(value: object) -> bool:
    return value is not None and value == value and value != ""


def value_text(row: pd.Series, lang: str) -> str:
    """A proposal's value as written for a reader, with the year its sentence gives or implies,
    "2.65亿吨（2025年）", or else the report's date: "2860万千瓦（据2026-05-10报道）"."""
    if not _present(row["value"]):
        return "–"
    shown = quantity(
        float(row["value"]),
        row["display_unit"],
        lang,
        row["qualifier"] if _present(row["qualifier"]) else "",
        row["value_high"],
    )
    if _is_project(row):
        # a project's capacity with the stage word its sentence states: "160万吨 · 建成投产"
        stage = str(row["stage"]) if _present(row.get("stage")) else ""
        return f"{shown} · {stage}" if stage else shown
    if row.get("year_basis") == "report date" or not _present(row["year"]):
        when = t("as_reported", lang, date=row["report_date"])
    else:
        when = pick((f"{int(float(row['year']))}年", f"{int(float(row['year']))}"), lang)
    return f"{shown} ({when})" if lang == "en" else f"{shown}（{when}）"


def _is_project(row: pd.Series) -> bool:
    return str(row.get("target_type", "metric")) in ("project", "new_project")


def published_text(row: pd.Series, lang: str) -> str:
    """The published value a proposal stands beside, and how: it follows, replaces or repeats
    it, or is older; "未报道" when nothing is published for the measure."""
    relation = row["relation"] if _present(row["relation"]) else "new"
    if str(row.get("target_type")) == "new_project":
        return t("review_relation_new_project", lang)
    if _is_project(row):
        stage = row.get("current_stage")
        if not _present(stage):
            return t("review_relation_new", lang)
        return t("review_relation_project", lang, stage=stage, report=row["current_report_id"])
    if relation == "new" or not _present(row["current_value"]):
        return t("review_relation_new", lang)
    current = quantity(float(row["current_value"]), row["display_unit"], lang)
    year = int(float(row["current_year"])) if _present(row["current_year"]) else "–"
    return t(f"review_relation_{relation}", lang, value=current, year=year)


CONFIDENCE = {"high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low")}


def confidence_text(row: pd.Series, lang: str) -> tuple[str, str]:
    """(高 / 中 / 低, the reason) of a proposal's confidence."""
    level = CONFIDENCE.get(str(row["confidence_level"]), ("–", "–"))
    reason = pick((row["confidence_reason_zh"], row["confidence_reason_en"]), lang)
    return pick(level, lang), str(reason) if _present(reason) else ""


def evidence_markdown(row: pd.Series) -> str:
    """The clause that binds the figure to its measure, escaped, with the figure highlighted
    (found by its text as written; the whole clause unmarked when it is not there)."""
    evidence = str(row["evidence"]) if _present(row["evidence"]) else str(row["quote"])
    evidence = " ".join(evidence.splitlines())  # one quoted paragraph, whatever the source's lines
    raw = str(row["raw"]) if _present(row["raw"]) else ""
    start = evidence.find(raw) if raw else -1
    spans = [(start, start + len(raw))] if start >= 0 else []
    return mark_figures(evidence, spans)


def label(row: pd.Series, lang: str) -> str:
    return str(pick((row["label_zh"], row["label_en"]), lang))


# --- one screen per report: every figure by its state ------------------------------------------

# The state of a figure of a report, with the colour it is marked in (Streamlit's named colours).
STATE_COLOURS = {
    "proposed": "orange",
    "accepted": "green",
    "rejected": "gray",
    "unclaimed": "blue",
    "seed": "violet",
}


def decided_when(row: pd.Series) -> str:
    """When and by whom a decision was made, in Beijing time: "2026-12-02 07:15 · 王工"."""
    moment = str(row.get("decided_on", "") or "")
    if not _present(row.get("decided_on")) or not moment:
        return ""
    shown = beijing(moment) if "T" in moment else moment  # a date alone in older decisions
    by = row.get("decided_by")
    return f"{shown} · {by}" if _present(by) else shown


def figure_states(
    figures: pd.DataFrame,
    metrics: pd.DataFrame,
    proposals: pd.DataFrame,
    unclaimed: pd.DataFrame,
    report_id: str,
    source: str,
) -> pd.DataFrame:
    """The body figures of one report, each with its id ("004@186") and state: proposed,
    accepted, rejected, unclaimed, or seed (published from a report the catalog names); a figure
    none of these names (a project's, a target's) has no state and is not marked."""
    own = figures[(figures["source"] == source) & (figures["role"] == "body")].copy()
    state: dict[int, str] = {}
    for frame, column in ((metrics, "review_status"),):
        rows = frame[frame["source"] == source]
        for start, status in zip(rows["start"], rows[column].fillna(SEED), strict=True):
            state[int(start)] = str(status) if _present(status) else SEED
    mine = proposals[proposals["report_id"] == report_id]
    for start, decision in zip(mine["start"], mine["decision"], strict=True):
        if _present(start) and decision in (PROPOSED, ACCEPTED, REJECTED):
            state.setdefault(int(float(start)), str(decision))
    for start in unclaimed.loc[unclaimed["source"] == source, "start"]:
        state[int(start)] = "unclaimed"
    own["start"] = own["start"].astype(int)
    own["end"] = own["end"].astype(int)
    own["state"] = [state.get(start, "") for start in own["start"]]
    own["figure_id"] = [f"{report_id}@{start}" for start in own["start"]]
    return own.sort_values("start")


def states_markdown(text: str, states: pd.DataFrame) -> str:
    """Markdown of a report's text, every figure with a state in its colour and the rest of the
    text escaped (never HTML); paragraphs kept."""
    parts: list[str] = []
    position = 0
    for start, end, state in zip(states["start"], states["end"], states["state"], strict=True):
        if not state or start < position:
            continue
        parts.append(escape_markdown(text[position:start]))
        colour = STATE_COLOURS[state]
        parts.append(f":{colour}-badge[{escape_markdown(text[start:end])}]")
        position = end
    parts.append(escape_markdown(text[position:]))
    return "".join(parts).replace("\n", "\n\n")


def legend_markdown(lang: str) -> str:
    return " ".join(
        f":{colour}-badge[{t(f'state_{state}', lang)}]" for state, colour in STATE_COLOURS.items()
    )
