"""Sources: each report and its articles, the cleaned text with every figure marked (escaped),
search, jieba keywords per article, and the whole ledger with filters and download."""

import streamlit as st

from dashboard import data
from dashboard.components import sources
from dashboard.components.choices import chinese_only
from dashboard.components.park_map import base_credit, coordinate_sources
from dashboard.components.provenance import downloads
from dashboard.context import current
from dashboard.i18n import t

view = current()
lang = view.lang
st.title(t("page_sources", lang))

st.subheader(t("reports_list", lang))
listed, report_labels = sources.report_list(lang)
for line, caption, waiting in listed:
    with st.container(border=True):
        st.markdown(line)
        st.caption(caption)
        if waiting:  # on a local copy: rows of this report not yet reviewed
            st.badge(t("review_waiting", lang, n=waiting), color="orange")

report_ids = list(report_labels)
default = view.report if view.report in report_ids else report_ids[-1]
report_id = st.selectbox(
    t("report", lang),
    report_ids,
    index=report_ids.index(default),
    format_func=report_labels.get,
    key="sources_report",
    **chinese_only(lang),
)
articles = sources.report_articles(report_id, lang)

st.subheader(t("articles", lang))
st.dataframe(articles.table, hide_index=True, key="sources_articles")

article_id = st.selectbox(
    t("article", lang),
    list(articles.labels),
    format_func=articles.labels.get,
    key="sources_article",
    **chinese_only(lang),
)
if article_id is None:  # a report whose text holds no article body
    st.info(t("nothing_here", lang))
    st.stop()
keywords, marked = sources.article_text(report_id, article_id, lang)
st.caption(keywords)

st.subheader(t("text_with_figures", lang))
with st.container(height=420, border=True):
    st.markdown(marked)

st.subheader(t("ledger", lang))
search = st.text_input(t("search", lang), key="sources_search", max_chars=100)
chosen_units = st.multiselect(
    t("unit_filter", lang),
    sources.ledger_units(),
    key="sources_units",
    placeholder=t("all", lang),
    **chinese_only(lang, multi=True),
)
shown, found = sources.ledger(report_id, search, tuple(chosen_units), lang)
st.caption(t("rows", lang, n=len(shown)))
st.dataframe(shown, hide_index=True, key="sources_ledger")
downloads(found, f"figures_{report_id}", lang, key="sources_ledger")

st.subheader(t("coordinate_sources", lang))
st.dataframe(
    data.shared(coordinate_sources, data.table("places"), lang),
    hide_index=True,
    key="sources_coordinates",
)
st.caption(base_credit(lang))
