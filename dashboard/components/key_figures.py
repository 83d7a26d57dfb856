"""The Overview's cards: the numbers an official asks first, each with its target or context."""

import pandas as pd

from dashboard import data
from dashboard.calc import metric
from dashboard.components import cards
from dashboard.components.text import escape_markdown
from dashboard.fmt import quantity
from dashboard.i18n import pick, t
from dashboard.target_text import (
    answer_text,
    current_text,
    of_target_text,
    reason_text,
    reports_behind,
    sentences,
    target_text,
)

# (metric shown, metric beside it) for plain figures; (label, target) for figures with a target.
CARDS = [
    ("target", ("工业总产值", "Industrial output"), "industrial_output_2027"),
    ("metric", "coal_output", "coal_output_share_xinjiang"),
    ("metric", "coal_power_built", "coal_power_planned"),
    ("target", ("煤制烯烃产能", "Coal-to-olefins capacity"), "olefins_capacity_2030"),
    ("target", ("芨芨湖产业工人", "Industrial workers in Jijihu"), "jijihu_workers_2027"),
    ("metric", "aluminium_capacity", "aluminium_share_xinjiang"),
]
SHOWN_METRICS = [metric_id for kind, *ids in CARDS if kind == "metric" for metric_id in ids]
SHOWN_TARGETS = [target_id for kind, _, target_id in CARDS if kind == "target"]


def _metric_text(
    metrics: pd.DataFrame, labels: pd.DataFrame, metric_id: str, lang: str
) -> tuple[str, str]:
    row = metric(metrics, metric_id)
    # The label of the row shown (marked 待核实 when it waits for review), else the usual one.
    named = metric(labels, metric_id) if row is None else row
    label = "" if named is None else pick((named["label_zh"], named["label_en"]), lang)
    if row is None:
        return label, "–"
    return label, quantity(
        row["value"], row["display_unit"], lang, row["qualifier"], row["value_high"]
    )


def metric_when(metrics: pd.DataFrame, metric_id: str, lang: str) -> str:
    """When a card's figure holds: the year its sentence gives or implies, else the date of the
    report that states it; "" when the report has no such figure."""
    row = metric(metrics, metric_id)
    if row is None:
        return ""
    if row["year_basis"] != "report date" and row["year"] == row["year"]:
        return pick((f"{int(row['year'])}年", f"{int(row['year'])}"), lang)
    return t("as_reported", lang, date=row["report_date"])


def quote_help(quotes: list[str], lang: str, reason: str = "") -> str:
    """The "?" of a card: the sentence(s) behind its numbers, escaped, then the reasoning."""
    lines = [
        t("card_sentence", lang, quote=escape_markdown(quote))
        for quote in dict.fromkeys(q for q in quotes if isinstance(q, str) and q)
    ]
    if reason:
        lines.append(escape_markdown(reason))
    return "\n\n".join(lines)


def _target_card(
    progress: pd.DataFrame, target_id: str, title: tuple[str, str], lang: str
) -> tuple:
    """A target's card: the reported current value or "no current value reported", the target
    with its kind (goal, forecast), where it stands from what is known (stored in targets.csv),
    and the sentences behind them in the "?"."""
    found = progress[progress["target_id"] == target_id]
    if found.empty:
        return pick(title, lang), "–", "", "", ""
    row = next(found.itertuples())
    stated = row.current == row.current
    value = (
        quantity(row.current, row.display_unit, lang, row.current_qualifier)
        if stated
        else current_text(row, lang)
    )
    beside = target_text(row, lang)
    if stated:  # the year of the value beside it, so that a narrow card does not cut it
        beside = (
            pick((f"{int(row.current_year)}年 · ", f"{int(row.current_year)} · "), lang) + beside
        )
    if row.progress == row.progress:
        beside += " · " + of_target_text(row, lang)
    quotes = [quote for _, quote in sentences(row)]
    detail = "" if stated and not answer_text(row, lang) else answer_text(row, lang)
    return (
        pick(title, lang),
        value,
        beside,
        quote_help(quotes, lang, reason_text(row, lang)),
        escape_markdown(detail),
    )


