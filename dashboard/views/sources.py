"""Sources: each report and its articles, the cleaned text with every figure marked (escaped),
search, jieba keywords per article, and the whole ledger with filters and download."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.components.choices import chinese_only
from dashboard.components.park_map import base_credit, coordinate_sources
from dashboard.components.provenance import downloads, ledger_for_display
from dashboard.components.text import article_pieces, escape_markdown, figure_spans, mark_figures
from dashboard.context import current
from dashboard.i18n import LEDGER_HEADERS, RELEVANCE, pick, t
from dashboard.review import waiting_by_report

view = current()
lang = view.lang
reports = data.table("reports")
articles = data.table("articles")
figures = data.table("figures")
waiting = waiting_by_report(data.table("metrics"), data.table("projects"))
st.title(t("page_sources", lang))

st.subheader(t("reports_list", lang))
for row in reports.itertuples():
    with st.container(border=True):
        subtitle = row.lead_subtitle if isinstance(row.lead_subtitle, str) else ""
        headline = (
            row.lead_headline_en
            if lang == "en"
            else f"《{row.lead_headline}》" + (f"——{subtitle}" if subtitle else "")
        )
        st.markdown(
            f"**{row.report_date}** · "
            f"{escape_markdown(pick((row.newspaper, row.newspaper_en), lang))} · "
            f"{escape_markdown(headline)}"
        )
        st.caption(
            f"{t('date_basis', lang)}{pick(('：', ': '), lang)}"
            f"{pick((row.date_basis_zh, row.date_basis), lang)} · {row.source}"
            f" · sha256 {str(row.sha256)[:12]}…"
        )
        if row.report_id in waiting:  # on a local copy: rows of this report not yet reviewed
            st.badge(t("review_waiting", lang, n=waiting[row.report_id]), color="orange")

report_ids = list(reports["report_id"])
default = view.report if view.report in report_ids else report_ids[-1]
report_id = st.selectbox(
    t("report", lang),
    report_ids,
    index=report_ids.index(default),
    format_func=lambda r: f"{r} · {reports.set_index('report_id').loc[r, 'report_date']}",
    key="sources_report",
    **chinese_only(lang),
)
source = reports.set_index("report_id").loc[report_id, "source"]
page_articles = articles[articles["source"] == source]

st.subheader(t("articles", lang))
st.dataframe(
    pd.DataFrame(
        {
            t("headline", lang): page_articles["headline"].fillna(""),
            t("byline", lang): page_articles["byline"].fillna(""),
            t("relevance", lang): [pick(RELEVANCE[r], lang) for r in page_articles["relevance"]],
            t("keywords", lang): page_articles["keywords"].fillna("").str.replace("|", "、"),
            t("figures_count", lang): page_articles["figures"],
        }
    ),
    hide_index=True,
    key="sources_articles",
)

article_ids = list(page_articles["article"])
article_id = st.selectbox(
    t("article", lang),
    article_ids,
    format_func=lambda a: f"{a} · {page_articles.set_index('article').loc[a, 'headline']}",
    key="sources_article",
    **chinese_only(lang),
)
if article_id is None:  # a report whose text holds no article body
    st.info(t("nothing_here", lang))
    st.stop()
article = page_articles.set_index("article").loc[article_id]
st.caption(f"{t('keywords', lang)}: {str(article['keywords']).replace('|', '、')}")

st.subheader(t("text_with_figures", lang))
text = data.text(source)
article_figures = figures[(figures["source"] == source) & (figures["article"] == article_id)]
pieces = article_pieces(str(article["spans"]))
marked = [
    mark_figures(text[start:end], figure_spans(article_figures, start, end))
    for start, end, _ in pieces
]
with st.container(height=420, border=True):
    st.markdown("\n\n".join(marked))

st.subheader(t("ledger", lang))
search = st.text_input(t("search", lang), key="sources_search", max_chars=100)
units = sorted(figures["unit"].dropna().unique())
chosen_units = st.multiselect(
    t("unit_filter", lang),
    units,
    key="sources_units",
    placeholder=t("all", lang),
    **chinese_only(lang, multi=True),
)
ledger = figures[figures["source"] == source]
if search:
    ledger = ledger[
        ledger["sentence"].str.contains(search, regex=False, na=False)
        | ledger["subject"].fillna("").str.contains(search, regex=False)
        | ledger["raw"].str.contains(search, regex=False)
    ]
if chosen_units:
    ledger = ledger[ledger["unit"].isin(chosen_units)]
st.caption(t("rows", lang, n=len(ledger)))
LEDGER_SHOWN = [
    "article",
    "raw",
    "value",
    "value_high",
    "unit",
    "per",
    "qualifier",
    "subject",
    "year",
    "period",
    "sentence",
    "line",
]
st.dataframe(
    ledger_for_display(ledger[LEDGER_SHOWN]).rename(
        columns={column: pick(LEDGER_HEADERS[column], lang) for column in LEDGER_SHOWN}
    ),
    hide_index=True,
    key="sources_ledger",
)
downloads(ledger, f"figures_{report_id}", lang, key="sources_ledger")

st.subheader(t("coordinate_sources", lang))
places = data.table("places")
st.dataframe(coordinate_sources(places, lang), hide_index=True, key="sources_coordinates")
st.caption(base_credit(lang))
