"""Targets in words, shared by the pages and the briefing (no Streamlit here): the target with
its kind, the reported current value or "no current value reported", the stored reading."""

import pandas as pd

from dashboard.fmt import quantity
from dashboard.i18n import pick, t

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
    kind = t(f"target_kind_{row.target_kind}", lang)
    value = quantity(row.target_value, row.display_unit, lang, row.qualifier)
    if row.target_year != row.target_year:
        return f"{kind} {value}"
    return t("kind_target_label", lang, year=int(row.target_year), kind=kind, value=value)


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
