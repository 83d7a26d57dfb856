"""Build the office files of the format tests: a two-column e-paper PDF page (reportlab),
a Word file (python-docx) and a saved e-paper web page, all from the texts given."""

import io

# One of the Adobe CJK fonts every PDF reader knows: nothing to embed, no font file needed.
CJK_FONT = "STSong-Light"
PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


def two_column_pdf(headline: str, left: list[str], right: list[str], chars_per_line: int = 16):
    """A newspaper page: a headline across the page, then two columns of body text."""
    return columns_pdf(headline, [left, right], chars_per_line)


def columns_pdf(headline: str, columns: list[list[str]], chars_per_line: int = 16) -> bytes:
    """A newspaper page: a headline centred over the page, then columns of body text.

    Each column's paragraphs are broken into printed lines of `chars_per_line` characters, the way
    a column is set, so that a sentence and even a number run on over a line break.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    page.setFont(CJK_FONT, 18)
    page.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 60, headline)
    size = 10 if len(columns) < 3 else 9
    page.setFont(CJK_FONT, size)
    pitch = (PAGE_WIDTH - 80) / len(columns)
    for number, paragraphs in enumerate(columns):
        x, y = 40 + number * pitch, PAGE_HEIGHT - 100
        for paragraph in paragraphs:
            for start in range(0, len(paragraph), chars_per_line):
                page.drawString(x, y, paragraph[start : start + chars_per_line])
                y -= size * 1.4
    page.save()
    return out.getvalue()


def word_file(
    paragraphs: list[str], table: list[list[str]] | None = None, after: list[str] = ()
) -> bytes:
    """A Word file: paragraphs, then a table (when given), then more paragraphs."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
    for paragraph in after:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def epaper_page(headline: str, paragraphs: list[str]) -> bytes:
    """A saved e-paper article page: site menu, the article, related links and a footer."""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    menu = "".join(f'<li><a href="/p{n}">第{n:02d}版：要闻</a></li>' for n in range(1, 9))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{headline}－昌吉日报数字报</title></head>
<body>
<div class="nav"><ul>{menu}</ul><a href="/prev">上一期</a> <a href="/next">下一期</a></div>
<div class="main"><article>
<h1>{headline}</h1>
<div class="byline">本报记者 王某</div>
{body}
</article></div>
<div class="related"><h3>相关新闻</h3>
<ul><li><a href="/x">版权所有 昌吉日报社 新ICP备0000号</a></li></ul></div>
<div class="footer">版权所有：昌吉日报社 地址：昌吉市 电话：0994-0000000</div>
</body></html>""".encode()
