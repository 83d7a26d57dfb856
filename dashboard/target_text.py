"""Targets in words, shared by the pages and the briefing (no Streamlit here): the target with
its kind, the reported current value or "no current value reported", the stored reading, and
the stored answer (what is known instead, what would settle it) with the sentences behind it."""

import pandas as pd

from dashboard.fmt import percent, quantity
from dashboard.i18n import MESSAGES, pick, t

READINGS = {
    "on_track": "reading_on_track",
    "at_risk": "reading_at_risk",
    "cannot_judge": "reading_cannot_judge",
}


def label(row, lang: str) -> str:
    year = f" {int(row.target_year)}" if row.target_year == row.target_year else ""
    return pick((row.label_zh, row.label_en), lang) + year


def current_text(row, lang: str) -> str:
    """The reported current value with its year, or "no current value reported"."""
    if row.current != row.current:
        return t("no_current", lang)
    text = quantity(row.current, row.display_unit, lang, row.current_qualifier)
    return (
        f"{text}（{int(row.current_year)}）"
        if lang == "zh"
        else f"{text} ({int(row.current_year)})"
    )


def target_text(row, lang: str) -> str:
    kind_key = f"target_kind_{row.target_kind}"
    kind = t(kind_key, lang) if kind_key in MESSAGES else str(row.target_kind)
    value = quantity(row.target_value, row.display_unit, lang, row.qualifier)
    if row.target_year != row.target_year:
        return f"{kind} {value}"
    return t("kind_target_label", lang, year=int(row.target_year), kind=kind, value=value)


def of_target_text(row, lang: str) -> str:
    """Progress said as what the target is: "为预测的30%" for a forecast, never "为目标的"."""
    key = f"target_kind_{row.target_kind}"
    kind = t(key, lang) if key in MESSAGES else ""
    return t("of_kind", lang, kind=kind or t("target_kind_goal", lang), pct=percent(row.progress))


def reading_text(row, lang: str) -> str:
    return t(READINGS.get(row.reading, "reading_cannot_judge"), lang)


def reason_text(row, lang: str) -> str:
    return pick((row.reading_reason_zh, row.reading_reason_en), lang)


def pipeline_text(row, lang: str) -> str:
    if row.pipeline != row.pipeline:
        return "–"
    return quantity(row.pipeline, row.display_unit, lang)


def measured(progress: pd.DataFrame) -> pd.DataFrame:
    """Targets with a reported current value (and so a progress)."""
    return progress.dropna(subset=["progress"])


def unmeasured_names(progress: pd.DataFrame, lang: str) -> str:
    rows = progress[progress["progress"].isna()]
    return (
        "、".join(label(row, lang) for row in rows.itertuples())
        if lang == "zh"
        else ("; ".join(label(row, lang) for row in rows.itertuples()))
    )


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def answer_text(row, lang: str) -> str:
    """Where the target stands, as stored: the current value, else the nearest stated evidence."""
    return _text(pick((getattr(row, "answer_zh", ""), getattr(row, "answer_en", "")), lang))


def implied_text(row, lang: str) -> str:
    """The pace the goals themselves imply, in words; "" when there is none."""
    return _text(
        pick((getattr(row, "implied_growth_zh", ""), getattr(row, "implied_growth_en", "")), lang)
    )


def settle_text(row, lang: str) -> str:
    """What a report would have to state to settle the target."""
    return _text(pick((getattr(row, "settle_zh", ""), getattr(row, "settle_en", "")), lang))


def growth_words(row, lang: str) -> str:
    """The required growth's formula in words with its amounts; "" without one."""
    return _text(
        pick(
            (
                getattr(row, "required_growth_words_zh", ""),
                getattr(row, "required_growth_words_en", ""),
            ),
            lang,
        )
    )


def sentences(row) -> list[tuple[str, str]]:
    """(what, sentence) behind a target: its own sentence, then each sentence of its answer."""
    shown = [("target", _text(row.quote))]
    for quote in _text(getattr(row, "answer_quotes", "")).split("\n"):
        if quote and quote not in [q for _, q in shown]:
            shown.append(("answer", quote))
    return [(what, quote) for what, quote in shown if quote]


def _ids(value) -> list[str]:
    """Report ids of a cell: "000|003", or one id a table reader took for a number (3.0)."""
    if isinstance(value, int | float) and value == value:
        return [f"{int(value):03d}"]  # report ids are three digits (000, 003, 004…)
    return [i for i in _text(value).split("|") if i]


def report_ids(row) -> list[str]:
    """Every report a target's row rests on: its own, its current value's, its answer's."""
    return sorted({*_ids(row.report_id), *_ids(getattr(row, "answer_report_ids", ""))})


def reports_behind(targets: pd.DataFrame) -> pd.DataFrame:
    """Every report the targets rest on (`report_ids` of each row), as a column `report_id`."""
    return pd.DataFrame(
        {"report_id": sorted({i for row in targets.itertuples() for i in report_ids(row)})}
    )
