"""The Overview's cards: the numbers an official asks first, each with its target or context."""

import pandas as pd

from dashboard.calc import metric
from dashboard.components import cards
from dashboard.components.progress import current_text, pipeline_text, target_text
from dashboard.fmt import percent, quantity
from dashboard.i18n import pick, t

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


def _target_card(
    progress: pd.DataFrame, target_id: str, title: tuple[str, str], lang: str
) -> tuple:
    """A target's card: the reported current value or "no current value reported", the target
    with its kind (goal, forecast), and for capacity targets the projects named, not as a value."""
    row = next(progress[progress["target_id"] == target_id].itertuples())
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
        beside += " · " + t("of_target", lang, pct=percent(row.progress))
    note = pick((row.reading_reason_zh, row.reading_reason_en), lang)
    if row.pipeline == row.pipeline:
        note = t("pipeline_beside", lang, value=pipeline_text(row, lang))
    return pick(title, lang), value, beside, note


def key_cards(
    metrics: pd.DataFrame, all_metrics: pd.DataFrame, progress: pd.DataFrame, lang: str
) -> None:
    """The six cards; figures the chosen report lacks show "–" under their usual label."""
    shown = []
    for kind, first, second in CARDS:
        if kind == "target":
            shown.append(_target_card(progress, second, first, lang))
        else:
            label, value = _metric_text(metrics, all_metrics, first, lang)
            beside_label, beside_value = _metric_text(metrics, all_metrics, second, lang)
            when = metric_when(metrics, first, lang)
            beside = f"{beside_label} {beside_value}"
            shown.append((label, value, f"{when} · {beside}" if when else beside, ""))
    cards.show(shown)
