"""The briefing as a PDF that a chat app can preview: the same content as the HTML briefing
(dashboard.briefing), read back from that document, so the two never say different things.
The Chinese font is embedded (a subset); each report sentence is printed once, a repeat points
back to it; the bars are drawn with the PDF's own lines, so no browser or image tool is needed."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from fontTools.ttLib import TTCollection
from fpdf import FPDF, FontFace

from dashboard.i18n import t

# A CJK font to embed, first found wins: Noto Sans CJK (Debian fonts-noto-cjk, CFF outlines in
# a collection) or WenQuanYi Micro Hei (fonts-wqy-microhei).
FONT_CANDIDATES = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
]
BLUE, RED, GREY = (31, 78, 121), (192, 80, 77), (85, 85, 85)


class FontMissing(RuntimeError):
    """No Chinese font to embed; the message names the places looked at and the package."""


def _face_index(path: Path) -> int:
    """The Simplified Chinese face of a font collection (the SC one of Noto's), else the first."""
    if path.suffix.lower() != ".ttc":
        return 0
    collection = TTCollection(str(path), lazy=True)
    for index, font in enumerate(collection.fonts):
        family = str(font["name"].getDebugName(1) or "")
        if family.endswith(" SC"):
            return index
    return 0


def find_font(candidates: list[Path] = FONT_CANDIDATES) -> tuple[Path, int]:
    for path in candidates:
        if path.is_file():
            return path, _face_index(path)
    places = ", ".join(str(path) for path in candidates)
    raise FontMissing(
        f"No Chinese font for the PDF briefing; looked at {places}. "
        "Install the Debian package fonts-noto-cjk (or fonts-wqy-microhei)."
    )


@dataclass
class Bars:
    width: float  # the drawing's width, in its own units
    rows: list[tuple[str, float, float, str]] = field(
        default_factory=list
    )  # label, x, length, text
    reference: float | None = None


@dataclass
class Table:
    rows: list[tuple[str, list[str]]] = field(
        default_factory=list
    )  # ("th" | "td" | "quote", cells)


class _Reader(HTMLParser):
    """The briefing document as blocks: ("h1"|"h2"|"p", text), ("section", ""), Bars, Table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self._text: list[str] | None = None
        self._kind = ""
        self._cell_kind = ""
        self._svg_label: str | None = None
        self._pending_x = 0.0
        self._pending_length = 0.0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("h1", "h2", "p"):
            self._text, self._kind = [], tag
        elif tag == "section":
            self.blocks.append(("section", ""))
        elif tag == "svg":
            self.blocks.append(Bars(width=float(attributes.get("width") or 640)))
        elif tag == "rect" and isinstance(self.blocks[-1], Bars):
            self._pending_x = float(attributes.get("x") or 0)
            self._pending_length = float(attributes.get("width") or 0)
        elif tag == "line" and isinstance(self.blocks[-1], Bars):
            self.blocks[-1].reference = float(attributes.get("x1") or 0)
        elif tag == "text":
            self._text, self._kind = [], "svgtext"
        elif tag == "table":
            self.blocks.append(Table())
        elif tag == "tr":
            self.blocks[-1].rows.append(("td", []))
        elif tag in ("th", "td"):
            self._text, self._kind = [], tag
            self._cell_kind = "quote" if attributes.get("class") == "quote" else tag

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._text is None or tag not in ("h1", "h2", "p", "text", "th", "td"):
            return
        text = "".join(self._text).strip()
        self._text = None
        if tag in ("h1", "h2", "p"):
            self.blocks.append((tag, text))
        elif tag == "text":
            bars = self.blocks[-1]
            if self._svg_label is None:
                self._svg_label = text
            else:
                bars.rows.append((self._svg_label, self._pending_x, self._pending_length, text))
                self._svg_label = None
        else:
            kind, cells = self.blocks[-1].rows[-1]
            kind = self._cell_kind if self._cell_kind != "td" else kind
            self.blocks[-1].rows[-1] = (kind, [*cells, text])


def read_briefing(document: str) -> list:
    """The blocks of a briefing HTML document, in order."""
    reader = _Reader()
    reader.feed(document)
    reader.close()
    return reader.blocks


class _Pdf(FPDF):
    def __init__(self, lang: str, stamp: str) -> None:
        super().__init__(format="A4")
        self.lang, self.stamp = lang, stamp
        self.set_auto_page_break(True, margin=15)
        self.set_margins(15, 15, 15)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("cjk", size=8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.stamp} · {self.page_no()}", align="R")


def _bars(pdf: FPDF, bars: Bars) -> None:
    if not bars.rows:
        return
    scale = pdf.epw / bars.width
    row = 7.0
    if pdf.will_page_break(row * len(bars.rows) + 4):
        pdf.add_page()
    top = pdf.get_y() + 1
    pdf.set_font("cjk", size=8.5)
    for index, (label, x, length, text) in enumerate(bars.rows):
        y = top + index * row
        left = pdf.l_margin + x * scale
        pdf.set_text_color(26, 26, 26)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(x * scale - 3, 5, label, align="R")
        pdf.set_fill_color(*BLUE)
        pdf.rect(left, y, max(length * scale, 0.2), 5, style="F")
        pdf.set_xy(left + length * scale + 1.5, y)
        pdf.cell(0, 5, text)
    if bars.reference:
        x = pdf.l_margin + bars.reference * scale
        pdf.set_draw_color(*RED)
        pdf.set_dash_pattern(dash=1.2, gap=0.9)
        pdf.line(x, top - 1, x, top + row * len(bars.rows) - 1)
        pdf.set_dash_pattern()
    pdf.set_y(top + row * len(bars.rows) + 2)


def _table(pdf: FPDF, table: Table, seen: set[str], lang: str) -> None:
    columns = max((len(cells) for kind, cells in table.rows if kind != "quote"), default=1)
    widths = {4: (32, 22, 24, 22), 2: (36, 64), 1: (100,)}.get(columns, (45, 25, 30)[:columns])
    quote_style = FontFace(color=GREY, size_pt=7.5)
    pdf.set_font("cjk", size=9)
    pdf.set_text_color(26, 26, 26)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(
        col_widths=widths,
        text_align="LEFT",
        borders_layout="HORIZONTAL_LINES",
        line_height=4.2,
        headings_style=FontFace(color=BLUE, fill_color=(235, 241, 247)),
        first_row_as_headings=table.rows[0][0] == "th",
    ) as drawn:
        for kind, cells in table.rows:
            row = drawn.row()
            if kind == "quote":
                quote = cells[0] if cells else ""
                text = quote if quote not in seen else f"（{t('quoted_above', lang)}）"
                if lang == "en" and quote in seen:
                    text = f"({t('quoted_above', lang)})"
                seen.add(quote)
                row.cell(text, colspan=columns, style=quote_style)
            else:
                for cell in cells:
                    row.cell(cell)
    pdf.ln(2)


def briefing_pdf(document: str, lang: str, font: tuple[Path, int] | None = None) -> bytes:
    """The briefing HTML `document` (from dashboard.briefing.briefing_html) as PDF bytes."""
    path, index = font or find_font()
    blocks = read_briefing(document)
    stamp = next((text for kind, text in _texts(blocks) if kind == "h1"), "")
    pdf = _Pdf(lang, stamp)
    pdf.add_font("cjk", "", str(path), collection_font_number=index)
    pdf.set_title(stamp)
    pdf.set_lang("en" if lang == "en" else "zh-CN")
    pdf.add_page()
    seen: set[str] = set()
    sections = 0
    for block in blocks:
        if isinstance(block, Bars):
            _bars(pdf, block)
        elif isinstance(block, Table):
            _table(pdf, block, seen, lang)
        elif block[0] == "section":
            # Page 1 is the summary; the details follow it, a section on a new page only
            # when too little of the page is left for its heading and first rows.
            sections += 1
            if sections > 1 and pdf.will_page_break(30):
                pdf.add_page()
            elif sections > 1:
                pdf.ln(4)
        else:
            kind, text = block
            size = {"h1": 17, "h2": 13, "p": 8.5}[kind]
            pdf.set_font("cjk", size=size)
            pdf.set_text_color(*(BLUE if kind == "h2" else (26, 26, 26) if kind == "h1" else GREY))
            pdf.multi_cell(0, size * 0.5, text, align="L")
            if kind == "h2":
                pdf.set_draw_color(*BLUE)
                pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.l_margin + pdf.epw, pdf.get_y() + 0.5)
            pdf.ln(2)
    return bytes(pdf.output())


def _texts(blocks: list) -> list[tuple[str, str]]:
    return [block for block in blocks if isinstance(block, tuple)]
