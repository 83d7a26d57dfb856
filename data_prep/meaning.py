"""What a figure's sentence claims: its scope, its kind of statement and the period it describes.

One place decides these, from the words of the sentence and of the clause that holds the figure,
so that curation, `check` and the dashboard agree. The rules are tables: the first rule whose
words stand in the text wins.
"""

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

from data_prep.errors import InputError

# Statement kinds, tried on the figure's clause first, then on its sentence. Conditions and plans
# come before forecasts and goals: "建成后将实现…" is a condition, not a forecast.
# A rule is a tuple of alternatives; an alternative joined by "+" needs all its words.
KIND_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("condition", ("建成后", "投产后", "若以", "若将", "若能", "如果", "一旦", "当+时")),
    (
        "plan",
        (
            "谋划",
            "力争",
            "计划",
            "拟建",
            "乘势而上",
            "着力打造",
            "加快打造",
            "加快推进+重点项目",
        ),
    ),
    ("forecast", ("预计", "预测到", "有望")),
    ("goal", ("奋斗目标", "明确提出", "目标", "到YEAR", "翻番", "翻一番")),
]
_GOAL_YEAR = re.compile(r"到20\d\d年")
KINDS = ("fact", "goal", "forecast", "plan", "condition")
# Words that make a clause a reported actual whatever the sentence said before it:
# "规划煤电装机规模3373万千瓦，已建成2725万千瓦".
FACT_MARKERS = ("已建成", "已核准", "已形成", "已投产", "已落地", "已拥有")
# A planned size names what is planned, in the figure's own clause only: "规划煤电装机规模
# 3373万千瓦" is a plan; "…规划面积8.47平方公里，汇聚产业工人30000余名" leaves the workers a fact.
PLANNED_SIZE = ("规划煤电", "规划面积", "规划装机", "规划产能")

# Scope: the place a figure is about. A share of a wider area ("占全疆的43%") and anything that
# names 准东 or one of its parks is about 准东; then other zones, the prefecture, the province and
# the nation; a figure with none of these words is about 准东 (every seed report is about the zone).
# The words are data: data_prep/regions.toml.
REGIONS = Path(__file__).parent / "regions.toml"


