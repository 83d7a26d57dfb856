"""The extractor on reports it has never seen, written in other shapes than the seeds."""

from decimal import Decimal

from data_prep.pipeline import read_report

# A wire story, one paragraph per line, with rates, ranges and units the seeds do not use.
WIRE = """五彩湾新城一季度经济运行稳中有进
本报讯 记者王某报道：一季度，五彩湾新城规上工业增加值同比增长8.6%，较去年同期提高1.2个百分点。
园区内某煤制油项目年产油品120万吨，日均处理原料煤1.2万吨，总投资约260亿元。
新投运的光伏电站装机容量1,200兆瓦，预计年发电量18亿度。
项目建设周期3至5年，带动就业近3000人，人均月收入6000-8000元。
截至3月31日，新城已签约项目15个，协议投资超过500亿元。
"""

# A printed column with a number split from its unit and a blank line inside a sentence.
COLUMN = """西黑山产业园再添新项目

□本报记者 李某

记者从准东开发区获悉，西黑山产业园
新一期煤电项目装机规模为132万千
瓦，计划投资52.8亿元，预计2027

年建成投产。项目建成后年发电量约66
亿千瓦时，每年可节约标准煤约12万
吨，减少二氧化碳排放30余万吨。
"""


def _figures(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {f.quantity.raw: f for f in read_report(path).figures}


def test_wire_story_in_paragraph_lines(tmp_path):
    figures = _figures(tmp_path, "wire.txt", WIRE)
    assert figures["8.6%"].quantity.value == Decimal("8.6")
    assert figures["1.2个百分点"].quantity.unit == "百分点"
    assert figures["120万吨"].per == "年"
    assert figures["1.2万吨"].per == "日"
    assert figures["260亿元"].quantity.qualifier == "约"
    assert figures["1,200兆瓦"].quantity.value == Decimal(1_200_000)
    assert figures["18亿度"].quantity.unit == "千瓦时"
    assert figures["18亿度"].per == "年"
    assert (figures["3至5年"].quantity.value, figures["3至5年"].quantity.value_high) == (3, 5)
    assert figures["3000人"].quantity.qualifier == "近"
    assert figures["6000-8000元"].per == "月"
    assert figures["500亿元"].quantity.qualifier == "超过"
    assert "3月31日" not in figures and "31日" not in figures
    assert len(figures) == 12


def test_printed_column_with_broken_units(tmp_path):
    figures = _figures(tmp_path, "column.txt", COLUMN)
    assert figures["132万千瓦"].quantity.value == Decimal(1_320_000)
    assert figures["66亿千瓦时"].per == "年"
    assert figures["66亿千瓦时"].quantity.value == Decimal(6_600_000_000)
    assert figures["12万吨"].per == "年"
    assert figures["30余万吨"].quantity.value == Decimal(300_000)
    assert figures["30余万吨"].quantity.qualifier == "余"
    assert "2027年" not in figures
    articles = {f.article for f in figures.values()}
    assert articles == {"column-a00"}
