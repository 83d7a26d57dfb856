"""The targets table: each 2027/2030 target as stated, and its answer from what is known.

A target's current value is only a reported fact of its own measure. Where there is none, the
answer is the nearest stated evidence by the kind of measure (data_prep/answers.toml): for a
capacity, the named projects by stage (a pipeline, never progress) or "no named project"; for an
output, the stated facts related to it but not comparable, and the pace the goals themselves
imply. A plan stated beside what is built of it is a target too. Each answer says what a report
would have to state to settle the target. Words are stored in Chinese and English, so every page,
download and the briefing say the same.
"""

import tomllib
from pathlib import Path

from data_prep import PACKAGE_DIR, meaning, review
from data_prep.curate import TARGET_COLUMNS as STATED_COLUMNS
from data_prep.curate import CatalogError, Row, Sources, meaning_of, select

ANSWERS = PACKAGE_DIR / "answers.toml"

TARGET_COLUMNS = [
    *STATED_COLUMNS,
    "measure",
    "required_growth_words_zh",
    "required_growth_words_en",
    "answer_kind",
    "answer_value",
    "answer_zh",
    "answer_en",
    "answer_quotes",
    "answer_sources",
    "answer_report_ids",
    "implied_growth",
    "implied_growth_zh",
    "implied_growth_en",
    "settle_zh",
    "settle_en",
]

# How many times: the root a growth over n years takes, in words.
_CHINESE_DIGITS = "零一二三四五六七八九十"


def load_answers(path: Path = ANSWERS) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise CatalogError(str(path.name), f"cannot be read: {error}") from error


def _latest_fact(metrics: list[Row], metric_id: str, scope: str, kind: str = "fact") -> Row | None:
    """The latest published (seed or accepted) row of a metric of the given scope and statement
    kind; a proposed row never is one."""
    rows = [
        row
        for row in metrics
        if row["metric_id"] == metric_id
        and row["statement_kind"] == kind
        and row["scope"] == scope
        and row["review_status"] != review.PROPOSED
    ]
    if not rows:
        return None
    return max(rows, key=lambda row: (int(row["year"]), str(row["report_date"])))


def amount(value: float, display_unit: str, units: dict, lang: str) -> str:
    """A base value in the display unit's words: "60亿立方米/年", "6 billion m³/yr"."""
    factor, unit_en, factor_en = units.get(display_unit, [1, display_unit, 1])
    shown = value / (factor if lang == "zh" else factor_en)
    digits = 0 if abs(shown) >= 100 or shown == int(shown) else 2
    text = f"{shown:.{digits}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    if lang == "zh":
        return f"{text}{display_unit}"
    return f"{text}%" if unit_en == "%" else f"{text} {unit_en}".rstrip()


# Approximation words of a quantity: before the number, after it, or after the unit.
_BEFORE = {"约": "about", "近": "nearly", "超": "over", "超过": "over", "逾": "over"}
_AFTER_NUMBER = {"余": "over", "多": "over"}
_AFTER_UNIT = {"以上": "or more", "左右": "about"}


def amounts(value, display_unit: str, units: dict, qualifier: str = "") -> dict[str, str]:
    """An amount in both languages ({"zh": ..., "en": ...}), with its qualifier (超, 约) if any:
    the one way every answer sentence writes a number."""
    return {
        lang: qualified(amount(float(value), str(display_unit), units, lang), qualifier, lang)
        for lang in ("zh", "en")
    }


def qualified(text: str, qualifier: str, lang: str) -> str:
    """ "30000人" with 余 → "30000余人" / "over 30000 people"."""
    words = [word for word in qualifier.split("+") if word]
    if lang == "en":
        before = [_BEFORE.get(w) or _AFTER_NUMBER.get(w) for w in words if w not in _AFTER_UNIT]
        after = [_AFTER_UNIT[w] for w in words if w in _AFTER_UNIT]
        return " ".join([*[w for w in before[:1] if w], text, *after[:1]])
    digits = len(text) - len(text.lstrip("0123456789."))
    number, unit = text[:digits], text[digits:]
    pre = "".join(w for w in words if w in _BEFORE)
    mid = "".join(w for w in words if w in _AFTER_NUMBER)
    post = "".join(w for w in words if w in _AFTER_UNIT)
    return f"{pre}{number}{mid}{unit}{post}"


