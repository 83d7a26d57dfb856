"""The coal-chemical project pipeline on screen: filters, table, capacity by product and status,
the pipeline against the 2030 targets, and the history of status changes."""

import pandas as pd
import streamlit as st

from dashboard.calc import latest_projects, status_changes
from dashboard.components import charts
from dashboard.components.provenance import source_line, sources_and_data
from dashboard.context import publish, seed_many
from dashboard.fmt import quantity, scaled
from dashboard.i18n import PRODUCTS, STATUS, pick, t

UNITS = (("吨", "万吨/年"), ("立方米", "亿立方米/年"))


def filters(companies: list[str] | None, lang: str) -> tuple[list[str], list[str], list[str]]:
    """Product, status and (given companies) company choices, kept in the URL
    (?product=…&status=…&company=…): the chemicals page and the map share them."""
    choices = [
        ("product", list(PRODUCTS), lambda c: pick(PRODUCTS[c], lang)),
        ("status", list(STATUS), lambda s: pick(STATUS[s], lang)),
    ]
    if companies is not None:
        choices.append(("company", companies, str))
    chosen: list[list[str]] = []
    with st.container(border=True):
        st.markdown(f"**{t('filters', lang)}**")
        for column, (key, options, label) in zip(st.columns(len(choices)), choices, strict=True):
            seed_many(key, options)
            values = column.multiselect(
                t(key, lang), options, format_func=label, key=key, placeholder=t("all", lang)
            )
            publish(key, values)
            chosen.append(values)
    return chosen[0], chosen[1], chosen[2] if companies is not None else []


def capacity_text(row, lang: str) -> str:
    if row.capacity != row.capacity:
        return "–"
    unit = "亿立方米/年" if row.capacity_unit == "立方米" else "万吨/年"
    return quantity(row.capacity, unit, lang)


def _titled(key: str, unit_label: str, lang: str) -> str:
    return f"{t(key, lang)}（{unit_label}）" if lang == "zh" else f"{t(key, lang)} ({unit_label})"


