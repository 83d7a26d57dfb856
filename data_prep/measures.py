"""Which measure a figure states, read from its own clause.

A catalog metric names a measure composed of the vocabulary's parts (data_prep/vocabulary.toml):
an object (煤炭), an indicator (产量), qualifiers (预测, 已建成, 累计), a unit, and for a ratio its
relation to the quantity it speaks of (a share of Xinjiang, a growth rate). A figure is bound to
a measure when the parts named in its own clause agree with the measure's, whatever words stand
between them ("预测煤炭储量", "煤炭预测储量" and "煤田预测煤炭资源储量" are one measure), never by
words found somewhere else in a long sentence:

- a quantity takes the subject of its clause: "全年原煤产量达2.38亿吨";
- a share, growth or decline with no subject of its own ("同比增长14.9%", "占全疆的43%") belongs to
  the quantity it follows in its part of the sentence and takes that quantity's subject;
- one with a subject of its own is about that subject: "占全疆电解铝产量的47.5%" is a share of
  aluminium output, whatever the clause before it was about;
- "分别占全疆的40%、18%和12%" gives the ratios to the quantities before it, in order;
- a part led by 其中 is a part of the measure, not the measure;
- a clause that names nothing but a qualifier ("规划煤电装机规模3373万千瓦，已建成2725万千瓦") takes
  the object and indicator its part of the sentence named before it;
- a qualifier of status (规划, 已建成, 预测) or of period (累计, 日均, 上半年, 十三五期间) that
  the measure does not ask for keeps the figure from it: a cumulative total never binds to a year's
  figure, a plan never to what is built.
"""

import re
import threading
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from data_prep import meaning

# Units that relate one quantity to another.
RATIO_UNITS = ("%", "百分点")
# Units that count what follows them: "21家火电厂".
COUNTED = ("个", "家", "处", "座", "项", "台", "条", "所", "批")
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


VOCABULARY = Path(__file__).parent / "vocabulary.toml"
# Words that say how much, not what: left out when asking whether a clause names anything of its
# own besides its qualifiers ("已建成2725万千瓦", "总产能达3.542亿吨").
_FILLER = re.compile(
    r"达到|高达|达|约|超过|超|近|为|总|完成|实现|全年|今年|去年|目前|年底|年末|已|可|共计|共|合计|以上"
    r"|了|的|突破|拥有|有|其中|并|和|及|与|是|在|其|年|规模|“|”|\d|分别"
)


@dataclass(frozen=True)
class Vocabulary:
    """The parts measures are composed of; see the header of vocabulary.toml."""

    words: tuple[tuple[str, str, str], ...]  # (word, kind, name), longest first
    implied_object: dict[str, str]
    flows: frozenset[str]
    groups: dict[str, str]  # qualifier -> status | period
    periods: dict[str, str]  # period qualifier -> cumulative | span | average | daily | part_year
    patterns: tuple[tuple[re.Pattern, str], ...]  # (pattern, qualifier)
    compounds: dict[str, tuple[str, str]]
    zone_object: str = ""

    @property
    def names(self) -> dict[str, tuple[str, str]]:
        """word -> (kind, name); where one word has two meanings, the first listed."""
        return _names(self.words)

    @property
    def pattern(self) -> re.Pattern:
        return _alternation(tuple(word for word, _, _ in self.words))


