"""Numbers as officials read them: base values in Chinese display units (亿吨, 万千瓦), or in
international units in English (Mt, GW), with the report's own qualifiers (约, 超, 余, 以上)."""

import math
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")

# display unit (zh) -> (base unit, factor, English unit, English factor)
DISPLAY: dict[str, tuple[str, float, str, float]] = {
    "亿吨": ("吨", 1e8, "Mt", 1e6),
    "万吨": ("吨", 1e4, "Mt", 1e6),
    "万吨/年": ("吨", 1e4, "Mt/yr", 1e6),
    "万千瓦": ("千瓦", 1e4, "GW", 1e6),
    "吉瓦": ("千瓦", 1e6, "GW", 1e6),
    "亿千瓦时": ("千瓦时", 1e8, "TWh", 1e9),
    "亿元": ("元", 1e8, "billion CNY", 1e9),
    "万亿元": ("元", 1e12, "trillion CNY", 1e12),
    "亿立方米/年": ("立方米", 1e8, "billion m³/yr", 1e9),
    "亿立方米": ("立方米", 1e8, "billion m³", 1e9),
    "元/立方米": ("元", 1, "CNY/m³", 1),
    "元/吨": ("元", 1, "CNY/t", 1),
    "平方公里": ("平方公里", 1, "km²", 1),
    "公里": ("公里", 1, "km", 1),
    "万家庭": ("家庭", 1e4, "million households", 1e6),
    "亿人": ("人", 1e8, "million people", 1e6),
    "人": ("人", 1, "people", 1),
    "%": ("%", 1, "%", 1),
    "个": ("个", 1, "", 1),
    "家": ("家", 1, "companies", 1),
    "处": ("处", 1, "mines", 1),
    "项": ("项", 1, "items", 1),
    "年": ("年", 1, "years", 1),
    "岁": ("岁", 1, "years of age", 1),
}
_PRE = {
    "约": "about",
    "近": "nearly",
    "超": "over",
    "超过": "over",
    "逾": "over",
    "突破": "over",
    "将近": "nearly",
    "大约": "about",
    "接近": "nearly",
}
_MID = {"余": "over", "多": "over"}
_POST = {"以上": "or more", "以下": "or less", "左右": "about"}


def scaled(value: float, display_unit: str, lang: str) -> tuple[float, str]:
    """`value` (in the base unit) in the display unit of `lang`, and that unit's label."""
    _, factor, unit_en, factor_en = DISPLAY.get(display_unit, ("", 1, display_unit, 1))
    if lang == "en":
        return value / factor_en, unit_en
    return value / factor, display_unit


def number(value: float, lang: str = "en") -> str:
    """Few decimals, no trailing zeros; thousands separators in English only (not in Chinese)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # Enough decimals for what reports print (3.542亿吨, 8.47平方公里), none for large values.
    digits = 0 if abs(value) >= 1000 or value == int(value) else 3
    text = f"{value:,.{digits}f}" if lang == "en" else f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def quantity(
    value: float,
    display_unit: str,
    lang: str,
    qualifier: str = "",
    value_high: float | None = None,
) -> str:
    """A value as written for a reader: "超1.6亿吨", "1.4–1.8元/立方米", "over 160 Mt"."""
    shown, unit = scaled(value, display_unit, lang)
    text = number(shown, lang)
    if value_high is not None and not (isinstance(value_high, float) and math.isnan(value_high)):
        text += "–" + number(scaled(value_high, display_unit, lang)[0], lang)
    words = [word for word in str(qualifier or "").split("+") if word and word != "级"]
    if lang == "en":
        before = [
            _PRE.get(word) or _MID.get(word) for word in words if word in _PRE or word in _MID
        ]
        after = [_POST[word] for word in words if word in _POST]
        core = f"{text} {unit}".strip() if unit != "%" else f"{text}%"
        return " ".join([*before[:1], core, *after[:1]])
    pre = "".join(word for word in words if word in _PRE)
    mid = "".join(word for word in words if word in _MID)
    post = "".join(word for word in words if word in _POST)
    if mid and unit and unit[0] in "万亿":
        return f"{pre}{text}{unit[0]}{mid}{unit[1:]}{post}"
    return f"{pre}{text}{mid}{unit}{post}"


def percent(value: float | None, digits: int = 0) -> str:
    if value is None or math.isnan(value):
        return "–"
    return f"{value * 100:.{digits}f}%"


def beijing(moment: datetime | str | None = None) -> str:
    """A moment as Beijing time (Asia/Shanghai), to the minute: "2026-11-23 14:52". Takes an
    aware datetime or an ISO string (a naive one is read as UTC); none means now."""
    if moment is None:
        moment = datetime.now(UTC)
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def beijing_today(now: datetime | None = None) -> date:
    """Today's date in Beijing: a server on UTC is a day behind before 08:00 Beijing time."""
    return (now or datetime.now(UTC)).astimezone(BEIJING).date()
