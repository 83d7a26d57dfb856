"""Overview: the numbers an official asks first, targets beside them, and one chart."""

import streamlit as st

from dashboard import data
from dashboard.briefing import briefing_html
from dashboard.calc import metric, rows_for_report, series, target_progress, what_changed
from dashboard.components import cards, changes, charts
from dashboard.components.provenance import downloads, quotes, source_line
from dashboard.components.text import escape_markdown
from dashboard.context import current, shared_params
from dashboard.fmt import percent, quantity
from dashboard.i18n import pick, t

# Metrics drawn as lines once several reports give them.
KEY_SERIES = [
    "coal_output",
    "coal_power_built",
    "power_generation",
    "power_sent_out",
    "aluminium_capacity",
    "jijihu_workers",
    "thousand_billion_industries",
    "ten_billion_clusters",
]

view = current()
lang = view.lang
all_metrics = data.table("metrics")
metrics = rows_for_report(all_metrics, view.report, "metric_id")
targets = data.table("targets")
projects = data.table("projects")
progress = target_progress(targets, projects, all_metrics)
reports = data.table("reports")

st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))


def value_of(metric_id: str) -> str:
    row = metric(metrics, metric_id)
    if row is None:
        return "–"
    return quantity(row["value"], row["display_unit"], lang, row["qualifier"], row["value_high"])


def label_of(metric_id: str) -> str:
    row = metric(all_metrics, metric_id)
    return "" if row is None else str(row["label_en" if lang == "en" else "label_zh"])


def target_beside(target_id: str) -> str:
    row = progress[progress["target_id"] == target_id].iloc[0]
    value = quantity(row["target_value"], row["display_unit"], lang, row["qualifier"])
    text = t("target_label", lang, year=int(row["target_year"]), value=value)
    if row["progress"] == row["progress"]:
        text += " · " + t("of_target", lang, pct=percent(row["progress"]))
    return text


def current_of(target_id: str) -> str:
    row = progress[progress["target_id"] == target_id].iloc[0]
    return quantity(row["current"], row["display_unit"], lang, row["current_qualifier"])


st.subheader(t("overview_cards", lang))
output = progress[progress["target_id"] == "industrial_output_2027"].iloc[0]
shown = [
    (
        pick(("工业总产值基数（推算）", "Industrial output, base (derived)"), lang),
        current_of("industrial_output_2027"),
        target_beside("industrial_output_2027"),
        pick((output["note_zh"], output["note_en"]), lang),
    ),
    (
        label_of("coal_output"),
        value_of("coal_output"),
        f"{label_of('coal_output_share_xinjiang')} {value_of('coal_output_share_xinjiang')}",
        "",
    ),
    (
        label_of("coal_power_built"),
        value_of("coal_power_built"),
        f"{label_of('coal_power_planned')} {value_of('coal_power_planned')}",
        "",
    ),
    (
        pick(("煤制烯烃项目产能", "Coal-to-olefins projects"), lang),
        current_of("olefins_capacity_2030"),
        target_beside("olefins_capacity_2030"),
        t("overview_chart_note", lang),
    ),
    (
        pick(("芨芨湖产业工人", "Industrial workers in Jijihu"), lang),
        current_of("jijihu_workers_2027"),
        target_beside("jijihu_workers_2027"),
        "",
    ),
    (
        label_of("aluminium_capacity"),
        value_of("aluminium_capacity"),
        f"{label_of('aluminium_share_xinjiang')} {value_of('aluminium_share_xinjiang')}",
        "",
    ),
]
cards.show(shown)
shown_metrics = metrics[
    metrics["metric_id"].isin(
        [
            "coal_output",
            "coal_output_share_xinjiang",
            "coal_power_built",
            "coal_power_planned",
            "aluminium_capacity",
            "aluminium_share_xinjiang",
        ]
    )
]
source_line(shown_metrics, reports, lang)

st.subheader(t("overview_chart", lang))
chartable = progress.dropna(subset=["progress"])
if chartable.empty:
    st.info(t("nothing_here", lang))
else:
    labels = [
        pick((r.label_zh, r.label_en), lang)
        + (f" {int(r.target_year)}" if r.target_year == r.target_year else "")
        for r in chartable.itertuples()
    ]
    values = [
        f"{quantity(r.current, r.display_unit, lang)} / "
        f"{quantity(r.target_value, r.display_unit, lang, r.qualifier)}"
        for r in chartable.itertuples()
    ]
    texts = [percent(value) for value in chartable["progress"]]
    hovers = [f"{value}\n{quote}" for value, quote in zip(values, chartable["quote"], strict=True)]
    figure = charts.progress_bars(
        labels,
        list(chartable["progress"]),
        texts,
        hovers,
        t("progress_chart_title", lang),
        t("col_progress", lang),
    )
    st.plotly_chart(figure, key="overview_progress")
    st.caption(t("overview_chart_note", lang))
    source_line(chartable, reports, lang)
    quotes(chartable.assign(label=labels), lang)
    download = chartable[
        [
            "target_id",
            "label_zh",
            "label_en",
            "unit",
            "target_year",
            "target_value",
            "current",
            "current_kind",
            "progress",
            "quote",
            "source",
            "report_date",
        ]
    ]
    downloads(download, "targets_progress", lang, key="overview_progress")

st.subheader(t("what_changed", lang))
changes.changes_table(
    what_changed(all_metrics, projects, reports, view.report),
    reports,
    lang,
    "overview",
)
trends = series(all_metrics, KEY_SERIES)
if len(trends):
    changes.trend_chart(trends, reports, lang, key="overview_trend")

st.download_button(
    t("briefing_download", lang),
    lambda: briefing_html(all_metrics, targets, projects, reports, lang, view.report),
    "zhundong_briefing.html",
    "text/html",
    key="overview_briefing",
    on_click="ignore",
    icon=":material/print:",
    type="primary",
)

st.subheader(t("report_dates", lang))
for row in reports.itertuples():
    headline = row.lead_headline_en if lang == "en" else f"《{row.lead_headline}》"
    st.markdown(f"- **{row.report_date}** {escape_markdown(headline)}")

st.subheader(t("more_pages", lang))
links = st.columns(3)
for index, (path, key) in enumerate(
    [
        ("targets.py", "page_targets"),
        ("coal_power.py", "page_coal_power"),
        ("chemicals.py", "page_chemicals"),
        ("materials.py", "page_materials"),
        ("innovation.py", "page_innovation"),
        ("sources.py", "page_sources"),
    ]
):
    links[index % 3].page_link(
        f"views/{path}", label=t(key, lang), query_params=shared_params(view)
    )