def root_words(goal: str, base: str, years: int, lang: str) -> str:
    """The growth formula in words: "（8000亿元 ÷ 4000亿元）的三分之一次方减1"."""
    if lang == "zh":
        if years == 1:
            return f"（{goal} ÷ {base}）减1"
        n = _CHINESE_DIGITS[years] if years <= 10 else str(years)
        return f"（{goal} ÷ {base}）的{n}分之一次方减1"
    if years == 1:
        return f"({goal} ÷ {base}) minus 1"
    return f"({goal} ÷ {base}) to the power of 1/{years}, minus 1"


def _stated_row(target: dict, sources: Sources, metrics: list[Row]) -> Row:
    """A catalog target as the report states it, with its current value and reading."""
    entry = f"target {target['target_id']}"
    if "derivation" in target or "baseline" in target:
        raise CatalogError(
            entry, "a baseline is never derived; name the measure's reported actual in `actual`"
        )
    figure = select(sources, target["target"], entry)
    report = sources.report(target["target"]["report"], entry)
    about = meaning_of(figure, report)
    target_year = "" if target.get("no_year") else figure["year"]
    kind = "ambition" if target_year == "" else meaning.target_kind(about["statement_kind"])
    row: Row = {column: "" for column in TARGET_COLUMNS}
    row.update(
        target_id=target["target_id"],
        label_zh=target["label_zh"],
        label_en=target["label_en"],
        unit=figure["unit"],
        target_year=target_year,
        target_value=figure["value"],
        target_kind=kind,
        scope=about["scope"],
        relation_zh=target.get("relation_zh", ""),
        relation_en=target.get("relation_en", ""),
        source=report.file,
        quote=figure["sentence"],
        report_id=report.report_id,
        report_date=report.report_date,
        display_unit=target["display_unit"],
        qualifier=figure["qualifier"],
        per=figure["per"],
        note_zh=target.get("note_zh", ""),
        note_en=target.get("note_en", ""),
        pipeline_product=target.get("pipeline_product", ""),
    )
    scope = str(about["scope"])
    fact = _latest_fact(metrics, target.get("actual", ""), scope)
    growth = _latest_fact(metrics, target.get("growth", ""), scope)
    value = year = None
    if fact is not None:
        value, year = float(fact["value"]), int(fact["year"])
        row.update(
            current_value=fact["value"],
            current_year=year,
            current_year_basis=fact["year_basis"],
            current_qualifier=fact["qualifier"],
            current_quote=fact["quote"],
            current_source=fact["source"],
            current_report_date=fact["report_date"],
        )
        if target_year != "" and int(target_year) > year:
            span = int(target_year) - year
            need = meaning.required_growth(value, float(figure["value"]), span)
            if need is not None:
                row["required_growth"] = round(need, 6)
                row["required_growth_formula"] = (
                    f"({figure['value']} / {fact['value']})^(1/({target_year} − {year})) − 1"
                )
    verdict, reason_zh, reason_en = meaning.reading(
        value,
        year,
        float(figure["value"]),
        int(target_year) if target_year != "" else None,
        float(growth["value"]) / 100 if growth else None,
        target["label_zh"] if growth else target.get("growth_reported", ""),
        target["label_zh"],
        lambda value, lang: amount(value, target["display_unit"], load_answers()["units"], lang),
    )
    row.update(reading=verdict, reading_reason_zh=reason_zh, reading_reason_en=reason_en)
    return row


