"""A printable briefing: one page per target area with its chart, numbers, sources and as-of date,
as a self-contained HTML file for a meeting where nobody opens the link. All report text is
escaped; the charts are inline SVG, so the file needs no network and prints as it shows."""

import html

import pandas as pd

from dashboard.calc import (
    LATEST,
    latest_projects,
    metric,
    pipeline_by_product,
    rows_for_report,
    target_progress,
    what_changed,
)
from dashboard.fmt import beijing, percent, quantity, scaled
from dashboard.i18n import pick, product_code, product_label, status_label, t
from dashboard.review import is_proposed, published
from dashboard.target_text import (
    answer_text,
    current_text,
    implied_text,
    reading_text,
    reports_behind,
    sentences,
    target_text,
)
from dashboard.target_text import label as target_label

SECTIONS = [
    (
        "page_coal_power",
        ["coal_reserves", "coal_output", "coal_output_share_xinjiang", "approved_mine_capacity",
         "coal_power_planned", "coal_power_built", "power_generation", "power_sent_out"],
        [],  # coal power built of planned stands on page 1, with the targets
    ),
    (
        "page_materials",
        ["aluminium_capacity", "aluminium_products_capacity", "industrial_silicon_capacity",
         "polysilicon_capacity", "wafer_slicing_capacity", "aluminium_share_xinjiang"],
        ["aluminium_capacity", "aluminium_products_capacity", "industrial_silicon_capacity",
         "polysilicon_capacity"],
    ),
    (
        "briefing_park",
        ["jijihu_area", "jijihu_built_up_area", "jijihu_workers", "jijihu_coal_capacity",
         "jijihu_power_capacity", "jijihu_planned_investment"],
        [],
    ),
    (
        "economy_section",
        ["industrial_value_added_growth", "fixed_asset_investment_growth", "budget_revenue_growth"],
        [],
    ),
    ("page_innovation", ["innovation_needs", "new_innovation_entities"], []),
]  # fmt: skip

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       color: #1a1a1a; max-width: 900px; margin: 2em auto; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #1f4e79; }
section { page-break-after: always; margin-bottom: 3em; }
svg text { font-size: 12px; font-family: inherit; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
.quote { color: #555; font-size: 0.85em; } .meta { color: #666; font-size: 0.85em; }
@media print { body { margin: 0.5cm; } }
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _row(*cells: object, header: bool = False) -> str:
    tag = "th" if header else "td"
    return "<tr>" + "".join(f"<{tag}>{_e(cell)}</{tag}>" for cell in cells) + "</tr>"


def _quote_row(quote: object, span: int) -> str:
    return f"<tr><td colspan={span} class=quote>“{_e(quote)}”</td></tr>"


def _note_row(note: object, span: int) -> str:
    return f"<tr><td colspan={span} class=meta>{_e(note)}</td></tr>"


def _table(header: list[str], rows: list[str]) -> str:
    return "<table>" + _row(*header, header=True) + "".join(rows) + "</table>"


def svg_bars(
    labels: list[str], values: list[float], texts: list[str], reference: float | None = None
) -> str:
    """Horizontal bars as inline SVG; `reference` draws a dashed line (the 100% of a target)."""
    if not values:
        return ""
    width, left, row = 640, 220, 28
    height = row * len(values) + 10
    span = width - left - 140
    top = max([*values, reference or 0]) or 1
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
    parts = [svg]
    for index, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        y = index * row + 4
        length = max(value, 0) / top * span
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_e(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="20" fill="#1f4e79"/>')
        parts.append(f'<text x="{left + length + 6:.1f}" y="{y + 15}">{_e(text)}</text>')
    if reference:
        x = left + reference / top * span
        line = f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 4}" stroke="#c0504d"'
        parts.append(line + ' stroke-dasharray="4 3"/>')
    parts.append("</svg>")
    return "".join(parts)


def _metric_table(rows: list[pd.Series], lang: str) -> str:
    body = []
    for row in rows:
        value = quantity(
            row["value"], row["display_unit"], lang, row["qualifier"], row["value_high"]
        )
        label = pick((row["label_zh"], row["label_en"]), lang)
        body.append(_row(label, value, f"{row['year']} · {row['report_date']}"))
        body.append(_quote_row(row["quote"], 3))
    header = [
        t("col_label", lang),
        pick(("数值", "Value"), lang),
        pick(("年份/日期", "Year / date"), lang),
    ]
    return _table(header, body)


def _sources(rows: pd.DataFrame, reports: pd.DataFrame, lang: str) -> str:
    ids = sorted(set(rows["report_id"].dropna()))
    names = [
        " ".join(
            [
                pick((r.newspaper, r.newspaper_en), lang),
                r.report_date,
                pick((r.lead_headline, r.lead_headline_en), lang),
            ]
        )
        for r in reports[reports["report_id"].isin(ids)].itertuples()
    ]
    return f"<p class=meta>{_e(t('source_line', lang, sources='; '.join(names)))}</p>"


def _targets_section(
    targets: pd.DataFrame, projects: pd.DataFrame, metrics: pd.DataFrame, reports, lang: str
) -> str:
    """The sentences behind page 1's targets, each once with the targets it stands for, and the
    progress of those with a reported current value (what would settle each is on the pages)."""
    everything = target_progress(targets, projects, metrics)
    progress = everything.dropna(subset=["progress"])
    labels = [target_label(r, lang) for r in progress.itertuples()]
    shares = list(progress["progress"])
    chart = (
        svg_bars(labels, [share * 100 for share in shares], [percent(s) for s in shares], 100)
        if labels
        else ""
    )
    named: dict[str, list[str]] = {}
    for r in everything.itertuples():
        for _, quote in sentences(r):
            named.setdefault(quote, []).append(target_label(r, lang))
    rows = []
    for quote, names in named.items():
        rows += [_row(pick(("、", "; "), lang).join(dict.fromkeys(names))), _quote_row(quote, 1)]
    paces = [implied_text(r, lang) for r in everything.itertuples() if implied_text(r, lang)]
    used = reports_behind(everything)
    return "".join([
        f"<section><h2>{_e(t('page_targets', lang))}</h2>", chart,
        "".join(f"<p class=meta>{_e(pace)}</p>" for pace in paces),
        _table([t("target_sentences", lang)], rows),
        f"<p class=meta>{_e(t('judged_stored', lang))}</p>",
        _sources(used, reports, lang), "</section>",
    ])  # fmt: skip


def _summary_section(
    metrics: pd.DataFrame,
    chosen: pd.DataFrame,
    targets: pd.DataFrame,
    projects: pd.DataFrame,
    reports: pd.DataFrame,
    lang: str,
    report: str,
) -> str:
    """Page 1, what an official reads in a minute: the key figures, where each target stands
    (its stored reading and answer, one line each), and what changed since the report before."""
    from dashboard.components.changes import _side
    from dashboard.components.key_figures import CARDS, _beside, _metric_text, _target_card

    everything = target_progress(targets, projects, metrics)
    figures = []
    for kind, first, second in CARDS:
        if kind == "target":
            title, value, beside, _, _ = _target_card(everything, second, first, lang)
        else:
            title, value = _metric_text(chosen, metrics, first, lang)
            beside = _beside(chosen, metrics, first, second, lang)[0]
        figures.append(_row(title, value, beside))
    standing = [
        _row(
            f"{target_label(r, lang)}：{target_text(r, lang)}"
            if lang == "zh"
            else f"{target_label(r, lang)}: {target_text(r, lang)}",
            f"{reading_text(r, lang)} · {answer_text(r, lang) or current_text(r, lang)}",
        )
        for r in everything.itertuples()
    ]
    changed = what_changed(metrics, projects, reports, report)
    changes = [
        _row(
            pick((row["label_zh"], row["label_en"]), lang),
            _side(row, "after", lang),
            _side(row, "before", lang),
        )
        for _, row in changed.iterrows()
    ]
    parts = [
        f"<section><h2>{_e(t('overview_cards', lang))}</h2>",
        _table([t("col_label", lang), pick(("数值", "Value"), lang), ""], figures),
        f"<h2>{_e(t('briefing_standing', lang))}</h2>",
        _table([t("col_target", lang), t("answer", lang)], standing),
        f"<h2>{_e(t('what_changed', lang))}</h2>",
        _table(
            [t("col_label", lang), pick(("此次", "Now"), lang), pick(("此前", "Before"), lang)],
            changes,
        )
        if changes
        else f"<p class=meta>{_e(t('briefing_no_changes', lang))}</p>",
        f"<p class=meta>{_e(t('briefing_details', lang))}</p>",
        "</section>",
    ]
    return "".join(parts)


def _chemicals_section(targets: pd.DataFrame, projects: pd.DataFrame, reports, lang: str) -> str:
    pipeline = pipeline_by_product(projects)
    rows = []
    for r in projects.itertuples():
        unit = "亿立方米/年" if r.capacity_unit == "立方米" else "万吨/年"
        capacity = quantity(r.capacity, unit, lang) if r.capacity == r.capacity else "–"
        product = product_label(product_code(r.product), lang)
        status = f"{status_label(r.status, lang)}（{r.status_raw}）· {r.report_date}"
        rows += [
            _row(pick((r.name_zh, r.name_en), lang), product, capacity, status),
            _quote_row(r.quote, 4),
        ]
    labels, values, texts = [], [], []
    for r in targets[targets["pipeline_product"].notna() & (targets["unit"] == "吨")].itertuples():
        name = pick((r.label_zh, r.label_en), lang)
        amount = pipeline.get(r.pipeline_product)
        labels += [f"{name} · {t('pipeline', lang)}", f"{name} · 2030"]
        values += [
            scaled(amount or 0.0, "万吨/年", lang)[0],
            scaled(r.target_value, "万吨/年", lang)[0],
        ]
        texts += [
            quantity(amount, "万吨/年", lang) if amount else t("answer_no_project", lang),
            quantity(r.target_value, "万吨/年", lang, r.qualifier),
        ]
    header = [
        pick(("项目", "Project"), lang),
        t("product", lang),
        pick(("产能", "Capacity"), lang),
        t("status", lang),
    ]
    return "".join([
        f"<section><h2>{_e(t('page_chemicals', lang))}</h2>", svg_bars(labels, values, texts),
        _table(header, rows), _sources(projects, reports, lang), "</section>",
    ])  # fmt: skip


def _metrics_section(title_key: str, chosen, metric_ids, chart_ids, reports, lang: str) -> str:
    rows = [row for row in (metric(chosen, m) for m in metric_ids) if row is not None]
    if not rows:
        return ""
    chart = ""
    chart_rows = [row for row in (metric(chosen, m) for m in chart_ids) if row is not None]
    if chart_rows:
        unit = chart_rows[0]["display_unit"]
        chart = svg_bars(
            [pick((r["label_zh"], r["label_en"]), lang) for r in chart_rows],
            [scaled(float(r["value"]), unit, lang)[0] for r in chart_rows],
            [quantity(r["value"], unit, lang, r["qualifier"]) for r in chart_rows],
        )
    return "".join([
        f"<section><h2>{_e(t(title_key, lang))}</h2>", chart, _metric_table(rows, lang),
        _sources(pd.DataFrame(rows), reports, lang), "</section>",
    ])  # fmt: skip


def briefing_html(
    metrics: pd.DataFrame,
    targets: pd.DataFrame,
    projects: pd.DataFrame,
    reports: pd.DataFrame,
    lang: str,
    report: str = LATEST,
) -> str:
    """The whole briefing as one HTML document, of published rows only: officials get verified
    numbers; the rows still waiting for review are counted, never shown."""
    waiting = int(is_proposed(metrics).sum() + is_proposed(projects).sum())
    metrics, projects = published(metrics), published(projects)
    chosen = rows_for_report(metrics, report, "metric_id")
    made = f"{beijing()} {t('beijing_time', lang)}"
    title = _e(t("briefing_title", lang))
    parts = [
        f"<!doctype html><html lang={'en' if lang == 'en' else 'zh-CN'}><head><meta charset=utf-8>",
        f"<title>{title}</title><style>{STYLE}</style></head><body><h1>{title}</h1>",
        f"<p class=meta>{_e(t('briefing_made', lang, made=made))}</p>",
        f"<p class=meta>{_e(t('briefing_unverified', lang, n=waiting))}</p>" if waiting else "",
        _summary_section(metrics, chosen, targets, projects, reports, lang, report),
        _targets_section(targets, projects, metrics, reports, lang),
        _chemicals_section(targets, latest_projects(projects, report), reports, lang),
    ]
    for title_key, metric_ids, chart_ids in SECTIONS:
        parts.append(_metrics_section(title_key, chosen, metric_ids, chart_ids, reports, lang))
    parts.append("</body></html>")
    return "\n".join(parts)
