"""What a reviewer's decision teaches the vocabulary of measures.

When a reviewer assigns a figure to a metric (or corrects a proposal to another metric) and the
figure's own clause names the metric's object but calls its indicator by a word the vocabulary
does not know ("原煤开采量" for coal output), or names the indicator and calls the object by an
unknown word, that word is taught: it is written to seeds/taught.toml with the decision that
taught it, who and when, and data_prep/measures.py merges it into the vocabulary, so the next
report phrased the same way is proposed by itself. A reviewer removes a line to unteach it.

The lesson is conservative, since a wrong synonym makes wrong proposals: one word only, of 2 to
6 Chinese characters, standing right beside the part the clause does name, never a number, a
place (vocabulary and regions.toml) or a company (companies.toml), and nothing where the clause
names neither part or both.

A new project a reviewer starts from a figure teaches its company, where the figure's sentence
writes the company's name as the reviewer gave it and companies.toml knows no name in it: kind
"companies", name and word that name; data_prep/projects.py merges it into the companies, so that
the next report's sentence on that company's project is proposed by itself.
"""

import json
import re
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

from data_prep import store
from data_prep.errors import InputError

TAUGHT_FILE = "taught.toml"
KINDS = ("objects", "indicators", "companies")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SHORTEST, _LONGEST = 2, 6
_COMPANY_LONGEST = 16


@dataclass(frozen=True)
class Taught:
    kind: str  # objects | indicators | companies
    name: str  # the vocabulary entry it is a synonym of (煤炭, 产量), or the company's name
    word: str  # the taught word: 开采量 (a company's: its name)
    decision: str  # the proposal id of the decision that taught it
    decided_by: str = ""
    decided_on: str = ""


def taught_path(seeds_dir: Path) -> Path:
    return seeds_dir / TAUGHT_FILE