def _plan_row(pair: dict, metrics: list[Row]) -> Row | None:
    """A plan stated beside what is built of it (规划煤电装机…已建成…): the plan is the target,
    what is built its answer; without a published plan there is no row."""
    planned = _latest_fact(metrics, pair["planned"], "zhundong", "plan")
    if planned is None:
        return None
    row: Row = {column: "" for column in TARGET_COLUMNS}
    row.update(
        target_id=pair["target_id"],
        label_zh=pair["label_zh"],
        label_en=pair["label_en"],
        unit=planned["unit"],
        target_value=planned["value"],
        target_kind="plan",
        scope=planned["scope"],
        source=planned["source"],
        quote=planned["quote"],
        report_id=planned["report_id"],
        report_date=planned["report_date"],
        display_unit=pair["display_unit"],
        qualifier=planned["qualifier"],
        per=planned["per"],
        reading="cannot_judge",
        reading_reason_zh="规划未给完成年份，无法判断是否按期。",
        reading_reason_en="The plan gives no year by which it is due: cannot judge.",
    )
    return row


def _projects_of(projects: list[Row], product: str, unit: str) -> list[Row]:
    """Each published project of the product, by its latest row that states a stage (else its
    latest mention); parts of a group that is itself listed count once, with the group."""
    latest: dict[str, Row] = {}
    for row in projects:
        if row["product"] != product or row.get("review_status") == review.PROPOSED:
            continue
        key = (bool(row.get("sets_stage")), str(row["report_date"]), str(row["report_id"]))
        known = latest.get(str(row["project_id"]))
        if known is None or key >= (
            bool(known.get("sets_stage")),
            str(known["report_date"]),
            str(known["report_id"]),
        ):
            latest[str(row["project_id"])] = row
    return [
        row
        for row in latest.values()
        if row["part_of"] not in latest
        and row["capacity"] not in ("", None)
        and row["capacity_unit"] == unit
    ]


def _pipeline(
    row: Row, projects: list[Row], answers: dict, lang: str
) -> tuple[str, float, list[Row]]:
    """The named projects by stage, in words, and their total."""
    stages = answers["stages"]
    named = _projects_of(projects, str(row["pipeline_product"]), str(row["unit"]))
    by_stage: dict[str, float] = {}
    for project in named:
        stage = project["status"] if project["status"] in stages else "mentioned"
        by_stage[stage] = by_stage.get(stage, 0.0) + float(project["capacity"])
    target = amount(float(row["target_value"]), str(row["display_unit"]), answers["units"], lang)
    forecast = row["target_kind"] == "forecast"
    goal = (
        ("预测" if forecast else "目标") if lang == "zh" else ("forecast" if forecast else "target")
    )
    index = 0 if lang == "zh" else 1
    parts = [
        f"{stages[stage][index]}{amount(total, str(row['display_unit']), answers['units'], lang)}"
        if lang == "zh"
        else f"{amount(total, str(row['display_unit']), answers['units'], lang)} {stages[stage][1]}"
        for stage in stages
        if (total := by_stage.get(stage))
    ]
    if lang == "zh":
        text = (
            f"报道点名的项目：{'；'.join(parts)}（{goal}{target}）。"
            "这是项目储备，不是已投产产能，不算进度。"
        )
    else:
        text = (
            f"Projects the reports name: {'; '.join(parts)} ({goal} {target}). "
            "A pipeline, not operating capacity: not progress."
        )
    return text, sum(by_stage.values()), named


def _implied(row: Row, rows: dict[str, Row], config: dict, answers: dict) -> None:
    """The pace a goal implies from the goal before it (2027 → 2030 doubling: 26% a year)."""
    before = rows.get(config.get("pace_from", ""))
    if before is None or not before["target_year"] or not row["target_year"]:
        return
    years = int(row["target_year"]) - int(before["target_year"])
    pace = meaning.required_growth(float(before["target_value"]), float(row["target_value"]), years)
    if pace is None:
        return
    units = answers["units"]
    goal = amounts(row["target_value"], row["display_unit"], units)
    base = amounts(before["target_value"], before["display_unit"], units)
    row["implied_growth"] = round(pace, 6)
    row["implied_growth_zh"] = (
        f"目标本身隐含的速度：从{before['target_year']}年目标{base['zh']}到{row['target_year']}年目标"
        f"{goal['zh']}，每年约增长{pace:.0%}（{root_words(goal['zh'], base['zh'], years, 'zh')}）。"
        "这是两个目标之间的速度，不是实际增速。"
    )
    row["implied_growth_en"] = (
        f"The pace the goals imply: from the {before['target_year']} goal of {base['en']} to the "
        f"{row['target_year']} goal of {goal['en']}, about {pace:.0%} a year "
        f"({root_words(goal['en'], base['en'], years, 'en')}). A pace between two goals, not a "
        "reported growth."
    )


