"""The sources page's readings, once per view and data version: the reports as listed, a report's
articles, an article's text with its figures marked, and the ledger as filtered."""

from dataclasses import dataclass

import pandas as pd

from dashboard import data
from dashboard.components.provenance import ledger_for_display
from dashboard.components.text import article_pieces, escape_markdown, figure_spans, mark_figures
from dashboard.i18n import LEDGER_HEADERS, RELEVANCE, pick, t
from dashboard.review import waiting_by_report

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


@data.per_view
def report_list(lang: str) -> tuple:
    """Each report as (its line, its caption, how many of its rows wait for review), and the
    report ids with their labels for the choice of a report."""
    reports = data.table("reports")
    waiting = waiting_by_report(data.table("metrics"), data.table("projects"))
    listed = []
    for row in reports.itertuples():
        subtitle = row.lead_subtitle if isinstance(row.lead_subtitle, str) else ""
        headline = (
            row.lead_headline_en
            if lang == "en"
            else f"《{row.lead_headline}》" + (f"——{subtitle}" if subtitle else "")
        )
        line = (
            f"**{row.report_date}** · "
            f"{escape_markdown(pick((row.newspaper, row.newspaper_en), lang))} · "
            f"{escape_markdown(headline)}"
        )
        caption = (
            f"{t('date_basis', lang)}{pick(('：', ': '), lang)}"
            f"{pick((row.date_basis_zh, row.date_basis), lang)} · {row.source}"
            f" · sha256 {str(row.sha256)[:12]}…"
        )
        listed.append((line, caption, waiting.get(row.report_id, 0)))
    labels = {
        report_id: f"{report_id} · {date}"
        for report_id, date in zip(reports["report_id"], reports["report_date"], strict=True)
    }
    return tuple(listed), labels


@dataclass(frozen=True)
class ReportArticles:
    source: str  # the report's text file
    table: pd.DataFrame  # its articles as shown
    labels: dict  # article id -> "id · headline"


@data.per_view
def report_articles(report_id: str, lang: str) -> ReportArticles:
    reports = data.table("reports")
    source = reports.loc[reports["report_id"] == report_id, "source"].iloc[0]
    articles = data.table("articles")
    chosen = articles[articles["source"] == source]
    table = pd.DataFrame(
        {
            t("headline", lang): chosen["headline"].fillna(""),
            t("byline", lang): chosen["byline"].fillna(""),
            t("relevance", lang): [pick(RELEVANCE[r], lang) for r in chosen["relevance"]],
            t("keywords", lang): chosen["keywords"].fillna("").str.replace("|", "、"),
            t("figures_count", lang): chosen["figures"],
        }
    )
    labels = {
        article: f"{article} · {headline}"
        for article, headline in zip(chosen["article"], chosen["headline"], strict=True)
    }
    return ReportArticles(source, table, labels)


@data.per_view
def article_text(report_id: str, article_id: str, lang: str) -> tuple[str, str]:
    """The article's keywords line and its text as Markdown, every figure marked, all escaped."""
    source = report_articles(report_id, lang).source
    articles = data.table("articles")
    article = articles[(articles["source"] == source) & (articles["article"] == article_id)]
    article = article.iloc[0]
    figures = data.table("figures")
    inside = figures[(figures["source"] == source) & (figures["article"] == article_id)]
    text = data.text(source)
    marked = [
        mark_figures(text[start:end], figure_spans(inside, start, end))
        for start, end, _ in article_pieces(str(article["spans"]))
    ]
    keywords = f"{t('keywords', lang)}: {str(article['keywords']).replace('|', '、')}"
    return keywords, "\n\n".join(marked)


def ledger(report_id: str, search: str, units: tuple[str, ...], lang: str) -> tuple:
    """The report's figures whose sentence, subject or raw text holds `search` and whose unit is
    among `units` (none: all): as shown, and as downloaded. Without a search, once per view; a
    search, which every reader types differently, is made on each run."""
    if not search:
        return _ledger(report_id, tuple(sorted(units)), lang)
    found = _ledger_rows(report_id, tuple(sorted(units)), lang)
    found = found[
        found["sentence"].str.contains(search, regex=False, na=False)
        | found["subject"].fillna("").str.contains(search, regex=False)
        | found["raw"].str.contains(search, regex=False)
    ]
    return _shown(found, lang), found


@data.per_view
def _ledger(report_id: str, units: tuple[str, ...], lang: str) -> tuple:
    found = _ledger_rows(report_id, units, lang)
    return _shown(found, lang), found


@data.per_view
def _ledger_rows(report_id: str, units: tuple[str, ...], lang: str) -> pd.DataFrame:
    source = report_articles(report_id, lang).source
    figures = data.table("figures")
    found = figures[figures["source"] == source]
    return found[found["unit"].isin(units)] if units else found


def _shown(found: pd.DataFrame, lang: str) -> pd.DataFrame:
    return ledger_for_display(found[LEDGER_SHOWN]).rename(
        columns={column: pick(LEDGER_HEADERS[column], lang) for column in LEDGER_SHOWN}
    )


@data.per_view
def ledger_units() -> list[str]:
    return sorted(data.table("figures")["unit"].dropna().unique())
