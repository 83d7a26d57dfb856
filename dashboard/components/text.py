"""Article text shown safely: escaped for Markdown, never rendered as HTML."""

import html
import re
import textwrap

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:^=])")


def escape_markdown(text: str) -> str:
    """`text` with every Markdown control character escaped, so it shows exactly as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def mark_figures(text: str, spans: list[tuple[int, int]]) -> str:
    """Markdown of `text` with each (start, end) span highlighted; all text escaped."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        parts.append(escape_markdown(text[position:start]))
        parts.append(f":orange-background[**{escape_markdown(text[start:end])}**]")
        position = end
    parts.append(escape_markdown(text[position:]))
    return "".join(parts)


def hover_text(text: str, width: int = 28) -> str:
    """A sentence for a Plotly hover label: HTML-escaped, wrapped with <br>."""
    lines = textwrap.wrap(str(text), width=width) or [""]
    return "<br>".join(html.escape(line) for line in lines)


def article_pieces(spans: str) -> list[tuple[int, int, str]]:
    """ "12:40:headline;41:200:body" -> [(12, 40, "headline"), (41, 200, "body")]."""
    pieces = []
    for item in spans.split(";"):
        parts = item.split(":")
        if len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit():
            pieces.append((int(parts[0]), int(parts[1]), parts[2]))
    return pieces


def figure_spans(figures, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the figures inside [start, end), relative to `start`."""
    inside = figures[(figures["start"] >= start) & (figures["end"] <= end)]
    return [(s - start, e - start) for s, e in zip(inside["start"], inside["end"], strict=True)]
