"""The figure ledger: each quantity of a page with its article, sentence, subject, rate and year."""

import re
from dataclasses import dataclass

from data_prep.quantities import Quantity, decimal_text, find_quantities
from data_prep.segment import Page
from data_prep.words import is_noun_phrase, noun_phrase_after, subject

LEDGER_COLUMNS = [
    "source",
    "article",
    "role",
    "raw",
    "value",
    "value_high",
    "unit",
    "unit_raw",
    "per",
    "qualifier",
    "subject",
    "year",
    "period",
    "sentence",
    "start",
    "end",
    "line",
    "sentence_start",
]

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』]?|\n")
# Table cells (two or more spaces or a tab apart, see `data_prep.clean`) are clauses too.
_CLAUSE_BREAK = re.compile(r"[，,；;：:、。！？!?\n]|[ \t\u3000]{2,}|\t")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!代)")
_RELATIVE_YEAR = re.compile(r"今年|去年|明年")
_RELATIVE_OFFSET = {"今年": 0, "去年": -1, "明年": 1}
_PERIOD = re.compile(
    r"十[一二三四五六七八九]五|上半年|下半年|[一二三四]季度|\d{1,2}-\d{1,2}月|前\d+个?月"
)
# What flows per year, month or day: 年产, 年发电量, 月收入, 日均, 日处理.
_FLOW_WORDS = (
    "产|均|薪|利税|交易额|收入|销售|发电|供|输送|处理|加工|出栏|营业|用|节约|排放"
    "|设计|外送|转化|吞吐|运输|运量|运力|运能|消耗|消费|减排|采|输|生产"
)
# Words that make a figure a rate although no slash says so: 年产能, 日均, 每吨, 一年收入.
_IMPLIED_PER = [
    # 全年发电量 is the year's total, not a rate.
    # 年可转化煤炭507万吨: a 可 may stand between.
    (re.compile(rf"(?<![\d今去明当本上下全])(年|月|日)(?=可?(?:{_FLOW_WORDS}))"), None),
    (re.compile(r"每(年|天|日|月|吨|人|户|立方米|千瓦时|平方米|亩|小时)"), None),
    (re.compile(r"一年"), "年"),
    # 吨煤成本, 度电成本: a cost or use per ton of coal, per kilowatt-hour.
    (re.compile(r"(?<![\d.万亿千百十])吨(?=煤|钢|铝|油|水|产品)"), "吨"),
    (re.compile(r"(?<![\d.万亿千百十])度电"), "千瓦时"),
    (re.compile(r"(?<![\d.])(?:1|一)(吨|立方米|千瓦时)"), None),
]
_PER_NORMAL = {"天": "日"}
# A share, a change in points or a multiple has no rate: "吨煤能耗下降18%" is 18%, not 18% per ton.
_RATIOS = ("%", "百分点", "倍")
# A change of a rate keeps the rate: "每吨686元，比上月末上涨35元" -> 35元 per 吨.
_CHANGE = re.compile(r"比|较|上涨|下跌|下降|增加|减少|提高|降低")


@dataclass(frozen=True)
class Figure:
    source: str
    article: str
    role: str
    quantity: Quantity
    subject: str
    per: str
    year: int | None
    period: str
    sentence: str
    sentence_start: int
    line: int

    def row(self) -> dict[str, object]:
        q = self.quantity
        return {
            "source": self.source,
            "article": self.article,
            "role": self.role,
            "raw": q.raw,
            "value": decimal_text(q.value),
            "value_high": decimal_text(q.value_high),
            "unit": q.unit,
            "unit_raw": q.unit_raw,
            "per": self.per,
            "qualifier": q.qualifier,
            "subject": self.subject,
            "year": "" if self.year is None else self.year,
            "period": self.period,
            "sentence": self.sentence,
            "start": q.start,
            "end": q.end,
            "line": self.line,
            "sentence_start": self.sentence_start,
        }


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end offsets of the sentence around `position`."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    end_match = _SENTENCE_END.search(text, position)
    end = end_match.end() if end_match else len(text)
    if end_match and end_match.group(0) == "\n":
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, in order."""
    sentences: list[str] = []
    start = 0
    while start < len(text):
        _, end = sentence_bounds(text, start)
        end = max(end, start + 1)
        if text[start:end].strip():
            sentences.append(text[start:end].strip())
        start = end
    return sentences


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    start = sentence_start
    for match in _CLAUSE_BREAK.finditer(text, sentence_start, position):
        start = match.end()
    return start


def _implied_per(before: str) -> str:
    found = ""
    found_at = -1
    for pattern, per in _IMPLIED_PER:
        for match in pattern.finditer(before):
            if match.start() > found_at:
                found_at = match.start()
                found = per or match.group(1)
    return _PER_NORMAL.get(found, found)


def _year(before: str, report_year: int | None) -> int | None:
    candidates = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(before)]
    if report_year is not None:
        candidates += [
            (m.start(), report_year + _RELATIVE_OFFSET[m.group(0)])
            for m in _RELATIVE_YEAR.finditer(before)
        ]
    return max(candidates)[1] if candidates else None


def _subject(text: str, clause: str, end: int) -> str:
    """Words before the figure, or the noun after it when those words only say who or how."""
    before = subject(clause)
    if before.startswith("占") or is_noun_phrase(before):
        return before
    return noun_phrase_after(text[end : end + 20]) or before


def ledger(
    page: Page, source: str, report_year: int | None = None, prefix: str = ""
) -> list[Figure]:
    """Every quantity of `page` as a Figure; `report_year` resolves 今年 and 去年.

    Article ids are `<prefix>-aNN`; the prefix defaults to the source's file stem.
    """
    prefix = prefix or source.rsplit(".", 1)[0]
    text = page.text.text
    figures: list[Figure] = []
    previous_subject: dict[int, str] = {}
    previous_rate: dict[int, tuple[str, str]] = {}
    previous_end = 0
    for quantity in find_quantities(text):
        span = page.span_at(quantity.start)
        article = "" if span is None or span.article is None else f"{prefix}-a{span.article:02d}"
        sentence_start, sentence_end = sentence_bounds(text, quantity.start)
        clause_start = _clause_start(text, sentence_start, quantity.start)
        # The subject stands after the previous figure of the clause ("40%、18%和12%").
        clause = text[max(clause_start, previous_end) : quantity.start]
        previous_end = quantity.end
        before = text[sentence_start : quantity.start]
        found_subject = _subject(text, clause, quantity.end)
        found_subject = found_subject or previous_subject.get(sentence_start, "")
        previous_subject[sentence_start] = found_subject
        clause_text = text[clause_start : quantity.start]
        unit, earlier_per = previous_rate.get(sentence_start, ("", ""))
        # A rate word taken by a figure of another measure stays with it: in "年产40亿立方米天然气
        # 项目完成投资56亿元" the investment is no rate; in "年产40万吨和60万吨" both are.
        rate_words = clause if earlier_per and unit != quantity.unit else clause_text
        per = quantity.per
        if not per and quantity.unit not in _RATIOS:
            per = _implied_per(rate_words)
        if not per and unit == quantity.unit and _CHANGE.search(clause_text):
            per = earlier_per
        previous_rate[sentence_start] = (quantity.unit, per)
        figures.append(
            Figure(
                source=source,
                article=article,
                role=span.role if span else "body",
                quantity=quantity,
                subject=found_subject,
                per=per,
                year=_year(before, report_year),
                period=(_PERIOD.findall(before) or [""])[-1],
                sentence=text[sentence_start:sentence_end].strip(),
                sentence_start=sentence_start,
                line=page.text.line_at(quantity.start),
            )
        )
    return figures