def _growth_words(row: Row, answers: dict) -> None:
    if row["required_growth"] == "":
        return
    years = int(row["target_year"]) - int(row["current_year"])
    goal = amounts(row["target_value"], row["display_unit"], answers["units"])
    base = amounts(row["current_value"], row["display_unit"], answers["units"])
    for lang in ("zh", "en"):
        row[f"required_growth_words_{lang}"] = root_words(goal[lang], base[lang], years, lang)


def _answer(
    row: Row,
    config: dict,
    metrics: list[Row],
    projects: list[Row],
    answers: dict,
    built: Row | None,
) -> None:
    """Fill the answer columns of a target row from what the tables state."""
    units = answers["units"]
    measure = str(config.get("measure", ""))
    row["measure"] = measure
    label = {
        "zh": config.get("measure_label_zh", row["label_zh"]),
        "en": config.get("measure_label_en", str(row["label_en"]).lower()),
    }
    unit = {
        "zh": row["display_unit"],
        "en": amount(1, str(row["display_unit"]), units, "en").split(" ", 1)[-1],
    }
    quotes: list[tuple[str, str, str]] = []
    forecast = row["target_kind"] == "forecast"
    if row["current_value"] != "":
        qualifier = str(row["current_qualifier"])
        current = amounts(row["current_value"], row["display_unit"], units, qualifier)
        by_report = row["current_year_basis"] == "report date"
        row["answer_kind"] = "current"
        row["answer_value"] = row["current_value"]
        row["answer_zh"] = f"报道的现值：{row['current_year']}年{current['zh']}" + (
            "（原文写“目前”，年份按报道时间）。" if by_report else "。"
        )
        row["answer_en"] = f"Reported current value: {current['en']} ({row['current_year']}" + (
            ", dated by its report)." if by_report else ")."
        )
        report_id = next(
            (
                str(m["report_id"])
                for m in metrics
                if m["quote"] == row["current_quote"] and m["source"] == row["current_source"]
            ),
            "",
        )
        quotes.append((str(row["current_quote"]), str(row["current_source"]), report_id))
        settle = "growth"
    elif measure == "plan" and built is not None:
        done = amounts(built["value"], row["display_unit"], units)
        plan = amounts(row["target_value"], row["display_unit"], units)
        share = float(built["value"]) / float(row["target_value"])
        row["answer_kind"] = "plan"
        row["answer_value"] = built["value"]
        row["answer_zh"] = (
            f"已建成{done['zh']}，为规划{plan['zh']}的{share:.0%}（{built['year']}年报道）；规划未给完成年份。"
        )
        row["answer_en"] = (
            f"{done['en']} built of {plan['en']} planned ({share:.0%}, reported "
            f"{built['year']}); the plan gives no year."
        )
        quotes.append((str(built["quote"]), str(built["source"]), str(built["report_id"])))
        settle = "plan"
    elif measure == "capacity":
        settle = "capacity"
        if row["pipeline_product"]:
            zh, total, named = _pipeline(row, projects, answers, "zh")
        else:
            zh, total, named = "", 0.0, []
        if named:
            row["answer_kind"] = "pipeline"
            row["answer_value"] = total
            row["answer_zh"] = zh
            row["answer_en"] = _pipeline(row, projects, answers, "en")[0]
            quotes += [(str(p["quote"]), str(p["source"]), str(p["report_id"])) for p in named]
        else:
            row["answer_kind"] = "no_project"
            row["answer_zh"] = (
                f"未报道已投产产能；报道未点名任何{label['zh'].removesuffix('产能')}项目。"
            )
            row["answer_en"] = (
                "No operating capacity reported, and no report names a project of "
                f"{label['en'].replace(' capacity', '')}."
            )
    elif measure == "output" and config.get("related"):
        settle = "output"
        facts = [
            fact
            for metric_id in config["related"]
            if (fact := _latest_fact(metrics, metric_id, str(row["scope"]))) is not None
        ]
        row["answer_kind"] = "related" if facts else "none"
        zh = ["未报道现值。"]
        en = ["No current value reported."]
        for fact in facts:
            unit_of_fact = "%" if fact["unit"] == "%" else str(fact["display_unit"])
            value = amounts(fact["value"], unit_of_fact, units)
            metric_zh = next(m for m in metrics if m["metric_id"] == fact["metric_id"])["label_zh"]
            metric_en = next(m for m in metrics if m["metric_id"] == fact["metric_id"])["label_en"]
            zh.append(
                f"相关但不可比：{fact['year']}年{metric_zh}{value['zh']}（另一指标，不能用来判断此目标）。"
            )
            en.append(
                f"Related, not comparable: {metric_en} {value['en']} in {fact['year']} "
                "(another measure; it does not judge this target)."
            )
            quotes.append((str(fact["quote"]), str(fact["source"]), str(fact["report_id"])))
        row["answer_zh"] = "".join(zh)
        row["answer_en"] = " ".join(en)
    else:
        settle = measure or "output"
        row["answer_kind"] = "none"
        row["answer_zh"] = "未报道现值，报道中也没有与之相关的已报道数字。"
        row["answer_en"] = "No current value reported, and no related figure is stated."
    if forecast:
        row["answer_zh"] = f"此为预测（原文“预计”），不是目标。{row['answer_zh']}"
        row["answer_en"] = f"This is a forecast (预计), not a goal. {row['answer_en']}"
    template = answers["settle"]
    key = settle if f"{settle}_zh" in template else "output"
    row["settle_zh"] = template[f"{key}_zh"].format(label=label["zh"], unit=unit["zh"])
    row["settle_en"] = template[f"{key}_en"].format(label=label["en"], unit=unit["en"])
    seen: list[tuple[str, str, str]] = []
    for quote in quotes:
        if quote[0] and quote not in seen:
            seen.append(quote)
    row["answer_quotes"] = "\n".join(q for q, _, _ in seen)
    row["answer_sources"] = "|".join(s for _, s, _ in seen)
    row["answer_report_ids"] = "|".join(
        sorted(
            {r for _, _, r in seen if r}
            | ({str(row["report_id"])} if seen and row["answer_kind"] == "current" else set())
        )
    )


