"""Targets on screen: the measured-progress chart, the full targets table and each target's
timeline. Current values, required growth and readings are the table's (computed in data_prep);
a target with no reported actual says so, and has no progress."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data
from dashboard.components import charts
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.components.text import escape_markdown
from dashboard.fmt import percent, quantity, scaled
from dashboard.i18n import pick, t
from dashboard.target_text import (
    answer_text,
    current_text,
    growth_words,
    implied_text,
    label,
    measured,
    of_target_text,
    pipeline_text,
    reading_text,
    reason_text,
    reports_behind,
    sentences,
    settle_text,
    target_text,
    unmeasured_names,
)

DOWNLOAD_COLUMNS = [
    "target_id",
    "label_zh",
    "label_en",
    "target_kind",
    "unit",
    "target_year",
    "target_value",
    "current_value",
    "current_year",
    "current_year_basis",
    "current_quote",
    "gap",
    "progress",
    "required_growth",
    "required_growth_words_zh",
    "required_growth_words_en",
    "pipeline",
    "measure",
    "answer_kind",
    "answer_value",
    "answer_zh",
    "answer_en",
    "answer_quotes",
    "implied_growth",
    "implied_growth_zh",
    "implied_growth_en",
    "settle_zh",
    "settle_en",
    "reading",
    "reading_reason_zh",
    "reading_reason_en",
    "relation_zh",
    "relation_en",
    "quote",
    "source",
    "report_date",
    "note_zh",
    "note_en",
]
# Narrow first: the reading stays in view at 1366 px; the long reason comes last.
TABLE_COLUMNS = [
    "col_label",
    "col_target_kind",
    "col_target",
    "col_current",
    "col_reading",
    "col_progress",
    "col_cagr",
    "col_pipeline",
    "col_reason",
]


def progress_chart(progress: pd.DataFrame, reports: pd.DataFrame, lang: str, key: str) -> None:
    """Progress of the targets that have a reported actual; the others are named as such."""
    rows, names, figure, download = data.shared(progress_contents, progress, lang)
    if rows.empty:
        st.info(t("unmeasured", lang, names=names))
        return
    st.plotly_chart(figure, key=key)
    st.caption(t("measured_note", lang))
    if names:
        st.caption(t("unmeasured", lang, names=names))
    source_line(rows, reports, lang)
    # every target, so that the download too says which have a reported current value
    sources_and_data(rows, lang, download, "targets_progress", key)


def progress_contents(progress: pd.DataFrame, lang: str) -> tuple:
    """The targets with a reported actual, each with its label; the names of the others; the
    chart (None when no target has an actual); the download (every target, so that it too says
    which have a reported current value)."""
    chartable = measured(progress)
    names = unmeasured_names(progress, lang)
    download = progress[DOWNLOAD_COLUMNS]
    if chartable.empty:
        return chartable, names, None, download
    labels = [label(row, lang) for row in chartable.itertuples()]
    texts = [f"{of_target_text(r, lang)} · {reading_text(r, lang)}" for r in chartable.itertuples()]
    hovers = [
        f"{current_text(r, lang)} / {target_text(r, lang)}\n{r.current_quote}"
        for r in chartable.itertuples()
    ]
    figure = charts.finished(
        progress_figure(
            labels,
            list(chartable["progress"]),
            texts,
            hovers,
            t("measured_chart", lang),
            t("col_progress", lang),
        )
    )
    return chartable.assign(label=labels), names, figure, download


def progress_figure(
    labels: list[str],
    progress: list[float],
    texts: list[str],
    hovers: list[str],
    title: str,
    axis_title: str,
) -> go.Figure:
    """The progress bars with their labels beside them (built once per content)."""
    figure = charts.progress_bars(labels, progress, texts, hovers, title, axis_title)
    return unclipped(figure, progress)


def unclipped(figure: go.Figure, progress: list[float]) -> go.Figure:
    """Bar labels beside the bars and right of the 100% line (a short bar's label would
    otherwise cross it), on an axis wide enough to hold them."""
    widest = max([100.0, *(value * 100 for value in progress)])
    bar = figure.data[0]
    for name, value, text in zip(bar.y, progress, bar.text, strict=True):
        figure.add_annotation(
            x=max(value * 100, 100) + widest * 0.02,
            y=name,
            text=text.replace(" · ", "<br>"),  # two short lines fit a phone
            xanchor="left",
            showarrow=False,
        )
    figure.update_traces(textposition="none", cliponaxis=False)
    figure.update_xaxes(range=[0, widest * 1.9])
    figure.update_layout(margin={"r": 40})
    return figure


def table_cells(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets table as shown: one row per target, in the reader's language."""
    rows = list(progress.itertuples())
    cells = {
        "col_label": [label(r, lang) for r in rows],
        "col_target_kind": [t(f"target_kind_{r.target_kind}", lang) for r in rows],
        "col_target": [quantity(r.target_value, r.display_unit, lang, r.qualifier) for r in rows],
        "col_current": [current_text(r, lang) for r in rows],
        "col_reading": [reading_text(r, lang) for r in rows],
        "col_progress": progress["progress"] * 100,
        "col_cagr": [percent(c, 1) for c in progress["cagr_needed"]],
        "col_pipeline": [pipeline_text(r, lang) for r in rows],
        "col_reason": [reason_text(r, lang) for r in rows],
    }
    return pd.DataFrame({t(key, lang): cells[key] for key in TABLE_COLUMNS})


