"""Split a cleaned page into articles: headlines, byline, section headings, body and captions.

A page holds several articles. An article starts where a byline stands (a `□` line, or a body that
opens with 本报讯 or 据…报道); the headings right above it are its headlines. Headings that fall
inside an article are its section headings. Headings left at the end of the page, with no body
after them, are given to the headline-less article whose words they share most. Banners (section
names of the paper) and photo captions belong to no article body.
"""

import re
import tomllib
from dataclasses import dataclass, field

from data_prep import PACKAGE_DIR
from data_prep.clean import CleanText
from data_prep.words import keywords, zhundong_mentions

LAYOUT = tomllib.loads((PACKAGE_DIR / "layout.toml").read_text(encoding="utf-8"))
_WIRE = re.compile("|".join(LAYOUT["wire_starts"]))
_BYLINE = re.compile(LAYOUT["byline"])
_PHOTO_CREDIT = re.compile(LAYOUT["photo_credit"])
_CAPTION = re.compile(LAYOUT["caption"])
_BANNERS = frozenset(LAYOUT["banners"])
_HEADING_MAX = LAYOUT["heading_max_chars"]
_SENTENCE_END = "。！？!?；…"

ROLES = ("headline", "subtitle", "byline", "section", "body", "caption", "banner")


@dataclass
class Span:
    start: int
    end: int
    role: str
    article: int | None  # index into Page.articles; None for banners, captions and stray headings


@dataclass
class Article:
    number: int
    headlines: list[str] = field(default_factory=list)
    subtitle: str = ""
    byline: str = ""
    sections: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    zhundong_mentions: int = 0
    keywords: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        return " ".join(self.headlines)

    @property
    def relevance(self) -> str:
        """How strongly the article is about the zone: high, medium, low or none."""
        if self.zhundong_mentions >= 5 or any("准东" in line for line in self.headlines):
            return "high"
        return (
            "medium" if self.zhundong_mentions >= 2 else "low" if self.zhundong_mentions else "none"
        )


@dataclass
class Page:
    text: CleanText
    articles: list[Article]
    spans: list[Span]

    def span_at(self, offset: int) -> Span | None:
        for span in self.spans:
            if span.start <= offset < span.end:
                return span
        return None


def _kind(paragraph: str, following: str) -> str:
    if _BYLINE.match(paragraph):
        return "credit" if _PHOTO_CREDIT.search(paragraph) else "byline"
    if _CAPTION.match(paragraph) or (_BYLINE.match(following) and _PHOTO_CREDIT.search(following)):
        return "caption"
    if paragraph in _BANNERS:
        return "banner"
    if paragraph.startswith("——"):
        return "subtitle"
    if len(paragraph) <= _HEADING_MAX and paragraph.rstrip("”’）)")[-1:] not in _SENTENCE_END:
        return "heading"
    return "body"


def _split_lead_heading(paragraph: str, start: int, lead_headline: str) -> list[tuple[str, int]]:
    """Split "20项措施激发消费潜力抢占新质…新赛道" where two headlines were printed as one line."""
    at = paragraph.find(lead_headline) if lead_headline else -1
    if at <= 0:
        return [(paragraph, start)]
    return [(paragraph[:at], start), (paragraph[at:], start + at)]


def _overlap(words: list[str], article: Article) -> int:
    body = "".join(article.body)
    return sum(len(word) for word in words if word in body)


def segment(text: CleanText, lead_headline: str = "") -> Page:
    """Split `text` into articles; `lead_headline`, when known, marks the page's lead article."""
    paragraphs: list[tuple[str, int]] = []
    offset = 0
    for paragraph in text.text.split("\n"):
        paragraphs.append((paragraph, offset))
        offset += len(paragraph) + 1

    articles: list[Article] = []
    spans: list[Span] = []
    pending: list[tuple[str, int, str]] = []  # (text, start, kind) since the last body paragraph
    orphans: list[list[tuple[str, int]]] = []

    def flush_orphans() -> None:
        group = [(line, start) for line, start, kind in pending if kind == "heading"]
        if group:
            orphans.append(group)

    for index, (paragraph, start) in enumerate(paragraphs):
        if not paragraph:
            continue
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else ""
        kind = _kind(paragraph, following)
        if kind in ("caption", "credit", "banner"):
            role = "banner" if kind == "banner" else "caption"
            spans.append(Span(start, start + len(paragraph), role, None))
            if not any(item[2] == "byline" for item in pending):
                # Headings before a banner or a photo end a group that heads no body below it.
                flush_orphans()
                pending = []
            continue
        if kind in ("heading", "subtitle", "byline"):
            for piece, piece_start in _split_lead_heading(paragraph, start, lead_headline):
                pending.append((piece, piece_start, kind))
            continue
        # A body paragraph: does it start an article?
        has_byline = any(kind == "byline" for _, _, kind in pending)
        if has_byline or _WIRE.match(paragraph) or not articles:
            article = Article(number=len(articles))
            articles.append(article)
            heads = [item for item in pending if item[2] == "heading"]
            if lead_headline and any(lead_headline in line for line, _, _ in heads):
                lead_at = next(i for i, (line, _, _) in enumerate(heads) if lead_headline in line)
                if lead_at:
                    orphans.append([(line, s) for line, s, _ in heads[:lead_at]])
                heads = heads[lead_at:]
            for line, s, item_kind in pending:
                if (line, s, item_kind) in heads:
                    article.headlines.append(line)
                    spans.append(Span(s, s + len(line), "headline", article.number))
                elif item_kind == "subtitle":
                    article.subtitle = line.lstrip("—")
                    spans.append(Span(s, s + len(line), "subtitle", article.number))
                elif item_kind == "byline":
                    article.byline = line.lstrip("□")
                    spans.append(Span(s, s + len(line), "byline", article.number))
            wire = _WIRE.match(paragraph)
            if wire and not article.byline:
                article.byline = (
                    paragraph[: paragraph.find("：")] if "报道：" in paragraph else wire.group(0)
                )
        else:
            article = articles[-1]
            for line, s, _ in pending:
                article.sections.append(line)
                spans.append(Span(s, s + len(line), "section", article.number))
        pending = []
        article.body.append(paragraph)
        spans.append(Span(start, start + len(paragraph), "body", article.number))
    flush_orphans()

    _assign_orphans(orphans, articles, spans)
    for article in articles:
        body = "\n".join(article.body)
        article.zhundong_mentions = zhundong_mentions(body)
        article.keywords = keywords(body)
    spans.sort(key=lambda span: span.start)
    return Page(text=text, articles=articles, spans=spans)


def _assign_orphans(
    orphans: list[list[tuple[str, int]]], articles: list[Article], spans: list[Span]
) -> None:
    """Give headline groups with no body to the headline-less articles that share most words."""
    scores = []
    for group_index, group in enumerate(orphans):
        words = keywords("".join(line for line, _ in group))
        for article in articles:
            if not article.headlines:
                score = _overlap(words, article)
                if score:
                    scores.append((score, group_index, article.number))
    used_groups: set[int] = set()
    used_articles: set[int] = set()
    for _, group_index, number in sorted(scores, reverse=True):
        if group_index in used_groups or number in used_articles:
            continue
        used_groups.add(group_index)
        used_articles.add(number)
        for line, start in orphans[group_index]:
            articles[number].headlines.append(line)
            spans.append(Span(start, start + len(line), "headline", number))
    for group_index, group in enumerate(orphans):
        if group_index not in used_groups:
            for line, start in group:
                spans.append(Span(start, start + len(line), "headline", None))
