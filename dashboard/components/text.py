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
