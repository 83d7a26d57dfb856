"""Undo what PDF text extraction did to a printed page, keeping a map back to the raw lines.

A printed page arrives as short column lines, with blank lines wherever a column or a text box
ended, often in the middle of a sentence or of a number and its unit. `clean` rejoins those lines
into paragraphs (one paragraph per line of the result), drops the spaces that extraction put
between numbers and units or between letter-spaced characters, and records for every character of
the result the 1-based line of the raw file it came from.
"""

import re
import statistics
from dataclasses import dataclass

from data_prep.quantities import QUANTITY

# A line that ends with one of these ends its sentence (closing quotes count when they follow one).
_TERMINAL = "。！？!?；;…"
_CLOSERS = "”’」』）)》"
# A line that ends with one of these cannot end a paragraph.
_OPEN_ENDINGS = "“‘「『（(《，,、：:—-/＋+"
# A line that starts with one of these continues the previous line.
_CONTINUATIONS = "，,。、；;：:）)》」』！!？?%％”’"
_SENTENCE_PUNCT = "，。、；：“”《》"
_BYLINE_START = re.compile(r"^(?:□|本报讯|据\S{2,12}?报道|——|图[①-⑳\d]+[：:])")
_LETTER_SPACED = re.compile(r"(?:\S ){4,}\S")
_CJK = r"\u3400-\u9fff"
_SPACE_RULES = [
    re.compile(rf"(?<=[\d.%％])[ \t\u3000]+(?=[{_CJK}%％])"),
    re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=\d)"),
    re.compile(r"(?<=\d)[ \t\u3000]+(?=[%％])"),
    re.compile(r"[ \t\u3000]+(?=[，。、；：！？”）》])"),
    re.compile(r"(?<=[，。、；：！？“（《])[ \t\u3000]+"),
]
# Table-like lines ("项目  规模  投资"): cells apart by two or more spaces or a tab. Such a line
# is a paragraph of its own and keeps its cell gaps: a cell's figure never reads another's words.
_TABLE_GAP = re.compile(r"[ \t\u3000]{2,}|\t")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
# Column text (a printed page) has short lines; text with one paragraph per line has long ones.
_COLUMN_MEDIAN_MAX = 30
_COLUMN_EVEN_SHARE = 0.6
_COLUMN_ENDED_SHARE = 0.5
# In text with a paragraph per line, a line longer than any headline is body text.
_PARAGRAPH_LONG_LINE = 30
# How far either side of a line break a quantity that spans it can reach: a range with its unit
# ("999.1-10000.1平方公里" is 17 characters) fits.
_QUANTITY_REACH = 24


@dataclass(frozen=True)
class CleanText:
    """Cleaned text: paragraphs separated by newlines; `lines[i]` is the raw line of `text[i]`."""

    text: str
    lines: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        return self.lines[min(max(offset, 0), len(self.lines) - 1)] if self.lines else 0


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _first_clause_is_adverbial(line: str) -> bool:
    # "当天，乌鲁木齐…" opens a sentence: no headline starts with a 1-2 character clause.
    head, comma, _ = line.partition("，")
    return bool(comma) and len(head) <= 2


@dataclass
class _Layout:
    column: bool
    width: float

    @classmethod
    def of(cls, lines: list[str]) -> "_Layout":
        lengths = [len(line) for line in lines if line]
        median = statistics.median(lengths) if lengths else 0
        # Printed columns are narrow and even; paragraphs, one per line, are long or uneven.
        # Most column lines stop mid-sentence; a paragraph per line ends its sentence every line.
        even = sum(0.75 * median <= length <= 1.25 * median for length in lengths)
        ended = sum(_ends_sentence(line) for line in lines if line)
        column = (
            median <= _COLUMN_MEDIAN_MAX
            and even >= _COLUMN_EVEN_SHARE * len(lengths)
            and ended <= _COLUMN_ENDED_SHARE * len(lengths)
        )
        return cls(column=column, width=median)


