"""The coal-chemical project pipeline on screen: filters, table, capacity by product and status,
the pipeline against the 2030 targets, and the history of status changes."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data
from dashboard.calc import latest_projects, status_changes
from dashboard.components import charts
from dashboard.components.choices import chinese_only
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.components.text import escape_markdown
from dashboard.context import publish, seed_many
from dashboard.fmt import quantity, scaled
from dashboard.i18n import PRODUCTS, STATUS, pick, product_label, status_label, t

UNITS = (("吨", "万吨/年"), ("立方米", "亿立方米/年"))
# Stages from the furthest along to a mere mention; each has its colour, named in the legend.
STAGES = [
    "operating",
    "trial_run",
    "under_construction",
    "eia_approved",
    "eia_review",
    "energy_review",
    "approved",
    "filed",
    "landed",
    "signed",
    "advancing",
    "planned",
    "mentioned",
]
STAGE_COLORS = {
    **charts.STATUS_COLORS,
    "operating": "#2e7d32",
    "signed": "#8064a2",
    "mentioned": "#d9d9d9",
}


def filters(companies: list[str] | None, lang: str) -> tuple[list[str], list[str], list[str]]:
    """Product, status and (given companies) company choices, kept in the URL
    (?product=…&status=…&company=…): the chemicals page and the map share them."""
    choices = [
        ("product", list(PRODUCTS), lambda c: product_label(c, lang)),
        ("status", list(STATUS), lambda s: status_label(s, lang)),
    ]
    if companies is not None:
        choices.append(("company", companies, str))
    chosen: list[list[str]] = []
    with st.container(border=True):
        st.markdown(f"**{t('filters', lang)}**")
        for column, (key, options, label) in zip(st.columns(len(choices)), choices, strict=True):
            seed_many(key, options)
            values = column.multiselect(
                t(key, lang),
                options,
                format_func=label,
                key=key,
                placeholder=t("all", lang),
                **chinese_only(lang, multi=True),
            )
            publish(key, values)
            chosen.append(values)
    return chosen[0], chosen[1], chosen[2] if companies is not None else []


def capacity_text(row, lang: str) -> str:
    if row.capacity != row.capacity:
        return "–"
    unit = "亿立方米/年" if row.capacity_unit == "立方米" else "万吨/年"
    return quantity(row.capacity, unit, lang)


def company_text(row, lang: str) -> str:
    """The companies, with the report that names them when this report's sentence does not."""
    companies = row.companies if isinstance(row.companies, str) else ""
    origin = getattr(row, "companies_from", "")
    if companies and isinstance(origin, str | int) and str(origin) not in ("", "nan"):
        note = t("companies_from_note", lang, report=f"{int(origin):03d}")
        return f"{companies}（{note}）" if lang == "zh" else f"{companies} ({note})"
    return companies


def _titled(key: str, unit_label: str, lang: str) -> str:
    return f"{t(key, lang)}（{unit_label}）" if lang == "zh" else f"{t(key, lang)} ({unit_label})"


