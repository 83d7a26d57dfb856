"""The files an analyst has: a saved e-paper page, the e-paper's PDF page and a Word file are read
to the same text as the plain report, added the same way, and refused with the file named."""

import subprocess
import sys

import pytest

from data_prep import SEEDS_DIR
from data_prep.add import add_report
from data_prep.check import read_csv
from data_prep.clean import clean
from data_prep.errors import InputError
from data_prep.load import read_text, text_of
from tests.conftest import FIXTURES
from tests.data_prep.make_documents import columns_pdf, epaper_page, two_column_pdf, word_file

HEADLINE = "准东开发区一季度“开门红”"
# The paragraphs of tests/fixtures/zhundong_2026_05.txt, as an e-paper prints them.
PARAGRAPHS = [
    "本报讯 近日，准东开发区发布一季度经济运行情况。2025年，准东完成煤炭产量2.65亿吨，"
    "占全疆的44%，较上年继续增长。",
    "在煤电转换领域，规划煤电装机规模3373万千瓦，已建成2860万千瓦。",
    "目前，芨芨湖产业园内，山能化工、东明塑胶共160万吨煤制烯烃项目建成投产，以国能、"
    "天池能源、新业为代表的60亿立方米煤制气项目稳步推进。",
    "今年一季度，准东开发区新签约项目12个，协议投资额超过300亿元。",
]
LEFT, RIGHT = PARAGRAPHS[:2], PARAGRAPHS[2:]


def _files() -> dict[str, bytes]:
    return {
        "page.html": epaper_page(HEADLINE, PARAGRAPHS),
        "page.pdf": two_column_pdf(HEADLINE, LEFT, RIGHT),
        "report.docx": word_file([HEADLINE, *PARAGRAPHS]),
    }


@pytest.mark.parametrize("name", ["page.html", "page.pdf", "report.docx"])
def test_every_paragraph_is_read_whole_and_in_order(name):
    text, kind = text_of(_files()[name], name)
    assert kind == name.rsplit(".", 1)[1]
    cleaned = clean(text).text
    positions = [cleaned.find(paragraph.removeprefix("本报讯 ")) for paragraph in PARAGRAPHS]
    assert -1 not in positions, cleaned
    assert positions == sorted(positions)
    assert HEADLINE in cleaned


def test_pdf_columns_come_out_column_by_column():
    """Printed lines of the left column all come before those of the right, though they share
    their heights on the page; a text read across the page would interleave them."""
    text, _ = text_of(two_column_pdf(HEADLINE, LEFT, RIGHT), "page.pdf")
    lines = [line for line in text.split("\n") if line]
    left_end = "".join(LEFT)[-10:]
    right_start = "".join(RIGHT)[:10]
    assert lines[0] == HEADLINE
    assert [i for i, line in enumerate(lines) if left_end in line] < [
        i for i, line in enumerate(lines) if right_start in line
    ]
    assert "".join(lines[1:]) == "".join(LEFT + RIGHT)


def test_three_columns_under_a_short_headline_are_read_column_by_column():
    """A headline narrower than a column pair still stands over the gutter it crosses: it is read
    first, not as the top of the middle column."""
    columns = [
        ["准东开发区原煤产量2.38亿吨，同比增长14.9%，占全疆原煤产量的43.6%。"],
        ["全年发电量1302亿千瓦时，外送电量688亿千瓦时，占全疆外送电量的52.7%。"],
        ["电解铝产量298.4万吨，铝基新材料产量106万吨，多晶硅产能达到20万吨/年。"],
    ]
    text, _ = text_of(columns_pdf("准东经济", columns, chars_per_line=10), "three.pdf")
    lines = [line for line in text.split("\n") if line]
    assert lines[0] == "准东经济"
    assert "".join(lines[1:]) == "".join(column[0] for column in columns)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_web_page_keeps_headline_and_paragraphs_apart_and_leaves_out_menus(encoding):
    """A short news item (under 250 characters) too: each paragraph on its own line."""
    page = epaper_page(HEADLINE, PARAGRAPHS).decode()
    page = page.replace('charset="utf-8"', f'charset="{encoding}"').encode(encoding)
    text, _ = text_of(page, "page.html")
    lines = text.split("\n")
    assert lines[0] == HEADLINE
    assert all(paragraph in lines for paragraph in PARAGRAPHS[1:])
    assert "版权所有" not in text and "上一期" not in text and "第03版" not in text


