"""The light page for phones: static, compressed HTML rebuilt with the tables, in Chinese (/m/) and
in English (/m/en/), each linking to the other.

Where each target stands (its stored answer), the key figures and what changed since the report
before, each with its sentence one tap away (<details>), and a link into each full page. Plain
HTML with inline CSS, no script; every text from the tables is escaped. Published rows only, as
on the hosted link. Same tables in, same bytes out (no clock, gzip without a timestamp).
"""

import gzip
import html

from data_prep import review
from data_prep.targets import amount, load_answers, qualified

Row = dict[str, object]

STYLE = (
    "body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:0;"
    "padding:12px;max-width:720px;color:#1a1a1a;line-height:1.55;font-size:16px}"
    "h1{font-size:1.3em;margin:.2em 0}h2{font-size:1.1em;border-bottom:2px solid #1f4e79;"
    "margin-top:1.4em}.card{border:1px solid #ddd;border-radius:8px;padding:8px 10px;"
    "margin:8px 0}.card h3{font-size:1em;margin:0}.v{font-size:1.25em;font-weight:bold}"
    ".m{color:#555;font-size:.88em}details{font-size:.88em;color:#444}summary{color:#1f4e79;"
    "cursor:pointer}blockquote{margin:.3em 0 .3em .4em;padding-left:.6em;border-left:3px solid"
    " #ccc}nav a{display:inline-block;margin:4px 10px 4px 0;color:#1f4e79}"
    ".lang{text-align:right;font-size:.9em}"
    "html[lang=en] body{font-family:'Noto Sans','Helvetica Neue',Arial,'Noto Sans CJK SC',"
    "'PingFang SC','Microsoft YaHei',sans-serif}"
)


# The page's own words, [Chinese, English]; the words of rows come from the tables.
WORDS = {
    "title": ("准东开发区发展看板 · 手机版", "Zhundong development dashboard · phone page"),
    "intro": (
        "对照2027、2030年目标的进展；每个数字点“原文句子”可看报道原句。"
        '完整看板（图表、下载）见 <a href="/">总览</a>。',
        "Where the zone stands against its 2027 and 2030 targets; tap “Sentences” under a number "
        'for the report\'s own words. The full dashboard (charts, downloads): <a href="/?lang=en">'
        "Overview</a>.",
    ),
    "other": ('<a href="/m/en/">English</a>', '<a href="/m/">中文</a>'),
    "sentences": ("原文句子", "Sentences (Chinese)"),
    "targets": ("各目标现状", "Where each target stands"),
    "settle": ("怎样才能判断：", "What would settle it: "),
    "key_figures": ("关键数字", "Key figures"),
    "changes": ("与上一篇报道相比", "What changed since the previous report"),
    "no_earlier": ("没有更早的报道可比。", "No earlier report to compare with."),
    "none_published": ("最新报道没有已发布的数字。", "The newest report has no published figure."),
    "compared": ("{now} 的报道与 {before} 的报道相比", "The {now} report against the {before} one"),
    "now": ("此次", "Now"),
    "before": ("此前 {value}", "before: {value}"),
    "not_before": ("此前未报道", "not reported before"),
    "pages": ("完整页面", "Full pages"),
    "sources": ("资料来源：{names}", "Sources: {names}"),
}


def _w(key: str, lang: str, **values: object) -> str:
    text = WORDS[key][0 if lang == "zh" else 1]
    return text.format(**values) if values else text


def _year(year: object, lang: str) -> str:
    return f"{year}年" if lang == "zh" else str(year)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _sentences(quotes: list[str], lang: str) -> str:
    shown = [q for q in dict.fromkeys(quotes) if q]
    if not shown:
        return ""
    body = "".join(f"<blockquote>{_e(q)}</blockquote>" for q in shown)
    return f"<details><summary>{_w('sentences', lang)}</summary>{body}</details>"


def _published(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.get("review_status") != review.PROPOSED]


def _value(row: Row, units: dict, lang: str) -> str:
    text = amount(float(str(row["value"])), str(row["display_unit"]), units, lang)
    return qualified(text, str(row.get("qualifier") or ""), lang)


def _in(row: Row, column: str, lang: str) -> str:
    """The row's `column`_zh or _en; the Chinese where the English is blank."""
    text = row.get(f"{column}_{lang}") or row.get(f"{column}_zh") or ""
    return str(text)


def _latest(metrics: list[Row]) -> dict[str, Row]:
    """Each metric's row of its newest report."""
    latest: dict[str, Row] = {}
    for row in sorted(metrics, key=lambda r: (str(r["report_date"]), str(r["report_id"]))):
        latest[str(row["metric_id"])] = row
    return latest


def _targets(targets: list[Row], answers: dict, lang: str) -> list[str]:
    mobile, units = answers["mobile"], answers["units"]
    index = 0 if lang == "zh" else 1
    parts = [f"<h2>{_w('targets', lang)}</h2>"]
    for row in targets:
        year = f" {row['target_year']}" if row["target_year"] != "" else ""
        code = str(row["target_kind"])
        kind = mobile["kinds"][code][index] if code in mobile["kinds"] else code
        goal = amount(float(str(row["target_value"])), str(row["display_unit"]), units, lang)
        goal = qualified(goal, str(row.get("qualifier") or ""), lang)
        when = f"{row['target_year']}年{kind}" if lang == "zh" else f"{row['target_year']} {kind}:"
        when = when if year else kind
        code = str(row["reading"])
        reading = mobile["readings"][code][index] if code in mobile["readings"] else code
        quotes = [str(row["quote"]), *str(row.get("answer_quotes") or "").split("\n")]
        implied = _in(row, "implied_growth", lang)
        parts.append(
            f"<div class=card><h3>{_e(_in(row, 'label', lang))}{_e(year)}</h3>"
            f"<div class=m>{_e(when)} {_e(goal)}</div>"
            f"<div><b>{_e(reading)}</b> · {_e(_in(row, 'answer', lang))}</div>"
            + (f"<div class=m>{_e(implied)}</div>" if implied else "")
            + f"<div class=m>{_w('settle', lang)}{_e(_in(row, 'settle', lang))}</div>"
            + _sentences(quotes, lang)
            + "</div>"
        )
    return parts