def _regions() -> dict:
    try:
        return tomllib.loads(REGIONS.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(REGIONS, f"cannot be read as TOML: {error}") from None


_REGIONS = _regions()
REGIONS_DATA = _REGIONS
ZHUNDONG_WORDS = tuple(_REGIONS["zhundong"]["words"])
OTHER_PLACES = tuple(_REGIONS["other_zone"]["words"])
SCOPE_RULES: list[tuple[str, tuple[str, ...]]] = [
    (name, tuple(_REGIONS[name]["words"]))
    for name in ("other_zone", "prefecture", "xinjiang", "china")
]
SCOPES = ("zhundong", "prefecture", "xinjiang", "china", "other_zone")
# Names that hold a place's name but name a company or an authority (国家能源集团, 国家发改委),
# and comparisons with a wider place (全国单体产能最大的…): neither is what a sentence is about.
_NAMES = tuple(sorted(_REGIONS.get("names", {}).get("words", []), key=len, reverse=True))
_COMPARISONS = tuple(
    re.compile(pattern) for pattern in _REGIONS.get("comparisons", {}).get("patterns", [])
)
SHARE_OF = re.compile(r"占(全疆|新疆|全国|全区|自治区)[的]?|国家级新疆准东")
_SHARE_ONLY = re.compile(r"占(全疆|新疆|全国|全区|自治区)[的]?")


def without_names(text: str) -> str:
    """`text` with the names that hold a place's name, and its comparisons, blanked (same length,
    so positions hold)."""
    for name in _NAMES:
        text = text.replace(name, "　" * len(name))
    for pattern in _COMPARISONS:
        text = pattern.sub(lambda match: "　" * len(match.group(0)), text)
    return text


def _without_shares(text: str) -> str:
    """`text` less the wholes its shares are of: "外送电量占全疆发电量的25.2%" names no place of its
    own; "国家级新疆准东" names 准东."""
    return _SHARE_ONLY.sub("", text.replace("国家级新疆准东", "准东"))


# Periods named by words, with the year they give relative to the report's year (None: a fixed
# year). "十四五" ends in 2025.
PERIOD_WORDS: list[tuple[str, str, int | None, int | None]] = [
    # (words, period, fixed year, offset from the report's year)
    ("十四五”规划收官", "十四五收官", 2025, None),
    ("十四五规划收官", "十四五收官", 2025, None),
    ("十四五收官", "十四五收官", 2025, None),
    ("十四五”期间", "十四五期间", 2025, None),
    ("十四五期间", "十四五期间", 2025, None),
    ("去年", "去年", None, -1),
    ("今年以来", "今年以来", None, 0),
    ("今年上半年", "上半年", None, 0),
    ("今年", "今年", None, 0),
    ("目前", "目前", None, 0),
]
YEAR = re.compile(r"(20\d\d)年")

# year_basis values, in the order they are tried.
BASIS_SENTENCE = "sentence"  # a year written next to the figure (the ledger's year)
BASIS_PERIOD = "period word"  # 十四五收官, 去年 …
BASIS_SENTENCE_YEAR = "year in sentence"  # the one year the sentence names
BASIS_ARTICLE_YEAR = "year of the article"  # 全年 / 年底 in a results report of a written year
BASIS_REPORT = "report date"  # 今年 / 目前 or nothing else possible
# Words that tie a figure to a whole year the article has named: "全年原煤产量达2.38亿吨".
YEAR_BOUND = ("全年", "年底", "年末", "年内")


def statement_kind(clause: str, lead: str) -> str:
    """fact / goal / forecast / plan / condition, from the figure's clause, else from its lead:
    the words of its sentence that lead up to it (a 预计 or 若 governs what follows it, not what
    stands before it, and a semicolon starts anew)."""
    # "到2030年" sets a goal; "达到20万吨" does not.
    clause, lead = _GOAL_YEAR.sub("到YEAR", clause), _GOAL_YEAR.sub("到YEAR", lead)
    for text in (clause, lead):
        if text is clause and any(word in clause for word in FACT_MARKERS):
            return "fact"
        if text is clause and any(word in clause for word in PLANNED_SIZE):
            return "plan"
        for kind, alternatives in KIND_RULES:
            if any(all(w in text for w in a.split("+")) for a in alternatives):
                return kind
    return "fact"


def scope(subject: str, clause: str) -> str:
    """zhundong / xinjiang / china / other_zone: from the figure's subject, else its clause."""
    subject, clause = without_names(subject), without_names(clause)
    subject, clause = SHARE_OF.sub("准东", subject), SHARE_OF.sub("准东", clause)
    if any(word in subject or word in clause for word in ZHUNDONG_WORDS):
        return "zhundong"
    for text in (subject, clause):
        for name, words in SCOPE_RULES:
            if any(word in text for word in words):
                return name
    return "zhundong"


def _place(text: str, last: bool) -> str | None:
    """The scope of the last (or first) place `text` names, or None; "占全疆" is no place: it
    says of what a share is."""
    text = _without_shares(without_names(text))
    found = [
        (text.rfind(word) if last else -text.find(word), name)
        for name, words in [("zhundong", ZHUNDONG_WORDS), *SCOPE_RULES]
        for word in words
        if word in text
    ]
    return max(found)[1] if found else None


def named_scope(text: str) -> str | None:
    """The scope of the last place `text` names, or None when it names none."""
    return _place(text, last=True)


def first_scope(text: str) -> str | None:
    """The scope of the first place `text` names: the topic of a sentence ("准东煤田是我国最大的
    整装煤田" is about 准东), or None."""
    return _place(text, last=False)


def scope_in_context(subject: str, clause: str, sentence_before: str, paragraph: str) -> str:
    """A figure's scope from its subject and clause; else the place its sentence is about (the
    first it names before the figure: "全疆原煤产量5.4亿吨，发电量…" are both Xinjiang's); else the
    last place named earlier in its paragraph; else 准东."""
    own = named_scope(subject) or named_scope(clause)
    if own:
        return scope(subject, clause) if own == "zhundong" else own
    return first_scope(sentence_before) or named_scope(paragraph) or "zhundong"


def zone_figure_in(sentence: str, headline: str) -> bool:
    """Whether a figure of `sentence` may be the zone's in an article under `headline`: an article
    whose headline is about Changji, Xinjiang, China or another zone (and not the zone) speaks of
    its own topic where a sentence names no place of the zone ("昌吉州一季度工业经济…": its
    "“疆电外送”累计输送电量" is the prefecture's)."""
    topic = first_scope(headline)
    if topic in (None, "zhundong") or any(word in headline for word in ZHUNDONG_WORDS):
        return True
    return any(word in without_names(sentence) for word in ZHUNDONG_WORDS)


def period(
    figure_year: int | str | None,
    clause: str,
    sentence: str,
    report_year: int,
    earlier: str = "",
) -> tuple[int, str, str]:
    """(year, period, year_basis) of a figure.

    A year written with the figure wins; then a period word of the clause or the sentence
    (十四五收官 → 2025, 去年 → the report's year − 1, 今年/目前 → the report's year); then the one
    year the sentence names; then, for 全年/年底, the last year the article wrote before it
    (`earlier`: its headline and text up to the sentence); only then the report's year, and the
    basis says so.
    """
    written = YEAR.search(sentence) is not None
    if figure_year not in (None, "") and written:
        return int(figure_year), "", BASIS_SENTENCE
    # No year written: a year the ledger has came from a word (今年, 去年); the word decides.
    for text in (clause, sentence):
        text = text.replace("项目前", "")  # 项目前期 is no 目前
        for words, name, fixed, offset in PERIOD_WORDS:
            if words in text:
                year = fixed if fixed is not None else report_year + (offset or 0)
                basis = BASIS_REPORT if offset == 0 else BASIS_PERIOD
                return year, name, basis
    if figure_year not in (None, ""):
        return int(figure_year), "", BASIS_SENTENCE
    years = set(YEAR.findall(sentence))
    if len(years) == 1:
        return int(years.pop()), "", BASIS_SENTENCE_YEAR
    before = [int(y) for y in YEAR.findall(earlier) if int(y) <= report_year]
    if before and any(word in sentence for word in YEAR_BOUND):
        return before[-1], "", BASIS_ARTICLE_YEAR
    return report_year, "", BASIS_REPORT


def target_kind(statement: str) -> str:
    """A target as the report states it: goal (a policy's goal), forecast (预计), or ambition
    (a goal with no year)."""
    return {"forecast": "forecast", "goal": "goal"}.get(statement, "ambition")


def required_growth(actual: float, goal: float, years: float) -> float | None:
    """Annual growth that takes `actual` to `goal` in `years`: (goal / actual)^(1/years) − 1."""
    if actual <= 0 or goal <= 0 or years <= 0:
        return None
    return (goal / actual) ** (1 / years) - 1


def _plain(value: float, lang: str) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if lang == "en" else f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def needed_growth_words(
    actual: float,
    actual_year: int,
    goal: float,
    goal_year: int,
    need: float,
    shown: Callable[[float, str], str] | None = None,
) -> tuple[str, str]:
    """The growth a goal needs, in words: "从2025年的3万人到2027年的10万人，每年需增长约82.6%"."""
    show = shown or _plain
    years = goal_year - actual_year
    zh = (
        f"从{actual_year}年的{show(actual, 'zh')}到{goal_year}年的{show(goal, 'zh')}，"
        f"{years}年间每年需增长约{need:.1%}"
    )
    en = (
        f"Going from {show(actual, 'en')} in {actual_year} to {show(goal, 'en')} in {goal_year} "
        f"takes about {need:.1%} growth a year for {years} years;"
    )
    return zh, en


def reading(
    actual: float | None,
    actual_year: int | None,
    goal: float,
    goal_year: int | None,
    reported_growth: float | None,
    growth_measure: str,
    target_measure: str,
    shown: Callable[[float, str], str] | None = None,
) -> tuple[str, str, str]:
    """(reading, reason_zh, reason_en): on_track / at_risk / cannot_judge.

    A reading needs a reported actual of the target's own measure and a growth rate of that same
    measure; anything else cannot be judged, and the reason says why. `shown(value, lang)` writes
    an amount in the reader's unit ("2600亿元"); the needed growth is said in words with them.
    """
    if actual is None:
        return (
            "cannot_judge",
            "未报道现值：报道未给出该指标的实际值，无法判断。",
            "No current value reported: no report states an actual of this measure.",
        )
    if goal_year is None or actual_year is None or goal_year <= actual_year:
        return (
            "cannot_judge",
            "目标无年份或实际值年份不早于目标年份，无法判断。",
            "The target has no year, or the actual is not earlier than it.",
        )
    if actual >= goal:
        met = "The reported actual already meets the target."
        return ("on_track", "报道的实际值已达到目标。", met)
    need = required_growth(actual, goal, goal_year - actual_year)
    if reported_growth is None or growth_measure != target_measure:
        why_zh = NOT_COMPARABLE_ZH if growth_measure else "报道中没有同一指标的增速。"
        why_en = NOT_COMPARABLE_EN if growth_measure else "No report gives this measure's growth."
        need_zh, need_en = needed_growth_words(actual, actual_year, goal, goal_year, need, shown)
        return (
            "cannot_judge",
            f"{need_zh}；{why_zh}无法判断。",
            f"{need_en} {why_en} Cannot judge.",
        )
    verdict = "on_track" if reported_growth >= need else "at_risk"
    return (
        verdict,
        f"所需年均增长{need:.1%}，报道增速{reported_growth:.1%}。",
        f"Needs {need:.1%} a year; reported growth {reported_growth:.1%}.",
    )


# Why the one growth rate the reports give does not judge an output target.
NOT_COMPARABLE_ZH = (
    "报道的增速是规上工业增加值增长（可比价、规模以上企业），与工业总产值（现价、全部企业）不是同一指标，"
    "不能用来判断。"
)
NOT_COMPARABLE_EN = (
    "The reported growth is of value added by large industrial firms (comparable prices); the "
    "target is gross industrial output (current prices, all firms): not the same measure."
)