@cache
def _names(words: tuple[tuple[str, str, str], ...]) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for word, kind, name in words:
        names.setdefault(word, (kind, name))
    return names


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    """One pattern of all `words`, longest first, so that the longest word at a place wins."""
    return re.compile(
        "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    )


# The words reviewers' decisions taught (seeds/taught.toml, data_prep/teach.py), merged into the
# vocabulary: (path, a stamp of its content) as this thread's last build set it with use_taught()
# (per thread: two sessions of one server may build from two seeds folders, a preview's scratch
# copy and the real one, at once).
_TAUGHT = threading.local()


def taught_in_use() -> tuple[Path | None, tuple[int, int] | None]:
    return getattr(_TAUGHT, "taught", (None, None))


def use_taught(seeds_dir: Path) -> None:
    """Merge the taught words of `seeds_dir` into the vocabulary from now on (a build calls it
    first, so that a word taught since the last build counts)."""
    from data_prep.teach import taught_path

    path = taught_path(seeds_dir)
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    _TAUGHT.taught = (path, stamp)


def vocabulary(path: Path = VOCABULARY) -> Vocabulary:
    return _vocabulary(path, *taught_in_use())


@cache
def _vocabulary(path: Path, taught: Path | None, stamp: tuple[int, int] | None) -> Vocabulary:
    from data_prep.errors import InputError
    from data_prep.teach import load_taught

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot be read as TOML: {error}") from None
    for entry in load_taught(taught) if taught is not None and stamp is not None else []:
        if entry.kind not in ("objects", "indicators"):
            continue  # a company: data_prep/projects.py
        if entry.name not in data.get(entry.kind, {}):
            raise InputError(taught, f"{entry.word}: {entry.kind}.{entry.name} is unknown")
        known = data[entry.kind][entry.name].setdefault("words", [])
        if entry.word not in known:
            known.append(entry.word)
    words: list[tuple[str, str, str]] = []
    for kind in ("objects", "indicators", "qualifiers"):
        for name, entry in data.get(kind, {}).items():
            if not entry.get("words") and not entry.get("patterns"):
                raise InputError(path, f"{kind}.{name} has no words")
            words += [(word, kind, name) for word in entry.get("words", [])]
    compounds = {}
    for word, entry in data.get("compounds", {}).items():
        for kind, key in (("objects", "object"), ("indicators", "indicator")):
            if entry.get(key) not in data.get(kind, {}):
                raise InputError(path, f"compounds.{word}: {key} {entry.get(key)!r} is unknown")
        compounds[word] = (entry["object"], entry["indicator"])
        words.append((word, "compounds", word))
    zone = data.get("zone", {})
    words += [(word, "zone", "zone") for word in zone.get("words", [])]
    # a place's name is no part of a measure: 全疆煤炭 holds no 疆煤
    regions = meaning.REGIONS_DATA
    words += [
        (word, "place", name) for name, entry in regions.items() for word in entry.get("words", [])
    ]
    qualifiers = data.get("qualifiers", {})
    return Vocabulary(
        words=tuple(sorted(words, key=lambda item: -len(item[0]))),
        implied_object={
            name: entry["object"]
            for name, entry in data.get("indicators", {}).items()
            if "object" in entry
        },
        flows=frozenset(
            name
            for kind in ("objects", "indicators")
            for name, entry in data.get(kind, {}).items()
            if entry.get("flow")
        ),
        groups={name: entry["group"] for name, entry in qualifiers.items()},
        periods={name: entry["period"] for name, entry in qualifiers.items() if "period" in entry},
        patterns=tuple(
            (re.compile(pattern), name)
            for name, entry in qualifiers.items()
            for pattern in entry.get("patterns", [])
        ),
        compounds=compounds,
        zone_object=zone.get("object", ""),
    )


@dataclass(frozen=True)
class Parts:
    """The parts of a measure a text names: the object and indicator nearest the figure, and every
    qualifier."""

    object: str = ""
    indicator: str = ""
    qualifiers: frozenset[str] = frozenset()

    def period(self) -> str:
        """year, or the period a qualifier names (cumulative, span, average, daily, part_year)."""
        periods = vocabulary().periods
        named = sorted(periods[q] for q in self.qualifiers if q in periods)
        return named[0] if named else "year"

    def status(self) -> frozenset[str]:
        groups = vocabulary().groups
        return frozenset(q for q in self.qualifiers if groups.get(q) == "status")


def tokens(text: str) -> list[tuple[int, str, str, str]]:
    """(position, word, kind, name) of every vocabulary word in `text`, longest match first from
    left to right: a word inside a longer one is not read again."""
    vocab = vocabulary()
    found = [
        (match.start(), match.group(0), *vocab.names[match.group(0)])
        for match in vocab.pattern.finditer(text)
    ]
    for pattern, name in vocab.patterns:
        found += [(m.start(), m.group(0), "qualifiers", name) for m in pattern.finditer(text)]
    return sorted(found)


def _named(text: str, zone: bool = False) -> tuple[list[str], list[str], set[str]]:
    """The objects, indicators and qualifiers `text` names, in order; with `zone`, the zone's
    own names count as its object where `text` names no other."""
    objects, indicators, qualifiers = [], [], set()
    zone_named = False
    for _, _, kind, name in tokens(text):
        if kind == "zone":
            zone_named = True
        elif kind == "compounds":
            obj, indicator = vocabulary().compounds[name]
            objects.append(obj)
            indicators.append(indicator)
        elif kind == "objects":
            objects.append(name)
        elif kind == "indicators":
            indicators.append(name)
        elif kind == "qualifiers":
            qualifiers.add(name)
    if zone and zone_named and not objects:
        objects.append(vocabulary().zone_object)
    return objects, indicators, qualifiers


def is_bare(text: str) -> bool:
    """Whether `text` names nothing but vocabulary words and words of how much."""
    rest = text
    for _, word, _, _ in tokens(text):
        rest = rest.replace(word, "", 1)
    return len(_HAN.findall(_FILLER.sub("", rest))) < 2


def parts_of(before: str, after: str = "", earlier: str = "", counted: bool = False) -> Parts:
    """The parts a figure's clause names: `before` the figure, `after` it (to the clause's end)
    and, for what the clause leaves unnamed, `earlier` (its part of the sentence before it). A
    count (`counted`) counts the object that follows it."""
    objects, indicators, qualifiers = _named(before)
    after_objects, after_indicators, after_qualifiers = _named(after)
    if counted and after_objects:
        obj = after_objects[0]
    else:
        obj = objects[-1] if objects else (after_objects[0] if after_objects else "")
    indicator = indicators[-1] if indicators else (after_indicators[0] if after_indicators else "")
    qualifiers |= after_qualifiers
    if earlier and is_bare(before + after):
        earlier_objects, earlier_indicators, earlier_qualifiers = _named(earlier)
        groups = vocabulary().groups
        own_groups = {groups[q] for q in qualifiers}
        if not obj and earlier_objects:
            obj = earlier_objects[-1]
        if not indicator and earlier_indicators:
            indicator = earlier_indicators[-1]
        # a status the clause leaves unnamed is the earlier one's (已核准…，总产能); a period
        # is read for the whole part (see _parts)
        qualifiers |= {
            q for q in earlier_qualifiers if groups[q] == "status" and "status" not in own_groups
        }
    if not obj and indicator:
        obj = vocabulary().implied_object.get(indicator, "")
    if not obj:
        zone_objects = _named(before + after, zone=True)[0]
        obj = zone_objects[-1] if zone_objects else ""
    return Parts(obj, indicator, frozenset(qualifiers))


@dataclass(frozen=True)
class Measure:
    """What a catalog metric measures; see the header of catalog.toml."""

    metric_id: str
    object: str
    indicator: str
    unit: str
    qualifiers: frozenset[str] = frozenset()  # each must be named
    accepts: frozenset[str] = frozenset()  # may be named
    relation: str = ""  # "" | share_xinjiang | share_china | growth | decline
    statement: str = "fact"
    per: str | None = None  # None: any; "": a stock; "年": per year
    period: str = "year"  # year | stock | cumulative | span | average | daily | part_year

    @property
    def subjects(self) -> tuple[str, ...]:
        """Its canonical name first: the words of the vocabulary's names."""
        return (self.object + self.indicator,)


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
    parts: Parts = field(default_factory=Parts)


def measure_of(metric: dict) -> Measure | None:
    """The measure of a catalog metric, or None when it names none (seed-only entries); a part
    the vocabulary lacks stops the build, naming the metric."""
    from data_prep.errors import InputError

    spec = metric.get("measure")
    if not spec:
        return None
    data = tomllib.loads(VOCABULARY.read_text(encoding="utf-8"))
    known = {
        "object": data.get("objects", {}),
        "indicator": data.get("indicators", {}),
    }
    for key, names in known.items():
        if spec.get(key, "") and spec[key] not in names:
            raise InputError(
                VOCABULARY, f"metric {metric['metric_id']}: {key} {spec[key]!r} is not in it"
            )
    for name in [*spec.get("qualifiers", []), *spec.get("accepts", [])]:
        if name not in data.get("qualifiers", {}):
            raise InputError(
                VOCABULARY, f"metric {metric['metric_id']}: qualifier {name!r} is not in it"
            )
    indicator = spec.get("indicator", "")
    flow = indicator in vocabulary().flows or spec.get("relation", "") in ("growth", "decline")
    return Measure(
        metric_id=metric["metric_id"],
        object=spec["object"],
        indicator=indicator,
        unit=spec["unit"],
        qualifiers=frozenset(spec.get("qualifiers", [])),
        accepts=frozenset(spec.get("accepts", [])),
        relation=spec.get("relation", ""),
        statement=spec.get("statement", "fact"),
        per=spec.get("per"),
        period=spec.get("period", "year" if flow else "stock"),
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
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def _names_only_the_zone(text: str) -> bool:
    """Whether `text` names the zone (or one of its parks) and nothing else of a measure."""
    found = tokens(text)
    zone = any(kind == "zone" or name == "zhundong" for _, _, kind, name in found)
    return (
        zone
        and is_bare(text)
        and not any(kind in ("objects", "indicators", "compounds") for _, _, kind, _ in found)
    )


def _in_brackets(sentence: str, begin: int) -> bool:
    opened = max(sentence.rfind("（", 0, begin), sentence.rfind("(", 0, begin))
    closed = max(sentence.rfind("）", 0, begin), sentence.rfind(")", 0, begin))
    return opened > closed


def _agree(ratio: Parts, quantity: Parts) -> bool:
    """Whether a ratio's own words name less of the measure of the quantity before it, and
    nothing else: "占全疆储量的17.8%" after "预测煤炭储量3900亿吨"."""
    if not (ratio.object or ratio.indicator) or ratio == quantity:
        return False
    return ratio.object in ("", quantity.object) and ratio.indicator in ("", quantity.indicator)


# A year of its own: the clause is about that year, whatever span an earlier clause named.
_OWN_YEAR = re.compile(r"全年|今年|去年|当年|年内|20\d\d年")


def _parts(own: str, after: str, earlier: str, counted: bool = False) -> Parts:
    """The parts of a figure's clause; a period an earlier clause of its part named ("五年来，…",
    "上半年，…") holds unless the clause names a period or a year of its own."""
    parts = parts_of(own, after, earlier, counted)
    if parts.period() == "year" and not _OWN_YEAR.search(own):
        groups = vocabulary().groups
        named = _named(earlier)[2]
        periods = {q for q in named if groups[q] == "period"}
        parts = replace(parts, qualifiers=parts.qualifiers | periods)
    return parts


def sentence_bindings(rows: list[dict]) -> list[Binding]:
    """The bindings of the figures of one sentence (its ledger rows)."""
    rows = sorted(rows, key=lambda row: int(row["start"]))
    sentence = str(rows[0]["sentence"])
    items = []  # (row, part start, clause, before, context, follows a figure directly)
    previous_end = 0
    for row in rows:
        begin, end = _offset(row)
        if _in_brackets(sentence, begin):
            # "占全疆储量（2.19万亿吨）的17.8%": the whole a share is of, not a measure
            items.append((row, -1, "", "", "", "", False, Parts()))
            continue
        clause_start, clause_end = _clause_bounds(sentence, begin, end, _CLAUSE_MARKS)
        part_start, _ = _clause_bounds(sentence, begin, end, _PART_MARKS)
        before = sentence[max(clause_start, previous_end) : begin]
        listed = previous_end > 0 and bool(_LIST_GAP.match(sentence[previous_end:begin]))
        own = before if _HAN.search(before) else sentence[clause_start:begin]
        earlier = sentence[part_start : begin - len(own)]
        items.append(
            (
                row,
                part_start,
                sentence[clause_start:clause_end],
                before,
                sentence[clause_start:begin],
                sentence[end:clause_end],
                listed,
                _parts(own, sentence[end:clause_end], earlier, row["unit"] in COUNTED),
            )
        )
        previous_end = end
    bindings: list[Binding] = []
    quantities: list[tuple[int, Binding]] = []  # (part start, the quantity's own binding)
    previous_relation = ""
    index = 0
    while index < len(items):
        row, part, clause, before, context, after, _, parts = items[index]
        if part < 0:
            bindings.append(Binding(row, row, "", "whole", clause_of(row), "own"))
            index += 1
            continue
        if not _is_ratio(row):
            # "惠及华东地区5000万家庭2亿多人": a figure right after another shares its words
            subject = (before if _HAN.search(before) else context) + after
            # a 其中 part of another kind (其中露天煤矿产量) is no total; one of another period
            # (其中“十三五”期间完成1000亿元, 其中今年完成…) is the measure over that period, and
            # one of another indicator (发电量…，其中外送电量…) a measure of its own
            totals = [q.parts for start, q in quantities if start == part]
            if before.lstrip().startswith(SUB_PART) and totals and _names_only_the_zone(before):
                # "我州原煤产量4.1亿吨，其中准东开发区2.4亿吨": the zone's part of that measure
                parts = replace(totals[-1], qualifiers=totals[-1].qualifiers | parts.qualifiers)
                before = before.replace(SUB_PART, "", 1)
            sub_part = before.lstrip().startswith(SUB_PART) and not (
                parts.period() != "year"
                or _OWN_YEAR.search(before)
                or (totals and parts.indicator and parts.indicator != totals[-1].indicator)
            )
            if _SHARE_XINJIANG.search(context) or _SHARE_CHINA.search(context):
                # "占全疆煤炭预测储量2.19万亿吨的17.8%": the whole a share is of, not a measure
                bindings.append(
                    Binding(row, row, subject, "whole", clause, "own", sub_part, parts=parts)
                )
            else:
                bindings.append(
                    Binding(row, row, subject, "", clause, "own", sub_part, parts=parts)
                )
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
                            parts=quantity.parts,
                        )
                    )
            previous_relation = relation
            index += len(run)
            continue
        previous_relation = relation
        index += 1
        own_parts = _parts(_BRACKETED.sub("", context), "", "")
        names_own = _names_a_subject(context)
        if names_own and not (earlier and _agree(own_parts, earlier[-1].parts)):
            bindings.append(Binding(row, row, context, relation, clause, "own", parts=own_parts))
        elif earlier:
            # no subject of its own, or its own agrees with the quantity before ("占全疆储量的
            # 17.8%" after "预测煤炭储量3900亿吨"): a ratio of that same measure
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
                    parts=quantity.parts,
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
    """The words by which `binding` states `measure` (its canonical name where the figure uses
    the vocabulary's own names), or "" when it does not."""
    row, parts = binding.figure, binding.parts
    if row["unit"] != measure.unit or binding.relation != measure.relation or binding.sub_part:
        return ""
    if measure.per is not None and row["per"] != measure.per:
        return ""
    if parts.object != measure.object:
        return ""
    if measure.indicator and parts.indicator != measure.indicator:
        return ""
    if not measure.qualifiers <= parts.qualifiers:
        return ""
    if parts.status() - measure.qualifiers - measure.accepts:
        return ""
    period = parts.period()
    if period != measure.period and not (
        measure.period == "stock" and period in ("year", "cumulative")
    ):
        return ""
    return measure.subjects[0] if measure.subjects[0] in binding.subject else binding.subject


def specificity(measure: Measure) -> int:
    """How many parts a measure asks for: where two fit one figure, the one that asks more wins."""
    return 1 + bool(measure.indicator) + len(measure.qualifiers)


def bind(rows: list[dict], measures: list[Measure]) -> list[tuple[Binding, Measure, str]]:
    """Every (binding, measure, subject words) of a report's body figures; where several measures
    fit one figure, the one that asks for more parts wins."""
    by_sentence: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        by_sentence.setdefault((str(row["source"]), str(row["sentence_start"])), []).append(row)
    found = []
    for sentence_rows in by_sentence.values():
        for binding in sentence_bindings(sentence_rows):
            fits = [
                (specificity(measure), measure, word)
                for measure in measures
                if (word := matches(binding, measure))
            ]
            if not fits:
                continue
            best = max(length for length, _, _ in fits)
            found += [(binding, measure, word) for length, measure, word in fits if length == best]
    return found