def _beside(metrics: pd.DataFrame, labels: pd.DataFrame, first: str, second: str, lang: str):
    """The figure beside a card's value, with its own year when that differs (a 2024 share
    beside a 2025 output says 2024)."""
    label, value = _metric_text(metrics, labels, second, lang)
    shown, beside = metric(metrics, first), metric(metrics, second)
    if (
        shown is not None
        and beside is not None
        and beside["year"] == beside["year"]
        and shown["year"] != beside["year"]
    ):
        year = int(beside["year"])
        label = pick((f"{year}年{label}", f"{label} ({year})"), lang)
    return f"{label} {value}", beside


def key_cards(
    metrics: pd.DataFrame, all_metrics: pd.DataFrame, progress: pd.DataFrame, lang: str
) -> None:
    """The six cards; figures the chosen report lacks show "–" under their usual label."""
    cards.show(data.shared(card_contents, metrics, all_metrics, progress, lang))


def card_contents(
    metrics: pd.DataFrame, all_metrics: pd.DataFrame, progress: pd.DataFrame, lang: str
) -> list[tuple[str, str, str, str]]:
    """Label, value, what stands beside it and the sentences, for each of the six cards."""
    shown = []
    for kind, first, second in CARDS:
        if kind == "target":
            shown.append(_target_card(progress, second, first, lang))
        else:
            label, value = _metric_text(metrics, all_metrics, first, lang)
            beside, beside_row = _beside(metrics, all_metrics, first, second, lang)
            when = metric_when(metrics, first, lang)
            row = metric(metrics, first)
            quotes = [r["quote"] for r in (row, beside_row) if r is not None]
            shown.append(
                (label, value, f"{when} · {beside}" if when else beside, quote_help(quotes, lang))
            )
    return shown


def beside_card(metrics: pd.DataFrame, metric_id: str, beside_ids: tuple[str, ...], lang: str):
    """A figure with the figures its sentence gives beside it, and that sentence in the "?"."""
    row = metric(metrics, metric_id)
    if row is None:
        return ("", "–", "", "")
    beside, quotes = [], [row["quote"]]
    for other in beside_ids:
        other_row = metric(metrics, other)
        if other_row is not None:
            value = quantity(
                other_row["value"], other_row["display_unit"], lang, other_row["qualifier"]
            )
            beside.append(f"{pick((other_row['label_zh'], other_row['label_en']), lang)} {value}")
            quotes.append(other_row["quote"])
    label = pick((row["label_zh"], row["label_en"]), lang)
    if row["kind"] == "actual":
        label += f" {row['year']}"
    value = quantity(row["value"], row["display_unit"], lang, row["qualifier"], row["value_high"])
    return (label, value, " · ".join(beside), quote_help(quotes, lang))


def card_group(metrics: pd.DataFrame, groups: tuple[tuple[str, ...], ...], lang: str) -> tuple:
    """A card for each (metric, metrics beside it) of `groups`, and the rows behind them all
    (for the line that names their reports)."""
    shown = [beside_card(metrics, first, tuple(beside), lang) for first, *beside in groups]
    ids = [metric_id for ids in groups for metric_id in ids]
    return shown, metrics[metrics["metric_id"].isin(ids)]


def card_reports(metrics: pd.DataFrame, progress: pd.DataFrame) -> pd.DataFrame:
    """The reports behind the six cards (a column `report_id`), for the line that names them."""
    used = set(metrics[metrics["metric_id"].isin(SHOWN_METRICS)]["report_id"].dropna())
    used |= set(reports_behind(progress[progress["target_id"].isin(SHOWN_TARGETS)])["report_id"])
    return pd.DataFrame({"report_id": sorted(used)})