def target_card_contents(row, lang: str) -> tuple[str, str, str]:
    """One target's card as Markdown: what it is and where it stands (its label and target, the
    reading, the stored answer), the notes under it (why, the pace the goals imply, what would
    settle it), and its sentences: the target's own and every sentence of its answer. Article
    text is escaped."""
    reading = f"**{reading_text(row, lang)}**"
    if row.progress == row.progress:
        reading += f" · {of_target_text(row, lang)}"
    head = [
        f"**{escape_markdown(label(row, lang))}** · {target_text(row, lang)}",
        reading,
        escape_markdown(answer_text(row, lang) or current_text(row, lang)),
    ]
    notes = []
    if row.answer_kind in ("current", "plan") or not answer_text(row, lang):
        notes.append(escape_markdown(reason_text(row, lang)))
    words = growth_words(row, lang)
    if words and row.cagr_needed == row.cagr_needed:
        pct = percent(row.cagr_needed, 1)
        notes.append(escape_markdown(t("required_words", lang, pct=pct, words=words)))
    for text in (implied_text(row, lang), pick((row.relation_zh, row.relation_en), lang)):
        if isinstance(text, str) and text:
            notes.append(escape_markdown(text))
    settle = settle_text(row, lang)
    if settle:
        notes.append(f"{t('settle', lang)}{pick(('：', ': '), lang)}{escape_markdown(settle)}")
    quoted = "\n\n".join(
        f"**{t(f'sentence_{what}', lang)}**  \n> {escape_markdown(quote)}"
        for what, quote in sentences(row)
    )
    return "\n\n".join(head), "\n\n".join(notes), quoted


def target_card(card: tuple[str, str, str], lang: str) -> None:
    """One target, stacked so that a phone shows it whole (target_card_contents): four elements."""
    head, notes, quoted = card
    with st.container(border=True, gap="small"):
        st.markdown(head)
        if notes:
            st.caption(notes)
        with st.popover(t("target_sentences", lang), icon=":material/format_quote:"):
            st.markdown(quoted)


def targets_contents(progress: pd.DataFrame, lang: str) -> tuple:
    """The cards, the reports behind them, the targets with their labels (for the sentences)
    and the download."""
    rows = list(progress.itertuples())
    cards = [target_card_contents(row, lang) for row in rows]
    used = reports_behind(progress)
    shown = progress.assign(label=[label(r, lang) for r in rows])
    return cards, used, shown, progress[DOWNLOAD_COLUMNS]