def project_table(shown: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    """The projects as a table with their sources, sentences and downloads."""
    table, named, download, columns = data.shared(project_table_contents, shown, lang)
    name, investment, report = columns
    # Key columns first and the long name kept narrow, so that 总投资 and 报道 stay in view.
    st.dataframe(
        table,
        hide_index=True,
        key="chemicals_table",
        column_config={
            name: st.column_config.TextColumn(width="medium"),
            investment: st.column_config.TextColumn(width=110),
            report: st.column_config.TextColumn(width=80),
        },
    )
    source_line(shown, reports, lang)
    sources_and_data(named, lang, download, "projects", "chemicals_projects")


def project_table_contents(shown: pd.DataFrame, lang: str) -> tuple:
    """The table as shown, the projects with their labels (for the sentences), the download,
    and the names of the project, investment and report columns."""
    name = pick(("项目", "Project"), lang)
    investment, report = pick(("总投资", "Investment"), lang), pick(("报道", "Report"), lang)
    rows = list(shown.itertuples())
    names = [pick((r.name_zh, r.name_en), lang) for r in rows]
    table = pd.DataFrame(
        {
            name: names,
            t("status", lang): [
                f"{status_label(s, lang)}（{w}）"
                for s, w in zip(shown["status"], shown["status_raw"], strict=True)
            ],
            pick(("产能", "Capacity"), lang): [capacity_text(r, lang) for r in rows],
            investment: [
                quantity(v, "亿元", lang) if v == v else "–" for v in shown["investment_cny"]
            ],
            report: shown["report_date"],
            t("product", lang): [product_label(c, lang) for c in shown["product_code"]],
            t("company", lang): [company_text(r, lang) for r in rows],
            pick(("园区", "Park"), lang): shown["park"].fillna(""),
        }
    )
    named = shown.assign(label=names)
    return table, named, shown.drop(columns=["product_code"]), (name, investment, report)


def stacked_figure(
    series: list[dict], title: str, unit_label: str, forecast: dict | None = None
) -> go.Figure:
    """Stacked bars by stage, the legend always shown (the colours are stages), and the
    forecast (x, y, name, hovertext) as a red mark on each bar when given."""
    figure = charts.grouped_bars(series, title, unit_label, stacked=True)
    if forecast:
        figure.add_scatter(
            x=forecast["x"],
            y=forecast["y"],
            mode="markers",
            marker={"symbol": "line-ew-open", "size": 40, "line": {"width": 3}, "color": "#c0504d"},
            name=forecast["name"],
            hovertext=forecast["hovertext"],
            hoverinfo="text",
        )
    figure.update_layout(showlegend=True)
    return figure


def capacity_charts(shown: pd.DataFrame, lang: str) -> None:
    """Capacity of the shown projects by product, stacked by status, one chart per unit; a
    project counted within a group (part_of) is left out of the stack, as in every sum."""
    figures, notes = data.shared(capacity_contents, shown, lang)
    for base_unit, figure in figures:
        st.plotly_chart(figure, key=f"chemicals_capacity_{base_unit}")
    for note in notes:
        st.caption(note)


def capacity_contents(shown: pd.DataFrame, lang: str) -> tuple[list, list[str]]:
    """The capacity charts (base unit, figure) and the notes on projects inside a group and
    projects that share a company."""
    counted = shown[shown["part_of"].isna() | (shown["part_of"] == "")]
    figures = []
    for base_unit, display_unit in UNITS:
        group = counted[counted["capacity_unit"] == base_unit]
        if group.empty:
            continue
        unit_label = scaled(0, display_unit, lang)[1]
        series = []
        for status in [s for s in STAGES if s in set(group["status"])]:
            rows = group[group["status"] == status]
            series.append(
                {
                    "name": status_label(status, lang),
                    "x": [product_label(c, lang) for c in rows["product_code"]],
                    "y": [scaled(v, display_unit, lang)[0] for v in rows["capacity"]],
                    "text": [capacity_text(r, lang) for r in rows.itertuples()],
                    "quotes": list(rows["quote"]),
                    "color": STAGE_COLORS.get(status),
                }
            )
        title = _titled("capacity_chart", unit_label, lang)
        figures.append((base_unit, charts.finished(stacked_figure(series, title, unit_label))))
    names = shown.drop_duplicates("project_id").set_index("project_id")
    notes = []
    for row in shown[~shown.index.isin(counted.index)].itertuples():
        group = names.loc[row.part_of] if row.part_of in names.index else None
        group_name = (
            pick((group["name_zh"], group["name_en"]), lang) if group is not None else row.part_of
        )
        notes.append(
            t(
                "part_of_note",
                lang,
                project=pick((row.name_zh, row.name_en), lang),
                group=group_name,
            )
        )
    for project, other, shared in related_pairs(shown):
        notes.append(
            t(
                "related_note",
                lang,
                project=pick(tuple(names.loc[project, ["name_zh", "name_en"]]), lang),
                other=pick(tuple(names.loc[other, ["name_zh", "name_en"]]), lang),
                companies=shared,
            )
        )
    return figures, notes


def related_pairs(shown: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Pairs of shown projects that name a company in common and are not one inside the other:
    (project_id, other project_id, shared companies), each pair once."""
    ids = set(shown["project_id"])
    nested = {
        frozenset((r.project_id, r.part_of)) for r in shown.itertuples() if r.part_of == r.part_of
    }
    pairs: dict[frozenset, tuple[str, str, str]] = {}
    for row in shown.drop_duplicates("project_id").itertuples():
        flagged = (
            row.shares_companies_with
            if row.shares_companies_with == row.shares_companies_with
            else ""
        )
        for item in filter(None, str(flagged).split("；")):
            other, shared = item.rstrip("）").split("（", 1)
            pair = frozenset((row.project_id, other))
            if other in ids and pair not in nested and pair not in pairs:
                pairs[pair] = (row.project_id, other, shared)
    return list(pairs.values())


def stage_sums(pipeline: pd.DataFrame, product: str) -> dict[str, float]:
    """Capacity of a product's projects per stage (a project inside a group counts once)."""
    rows = pipeline[pipeline["product"] == product].dropna(subset=["capacity"])
    return {
        stage: float(rows[rows["status"] == stage]["capacity"].sum())
        for stage in STAGES
        if (rows["status"] == stage).any()
    }


def equals_named_projects(target_value: float, pipeline: pd.DataFrame, product: str) -> bool:
    """True when the target is exactly the sum of the projects the reports name for it."""
    total = sum(stage_sums(pipeline, product).values())
    return total > 0 and abs(total - float(target_value)) < 0.5


def counted_pipeline(all_projects: pd.DataFrame) -> pd.DataFrame:
    """Each project's latest stated stage (else its mention), groups' members left out."""
    pipeline = latest_projects(all_projects)
    return pipeline[pipeline["part_of"].isna() | (pipeline["part_of"] == "")]


def pipeline_charts(
    targets: pd.DataFrame, all_projects: pd.DataFrame, reports: pd.DataFrame, lang: str
) -> None:
    """Projects by stage, stacked, against each 2030 capacity forecast, one chart per unit; no
    stage is called current value or progress, and a forecast equal to its named projects is
    said to be so."""
    figures, notes, capacity_targets, behind, download = data.shared(
        pipeline_contents, targets, all_projects, lang
    )
    for base_unit, figure in figures:
        st.plotly_chart(figure, key=f"chemicals_pipeline_{base_unit}")
    st.caption(t("pipeline_stack_note", lang))
    for note in notes:
        st.caption(note)
    source_line(behind, reports, lang)
    sources_and_data(capacity_targets, lang, download, "pipeline_targets", "chemicals_targets")


PIPELINE_DOWNLOAD = [
    "target_id",
    "label_zh",
    "label_en",
    "target_kind",
    "unit",
    "target_year",
    "target_value",
    "qualifier",
    "pipeline_product",
    "current_value",
    "quote",
    "source",
    "report_date",
]


def pipeline_contents(
    targets: pd.DataFrame, all_projects: pd.DataFrame, lang: str
) -> tuple[list, list[str], pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The pipeline charts (base unit, figure), the notes on forecasts equal to their named
    projects, the capacity targets, the rows behind the charts (the counted pipeline and the
    targets, for the source line) and the targets' download."""
    capacity_targets = targets[targets["pipeline_product"].notna()]
    figures, notes = [], []
    pipeline = counted_pipeline(all_projects)
    for base_unit, display_unit in UNITS:
        group = capacity_targets[capacity_targets["unit"] == base_unit]
        if group.empty:
            continue
        unit_label = scaled(0, display_unit, lang)[1]
        names = [pick((r.label_zh, r.label_en), lang) for r in group.itertuples()]
        sums = [stage_sums(pipeline, p) for p in group["pipeline_product"]]
        series = []
        for stage in [s for s in STAGES if any(s in by_stage for by_stage in sums)]:
            values = [by_stage.get(stage, 0.0) for by_stage in sums]
            series.append(
                {
                    "name": status_label(stage, lang),
                    "x": names,
                    "y": [scaled(v, display_unit, lang)[0] for v in values],
                    "text": [quantity(v, display_unit, lang) if v else "" for v in values],
                    "quotes": [
                        "\n".join(
                            pipeline[(pipeline["product"] == p) & (pipeline["status"] == stage)][
                                "quote"
                            ]
                        )
                        for p in group["pipeline_product"]
                    ],
                    "color": STAGE_COLORS.get(stage),
                }
            )
        title = _titled("pipeline_stack", unit_label, lang)
        forecast = {
            "x": names,
            "y": [scaled(v, display_unit, lang)[0] for v in group["target_value"]],
            "name": pick(("2030年预测", "2030 forecast"), lang),
            "hovertext": list(group["quote"]),
        }
        figure = charts.finished(stacked_figure(series, title, unit_label, forecast))
        figures.append((base_unit, figure))
    for row in capacity_targets.itertuples():
        if equals_named_projects(row.target_value, pipeline, row.pipeline_product):
            named = pipeline[pipeline["product"] == row.pipeline_product]
            display = "亿立方米/年" if row.unit == "立方米" else "万吨/年"
            notes.append(
                t(
                    "equals_projects",
                    lang,
                    label=pick((row.label_zh, row.label_en), lang),
                    value=quantity(row.target_value, display, lang, row.qualifier),
                    names="、".join(pick((r.name_zh, r.name_en), lang) for r in named.itertuples()),
                )
            )
    return (
        figures,
        notes,
        capacity_targets,
        pd.concat([capacity_targets, pipeline]),
        capacity_targets[PIPELINE_DOWNLOAD],
    )


def mentions(all_projects: pd.DataFrame, lang: str) -> None:
    """Plans and conditions that name a project: listed with their sentences, no stage."""
    lines = data.shared(mention_lines, all_projects, lang)
    if lines:
        with st.expander(t("mentions", lang)):
            st.markdown("\n\n".join(lines))


def mention_lines(all_projects: pd.DataFrame, lang: str) -> list[str]:
    """Each mention as Markdown: the project, date and words, then its sentence quoted."""
    mentioned = all_projects[~all_projects["sets_stage"].astype(bool)]
    return [
        f"**{escape_markdown(pick((row.name_zh, row.name_en), lang))}** · "
        f"{row.report_date} · {escape_markdown(row.status_raw)}\n\n"
        f"> {escape_markdown(row.quote)}"
        for row in mentioned.itertuples()
    ]


def status_history(all_projects: pd.DataFrame, lang: str) -> None:
    """Every status change of a project group between reports."""
    table, sentences, changes = data.shared(status_history_contents, all_projects, lang)
    if changes.empty:
        st.info(t("no_stage_changes", lang))
        return
    st.dataframe(table, hide_index=True, key="chemicals_changes")
    sources_and_data(sentences, lang, changes, "status_changes", "chemicals_changes")


def status_history_contents(all_projects: pd.DataFrame, lang: str) -> tuple:
    """The status changes as shown, with their sentences, and as downloaded."""
    changes = status_changes(all_projects)
    if changes.empty:
        return None, None, changes
    rows = list(changes.itertuples())
    table = pd.DataFrame(
        {
            pick(("项目", "Project"), lang): [pick((r.name_zh, r.name_en), lang) for r in rows],
            pick(("此前", "Before"), lang): [
                f"{r.from_date} {status_label(r.from_status, lang)}（{r.from_words}）" for r in rows
            ],
            pick(("此后", "After"), lang): [
                f"{r.to_date} {status_label(r.to_status, lang)}（{r.to_words}）" for r in rows
            ],
        }
    )
    sentences = changes.assign(
        label=changes["name_zh"], quote=changes["quote_after"], report_date=changes["to_date"]
    )
    return table, sentences, changes