def project_table(shown: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    """The projects as a table with their sources, sentences and downloads."""
    table = pd.DataFrame(
        {
            pick(("项目", "Project"), lang): [
                pick((r.name_zh, r.name_en), lang) for r in shown.itertuples()
            ],
            t("product", lang): [pick(PRODUCTS[c], lang) for c in shown["product_code"]],
            t("company", lang): shown["companies"].fillna(""),
            pick(("产能", "Capacity"), lang): [capacity_text(r, lang) for r in shown.itertuples()],
            pick(("总投资", "Investment"), lang): [
                quantity(v, "亿元", lang) if v == v else "–" for v in shown["investment_cny"]
            ],
            t("status", lang): [
                f"{pick(STATUS[s], lang)}（{w}）"
                for s, w in zip(shown["status"], shown["status_raw"], strict=True)
            ],
            pick(("园区", "Park"), lang): shown["park"].fillna(""),
            pick(("报道", "Report"), lang): shown["report_date"],
        }
    )
    st.dataframe(table, hide_index=True, key="chemicals_table")
    source_line(shown, reports, lang)
    named = shown.assign(label=[pick((r.name_zh, r.name_en), lang) for r in shown.itertuples()])
    table = shown.drop(columns=["product_code"])
    sources_and_data(named, lang, table, "projects", "chemicals_projects")


def capacity_charts(shown: pd.DataFrame, lang: str) -> None:
    """Capacity of the shown projects by product, stacked by status, one chart per unit; a
    project counted within a group (part_of) is left out of the stack, as in every sum."""
    counted = shown[shown["part_of"].isna() | (shown["part_of"] == "")]
    for base_unit, display_unit in UNITS:
        group = counted[counted["capacity_unit"] == base_unit]
        if group.empty:
            continue
        unit_label = scaled(0, display_unit, lang)[1]
        series = []
        for status, rows in group.groupby("status", sort=False):
            series.append(
                {
                    "name": pick(STATUS[status], lang),
                    "x": [pick(PRODUCTS[c], lang) for c in rows["product_code"]],
                    "y": [scaled(v, display_unit, lang)[0] for v in rows["capacity"]],
                    "text": [capacity_text(r, lang) for r in rows.itertuples()],
                    "quotes": list(rows["quote"]),
                    "color": charts.STATUS_COLORS.get(status),
                }
            )
        title = _titled("capacity_chart", unit_label, lang)
        st.plotly_chart(
            charts.grouped_bars(series, title, unit_label, stacked=True),
            key=f"chemicals_capacity_{base_unit}",
        )
    names = shown.drop_duplicates("project_id").set_index("project_id")
    for row in shown[~shown.index.isin(counted.index)].itertuples():
        group = names.loc[row.part_of] if row.part_of in names.index else None
        group_name = (
            pick((group["name_zh"], group["name_en"]), lang) if group is not None else row.part_of
        )
        st.caption(
            t(
                "part_of_note",
                lang,
                project=pick((row.name_zh, row.name_en), lang),
                group=group_name,
            )
        )


def pipeline_charts(
    targets: pd.DataFrame, all_projects: pd.DataFrame, reports: pd.DataFrame, lang: str
) -> None:
    """Project capacity per product against its 2030 target, one chart per unit."""
    capacity_targets = targets[targets["pipeline_product"].notna()]
    pipeline = latest_projects(all_projects)
    pipeline = pipeline[pipeline["part_of"].isna()]
    for base_unit, display_unit in UNITS:
        group = capacity_targets[capacity_targets["unit"] == base_unit]
        if group.empty:
            continue
        unit_label = scaled(0, display_unit, lang)[1]
        names = [pick((r.label_zh, r.label_en), lang) for r in group.itertuples()]
        sums = [
            float(pipeline[pipeline["product"] == p]["capacity"].sum())
            for p in group["pipeline_product"]
        ]
        series = [
            {
                "name": t("pipeline", lang),
                "x": names,
                "y": [scaled(v, display_unit, lang)[0] for v in sums],
                "text": [quantity(v, display_unit, lang) for v in sums],
                "quotes": [
                    "\n".join(pipeline[pipeline["product"] == p]["quote"])
                    for p in group["pipeline_product"]
                ],
            },
            {
                "name": pick(("2030年目标", "2030 target"), lang),
                "x": names,
                "y": [scaled(v, display_unit, lang)[0] for v in group["target_value"]],
                "text": [
                    quantity(r.target_value, display_unit, lang, r.qualifier)
                    for r in group.itertuples()
                ],
                "quotes": list(group["quote"]),
            },
        ]
        title = _titled("pipeline_chart", unit_label, lang)
        st.plotly_chart(
            charts.grouped_bars(series, title, unit_label), key=f"chemicals_pipeline_{base_unit}"
        )
    st.caption(t("overview_chart_note", lang))
    source_line(pd.concat([capacity_targets, pipeline]), reports, lang)
    sources_and_data(
        capacity_targets,
        lang,
        capacity_targets[
            [
                "target_id",
                "label_zh",
                "label_en",
                "unit",
                "target_year",
                "target_value",
                "qualifier",
                "pipeline_product",
                "quote",
                "source",
                "report_date",
            ]
        ],
        "pipeline_targets",
        "chemicals_targets",
    )


def status_history(all_projects: pd.DataFrame, lang: str) -> None:
    """Every status change of a project group between reports."""
    changes = status_changes(all_projects)
    if changes.empty:
        st.info(t("no_changes", lang))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    pick(("项目", "Project"), lang): [
                        pick((r.name_zh, r.name_en), lang) for r in changes.itertuples()
                    ],
                    pick(("此前", "Before"), lang): [
                        f"{r.from_date} {pick(STATUS[r.from_status], lang)}（{r.from_words}）"
                        for r in changes.itertuples()
                    ],
                    pick(("此后", "After"), lang): [
                        f"{r.to_date} {pick(STATUS[r.to_status], lang)}（{r.to_words}）"
                        for r in changes.itertuples()
                    ],
                }
            ),
            hide_index=True,
            key="chemicals_changes",
        )
        sources_and_data(
            changes.assign(
                label=changes["name_zh"],
                quote=changes["quote_after"],
                report_date=changes["to_date"],
            ),
            lang,
            changes,
            "status_changes",
            "chemicals_changes",
        )
