"""Cleaning undoes the PDF extraction damage the seeds README describes, and maps back to lines."""

import pytest

from data_prep.clean import clean

COLUMN = "准东开发区今年以来大手笔布局煤化\n工产业，加速构建煤制油气、煤制烯\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a number broken from its unit at a line end
        ("此外，还建成1.8\n吉瓦单晶硅切片产能。", "此外，还建成1.8吉瓦单晶硅切片产能。"),
        ("产能将达到140亿立方\n米/年，煤制油产能", "产能将达到140亿立方米/年，煤制油产能"),
        ("煤制甲醇成本平均每吨1100\n元，当甲醇价格", "煤制甲醇成本平均每吨1100元，当甲醇价格"),
        # a blank line inside a sentence, where a column ended
        ("产业规划，2025\n\n年，准东开发区在芨芨湖", "产业规划，2025年，准东开发区在芨芨湖"),
        (
            "的实施意见》，这份文件既是赋予准东的\n政策“大礼包”，更是对准东下达的发展\n\n“动员令”。文件明确提出奋斗目标：到\n",
            "的实施意见》，这份文件既是赋予准东的政策“大礼包”，更是对准东下达的发展“动员令”。文件明确提出奋斗目标：到",
        ),
        # spaces between numbers and units, and letter-spaced characters
        ("已建成 2725 万千瓦。", "已建成2725万千瓦。"),
        ("电解铝产能 296.6 万吨、工业硅", "电解铝产能296.6万吨、工业硅"),
        ("打 造 了 一 批 以 无 人 矿 卡 安 全 开 采 、", "打造了一批以无人矿卡安全开采、"),
        # names keep their spaces; full-width digits become ASCII
        ("□本报通讯员 佘再兴 潘元双", "□本报通讯员 佘再兴 潘元双"),
        ("产能１２０万吨。", "产能120万吨。"),
    ],
)
def test_rejoins_and_tidies(raw, expected):
    assert clean(raw).text == expected


def test_keeps_paragraph_breaks_and_headlines():
    raw = (
        "天赋准东 能源新光\n\n准东，以煤炭资源丰富而著称，预测\n储量高达3900亿吨。\n\n"
        "准东，因煤而生。\n"
    )
    assert clean(raw).text.split("\n") == [
        "天赋准东 能源新光",
        "准东，以煤炭资源丰富而著称，预测储量高达3900亿吨。",
        "准东，因煤而生。",
    ]


def test_byline_and_subtitle_stay_on_their_own_lines():
    raw = (
        "抢占新质生产力发展新赛道\n——准东开发区打造现代煤化工产业示范区纪实\n\n□本报通讯员 佘再兴\n"
    )
    assert clean(raw).text.split("\n") == [
        "抢占新质生产力发展新赛道",
        "——准东开发区打造现代煤化工产业示范区纪实",
        "□本报通讯员 佘再兴",
    ]


def test_one_paragraph_per_line_text_is_kept_as_it_is():
    paragraphs = [
        "准东开发区召开座谈会。",
        "会议收集企业创新需求42项，参会企业16家，交流深入务实。",
        "下一步将建立台账、逐项落实。",
        "全年新增创新主体26家。",
    ]
    assert clean("\n".join(paragraphs)).text.split("\n") == paragraphs


def test_every_character_maps_to_its_raw_line():
    raw = "标题\n\n此外，还建成1.8\n吉瓦单晶硅切片产能。\n"
    cleaned = clean(raw)
    assert len(cleaned.lines) == len(cleaned.text)
    assert cleaned.lines[cleaned.text.index("1.8")] == 3
    assert cleaned.lines[cleaned.text.index("吉瓦")] == 4
    assert cleaned.line_at(0) == 1


def test_seed_lines_map_back_to_the_same_characters(seed_reports):
    from data_prep import SEEDS_DIR

    report = seed_reports["000"]
    raw_lines = (SEEDS_DIR / report.source).read_text(encoding="utf-8").split("\n")
    for figure in report.figures:
        first_char = figure.quantity.raw[0]
        assert first_char in raw_lines[figure.line - 1].translate({ord(" "): None})


def test_table_rows_stay_apart_with_their_cell_gaps():
    raw = "序号  项目  投资\n1  煤制气项目  360亿元\n2  煤电项目  98.6亿元\n"
    assert clean(raw).text.split("\n") == [
        "序号  项目  投资",
        "1  煤制气项目  360亿元",
        "2  煤电项目  98.6亿元",
    ]
