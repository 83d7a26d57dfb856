"""The text of the files an analyst has besides plain text: a saved e-paper web page (.html), the
e-paper's PDF page (.pdf) and a Word file (.docx). Each reader takes the file's bytes and returns
plain text with one line per printed line or paragraph, or raises InputError naming the file.

A PDF newspaper page is set in columns: its text is read column by column, top to bottom, with
headlines that run across columns read where they stand (see `_reading_order`).
"""

import io
import logging
import re
import statistics
import zipfile
from dataclasses import dataclass
from pathlib import Path

from data_prep.errors import InputError

# What a file's first bytes say it is, whatever its name.
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
HTML_SUFFIXES = (".html", ".htm")
# A box this much taller than the body text is a headline, set across the columns or in one.
_HEADLINE_HEIGHT = 1.3
# Chinese is dense: a short news item of 150 characters is a whole report, though trafilatura's
# default (250 characters) would treat it as a failed extraction and run paragraphs together.
_MIN_EXTRACTED_CHARS = "50"
# A page title names the site after the headline: "准东开发区一季度“开门红”－昌吉日报数字报".
_SITE_SUFFIX = re.compile(r"\s*[－—_|｜]\s*[^－—_|｜]*$")
# A gutter is at least this many character widths wide.
_GUTTER_MIN_CHARS = 0.8


def kind_of(data: bytes, name: str) -> str:
    """ "pdf", "docx", "html" or "text", from the first bytes first and the file name second."""
    suffix = Path(name).suffix.lower()
    if data.startswith(PDF_MAGIC) or suffix == ".pdf":
        return "pdf"
    if data.startswith(ZIP_MAGIC) or suffix == ".docx":
        return "docx"
    head = data[:2048].lstrip().lower()
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _no_text(name: str, kind: str, code: str) -> InputError:
    return InputError(name, f"the {kind} holds no text", code=code)


def html_text(data: bytes, name: str) -> str:
    """The main text of a saved web page (article body, without menus and footers)."""
    import trafilatura
    from trafilatura.settings import use_config

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", _MIN_EXTRACTED_CHARS)
    text = trafilatura.extract(
        data, include_comments=False, include_tables=True, deduplicate=False, config=config
    )
    if not text or not text.strip():
        raise _no_text(name, "web page", "html_no_text")
    metadata = trafilatura.extract_metadata(data)
    title = _SITE_SUFFIX.sub("", metadata.title.strip()) if metadata and metadata.title else ""
    if title and title not in text[: len(title) + 200]:
        # The article body without its headline: the page title stands in for it.
        text = f"{title}\n\n{text}"
    return text


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs of a Word file (and its tables, a row per line, cells two spaces apart)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError(
            name, "is not a readable Word (.docx) file: it may be damaged", code="docx_damaged"
        ) from None
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(block, Table):
            lines += ["  ".join(cell.text.strip() for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    text = "\n".join(lines)
    if not text.strip():
        raise _no_text(name, "Word file", "docx_no_text")
    return text


@dataclass(frozen=True)
class _Box:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def _gutters(boxes: list[_Box], char_width: float) -> list[tuple[float, float]]:
    """The empty vertical strips between columns: x ranges that no line of body text covers.

    Headlines (set larger) and lines wider than half the page would fill a gutter; they are left
    out here and read where they stand (see `_reading_order`).
    """
    left = int(min(box.x0 for box in boxes))
    right = int(max(box.x1 for box in boxes)) + 1
    cover = [0] * (right - left + 1)
    for box in boxes:
        if box.x1 - box.x0 >= (right - left) / 2 or _is_headline(box, char_width):
            continue
        for x in range(int(box.x0) - left, int(box.x1) - left + 1):
            cover[x] += 1
    gutters: list[tuple[float, float]] = []
    start = None
    for x, count in enumerate(cover):
        if not count and start is None:
            start = x
        elif count and start is not None:
            if start > 0 and x - start >= _GUTTER_MIN_CHARS * char_width:
                gutters.append((left + start, left + x))
            start = None
    return gutters


def _is_headline(box: _Box, char_width: float) -> bool:
    return box.bottom - box.top > _HEADLINE_HEIGHT * char_width


def _lines(boxes: list[_Box], tolerance: float) -> list[str]:
    """Boxes grouped into printed lines, top to bottom, each line left to right."""
    lines: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        if lines and abs(lines[-1][0].top - box.top) <= tolerance:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [" ".join(b.text for b in sorted(line, key=lambda b: b.x0)) for line in lines]


def _reading_order(boxes: list[_Box]) -> list[str]:
    """Lines of one page in reading order: column by column between headlines across columns."""
    if not boxes:
        return []
    char_width = statistics.median(box.bottom - box.top for box in boxes)
    gutters = _gutters(boxes, char_width)

    def column(box: _Box) -> int:
        return sum(box.x0 >= gutter_end for _, gutter_end in gutters)

    def spans(box: _Box) -> bool:
        return any(box.x0 < end and box.x1 > start for start, end in gutters)

    across = sorted((box for box in boxes if spans(box)), key=lambda b: b.top)
    lines: list[str] = []
    upper = float("-inf")
    for band_end in [*(box.top for box in across), float("inf")]:
        band = [box for box in boxes if not spans(box) and upper <= box.top < band_end]
        for number in range(len(gutters) + 1):
            lines += _lines([box for box in band if column(box) == number], char_width / 2)
        headline = [box for box in across if box.top == band_end]
        if headline:
            # A blank line after a headline across columns: the body below is a new paragraph.
            lines += [*_lines(headline, char_width / 2), ""]
        upper = band_end
    return lines


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF, page by page, each page's columns in reading order."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                words = page.extract_words(keep_blank_chars=True, x_tolerance=1.5)
                boxes = [
                    _Box(w["x0"], w["x1"], w["top"], w["bottom"], w["text"].strip())
                    for w in words
                    if w["text"].strip()
                ]
                pages.append("\n".join(_reading_order(boxes)))
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError, TypeError):
        raise InputError(
            name, "is not a readable PDF file: it may be damaged", code="pdf_damaged"
        ) from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise InputError(
            name, "the PDF file holds no text (a scanned image needs OCR first)", code="pdf_no_text"
        )
    return text
