"""Find quantities in cleaned Chinese text: number, magnitude (万/亿), unit, rate and qualifier.

Works on cleaned text (see `data_prep.clean`), never on jieba tokens. Values are exact decimals in
base units written in Chinese (吨, 千瓦, 千瓦时, 立方米, 元, 平方公里, ...): `2725万千瓦` is
27,250,000 千瓦 and `1.8吉瓦` is 1,800,000 千瓦. What is not a quantity is left out: years, dates,
times, plan names (十四五), ordinals (第6个), slogans in quotes ("1+1+N", 三年见雏形), model names
(5G, 3C), road codes (314国道), phases (一期, 分两期建设) and bare numbers without unit or magnitude
(phone numbers, 618). Voltage classes are 千伏 (±1100千伏 keeps "±" as its qualifier) and calorific
values are 大卡 per 公斤.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

# Units as written -> (base unit, factor to the base unit). Longest spellings win in the pattern.
UNITS: dict[str, tuple[str, Decimal]] = {
    "千瓦时": ("千瓦时", Decimal(1)),
    "兆瓦时": ("千瓦时", Decimal(1000)),
    "吉瓦时": ("千瓦时", Decimal(10**6)),
    "kWh": ("千瓦时", Decimal(1)),
    "MWh": ("千瓦时", Decimal(1000)),
    "GWh": ("千瓦时", Decimal(10**6)),
    "度": ("千瓦时", Decimal(1)),
    "千伏安": ("千伏安", Decimal(1)),
    "千伏": ("千伏", Decimal(1)),
    "kV": ("千伏", Decimal(1)),
    "伏": ("千伏", Decimal("0.001")),
    "千瓦": ("千瓦", Decimal(1)),
    "兆瓦": ("千瓦", Decimal(1000)),
    "吉瓦": ("千瓦", Decimal(10**6)),
    "kW": ("千瓦", Decimal(1)),
    "MW": ("千瓦", Decimal(1000)),
    "GW": ("千瓦", Decimal(10**6)),
    "瓦": ("千瓦", Decimal("0.001")),
    "吨": ("吨", Decimal(1)),
    "公斤": ("吨", Decimal("0.001")),
    "千克": ("吨", Decimal("0.001")),
    # 供电煤耗 is written in grams of coal per kilowatt-hour.
    "克": ("克", Decimal(1)),
    "标准立方米": ("立方米", Decimal(1)),
    "立方米": ("立方米", Decimal(1)),
    "立方": ("立方米", Decimal(1)),
    "标方": ("立方米", Decimal(1)),
    "平方公里": ("平方公里", Decimal(1)),
    "平方千米": ("平方公里", Decimal(1)),
    "平方米": ("平方米", Decimal(1)),
    "平米": ("平方米", Decimal(1)),
    "㎡": ("平方米", Decimal(1)),
    "公顷": ("公顷", Decimal(1)),
    "亩": ("亩", Decimal(1)),
    "公里": ("公里", Decimal(1)),
    "千米": ("公里", Decimal(1)),
    "米": ("米", Decimal(1)),
    "大卡": ("大卡", Decimal(1)),
    "千卡": ("大卡", Decimal(1)),
    "kcal": ("大卡", Decimal(1)),
    "兆焦": ("兆焦", Decimal(1)),
    "MJ": ("兆焦", Decimal(1)),
    "美元": ("美元", Decimal(1)),
    "欧元": ("欧元", Decimal(1)),
    "港元": ("港元", Decimal(1)),
    "元": ("元", Decimal(1)),
    "%": ("%", Decimal(1)),
    "％": ("%", Decimal(1)),
    "个百分点": ("百分点", Decimal(1)),
    "百分点": ("百分点", Decimal(1)),
    "倍": ("倍", Decimal(1)),
    "年": ("年", Decimal(1)),
    "个月": ("月", Decimal(1)),
    "月": ("月", Decimal(1)),
    "日": ("日", Decimal(1)),
    "天": ("天", Decimal(1)),
    "个小时": ("小时", Decimal(1)),
    "小时": ("小时", Decimal(1)),
    "分钟": ("分钟", Decimal(1)),
    "岁": ("岁", Decimal(1)),
}
# Counting words are kept as written.
COUNTERS = (
    "家庭 人次 轮次 个 家 名 人 户 项 处 套 辆 场 例 座 只 台 条 所 批 轮 期 件 种 类 位 届 栋 "
    "间 张 头 匹 株 棵 份 支 艘 架 列 趟 枚 篇 部 门 片 层 口 宗 笔"
).split()
for _counter in COUNTERS:
    UNITS.setdefault(_counter, (_counter, Decimal(1)))

MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10**12),
    "千亿": Decimal(10**11),
    "百亿": Decimal(10**10),
    "十亿": Decimal(10**9),
    "千万": Decimal(10**7),
    "百万": Decimal(10**6),
    "十万": Decimal(10**5),
    "亿": Decimal(10**8),
    "万": Decimal(10**4),
    "千": Decimal(10**3),
}
# Rates written after a slash: 万吨/年, 元/吨, 元/立方米.
PER_UNITS = (
    "年",
    "月",
    "日",
    "天",
    "小时",
    "吨",
    "公斤",
    "千克",
    "kg",
    "立方米",
    "千瓦时",
    "千瓦",
    "度",
    "平方米",
    "亩",
    "人",
    "户",
    "公里",
)
_PER_NORMAL = {"天": "日", "度": "千瓦时", "千克": "公斤", "kg": "公斤"}

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}

_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千]+"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千(?![瓦克米伏卡]))"
_UNIT = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_PER = "|".join(re.escape(unit) for unit in sorted(PER_UNITS, key=len, reverse=True))
_RANGE = r"\s*(?:-|–|—|~|～|至|到)\s*"

QUANTITY = re.compile(
    rf"""
    (?P<pm>±)?(?P<num>{_NUMBER})(?P<approx1>余|多)?
    (?:(?P<sep>{_RANGE})(?P<num2>{_NUMBER}))?
    (?:[ \t]?(?P<mag>{_MAGNITUDE}))?(?P<approx2>余|多)?
    (?:[ \t]?(?P<unit>{_UNIT})|(?<=[万亿])(?P<fang>方)(?![面式向案法针]))?
    (?:/(?P<per>{_PER}))?
    (?P<after>以上|以下|左右|上下|之多|余)?
    """,
    re.VERBOSE,
)
# A magnitude with no number: 万亿产值, 千亿级产业, 千万吨级矿山, 年薪百万元.
BARE_MAGNITUDE = re.compile(
    rf"(?<![\d零〇一二两三四五六七八九十百千.])(?P<mag>万亿|千亿|百亿|千万|百万)"
    rf"(?P<unit>{_UNIT})?(?P<tail>级|产值)?"
)
HALF = re.compile(r"一半(?P<after>以上|以下|左右)?")
_PRE_QUALIFIERS = (
    "超过",
    "将近",
    "大约",
    "接近",
    "突破",
    "不足",
    "不到",
    "至少",
    "约",
    "近",
    "超",
    "逾",
)
_NOT_QUALIFYING = {"近": "最附临", "超": "赶"}
_DATE_UNITS = {"月", "日"}
# A quoted span this short is a slogan or a name; reported speech runs longer.
_SLOGAN_MAX_CHARS = 24


@dataclass(frozen=True)
class Quantity:
    """One quantity as found: offsets are into the text that was searched."""

    raw: str
    start: int
    end: int
    value: Decimal
    value_high: Decimal | None
    unit: str
    unit_raw: str
    per: str
    qualifier: str


def parse_chinese_number(text: str) -> Decimal:
    """二十五 -> 25, 三百 -> 300, 一千二百 -> 1200, 两 -> 2, 十 -> 10, 二〇二五 -> 2025."""
    if all(char in CN_DIGITS for char in text) and len(text) > 1:
        return Decimal("".join(str(CN_DIGITS[char]) for char in text))
    total = 0
    digit = 0
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        else:
            total += (digit or 1) * CN_SMALL[char]
            digit = 0
    return Decimal(total + digit)


def _chinese_range(text: str) -> tuple[Decimal, Decimal] | None:
    """三四 -> (3, 4), 五六 -> (5, 6): two neighbouring digits are an approximate range."""
    if len(text) == 2 and all(char in CN_DIGITS for char in text):
        low, high = (CN_DIGITS[char] for char in text)
        if high == low + 1 and low > 0:
            return Decimal(low), Decimal(high)
    return None


def parse_number(text: str) -> Decimal:
    """Arabic (with thousands separators) or Chinese numerals to an exact decimal."""
    if text[0].isdigit():
        return Decimal(text.replace(",", ""))
    return parse_chinese_number(text)


def _inside_short_quote(text: str, position: int) -> bool:
    """Inside “…” of a slogan (“三年见雏形”), not of reported speech (“一年收入五六万元。”)."""
    opening = text.rfind("“", 0, position)
    if opening < 0 or text.rfind("”", opening, position) >= 0:
        return False
    closing = text.find("”", position)
    return closing >= 0 and closing - opening <= _SLOGAN_MAX_CHARS


def _pre_qualifier(text: str, start: int) -> str:
    for word in _PRE_QUALIFIERS:
        begin = start - len(word)
        if begin >= 0 and text[begin:start] == word:
            if begin > 0 and text[begin - 1] in _NOT_QUALIFYING.get(word, ""):
                return ""
            return word
    return ""


def _is_year(match: re.Match[str], number: Decimal) -> bool:
    return (
        match["unit"] == "年"
        and not match["mag"]
        and not match["approx1"]
        and not match["approx2"]
        and number == number.to_integral_value()
        and 1900 <= number <= 2100
    )


def _rejected(text: str, match: re.Match[str], low: Decimal) -> bool:
    """Everything that looks like a number but is not a quantity."""
    num, unit = match["num"], match["unit"] or ""
    start, end = match.start(), match.end()
    chinese = not num[0].isdigit()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if not (unit or match["fang"] or match["mag"]):
        return True  # a bare number: phone number, code, 618
    if before == "第" or (before.isascii() and before.isalpha()):
        return True  # 第6个, G30
    if after.isascii() and after.isalpha() and not unit.isascii():
        return True  # 5G, 3C
    if before in ("+", "＋") or after in ("+", "＋"):
        return True  # 1+1+N
    if unit == "期" and not match["mag"]:
        return True  # 一期工程, 分两期建设: a phase, not a count
    if unit == "位" and after == "数":
        return True  # 两位数增长: double-digit, a manner of growth, not a count
    if unit in ("月", "个月") and before == "前" and not match["mag"]:
        return True  # 前10个月: the period of a statistic, not a duration
    if unit in _DATE_UNITS or _is_year(match, low):
        return True  # 8月1日, 1-6月, 2024年
    if match["num2"] and unit == "年" and low >= 1900:
        return True  # 2021-2025年
    if chinese:
        if _inside_short_quote(text, start):
            return True  # “一年打基础、三年见雏形、五年崛新城”, “四个革命”
        if low == 0:
            return True  # 零部件
        if num == "一" and not match["mag"]:
            return True  # 一个, 一批, 一年: idiom, rarely a count
        if all(char in CN_SMALL for char in num) and num != "十":
            return True  # 千 or 百 alone
        if unit == "人" and not match["mag"]:
            return True  # 三人汇聚
    return False


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in `text`, in order of position."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in QUANTITY.finditer(text):
        num = match["num"]
        chinese_range = _chinese_range(num) if not num[0].isdigit() else None
        low = chinese_range[0] if chinese_range else parse_number(num)
        if _rejected(text, match, low):
            continue
        high = chinese_range[1] if chinese_range else None
        if match["num2"]:
            high = parse_number(match["num2"])
        unit_raw = match["unit"] or match["fang"] or ""
        base, factor = UNITS.get(unit_raw, ("立方米", Decimal(1)) if unit_raw == "方" else ("", 1))
        scale = MAGNITUDES.get(match["mag"] or "", Decimal(1)) * factor
        qualifiers = [
            match["pm"] or _pre_qualifier(text, match.start()),
            match["approx1"] or "",
            match["approx2"] or "",
            match["after"] or "",
        ]
        per = match["per"] or ""
        found.append(
            Quantity(
                raw=match.group(0),
                start=match.start(),
                end=match.end(),
                value=low * scale,
                value_high=high * scale if high is not None else None,
                unit=base,
                unit_raw=(match["mag"] or "") + unit_raw,
                per=_PER_NORMAL.get(per, per),
                qualifier="+".join(q for q in qualifiers if q),
            )
        )
        taken.append((match.start(), match.end()))

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in BARE_MAGNITUDE.finditer(text):
        if not (match["unit"] or match["tail"]) or not free(match.start(), match.end()):
            continue
        if _inside_short_quote(text, match.start()):
            continue
        unit_raw = match["unit"] or ""
        base, factor = UNITS.get(unit_raw, ("元" if match["tail"] == "产值" else "", Decimal(1)))
        found.append(
            Quantity(
                raw=match.group(0),
                start=match.start(),
                end=match.end(),
                value=MAGNITUDES[match["mag"]] * factor,
                value_high=None,
                unit=base,
                unit_raw=match["mag"] + unit_raw,
                per="",
                qualifier="级" if match["tail"] == "级" else "",
            )
        )
    for match in HALF.finditer(text):
        if free(match.start(), match.end()):
            found.append(
                Quantity(
                    raw=match.group(0),
                    start=match.start(),
                    end=match.end(),
                    value=Decimal(50),
                    value_high=None,
                    unit="%",
                    unit_raw="一半",
                    per="",
                    qualifier=match["after"] or "",
                )
            )
    return sorted(found, key=lambda quantity: quantity.start)


def decimal_text(value: Decimal | None) -> str:
    """A decimal as plain text without exponent or trailing zeros: 2966000.0 -> "2966000"."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text
