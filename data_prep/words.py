"""Words, not numbers: jieba for subjects, keywords and how much an article is about Zhundong.

Numbers are never read from jieba tokens (it glues 万千瓦 together and splits across line breaks);
quantities are parsed on the cleaned text by `data_prep.quantities`.
"""

import logging
import re
from functools import cache

import jieba
import jieba.analyse
import jieba.posseg

from data_prep import PACKAGE_DIR

USER_DICT = PACKAGE_DIR / "userdict.txt"
# Places that make an article about the zone: the zone itself, its new towns and its parks.
ZHUNDONG_PLACES = ("准东", "五彩湾", "芨芨湖", "西黑山", "将军庙", "红沙泉", "将军戈壁")
# Function words and verbs that sit between a subject and its number ("产能达到", "共有").
_SUBJECT_STOP = frozenset(
    "的 了 已 已经 达 达到 高达 可达 为 是 在 约 近 超 超过 共 共有 累计 完成 实现 可 将 有 拥有 "
    "和 及 与 并 其中 分别 目前 预计 计划 投入 突破 增长 提升 下降 提高 到 至 以上 逾 占 "
    "上 中 后 前 等 这 这项 一 此外 还 更 也 又 均 各 且 若 若以 以".split()
)
_TRAILING_VERBS = re.compile(
    r"(?:(?:高达|可达|达到|达|为|是|约|近|超过|超|共|累计|完成|实现|突破|等|的)+)$"
)
_PUNCT = re.compile(r"[\s，,。、；;：:“”‘’（）()《》「」『』！!？?\-—/·+＋]+")


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(USER_DICT))
    jieba.initialize()
    return jieba.dt


def cut(text: str) -> list[str]:
    """Words of `text` (punctuation and spaces dropped)."""
    _tokenizer()
    return [word for word in jieba.lcut(text) if word.strip() and not _PUNCT.fullmatch(word)]


def keywords(text: str, top: int = 8) -> list[str]:
    """The `top` TF-IDF keywords of a text, most telling first."""
    _tokenizer()
    return [word for word in jieba.analyse.extract_tags(text, topK=top * 2) if not word.isdigit()][
        :top
    ]


def zhundong_mentions(text: str) -> int:
    """How many words of `text` name the zone, its new towns or its parks."""
    return sum(any(place in word for place in ZHUNDONG_PLACES) for word in cut(text))


def subject(clause: str, max_chars: int = 14) -> str:
    """What a figure measures, from the words right before it in its clause.

    "已建成电解铝产能" -> "电解铝产能"; "占新疆的" -> "占新疆" (shares keep their 占).
    """
    clause = _TRAILING_VERBS.sub("", clause.strip())
    words = cut(clause)
    share = bool(words) and (words[0] == "占" or "占" in words[-3:])
    while words and words[-1] in _SUBJECT_STOP:
        words.pop()
    while words and words[0] in _SUBJECT_STOP:
        words.pop(0)
    kept: list[str] = []
    for word in reversed(words):
        if word in _SUBJECT_STOP and kept:
            break
        if sum(map(len, kept)) + len(word) > max_chars:
            break
        kept.insert(0, word)
    text = "".join(kept)
    return f"占{text}" if share and text and not text.startswith("占") else text


# Parts of speech that can end a subject: nouns, verbal nouns and Latin words.
_NOUN_TAGS = ("n", "vn", "ng", "nz", "eng")
# Names of companies and places say who, not what: a subject is a thing measured.
_NAME_TAGS = ("nt", "ns", "nr")


# Words jieba tags as nouns that never name what a figure measures.
_NOT_SUBJECTS = frozenset("代表 核准 建成 未来 历经 落地 目前 当前 今年 去年".split())


def _is_subject_word(word: str, tag: str) -> bool:
    return (
        tag.startswith(_NOUN_TAGS) and not tag.startswith(_NAME_TAGS) and word not in _NOT_SUBJECTS
    )


def is_noun_phrase(text: str) -> bool:
    """Whether `text` ends in a noun that is not a name (产能, 产业工人; not 建成, not 东明塑胶)."""
    _tokenizer()
    pairs = [pair for pair in jieba.posseg.lcut(text) if pair.word.strip()]
    return bool(pairs) and _is_subject_word(pairs[-1].word, pairs[-1].flag)


def noun_phrase_after(text: str, max_chars: int = 14) -> str:
    """The noun phrase that opens `text`: "单晶硅切片产能和2个…" -> "单晶硅切片产能"."""
    _tokenizer()
    kept: list[str] = []
    for pair in jieba.posseg.lcut(text):
        if pair.word == "等" and kept:
            continue
        if not _is_subject_word(pair.word, pair.flag):
            break
        if sum(map(len, kept)) + len(pair.word) > max_chars:
            break
        kept.append(pair.word)
    return "".join(kept)