def _key_figures(metrics: list[Row], answers: dict, lang: str) -> list[str]:
    latest, units = _latest(metrics), answers["units"]
    parts = [f"<h2>{_w('key_figures', lang)}</h2>"]
    for first, second in answers["mobile"]["key_figures"]:
        row = latest.get(first)
        if row is None:
            continue
        beside = latest.get(second) if second else None
        extra = ""
        if beside is not None:
            label, value = _in(beside, "label", lang), _value(beside, units, lang)
            if lang == "zh":
                year = "" if beside["year"] == row["year"] else f"{beside['year']}年"
                extra = f" · {year}{label} {value}"
            else:
                year = "" if beside["year"] == row["year"] else f" ({beside['year']})"
                extra = f" · {label} {value}{year}"
        parts.append(
            f"<div class=card><h3>{_e(_in(row, 'label', lang))}</h3>"
            f"<div class=v>{_e(_value(row, units, lang))}</div>"
            f"<div class=m>{_e(_year(row['year'], lang))}{_e(extra)}</div>"
            + _sentences([str(row["quote"]), str(beside["quote"]) if beside else ""], lang)
            + "</div>"
        )
    return parts


def _changes(metrics: list[Row], reports: list[Row], answers: dict, lang: str) -> list[str]:
    """The newest report's figures beside the same figures of the report before it."""
    ordered = sorted(reports, key=lambda r: (str(r["report_date"]), str(r["report_id"])))
    parts = [f"<h2>{_w('changes', lang)}</h2>"]
    if len(ordered) < 2:
        return [*parts, f"<p class=m>{_w('no_earlier', lang)}</p>"]
    before_id, now_id = str(ordered[-2]["report_id"]), str(ordered[-1]["report_id"])
    before = {str(r["metric_id"]): r for r in metrics if str(r["report_id"]) == before_id}
    now = [r for r in metrics if str(r["report_id"]) == now_id]
    if not now:
        return [*parts, f"<p class=m>{_w('none_published', lang)}</p>"]
    compared = _w(
        "compared", lang, now=ordered[-1]["report_date"], before=ordered[-2]["report_date"]
    )
    parts.append(f"<p class=m>{_e(compared)}</p>")
    units = answers["units"]
    for row in now:
        earlier = before.get(str(row["metric_id"]))
        was = (
            _w("before", lang, value=_value(earlier, units, lang))
            if earlier
            else _w("not_before", lang)
        )
        year = f"（{row['year']}年）" if lang == "zh" else f" ({row['year']})"
        parts.append(
            f"<div class=card><h3>{_e(_in(row, 'label', lang))}</h3>"
            f"<div>{_w('now', lang)} <b>{_e(_value(row, units, lang))}</b>{_e(year)} · "
            f"{_e(was)}</div>" + _sentences([str(row["quote"])], lang) + "</div>"
        )
    return parts


def _report_name(report: Row, lang: str) -> str:
    if lang == "zh":
        return f"{report['newspaper']} {report['report_date']}《{report['lead_headline']}》"
    paper = report.get("newspaper_en") or report["newspaper"]
    headline = report.get("lead_headline_en") or report["lead_headline"]
    return f"{paper} {report['report_date']}, “{headline}”"


def mobile_page(
    metrics: list[Row],
    targets: list[Row],
    reports: list[Row],
    answers: dict | None = None,
    lang: str = "zh",
) -> str:
    """The light page as one HTML document, in Chinese or English (`lang`)."""
    answers = answers if answers is not None else load_answers()
    metrics = _published(metrics)
    names = ("；" if lang == "zh" else "; ").join(_report_name(r, lang) for r in reports)
    suffix = "" if lang == "zh" else "?lang=en"
    links = "".join(
        f'<a href="{_e(page[0] + suffix)}">{_e(page[1 if lang == "zh" else 2])}</a>'
        for page in answers["mobile"]["pages"]
    )
    parts = [
        f"<!doctype html><html lang={'zh-CN' if lang == 'zh' else 'en'}><head><meta charset=utf-8>",
        '<meta name=viewport content="width=device-width,initial-scale=1">',
        f"<title>{_w('title', lang)}</title><style>{STYLE}</style></head><body>",
        f"<nav class=lang>{_w('other', lang)}</nav>",
        f"<h1>{_w('title', lang)}</h1>",
        f"<p class=m>{_w('intro', lang)}</p>",
        *_targets(targets, answers, lang),
        *_key_figures(metrics, answers, lang),
        *_changes(metrics, reports, answers, lang),
        f"<h2>{_w('pages', lang)}</h2><nav>{links}</nav>",
        f"<p class=m>{_e(_w('sources', lang, names=names))}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def mobile_files(metrics: list[Row], targets: list[Row], reports: list[Row]) -> dict[str, bytes]:
    """m/index.html (Chinese), m/en/index.html (English) and their gzip (no timestamp, so the
    same tables give the same bytes)."""
    files = {}
    for lang, name in (("zh", "m/index.html"), ("en", "m/en/index.html")):
        page = mobile_page(metrics, targets, reports, lang=lang).encode("utf-8")
        files[name] = page
        files[f"{name}.gz"] = gzip.compress(page, 9, mtime=0)
    return files
