"""What moved between reports: a table of changes since the previous report, and metrics that
several reports give drawn as lines over time."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.components import charts
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.fmt import quantity, scaled
from dashboard.i18n import CHANGE_KINDS, pick, status_label, t
from dashboard.review import MARK, chart_mark, is_proposed

KINDS = CHANGE_KINDS


def _side(row: pd.Series, side: str, lang: str) -> str:
    value = row.get(side)
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return "–"
    if row["kind"] in ("new_project", "status"):
        words = row.get(f"{side}_words", "")
        return (
            f"{status_label(value, lang)}（{words}）"
            if words == words and words
            else status_label(value, lang)
        )
    year = row.get(f"{side}_year", "")
    if isinstance(year, float) and year == year:
        year = int(year)  # a year read from a table with blanks comes back as 2026.0
    shown = quantity(
        float(value), row["display_unit"], lang, row.get("qualifier", "") if side == "after" else ""
    )
    return f"{shown} ({year})" if year == year and year != "" else shown


def changes_table(changed: pd.DataFrame, reports: pd.DataFrame, lang: str, key: str) -> None:
    """The changes of the chosen report against the one before it, or a note that there are none."""
    note, table, sentences = data.shared(change_contents, changed, reports, lang)
    if table is None:
        st.info(note)
        return
    st.caption(note)
    st.dataframe(
        table,
        hide_index=True,
        key=f"{key}_changes",
        column_config={
            t("col_label", lang): st.column_config.TextColumn(width="small"),
            t("change_kind", lang): st.column_config.TextColumn(width="small"),
        },
    )
    sources_and_data(sentences, lang, changed, "changes", f"{key}_changes")


def change_contents(changed: pd.DataFrame, reports: pd.DataFrame, lang: str) -> tuple:
    """(the note above the table, the table as shown, the rows with their labels and date for
    the sentences); for no change, the note that says so and no table."""
    dates = reports.set_index("report_id")["report_date"]
    if changed.empty:
        previous = changed.attrs.get("previous_id")
        if previous is None:
            return t("no_earlier_report", lang), None, None
        return t("no_changes_since", lang, previous=dates.get(previous, previous)), None, None
    note = t(
        "changes_between",
        lang,
        before=dates[changed["previous_id"].iloc[0]],
        after=dates[changed["report_id"].iloc[0]],
    )
    # What it is and what it is now first: on a phone the answer column is in view.
    table = pd.DataFrame(
        {
            t("col_label", lang): [
                pick((a, b), lang)
                for a, b in zip(changed["label_zh"], changed["label_en"], strict=True)
            ],
            pick(("此次", "Now"), lang): [
                _side(row, "after", lang) for _, row in changed.iterrows()
            ],
            pick(("此前", "Before"), lang): [
                _side(row, "before", lang) for _, row in changed.iterrows()
            ],
            t("change_kind", lang): [pick(KINDS[k], lang) for k in changed["kind"]],
        }
    )
    sentences = changed.assign(
        report_date=dates[changed["report_id"].iloc[0]],
        report_id=changed["report_id"].iloc[0],
        # by position: `changed` may be a selection whose index is not the table's 0..n
        label=table[t("col_label", lang)].to_numpy(),
    )
    return note, table, sentences


def of_kinds(changed: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    """The changes of the given kinds; a selection keeps the frame's `attrs` (the report before,
    which the table names when none is left)."""
    return changed[changed["kind"].isin(kinds)] if len(changed) else changed


def series_name(first: pd.Series, lang: str) -> str:
    """A series' name, saying so when its sentences state a plan, goal, forecast or condition
    rather than a reported actual: a count of clusters to be built is no count of clusters."""
    name = pick((first["label_zh"], first["label_en"]), lang)
    kind = first.get("statement_kind", "fact")
    if kind != "fact" and kind == kind:
        name += pick(("（{}）", " ({})"), lang).format(t(f"statement_{kind}", lang))
    return name


def trend_chart(rows: pd.DataFrame, reports: pd.DataFrame, lang: str, key: str) -> None:
    """Metrics that several reports give, as lines; one chart per display unit. Nothing when no
    metric has more than one report yet."""
    for display_unit, figure, group, download in data.shared(trend_contents, rows, lang):
        st.plotly_chart(figure, key=f"{key}_{display_unit}")
        source_line(group, reports, lang)
        sources_and_data(group, lang, download, f"series_{key}", f"{key}_{display_unit}_trend")


def trend_contents(rows: pd.DataFrame, lang: str) -> tuple:
    """Per display unit: (the unit, the figure, its rows, their download)."""
    charts_by_unit = []
    for display_unit, group in rows.groupby("display_unit", sort=False):
        unit_label = scaled(0, display_unit, lang)[1]
        items = []
        for _, metric_rows in group.groupby("metric_id", sort=False):
            first = metric_rows.iloc[0]
            # the first label is unmarked when only a later value waits for review
            name = series_name(first, lang)
            if is_proposed(metric_rows).any() and not name.endswith(pick(MARK, lang)):
                name += pick(MARK, lang)
            items.append(
                {
                    "name": name,
                    "x": list(metric_rows["when"]),
                    "y": [scaled(float(v), display_unit, lang)[0] for v in metric_rows["value"]],
                    "text": [
                        quantity(r.value, r.display_unit, lang, r.qualifier)
                        + chart_mark(getattr(r, "review_status", ""), lang)
                        for r in metric_rows.itertuples()
                    ],
                    "quotes": list(metric_rows["quote"]),
                }
            )
        title = charts.heading(t("trend_chart", lang), unit_label, lang)
        figure = data.figure(charts.lines, items, title, unit_label)
        charts_by_unit.append((display_unit, figure, group, group.drop(columns=["when"])))
    return tuple(charts_by_unit)