def _splits_a_quantity(prev: str, nxt: str) -> bool:
    """Whether the break falls inside a quantity: "140亿立方" / "米/年", "12" / "34万吨"."""
    head, tail = prev[-_QUANTITY_REACH:], nxt[:_QUANTITY_REACH]
    for match in QUANTITY.finditer(head + tail):
        if match.start() < len(head) < match.end() and (match["unit"] or match["mag"]):
            return True
    return False


def _continues_after_blank(prev: str, nxt: str, prev_in_block: bool, layout: _Layout) -> bool:
    """Whether a blank gap between two lines falls inside a sentence."""
    if _splits_a_quantity(prev, nxt):
        return True
    if _ends_sentence(prev) or _BYLINE_START.match(prev) or _BYLINE_START.match(nxt):
        return False
    if nxt[0] in _CONTINUATIONS or prev[-1] in _OPEN_ENDINGS:
        return True
    if prev[-1].isdigit() and not nxt[0].isdigit():
        return True
    if layout.column:
        body_like = any(char in _SENTENCE_PUNCT for char in prev)
        return prev_in_block or (body_like and len(prev) >= 0.75 * layout.width)
    return len(prev) > _PARAGRAPH_LONG_LINE or _first_clause_is_adverbial(prev)


def _continues_directly(prev: str, nxt: str, layout: _Layout) -> bool:
    """Whether a plain line break (no blank line) falls inside a paragraph."""
    if _splits_a_quantity(prev, nxt):
        return True
    if _BYLINE_START.match(nxt) or prev.startswith("□"):
        return False
    if not layout.column:
        return not _ends_sentence(prev)
    return not (_ends_sentence(prev) and len(prev) < 0.6 * layout.width)


def _is_table_row(line: str) -> bool:
    return len(_TABLE_GAP.findall(line)) >= 2


def _tidy_line(line: str) -> str:
    line = line.strip().translate(_FULLWIDTH_DIGITS)
    if _LETTER_SPACED.search(line):
        # "打 造 了 一 批": a justified line whose characters were spread apart.
        line = re.sub(r"(?<=\S) (?=\S)", "", line)
    return line


def _squeeze_spaces(chars: list[str], lines: list[int]) -> tuple[list[str], list[int]]:
    text = "".join(chars)
    drop: set[int] = set()
    for rule in _SPACE_RULES:
        for match in rule.finditer(text):
            drop.update(range(match.start(), match.end()))
    if _is_table_row(text):
        for match in _TABLE_GAP.finditer(text):
            drop.difference_update(range(match.start(), match.end()))
    kept = [i for i in range(len(chars)) if i not in drop]
    return [chars[i] for i in kept], [lines[i] for i in kept]


def clean(raw: str) -> CleanText:
    """Rejoin a raw page into paragraphs; see the module docstring."""
    raw_lines = [_tidy_line(line) for line in raw.split("\n")]
    layout = _Layout.of(raw_lines)
    paragraphs: list[tuple[list[str], list[int]]] = []
    chars: list[str] = []
    owners: list[int] = []
    prev = ""
    prev_in_block = False
    gap = 0
    for number, line in enumerate(raw_lines, start=1):
        if not line:
            gap += 1
            continue
        if prev:
            if _is_table_row(prev) or _is_table_row(line):
                joined = False
            elif gap:
                joined = _continues_after_blank(prev, line, prev_in_block, layout)
            else:
                joined = _continues_directly(prev, line, layout)
            if not joined:
                paragraphs.append((chars, owners))
                chars, owners = [], []
            elif prev[-1].isascii() and prev[-1].isalpha() and line[0].isascii():
                chars.append(" ")
                owners.append(number - 1)
            # A line joined to the one above belongs to a block of body text, never to a headline.
            prev_in_block = joined
        chars.extend(line)
        owners.extend([number] * len(line))
        prev, gap = line, 0
    if chars:
        paragraphs.append((chars, owners))

    text_parts: list[str] = []
    line_map: list[int] = []
    for para_chars, para_lines in paragraphs:
        para_chars, para_lines = _squeeze_spaces(para_chars, para_lines)
        if text_parts:
            text_parts.append("\n")
            line_map.append(line_map[-1])
        text_parts.append("".join(para_chars))
        line_map.extend(para_lines)
    return CleanText(text="".join(text_parts), lines=tuple(line_map))
