"""The light page for phones (/m/): one static, compressed HTML file rebuilt with the tables.

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
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _sentences(quotes: list[str]) -> str:
    shown = [q for q in dict.fromkeys(quotes) if q]
    if not shown:
        return ""
    body = "".join(f"<blockquote>{_e(q)}</blockquote>" for q in shown)
    return f"<details><summary>原文句子</summary>{body}</details>"


def _published(rows: list[Row]) -> list[Row]:
    return [row for row in rows if row.get("review_status") != review.PROPOSED]


def _value(row: Row, units: dict) -> str:
    text = amount(float(str(row["value"])), str(row["display_unit"]), units, "zh")
    return qualified(text, str(row.get("qualifier") or ""), "zh")


def _latest(metrics: list[Row]) -> dict[str, Row]:
    """Each metric's row of its newest report."""
    latest: dict[str, Row] = {}
    for row in sorted(metrics, key=lambda r: (str(r["report_date"]), str(r["report_id"]))):
        latest[str(row["metric_id"])] = row
    return latest


def _targets(targets: list[Row], answers: dict) -> list[str]:
    mobile, units = answers["mobile"], answers["units"]
    parts = ["<h2>各目标现状</h2>"]
    for row in targets:
        year = f" {row['target_year']}" if row["target_year"] != "" else ""
        kind = mobile["kinds"].get(str(row["target_kind"]), str(row["target_kind"]))
        goal = amount(float(str(row["target_value"])), str(row["display_unit"]), units, "zh")
        goal = qualified(goal, str(row.get("qualifier") or ""), "zh")
        when = f"{row['target_year']}年{kind}" if year else kind
        reading = mobile["readings"].get(str(row["reading"]), str(row["reading"]))
        quotes = [str(row["quote"]), *str(row.get("answer_quotes") or "").split("\n")]
        parts.append(
            f"<div class=card><h3>{_e(row['label_zh'])}{_e(year)}</h3>"
            f"<div class=m>{_e(when)} {_e(goal)}</div>"
            f"<div><b>{_e(reading)}</b> · {_e(row['answer_zh'])}</div>"
            + (
                f"<div class=m>{_e(row['implied_growth_zh'])}</div>"
                if row["implied_growth_zh"]
                else ""
            )
            + f"<div class=m>怎样才能判断：{_e(row['settle_zh'])}</div>"
            + _sentences(quotes)
            + "</div>"
        )
    return parts


def _key_figures(metrics: list[Row], answers: dict) -> list[str]:
    latest, units = _latest(metrics), answers["units"]
    parts = ["<h2>关键数字</h2>"]
    for first, second in answers["mobile"]["key_figures"]:
        row = latest.get(first)
        if row is None:
            continue
        beside = latest.get(second) if second else None
        extra = ""
        if beside is not None:
            year = "" if beside["year"] == row["year"] else f"{beside['year']}年"
            extra = f" · {year}{beside['label_zh']} {_value(beside, units)}"
        parts.append(
            f"<div class=card><h3>{_e(row['label_zh'])}</h3>"
            f"<div class=v>{_e(_value(row, units))}</div>"
            f"<div class=m>{_e(row['year'])}年{_e(extra)}</div>"
            + _sentences([str(row["quote"]), str(beside["quote"]) if beside else ""])
            + "</div>"
        )
    return parts


def _changes(metrics: list[Row], reports: list[Row], answers: dict) -> list[str]:
    """The newest report's figures beside the same figures of the report before it."""
    ordered = sorted(reports, key=lambda r: (str(r["report_date"]), str(r["report_id"])))
    parts = ["<h2>与上一篇报道相比</h2>"]
    if len(ordered) < 2:
        return [*parts, "<p class=m>没有更早的报道可比。</p>"]
    before_id, now_id = str(ordered[-2]["report_id"]), str(ordered[-1]["report_id"])
    before = {str(r["metric_id"]): r for r in metrics if str(r["report_id"]) == before_id}
    now = [r for r in metrics if str(r["report_id"]) == now_id]
    if not now:
        return [*parts, "<p class=m>最新报道没有已发布的数字。</p>"]
    parts.append(
        f"<p class=m>{_e(ordered[-1]['report_date'])} 的报道与 "
        f"{_e(ordered[-2]['report_date'])} 的报道相比</p>"
    )
    units = answers["units"]
    for row in now:
        earlier = before.get(str(row["metric_id"]))
        was = f"此前 {_value(earlier, units)}" if earlier else "此前未报道"
        parts.append(
            f"<div class=card><h3>{_e(row['label_zh'])}</h3>"
            f"<div>此次 <b>{_e(_value(row, units))}</b>（{_e(row['year'])}年） · {_e(was)}</div>"
            + _sentences([str(row["quote"])])
            + "</div>"
        )
    return parts


def mobile_page(
    metrics: list[Row], targets: list[Row], reports: list[Row], answers: dict | None = None
) -> str:
    """The light page as one HTML document, in Chinese."""
    answers = answers if answers is not None else load_answers()
    metrics = _published(metrics)
    names = "；".join(
        f"{r['newspaper']} {r['report_date']}《{r['lead_headline']}》" for r in reports
    )
    links = "".join(
        f'<a href="{_e(href)}">{_e(name)}</a>' for href, name in answers["mobile"]["pages"]
    )
    parts = [
        "<!doctype html><html lang=zh-CN><head><meta charset=utf-8>",
        '<meta name=viewport content="width=device-width,initial-scale=1">',
        f"<title>准东开发区发展看板 · 手机版</title><style>{STYLE}</style></head><body>",
        "<h1>准东开发区发展看板 · 手机版</h1>",
        "<p class=m>对照2027、2030年目标的进展；每个数字点“原文句子”可看报道原句。"
        '完整看板（图表、下载）见 <a href="/">总览</a>。</p>',
        *_targets(targets, answers),
        *_key_figures(metrics, answers),
        *_changes(metrics, reports, answers),
        f"<h2>完整页面</h2><nav>{links}</nav>",
        f"<p class=m>资料来源：{_e(names)}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def mobile_files(metrics: list[Row], targets: list[Row], reports: list[Row]) -> dict[str, bytes]:
    """m/index.html and its gzip (no timestamp, so the same tables give the same bytes)."""
    page = mobile_page(metrics, targets, reports).encode("utf-8")
    return {"m/index.html": page, "m/index.html.gz": gzip.compress(page, 9, mtime=0)}