def load_taught(path: Path) -> list[Taught]:
    """The taught words of `path` (none when it is absent); InputError naming the file and the
    entry for anything malformed."""
    if not path.is_file():
        return []
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("taught", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(path, f"cannot be read as TOML: {error}") from None
    found = []
    for index, entry in enumerate(entries, start=1):
        missing = [key for key in ("kind", "name", "word", "decision") if not entry.get(key)]
        if missing:
            raise InputError(path, f"taught word #{index} lacks {missing[0]}")
        if entry["kind"] not in KINDS:
            raise InputError(path, f"taught word #{index}: kind {entry['kind']!r} not in {KINDS}")
        found.append(
            Taught(**{key: str(entry.get(key, "")) for key in Taught.__dataclass_fields__})
        )
    return found


def taught_text(entries: list[Taught]) -> str:
    lines = [
        "# Words reviewers' decisions taught the vocabulary (data_prep/vocabulary.toml),",
        "# merged into it at every build: the next report phrased the same way is proposed by",
        "# itself. Remove an entry to unteach its word; the decision stays in decisions.toml.",
    ]
    for entry in sorted(entries, key=lambda e: (e.kind, e.name, e.word)):
        lines += ["", "[[taught]]"]
        lines += [
            f"{key} = {json.dumps(value, ensure_ascii=False)}"
            for key, value in asdict(entry).items()
            if value
        ]
    return "\n".join(lines) + "\n"


def lesson(clause: str, raw: str, measure: dict) -> tuple[str, str, str] | None:
    """(kind, name, word) the figure `raw` in its `clause` teaches for a metric's `measure`
    ({object, indicator}), or None where it teaches nothing or one cannot be sure."""
    from data_prep import measures

    obj, indicator = str(measure.get("object", "")), str(measure.get("indicator", ""))
    at = clause.find(raw)
    if not obj or at < 0:
        return None
    before = clause[:at]
    vocab = measures.vocabulary()
    named = measures.tokens(before)
    objects = {vocab.compounds[n][0] if k == "compounds" else n for _, _, k, n in named
               if k in ("objects", "compounds")}  # fmt: skip
    indicators = {vocab.compounds[n][1] if k == "compounds" else n for _, _, k, n in named
                  if k in ("indicators", "compounds")}  # fmt: skip
    objects |= {vocab.implied_object[i] for i in indicators if i in vocab.implied_object}
    if obj in objects and (not indicator or indicator in indicators):
        return None  # the clause names the measure already
    if obj in objects:
        kind, name, beside = "indicators", indicator, "objects"
    elif indicator and indicator in indicators and not objects:
        kind, name, beside = "objects", obj, "indicators"
    else:
        return None  # neither part named, or another object named: unsure
    # what is not a word of the clause's subject: vocabulary words (places and qualifiers
    # included), companies, words of how much, numbers
    masked = [" "] * len(before)
    marks: list[tuple[int, int, str]] = []
    for start, word, found_kind, _ in named:
        part = found_kind in (beside, "compounds")
        marks.append((start, start + len(word), "part" if part else "word"))
    from data_prep import projects

    pattern, _, _ = projects._companies()
    marks += [(m.start(), m.end(), "company") for m in pattern.finditer(before)]
    marks += [(m.start(), m.end(), "filler") for m in measures._FILLER.finditer(before)]
    for start, end, _ in marks:
        masked[start:end] = ["#"] * (end - start)
    text = "".join("#" if m == "#" else c for c, m in zip(before, masked, strict=True))
    runs = list(_HAN.finditer(text))
    if len(runs) != 1:
        return None
    run = runs[0]
    word = run.group(0)
    if not _SHORTEST <= len(word) <= _LONGEST or word in vocab.names:
        return None
    # it stands right beside the part the clause names, and each of its ends is where a whole
    # word begins (not after a one-character word of how much, which may be part of it: 有色金属)
    left = {(end - start, kind_) for start, end, kind_ in marks if end == run.start()}
    right = {(end - start, kind_) for start, end, kind_ in marks if start == run.end()}
    if "part" not in {kind_ for _, kind_ in left | right}:
        return None
    for side, edge in ((left, run.start() == 0), (right, run.end() == len(before))):
        kinds = {kind_ for _, kind_ in side}
        if "company" in kinds or not (side or edge):
            return None
        if side is left and (1, "filler") in side and not kinds & {"part", "word"}:
            return None
    return kind, name, word


def company_lesson(sentence: str, company: str) -> tuple[str, str, str] | None:
    """(companies, name, name) a new project's `company` teaches, where `sentence` writes it as
    given, in Chinese characters only, companies.toml knows no name in it, and it is no word of
    the vocabulary and holds no place (a place's name taught as a company would make every
    sentence on the place a company's); None otherwise."""
    from data_prep import measures, projects

    name = company.strip()
    if not _HAN.fullmatch(name) or not _SHORTEST <= len(name) <= _COMPANY_LONGEST:
        return None
    if name not in sentence or projects.companies_in(name) or name in measures.vocabulary().names:
        return None
    if any(kind in ("place", "zone") for _, _, kind, _ in measures.tokens(name)):
        return None
    return "companies", name, name


def teach(entry: Taught, seeds_dir: Path) -> None:
    """Add `entry` to taught.toml (replacing an entry of the same word), atomically; the caller
    holds the store's lock (review.record)."""
    path = taught_path(seeds_dir)
    entries = [e for e in load_taught(path) if (e.kind, e.word) != (entry.kind, entry.word)]
    store.write_atomic(path, taught_text([*entries, entry]).encode("utf-8"))


def in_use() -> list[Taught]:
    """The taught words the vocabulary merges now (as the current build set them)."""
    from data_prep import measures

    path, stamp = measures.taught_in_use()
    return load_taught(path) if path is not None and stamp is not None else []


def by_decision(entries: list[Taught]) -> dict[str, str]:
    """decision id -> what it taught, "产量：开采量"."""
    taught: dict[str, list[str]] = {}
    for entry in entries:
        # a company's name and word are one: "宏远化工：宏远化工"
        taught.setdefault(entry.decision, []).append(f"{entry.name}：{entry.word}")
    return {decision: "；".join(words) for decision, words in taught.items()}
