"""The PDF briefing: the same content as the HTML one, with its Chinese font embedded, Chinese
text that extracts as text (not boxes), every report sentence once, a Beijing-time stamp."""

import re
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from dashboard.briefing import briefing_html, svg_bars
from dashboard.briefing_pdf import Bars, FontMissing, Table, briefing_pdf, find_font, read_briefing

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def html_zh(curated_dir):
    def read(name):
        return pd.read_csv(
            curated_dir / f"{name}.csv", encoding="utf-8-sig", dtype={"report_id": str}
        )

    frames = [read(name) for name in ("metrics", "targets", "projects", "reports")]
    return briefing_html(*frames, "zh")


@pytest.fixture(scope="module")
def pdf_zh(html_zh, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "briefing_zh.pdf"
    path.write_bytes(briefing_pdf(html_zh, "zh"))
    return path


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_font_is_embedded(pdf_zh):
    rows = run("pdffonts", str(pdf_zh)).splitlines()[2:]
    assert rows, "the PDF names no font"
    for row in rows:
        name, *_, emb, _sub, _uni, _obj, _gen = row.split()
        assert emb == "yes", f"{name} is not embedded"


def test_chinese_text_extracts_and_each_sentence_appears_once(html_zh, pdf_zh):
    text = squeezed(run("pdftotext", str(pdf_zh), "-"))
    assert "准东开发区发展简报" in text
    quotes = {
        cells[0]
        for block in read_briefing(html_zh)
        if isinstance(block, Table)
        for kind, cells in block.rows
        if kind == "quote"
    }
    assert len(quotes) > 10
    for quote in quotes:
        assert text.count(squeezed(quote)) == 1, quote
    # A repeat points back to the sentence instead of printing it again.
    assert "原句见上文" in text


def test_stamp_is_beijing_time(pdf_zh):
    text = run("pdftotext", str(pdf_zh), "-")
    stamp = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d) 北京时间", text)
    assert stamp, "no Beijing-time stamp"
    made = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M").replace(
        tzinfo=ZoneInfo("Asia/Shanghai")
    )
    assert abs(datetime.now(ZoneInfo("Asia/Shanghai")) - made) < timedelta(minutes=5)


def test_first_page_renders(pdf_zh):
    ARTIFACTS.mkdir(exist_ok=True)
    run("pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2", str(pdf_zh), str(ARTIFACTS / "pdf"))
    pages = sorted(ARTIFACTS.glob("pdf-*.png"))
    assert pages and all(page.stat().st_size > 10_000 for page in pages)


def test_bars_are_read_back_from_the_html_drawing():
    drawing = svg_bars(["煤制油", "甲醇"], [600.0, 1200.0], ["600万吨/年", "1200万吨/年"], 1500)
    (bars,) = read_briefing(f"<section>{drawing}</section>")[1:]
    assert isinstance(bars, Bars)
    assert [(label, text) for label, _, _, text in bars.rows] == [
        ("煤制油", "600万吨/年"),
        ("甲醇", "1200万吨/年"),
    ]
    assert bars.rows[1][2] == pytest.approx(2 * bars.rows[0][2])
    assert bars.reference is not None


def test_a_missing_font_names_the_package(tmp_path):
    with pytest.raises(FontMissing, match="fonts-noto-cjk"):
        find_font([tmp_path / "none.ttc"])


@pytest.fixture(scope="module")
def pdf_en(curated_dir, tmp_path_factory):
    def read(name):
        return pd.read_csv(
            curated_dir / f"{name}.csv", encoding="utf-8-sig", dtype={"report_id": str}
        )

    frames = [read(name) for name in ("metrics", "targets", "projects", "reports")]
    path = tmp_path_factory.mktemp("pdf") / "briefing_en.pdf"
    path.write_bytes(briefing_pdf(briefing_html(*frames, "en"), "en"))
    return path


def _pages(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1))


@pytest.mark.parametrize("which", ["pdf_zh", "pdf_en"])
def test_a_meeting_briefing_is_four_pages_at_most_and_none_near_empty(which, request):
    pdf = request.getfixturevalue(which)
    pages = _pages(pdf)
    assert pages <= 4
    for page in range(1, pages + 1):
        text = squeezed(run("pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"))
        assert len(text) > 800, f"page {page} is nearly empty"


def test_page_one_is_what_an_official_reads_in_a_minute(pdf_zh):
    first = squeezed(run("pdftotext", "-f", "1", "-l", "1", str(pdf_zh), "-"))
    for heading in ("关键数字", "各目标现状", "与上一篇报道相比"):
        assert heading in first
    # where each target stands, from the stored answers
    assert "已落地60亿立方米/年" in first and "报道未点名任何煤制油项目" in first
    assert "已建成2725万千瓦，为规划3373万千瓦的81%" in first
    assert "规上工业增加值增长13.4%" in first


@pytest.mark.parametrize("which", ["pdf_zh", "pdf_en"])
def test_no_developer_words(which, request):
    text = run("pdftotext", str(request.getfixturevalue(which)), "-")
    for word in (".csv", "python", "data_prep", "targets.csv", "^(", "项目产能合计0"):
        assert word not in squeezed(text)
    assert not re.search(r"\d{9,}", text)  # no raw base-unit numbers (400000000000)
