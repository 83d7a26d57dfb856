"""Which measure a figure states, read from its own clause.

A catalog metric names a measure: subject words with their usual synonyms (煤炭产量 / 原煤产量 …),
a unit, and for a ratio its relation to the quantity it speaks of (a share of Xinjiang, a growth
rate). A figure is bound to a measure by the words of its own clause, never by words found
somewhere else in a long sentence:

- a quantity takes the subject of its clause: "全年原煤产量达2.38亿吨";
- a share, growth or decline with no subject of its own ("同比增长14.9%", "占全疆的43%") belongs to
  the quantity it follows in its part of the sentence and takes that quantity's subject;
- one with a subject of its own is about that subject: "占全疆电解铝产量的47.5%" is a share of
  aluminium output, whatever the clause before it was about;
- "分别占全疆的40%、18%和12%" gives the ratios to the quantities before it, in order;
- a part led by 其中 is a part of the measure, not the measure.
"""

import re
from dataclasses import dataclass, field, replace

# Units that relate one quantity to another.
RATIO_UNITS = ("%", "百分点")
# Marks that end a clause; 、 parts the items of a list: "电解铝产能296.6万吨、工业硅产能52万吨".
_CLAUSE_MARKS = "，,；;：:、。！？!?\n"
_PART_MARKS = "；;。！？!?\n"
_SHARE_XINJIANG = re.compile(r"占(?:全疆|新疆|全区|自治区)")
_SHARE_CHINA = re.compile(r"占(?:全国|我国)")
# "占新疆的17.8%、全国的7%": the second share continues the first.
_SHARE_CONTINUED = re.compile(r"^\s*(?:和|及|与)?(全疆|新疆|全国|我国)(?:的)?")
_GROWTH = re.compile(r"增长|增速|同比|提升|提高|上升|增加")
_DECLINE = re.compile(r"下降|减少|降低|回落")
_RESPECTIVELY = "分别"
# Words that say how a ratio relates, not what it is about: left out when asking whether a ratio
# clause names a subject of its own.
_RATIO_FILLER = re.compile(
    r"占|全疆|新疆|全区|自治区|全国|我国|的|同比|比上年|较上年|比去年|较去年|上年|去年|同期"
    r"|增长|增速|增幅|下降|减少|提升|提高|降低|上升|增加|回落|分别|达到|达|为|比重|占比|左右"
    r"|约|超过|超|近|和|及|与|其中|全年|实现|以上|较|比|了"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
SUB_PART = "其中"


@dataclass(frozen=True)
class Measure:
    """What a catalog metric measures; see the header of catalog.toml."""

    metric_id: str
    subjects: tuple[str, ...]
    unit: str
    relation: str = ""  # "" | share_xinjiang | share_china | growth | decline
    statement: str = "fact"
    per: str | None = None  # None: any; "": a stock; "年": per year
    also: tuple[str, ...] = ()  # one of these must stand in the figure's part of the sentence
    clause_has: tuple[str, ...] = ()  # one of these must stand in the figure's own clause
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Binding:
    """A figure bound to what it measures: `subject` is the text that names it, `anchor` the
    figure a ratio follows (or the figure itself), `how` how the subject was found."""

    figure: dict
    anchor: dict
    subject: str
    relation: str
    clause: str
    how: str  # own | follows | respectively
    sub_part: bool = False
    part: str = ""  # the figure's part of the sentence (up to ；), to the figure's end
    matched: dict[str, str] = field(default_factory=dict)


def measure_of(metric: dict) -> Measure | None:
    """The measure of a catalog metric, or None when it names none (seed-only entries)."""
    spec = metric.get("measure")
    if not spec:
        return None
    return Measure(
        metric_id=metric["metric_id"],
        subjects=tuple(spec["subjects"]),
        unit=spec["unit"],
        relation=spec.get("relation", ""),
        statement=spec.get("statement", "fact"),
        per=spec.get("per"),
        also=tuple(spec.get("also", ())),
        clause_has=tuple(spec.get("clause_has", ())),
        excludes=tuple(spec.get("excludes", ())),
    )


def _offset(row: dict) -> tuple[int, int]:
    base = int(row["sentence_start"])
    return int(row["start"]) - base, int(row["end"]) - base


def _clause_bounds(sentence: str, begin: int, end: int, marks: str) -> tuple[int, int]:
    start = max(sentence.rfind(mark, 0, begin) for mark in marks) + 1
    ends = [i for i in (sentence.find(mark, end) for mark in marks) if i >= 0]
    return start, min(ends) if ends else len(sentence)


def _is_ratio(row: dict) -> bool:
    return row["unit"] in RATIO_UNITS


def _names_a_subject(text: str) -> bool:
    return len(_HAN.findall(_RATIO_FILLER.sub("", text))) >= 2


def _relation(before: str, previous: str) -> str:
    if _SHARE_XINJIANG.search(before):
        return "share_xinjiang"
    if _SHARE_CHINA.search(before):
        return "share_china"
    continued = _SHARE_CONTINUED.match(before)
    if continued and previous.startswith("share"):
        return "share_china" if continued.group(1) in ("全国", "我国") else "share_xinjiang"
    if "占比" in before or "比重" in before or "占" in before:
        return "share"
    if _DECLINE.search(before):
        return "decline"
    if _GROWTH.search(before):
        return "growth"
    return ""


_LIST_GAP = re.compile(r"^[、，,和及与\s]*$")


def sentence_bindings(rows: list[dict]) -> list[Binding]:
    """The bindings of the figures of one sentence (its ledger rows)."""
    rows = sorted(rows, key=lambda row: int(row["start"]))
    sentence = str(rows[0]["sentence"])
    items = []  # (row, part start, clause, before, context, follows a figure directly)
    previous_end = 0
    for row in rows:
        begin, end = _offset(row)
        clause_start, clause_end = _clause_bounds(sentence, begin, end, _CLAUSE_MARKS)
        part_start, _ = _clause_bounds(sentence, begin, end, _PART_MARKS)
        before = sentence[max(clause_start, previous_end) : begin]
        listed = previous_end > 0 and bool(_LIST_GAP.match(sentence[previous_end:begin]))
        items.append(
            (
                row,
                part_start,
                sentence[clause_start:clause_end],
                before,
                sentence[clause_start:begin],
                sentence[end:clause_end],
                listed,
            )
        )
        previous_end = end
    bindings: list[Binding] = []
    quantities: list[tuple[int, Binding]] = []  # (part start, the quantity's own binding)
    previous_relation = ""
    index = 0
    while index < len(items):
        row, part, clause, before, context, after, _ = items[index]
        if not _is_ratio(row):
            # "惠及华东地区5000万家庭2亿多人": a figure right after another shares its words
            subject = (before if _HAN.search(before) else context) + after
            sub_part = before.lstrip().startswith(SUB_PART)
            if _SHARE_XINJIANG.search(context) or _SHARE_CHINA.search(context):
                # "占全疆煤炭预测储量2.19万亿吨的17.8%": the whole a share is of, not a measure
                bindings.append(Binding(row, row, subject, "whole", clause, "own", sub_part))
            else:
                bindings.append(Binding(row, row, subject, "", clause, "own", sub_part))
                quantities.append((part, bindings[-1]))
            previous_relation = ""
            index += 1
            continue
        relation = _relation(context, previous_relation)
        # a ratio of a quantity takes its subject, and is a part where the quantity is (其中…)
        earlier = [quantity for start, quantity in quantities if start == part]
        if _RESPECTIVELY in context:
            run = [items[index]]
            while (
                index + len(run) < len(items)
                and _is_ratio(items[index + len(run)][0])
                and items[index + len(run)][6]
            ):
                run.append(items[index + len(run)])
            if len(earlier) >= len(run):
                for (ratio, *_), quantity in zip(run, earlier[-len(run) :], strict=True):
                    bindings.append(
                        Binding(
                            ratio,
                            quantity.figure,
                            quantity.subject,
                            relation,
                            clause,
                            "respectively",
                            quantity.sub_part,
                        )
                    )
            previous_relation = relation
            index += len(run)
            continue
        previous_relation = relation
        index += 1
        if _names_a_subject(context):
            bindings.append(Binding(row, row, context, relation, clause, "own"))
        elif earlier:
            quantity = earlier[-1]
            bindings.append(
                Binding(
                    row,
                    quantity.figure,
                    quantity.subject,
                    relation,
                    clause,
                    "follows",
                    quantity.sub_part,
                )
            )
    return [_with_part(binding, sentence) for binding in bindings]


def _with_part(binding: Binding, sentence: str) -> Binding:
    """The binding with its part of the sentence, up to the figure."""
    begin, end = _offset(binding.figure)
    start, _ = _clause_bounds(sentence, begin, end, _PART_MARKS)
    return replace(binding, part=sentence[start:end])


def sentence_before(row: dict) -> str:
    """A ledger figure's sentence up to the figure."""
    return str(row["sentence"])[: _offset(row)[0]]


def clause_of(row: dict) -> str:
    """The clause that holds a ledger figure (between commas, semicolons, colons or 、)."""
    sentence = str(row["sentence"])
    start, end = _clause_bounds(sentence, *_offset(row), _CLAUSE_MARKS)
    return sentence[start:end]


def matches(binding: Binding, measure: Measure) -> str:
    """The subject word by which `binding` states `measure`, or "" when it does not."""
    row = binding.figure
    if row["unit"] != measure.unit or binding.relation != measure.relation or binding.sub_part:
        return ""
    if measure.per is not None and row["per"] != measure.per:
        return ""
    if any(word in binding.subject for word in measure.excludes):
        return ""
    if measure.clause_has and not any(word in binding.clause for word in measure.clause_has):
        return ""
    if measure.also and not any(word in binding.part for word in measure.also):
        return ""
    found = [word for word in measure.subjects if word in binding.subject]
    return max(found, key=len) if found else ""


def bind(rows: list[dict], measures: list[Measure]) -> list[tuple[Binding, Measure, str]]:
    """Every (binding, measure, subject word) of a report's body figures; where several measures
    fit one figure, the one named by the longest word wins (电解铝产能 over 产能)."""
    by_sentence: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        by_sentence.setdefault((str(row["source"]), str(row["sentence_start"])), []).append(row)
    found = []
    for sentence_rows in by_sentence.values():
        for binding in sentence_bindings(sentence_rows):
            fits = [
                (len(word), measure, word)
                for measure in measures
                if (word := matches(binding, measure))
            ]
            if not fits:
                continue
            best = max(length for length, _, _ in fits)
            found += [(binding, measure, word) for length, measure, word in fits if length == best]
    return found