def targets_table(progress: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    """Every target as a card (two a row on a wide screen, stacked on a phone, so the answer
    is never behind a sideways scroll), then the sources of every one and the data."""
    cards, used, shown, download = data.shared(targets_contents, progress, lang)
    for start in range(0, len(cards), 2):
        columns = st.columns(2)
        for column, card in zip(columns, cards[start : start + 2], strict=False):
            with column:
                target_card(card, lang)
    st.caption(t("judged_stored", lang))
    source_line(used, reports, lang)
    sources_and_data(shown, lang, download, "targets", "targets_table")


def timeline_points(rows: pd.DataFrame) -> list[tuple[str, float, float]]:
    """(kind, year, value) the reports state for one measure: its goals and its actual."""
    points = [
        ("goal", float(r.target_year), float(r.target_value))
        for r in rows.itertuples()
        if r.target_year == r.target_year
    ]
    actuals = {
        (float(r.current_year), float(r.current))
        for r in rows.itertuples()
        if r.current == r.current
    }
    return points + [("actual", year, value) for year, value in sorted(actuals)]


def required_path(row) -> list[tuple[float, float]]:
    """From a stated actual to the goal at the required annual rate r: actual × (1+r)^years.
    Empty without a stated actual, a year, or a stored rate."""
    if row.current != row.current or row.cagr_needed != row.cagr_needed:
        return []
    start, end = int(row.current_year), int(row.target_year)
    rate = float(row.cagr_needed)
    return [
        (float(year), float(row.current) * (1 + rate) ** (year - start))
        for year in range(start, end + 1)
    ]


def measures(progress: pd.DataFrame) -> list[pd.DataFrame]:
    """Targets grouped by measure (工业总产值 2027 and 2030 together), those with a year only."""
    dated = progress[progress["target_year"].notna()]
    return [rows for _, rows in dated.groupby(["label_zh", "unit"], sort=False)]


def timeline_figure(rows: pd.DataFrame, lang: str) -> go.Figure:
    """One measure's timeline: stated goals and actual as points, each required path dashed."""
    first = next(rows.itertuples())
    scale = scaled(1, first.display_unit, lang)
    figure = go.Figure()
    points = timeline_points(rows)
    for kind, symbol, color in (("goal", "diamond", "#c0504d"), ("actual", "circle", "#1f4e79")):
        chosen = [(y, v) for k, y, v in points if k == kind]
        if chosen:
            figure.add_scatter(
                x=[y for y, _ in chosen],
                y=[scaled(v, first.display_unit, lang)[0] for _, v in chosen],
                mode="markers+text",
                text=[quantity(v, first.display_unit, lang) for _, v in chosen],
                textposition="top center",
                cliponaxis=False,
                marker={"size": 12, "symbol": symbol, "color": color},
                name=t(f"timeline_{kind}", lang),
            )
    for index, row in enumerate(rows.itertuples()):
        path = required_path(row)
        if path:
            figure.add_scatter(
                x=[y for y, _ in path],
                y=[scaled(v, first.display_unit, lang)[0] for _, v in path],
                mode="lines",
                line={"dash": "dash", "color": "#7f7f7f"},
                name=t("timeline_path", lang),
                showlegend=index == 0,
            )
    figure.update_layout(
        title=pick((first.label_zh, first.label_en), lang),
        height=300,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        showlegend=True,
        font={"family": charts.FONT},
        plot_bgcolor="#ffffff",
    )
    years = [y for _, y, _ in points]
    figure.update_xaxes(dtick=1, tickformat="d", range=[min(years) - 1, max(years) + 1])
    figure.update_yaxes(rangemode="tozero", gridcolor="#e6e6e6")
    charts.unit_on_top(figure, scale[1])
    return figure


def timelines(progress: pd.DataFrame, lang: str) -> None:
    """A timeline per measure that the reports give more than one point of (two goals, or a goal
    and an actual); the measures with a goal only are named, not drawn as a lone point."""
    st.caption(t("timeline_note", lang))
    drawn, names = data.shared(timeline_contents, progress, lang)
    columns = st.columns(2)
    for index, (target_id, figure) in enumerate(drawn):
        with columns[index % 2]:
            st.plotly_chart(figure, key=f"timeline_{target_id}")
    if names:
        st.caption(t("timeline_goal_only", lang, names=names))


def timeline_contents(progress: pd.DataFrame, lang: str) -> tuple[list[tuple[str, go.Figure]], str]:
    """The timelines drawn (first target id, figure) and the names of the measures that have a
    goal only."""
    drawn, goal_only = [], []
    for rows in measures(progress):
        (drawn if len(timeline_points(rows)) > 1 else goal_only).append(rows)
    figures = [
        (rows["target_id"].iloc[0], charts.finished(timeline_figure(rows, lang))) for rows in drawn
    ]
    names = pick(("、", "; "), lang).join(
        label(row, lang) for rows in goal_only for row in rows.itertuples()
    )
    return figures, names