def build_targets(
    catalog: dict,
    sources: Sources,
    metrics: list[Row],
    projects: list[Row],
    answers: dict | None = None,
) -> list[Row]:
    """Targets as the reports state them, each with its kind, the latest reported actual of the
    same measure and scope, a reading, and the answer from what is known."""
    answers = answers if answers is not None else load_answers()
    known = {row["metric_id"] for row in metrics} | {
        m["metric_id"] for m in catalog.get("metrics", [])
    }
    rows: dict[str, Row] = {}
    for target in catalog.get("targets", []):
        entry = f"target {target['target_id']}"
        for key in ("actual", "growth"):
            if target.get(key) and target[key] not in known:
                raise CatalogError(entry, f"{key} names metric {target[key]!r}, which is not one")
        if target["target_id"] in rows:
            raise CatalogError(entry, "target_id is not unique")
        rows[target["target_id"]] = _stated_row(target, sources, metrics)
    built: dict[str, Row | None] = {}
    for pair in answers.get("plan_pairs", []):
        row = _plan_row(pair, metrics)
        if row is None:
            continue
        if row["target_id"] in rows:
            raise CatalogError(f"plan pair {row['target_id']}", "target_id is not unique")
        rows[row["target_id"]] = row
        built[row["target_id"]] = _latest_fact(metrics, pair["built"], "zhundong")
    configs = {
        **answers.get("targets", {}),
        **{p["target_id"]: p for p in answers.get("plan_pairs", [])},
    }
    for target_id, row in rows.items():
        config = configs.get(target_id, {})
        _growth_words(row, answers)
        _implied(row, rows, config, answers)
        _answer(row, config, metrics, projects, answers, built.get(target_id))
    return list(rows.values())
