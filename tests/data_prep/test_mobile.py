"""The light page for phones (data_prep/mobile.py): built with the tables, every target's answer,
the key figures and what changed, each sentence one tap away, escaped, small, reproducible."""

import gzip
import html
import re

from data_prep.check import read_csv
from data_prep.mobile import mobile_files, mobile_page


def test_the_page_is_built_with_the_tables(curated_dir):
    page = (curated_dir / "m" / "index.html").read_text(encoding="utf-8")
    packed = (curated_dir / "m" / "index.html.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == page
    assert len(packed) <= 300_000
    assert "<script" not in page  # plain HTML, no script
    targets = read_csv(curated_dir / "targets.csv")
    # every target with its stored answer, as on the pages and in the briefing
    for row in targets:
        assert row["label_zh"] in page
        assert html.escape(row["answer_zh"]) in page
    assert "已落地60亿立方米/年" in page and "报道未点名任何煤制油项目" in page
    # key figures, "2024年，准东完成煤炭产量2.4亿吨，占全疆的43%"
    assert "2.4亿吨" in page and "2024年，准东完成煤炭产量2.4亿吨" in page
    # what changed: 003 (2026-02) against 000 (2025-08)
    assert "2026-02 的报道与 2025-08 的报道相比" in page
    # each number's sentence one tap away; a link into each full page
    assert page.count("<details>") >= len(targets) + 5
    for path in ("/targets", "/coal-power", "/chemicals", "/materials", "/map", "/sources"):
        assert f'href="{path}"' in page


def test_report_text_is_escaped():
    metric = {
        "metric_id": "coal_output", "label_zh": "煤炭产量", "value": 2.4e8, "display_unit": "亿吨",
        "qualifier": "", "year": 2025, "quote": "<script>alert(1)</script>煤炭产量2.4亿吨",
        "report_id": "004", "report_date": "2026-05", "review_status": "accepted",
    }  # fmt: skip
    page = mobile_page([metric], [], [])
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_proposed_row_stays_off_the_page():
    metric = {
        "metric_id": "coal_output", "label_zh": "煤炭产量", "value": 9.9e8, "display_unit": "亿吨",
        "qualifier": "", "year": 2026, "quote": "未经核实的句子。", "report_id": "004",
        "report_date": "2026-05", "review_status": "proposed",
    }  # fmt: skip
    assert "9.9亿吨" not in mobile_page([metric], [], [])


def test_same_tables_same_bytes(curated_dir):
    metrics = read_csv(curated_dir / "metrics.csv")
    targets = read_csv(curated_dir / "targets.csv")
    reports = read_csv(curated_dir / "reports.csv")
    first, second = mobile_files(metrics, targets, reports), mobile_files(metrics, targets, reports)
    assert first == second
    assert not re.search(r"\d{2}:\d{2}:\d{2}", first["m/index.html"].decode("utf-8"))


CJK = re.compile(r"[\u3400-\u9fff]")


def test_the_english_page_says_every_answer_in_english(curated_dir):
    page = (curated_dir / "m" / "en" / "index.html").read_text(encoding="utf-8")
    packed = (curated_dir / "m" / "en" / "index.html.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == page and len(packed) <= 300_000
    assert "<html lang=en>" in page and "<script" not in page
    targets = read_csv(curated_dir / "targets.csv")
    for row in targets:
        assert html.escape(row["label_en"]) in page
        assert html.escape(row["answer_en"]) in page
    # "2024年，准东完成煤炭产量2.4亿吨，占全疆的43%": the figure in English, the sentence as written
    assert "240 Mt" in page and "2024年，准东完成煤炭产量2.4亿吨" in page
    assert "The 2026-02 report against the 2025-08 one" in page
    # Chinese only in the reports' sentences, the link to the Chinese page and the answers' (预计)
    words = re.sub(r"<blockquote>.*?</blockquote>", "", page)
    words = words.replace('<a href="/m/">中文</a>', "").replace("(预计)", "")
    assert not CJK.findall(words), CJK.findall(words)[:20]
    for path in ("/targets", "/coal-power", "/chemicals", "/materials", "/map", "/sources"):
        assert f'href="{path}?lang=en"' in page


def test_each_page_links_to_the_other(curated_dir):
    chinese = (curated_dir / "m" / "index.html").read_text(encoding="utf-8")
    english = (curated_dir / "m" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<a href="/m/en/">English</a>' in chinese
    assert '<a href="/m/">中文</a>' in english