def test_word_tables_keep_their_cells_apart():
    table = [["项目", "规模", "投资"], ["煤制气", "40亿立方米/年", "360亿元"]]
    data = word_file([HEADLINE], table, after=["表后的一段。"])
    text, _ = text_of(data, "table.docx")
    assert text.split("\n") == [
        HEADLINE,
        "项目  规模  投资",
        "煤制气  40亿立方米/年  360亿元",
        "表后的一段。",
    ]


@pytest.mark.parametrize("name", ["page.html", "page.pdf", "report.docx"])
def test_office_file_is_added_as_text_with_the_same_rows(workspace, name):
    seeds, out = workspace
    new = add_report(_files()[name], name, "2026-05-10", seeds_dir=seeds, out_dir=out)
    stored = (seeds / new.file).read_text(encoding="utf-8")
    assert new.file.endswith(".txt") and "2.65亿吨" in stored
    assert f"{name.rsplit('.', 1)[1]} file {name}" in new.entry
    by_id = {r["metric_id"]: r for r in read_csv(out / "metrics.csv") if r["report_id"] == "004"}
    assert (by_id["coal_output"]["value"], by_id["coal_output"]["year"]) == ("265000000", "2025")
    assert by_id["coal_power_built"]["value"] == "28600000"


def _blank_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 200, 200)  # a drawing, as on a scanned page: no text
    page.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.pdf", lambda: b"%PDF-1.4\n" + b"\x00garbage" * 40, "not a readable PDF"),
        ("page.pdf", _blank_pdf, "holds no text"),
        ("report.docx", lambda: b"PK\x03\x04" + b"\x00broken" * 40, "not a readable Word"),
        ("report.docx", lambda: word_file(["", "  "]), "holds no text"),
        ("page.html", lambda: b"<html><body><div></div></body></html>", "holds no text"),
        ("page.html", lambda: b"", "empty"),
    ],
)
def test_broken_office_files_are_refused_naming_the_file(workspace, name, content, message):
    seeds, out = workspace
    with pytest.raises(InputError, match=message) as refused:
        add_report(content(), name, "2026-05-10", seeds_dir=seeds, out_dir=out)
    assert refused.value.path == name
    assert sorted(p.name for p in seeds.iterdir()) == sorted(p.name for p in SEEDS_DIR.iterdir())


def test_add_command_line_takes_a_pdf(workspace, tmp_path):
    seeds, out = workspace
    pdf = tmp_path / "e-paper.pdf"
    pdf.write_bytes(two_column_pdf(HEADLINE, LEFT, RIGHT))
    run = [sys.executable, "-m", "data_prep", "add"]
    where = ["--date", "2026-05-10", "--seeds", str(seeds), "--out", str(out)]
    added = subprocess.run([*run, str(pdf), *where], capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    assert "as report 004" in added.stdout
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 40)
    refused = subprocess.run(
        [*run, str(broken), *where],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{broken}: is not a readable PDF" in refused.stderr


def test_read_text_reads_a_word_file_from_disk(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(word_file([HEADLINE, *PARAGRAPHS]))
    text, kind = read_text(path)
    assert kind == "docx" and "2860万千瓦" in text


def test_a_word_copy_of_an_added_text_is_refused_as_already_added(workspace):
    seeds, out = workspace
    text = (FIXTURES / "zhundong_2026_05.txt").read_text(encoding="utf-8")
    add_report(text.encode(), "report.txt", "2026-05-10", seeds_dir=seeds, out_dir=out)
    paragraphs = ["".join(block.split("\n")) for block in text.split("\n\n")]
    with pytest.raises(InputError, match="already added, as report 004"):
        add_report(word_file(paragraphs), "report.docx", "2026-05-10", seeds_dir=seeds, out_dir=out)


def test_web_page_without_a_headline_in_its_body_takes_the_page_title():
    page = epaper_page(HEADLINE, PARAGRAPHS).decode().replace(f"<h1>{HEADLINE}</h1>", "")
    text, _ = text_of(page.encode(), "page.html")
    assert text.split("\n")[0] == HEADLINE  # without the site's name after "－"
