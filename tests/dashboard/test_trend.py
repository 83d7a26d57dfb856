"""The overview's trend lines: a series of planned counts says it is a plan; a year implied by a
period word (十四五收官 → 2025) places the point, not the report's date."""

import pandas as pd
import pytest

from dashboard.calc import series
from dashboard.components.changes import series_name


@pytest.mark.parametrize(
    ("kind", "lang", "expected"),
    [
        ("fact", "zh", "煤炭产量"),
        ("plan", "zh", "百亿级产业集群（规划）"),
        ("plan", "en", "Ten-billion clusters (plan)"),
        ("forecast", "zh", "煤炭产量（预测）"),
    ],
)
def test_series_name_says_what_kind_of_statement(kind, lang, expected):
    label_zh = "百亿级产业集群" if kind == "plan" else "煤炭产量"
    row = pd.Series(
        {"label_zh": label_zh, "label_en": "Ten-billion clusters", "statement_kind": kind}
    )
    assert series_name(row, lang) == expected


def test_series_places_a_period_word_year_not_the_report_date():
    metrics = pd.DataFrame(
        {
            "metric_id": ["growth", "growth"],
            "report_id": ["000", "003"],
            "year": [2025, 2025],
            "year_basis": ["report date", "period word"],
            "report_date": ["2025-08", "2026-02"],
            "value": [10.0, 13.4],
        }
    )
    assert list(series(metrics, ["growth"])["when"]) == ["2025-08", "2025"]


def test_a_selection_of_changes_keeps_each_sentence_under_its_own_label():
    """The chemicals page shows only new projects and stages: a selection whose index is not
    0..n; the labels of the sentences must still follow their rows, never come out blank."""
    from dashboard import data
    from dashboard.components.changes import change_contents
    from dashboard.i18n import pick

    changed = data.changes("latest")
    assert len(changed) >= 3
    chosen = changed.iloc[1::2]
    assert list(chosen.index) != list(range(len(chosen)))
    _, table, sentences = change_contents(chosen, data.table("reports"), "zh")
    pairs = zip(chosen["label_zh"], chosen["label_en"], strict=True)
    expected = [pick(pair, "zh") for pair in pairs]
    assert list(sentences["label"]) == expected == list(table.iloc[:, 0])
