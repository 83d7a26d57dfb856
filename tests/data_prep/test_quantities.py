"""Quantity parsing: a table of cases written from how Chinese reports write figures, traps that
are not quantities, and a property test that formats random quantities and parses them back."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_prep.clean import clean
from data_prep.quantities import find_quantities, parse_chinese_number


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [q.raw for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "high", "unit", "per", "qualifier"),
    [
        ("已建成2725万千瓦。", "27250000", None, "千瓦", "", ""),
        ("还建成1.8吉瓦单晶硅切片产能", "1800000", None, "千瓦", "", ""),
        ("装机容量1,200兆瓦", "1200000", None, "千瓦", "", ""),
        ("发电量达1298亿千瓦时", "129800000000", None, "千瓦时", "", ""),
        ("全年用电量3.5亿度", "350000000", None, "千瓦时", "", ""),
        ("产能达到140亿立方米/年", "14000000000", None, "立方米", "年", ""),
        ("年产能达到870万吨/年以上", "8700000", None, "吨", "年", "以上"),
        ("成本在1.4-1.8元/立方米之间", "1.4", "1.8", "元", "立方米", ""),
        ("当价格为2200元/吨时", "2200", None, "元", "吨", ""),
        ("建设周期3至5年", "3", "5", "年", "", ""),
        ("一年下来能赚三四万元", "30000", "40000", "元", "", ""),
        ("大概能加工两吨左右的饲料", "2", None, "吨", "", "左右"),
        ("汇聚产业工人30000余名", "30000", None, "名", "", "余"),
        ("惠及2亿多人", "200000000", None, "人", "", "多"),
        ("历经10多年的发展", "10", None, "年", "", "多"),
        ("装机规模超500万千瓦", "5000000", None, "千瓦", "", "超"),
        ("可实现约600元毛利", "600", None, "元", "", "约"),
        ("进出口贸易额4.05亿美元", "405000000", None, "美元", "", ""),
        ("辖区总面积3867平方公里", "3867", None, "平方公里", "", ""),
        ("电力跨越3293 公里", "3293", None, "公里", "", ""),
        ("同比提高1.2个百分点", "1.2", None, "百分点", "", ""),
        ("朝着万亿产值园区迈进", "1000000000000", None, "元", "", ""),
        ("着力打造千亿级产业", "100000000000", None, "", "", "级"),
        ("占全疆一半以上", "50", None, "%", "", "以上"),
        ("为期十天的学习", "10", None, "天", "", ""),
        ("来自昌吉市的35名小学生", "35", None, "名", "", ""),
        ("完成社会消费品零售总额63.18亿元", "6318000000", None, "元", "", ""),
        ("年产60万吨", "600000", None, "吨", "", ""),
        ("处理能力达3-5万吨/年", "30000", "50000", "吨", "年", ""),
        ("约140亿方", "14000000000", None, "立方米", "", "约"),
        ("投资逾1000万美元", "10000000", None, "美元", "", "逾"),
        # Voltage classes, calorific values and areas as grid and coal reports write them.
        ("750千伏变电站", "750", None, "千伏", "", ""),
        ("±1100千伏特高压直流", "1100", None, "千伏", "", "±"),
        ("220kV线路", "220", None, "千伏", "", ""),
        ("主变容量3×100万千伏安", "1000000", None, "千伏安", "", ""),
        ("发热量6784大卡/公斤", "6784", None, "大卡", "公斤", ""),
        ("热值5500千卡/千克", "5500", None, "大卡", "公斤", ""),
        ("项目占地1200亩", "1200", None, "亩", "", ""),
        ("流转土地3.2万亩", "32000", None, "亩", "", ""),
        ("建筑面积5.6万平方米", "56000", None, "平方米", "", ""),
        ("新建厂房8000平米", "8000", None, "平方米", "", ""),
        ("设计年产能2300万吨/年", "23000000", None, "吨", "年", ""),
        ("供电煤耗268克/千瓦时", "268", None, "克", "千瓦时", ""),
        ("每袋5千克", "0.005", None, "吨", "", ""),
    ],
)
def test_parses_quantity(text, value, high, unit, per, qualifier):
    quantity = only(text)
    assert quantity.value == Decimal(value)
    assert quantity.value_high == (Decimal(high) if high else None)
    assert quantity.unit == unit
    assert quantity.per == per
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "2024年，准东完成",
        "8月1日，在大丰镇",
        "1月27日-28日召开座谈会",
        "2025年末，准东开发区正式获批",
        "在“十四五”规划收官之际",
        "为2026年及“十五五”时期",
        "按“1+1+N”模式布局中试基地",
        "这是今年第6个大型煤化工项目",
        "以“5G＋智慧矿山”为代表",
        "召开全市家电及3C产品推介会",
        "白沙湖景区314国道上",
        "借助618、商博会等节点",
        "咨询电话0994-2345678",
        "下午3时30分开幕",
        "按照“一年打基础、三年见雏形、五年崛新城”的建设目标",
        "贯彻落实“四个革命、一个合作”能源安全新战略",
        "据统计，1-6月昌吉市",
        "二〇二五年三月",
        "构建从核心零部件到成套设备",
        "一座座农家小院",
        "一期工程已投产",
        "二期项目开工",
        "项目分三期建设",
        "第二批项目名单",
        "位列全国第3",
        "第十二届博览会",
        "前10个月，全区规上工业增加值",
        "规上工业增加值实现两位数增长",
    ],
)
def test_leaves_out_what_is_not_a_quantity(text):
    assert [q.raw for q in find_quantities(text)] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("十", 10), ("十五", 15), ("二十五", 25), ("三百", 300), ("一千二百", 1200), ("两", 2)],
)
def test_parses_chinese_numerals(text, value):
    assert parse_chinese_number(text) == value


UNITS = {
    "吨": "吨",
    "千瓦": "千瓦",
    "千瓦时": "千瓦时",
    "立方米": "立方米",
    "元": "元",
    "平方公里": "平方公里",
    "公里": "公里",
    "吉瓦": "千瓦",
    "兆瓦": "千瓦",
}
FACTOR = {
    "吨": 1,
    "千瓦": 1,
    "千瓦时": 1,
    "立方米": 1,
    "元": 1,
    "平方公里": 1,
    "公里": 1,
    "吉瓦": 10**6,
    "兆瓦": 1000,
}
MAGNITUDES = {"": 1, "万": 10**4, "亿": 10**8}


def _written(number: Decimal, separators: bool) -> str:
    if separators and number == number.to_integral_value():
        return f"{int(number):,}"
    return format(number, "f")


@st.composite
def written_quantities(draw):
    """A quantity as a report writes it, with the break and spaces that PDF extraction adds."""
    number = Decimal(draw(st.integers(1, 999_999))) / Decimal(10) ** draw(st.integers(0, 2))
    magnitude = draw(st.sampled_from(sorted(MAGNITUDES)))
    unit = draw(st.sampled_from(sorted(UNITS)))
    rate = draw(st.sampled_from(["", "/年"]))
    high = None
    raw = _written(number, draw(st.booleans()))
    if draw(st.booleans()):
        high = number + Decimal(draw(st.integers(1, 500)))
        raw += draw(st.sampled_from(["-", "至", "～"])) + _written(high, False)
    space = draw(st.sampled_from(["", " "]))
    raw = f"{raw}{space}{magnitude}{unit}{rate}"
    cut = draw(st.integers(1, len(raw) - 1))
    gap = draw(st.sampled_from(["\n", "\n\n"]))
    if raw[cut - 1] == " " or raw[cut] == " ":
        gap = "\n"
    broken = raw[:cut] + gap + raw[cut:]
    scale = Decimal(MAGNITUDES[magnitude] * FACTOR[unit])
    return broken, number * scale, (high * scale if high else None), UNITS[unit], rate[1:]


@given(written_quantities())
def test_written_quantities_parse_back_exactly(case):
    broken, value, high, unit, per = case
    text = clean(f"准东开发区该项目产能达到{broken}，居全疆前列。\n").text
    quantity = only(text)
    assert quantity.value == value
    assert quantity.value_high == high
    assert quantity.unit == unit
    assert quantity.per == per
