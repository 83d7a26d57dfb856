"""Coal chemicals: the project pipeline (filterable, in the URL), capacity by product and status,
the pipeline against each 2030 target, status changes between reports, and a margin calculator."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.calc import (
    gas_margin_per_tonne,
    implied_gas_per_tonne,
    latest_projects,
    methanol_profit_per_tonne,
    metric,
    rows_for_report,
    status_changes,
    what_changed,
)
from dashboard.components import charts
from dashboard.components.changes import changes_table
from dashboard.components.provenance import downloads, quotes, source_line
from dashboard.context import current, publish, seed_many
from dashboard.fmt import number, quantity, scaled
from dashboard.i18n import PRODUCT_BY_NAME, PRODUCTS, STATUS, pick, t

view = current()
lang = view.lang
all_projects = data.table("projects")
reports = data.table("reports")
metrics = rows_for_report(data.table("metrics"), "latest", "metric_id")
targets = data.table("targets")
st.title(t("page_chemicals", lang))

projects = latest_projects(all_projects, view.report).assign(
    product_code=lambda frame: frame["product"].map(PRODUCT_BY_NAME)
)
companies = sorted(
    {name for names in all_projects["companies"].dropna() for name in names.split("、")}
)

seed_many("product", list(PRODUCTS))
seed_many("status", list(STATUS))
seed_many("company", companies)
with st.container(border=True):
    st.markdown(f"**{t('filters', lang)}**")
    left, middle, right = st.columns(3)
    products = left.multiselect(
        t("product", lang),
        list(PRODUCTS),
        format_func=lambda c: pick(PRODUCTS[c], lang),
        key="product",
        placeholder=t("all", lang),
    )
    statuses = middle.multiselect(
        t("status", lang),
        list(STATUS),
        format_func=lambda s: pick(STATUS[s], lang),
        key="status",
        placeholder=t("all", lang),
    )
    chosen_companies = right.multiselect(
        t("company", lang), companies, key="company", placeholder=t("all", lang)
    )
for key, value in (("product", products), ("status", statuses), ("company", chosen_companies)):
    publish(key, value)

shown = projects
if products:
    shown = shown[shown["product_code"].isin(products)]
if statuses:
    shown = shown[shown["status"].isin(statuses)]
if chosen_companies:
    shown = shown[
        shown["companies"]
        .fillna("")
        .apply(lambda names: any(c in names.split("、") for c in chosen_companies))
    ]


def capacity_text(row) -> str:
    if row.capacity != row.capacity:
        return "–"
    unit = "亿立方米/年" if row.capacity_unit == "立方米" else "万吨/年"
    return quantity(row.capacity, unit, lang)


st.subheader(t("projects_table", lang))
if shown.empty:
    st.info(t("nothing_here", lang))
else:
    table = pd.DataFrame(
        {
            pick(("项目", "Project"), lang): [
                pick((r.name_zh, r.name_en), lang) for r in shown.itertuples()
            ],
            t("product", lang): [pick(PRODUCTS[c], lang) for c in shown["product_code"]],
            t("company", lang): shown["companies"].fillna(""),
            pick(("产能", "Capacity"), lang): [capacity_text(r) for r in shown.itertuples()],
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
    quotes(
        shown.assign(label=[pick((r.name_zh, r.name_en), lang) for r in shown.itertuples()]), lang
    )
    downloads(shown.drop(columns=["product_code"]), "projects", lang, key="chemicals_projects")

    st.subheader(t("capacity_chart", lang))
    for base_unit, display_unit in (("吨", "万吨/年"), ("立方米", "亿立方米/年")):
        group = shown[shown["capacity_unit"] == base_unit]
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
                    "text": [capacity_text(r) for r in rows.itertuples()],
                    "quotes": list(rows["quote"]),
                    "color": charts.STATUS_COLORS.get(status),
                }
            )
        title = (
            f"{t('capacity_chart', lang)}（{unit_label}）"
            if lang == "zh"
            else f"{t('capacity_chart', lang)} ({unit_label})"
        )
        st.plotly_chart(
            charts.grouped_bars(series, title, unit_label, stacked=True),
            key=f"chemicals_capacity_{base_unit}",
        )
    st.caption(
        pick(
            (
                "天池能源20亿立方米项目计入其所属的60亿立方米项目组，不重复计算。",
                "The Tianchi 2 billion m³ project is counted within its 6 billion m³ group.",
            ),
            lang,
        )
    )

st.subheader(t("pipeline_chart", lang))
capacity_targets = targets[targets["pipeline_product"].notna()]
pipeline = latest_projects(all_projects)
pipeline = pipeline[pipeline["part_of"].isna()]
for base_unit, display_unit in (("吨", "万吨/年"), ("立方米", "亿立方米/年")):
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
    title = (
        f"{t('pipeline_chart', lang)}（{unit_label}）"
        if lang == "zh"
        else f"{t('pipeline_chart', lang)} ({unit_label})"
    )
    st.plotly_chart(
        charts.grouped_bars(series, title, unit_label), key=f"chemicals_pipeline_{base_unit}"
    )
st.caption(t("overview_chart_note", lang))
source_line(pd.concat([capacity_targets, pipeline]), reports, lang)
downloads(
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
    lang,
    key="chemicals_targets",
)

st.subheader(t("what_changed", lang))
changed = what_changed(data.table("metrics"), all_projects, reports, view.report)
changes_table(
    changed[changed["kind"].isin(["new_project", "status"])] if len(changed) else changed,
    reports,
    lang,
    "chemicals_latest",
)

st.subheader(t("status_changes", lang))
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
    quotes(
        changes.assign(
            label=changes["name_zh"], quote=changes["quote_after"], report_date=changes["to_date"]
        ),
        lang,
    )
    downloads(changes, "status_changes", lang, key="chemicals_changes")

st.subheader(t("calculator", lang))
per_tonne = pick(("元/吨", "CNY/t"), lang)
st.caption(t("calculator_note", lang))
cost_row, price_row, margin_row = (
    metric(metrics, m)
    for m in ("coal_to_gas_cost", "coal_to_gas_price", "coal_to_gas_margin_per_tonne_coal")
)
m_cost, m_price, m_profit = (
    metric(metrics, m) for m in ("methanol_cost", "methanol_price", "methanol_profit")
)
gas_column, methanol_column = st.columns(2)
if cost_row is not None and price_row is not None and margin_row is not None:
    cost_high = (
        float(cost_row["value_high"])
        if cost_row["value_high"] == cost_row["value_high"]
        else float(cost_row["value"])
    )
    price, margin = float(price_row["value"]), float(margin_row["value"])
    yield_ = implied_gas_per_tonne(margin, price, cost_high)
    with gas_column.container(border=True):
        cost = st.slider(t("gas_cost", lang), 0.5, 3.0, cost_high, 0.05, key="chemicals_gas_cost")
        sell = st.slider(t("gas_price", lang), 1.0, 5.0, price, 0.05, key="chemicals_gas_price")
        gas = st.slider(
            t("gas_yield", lang), 200.0, 700.0, round(yield_, 1), 5.0, key="chemicals_gas_yield"
        )
        st.metric(
            t("gas_margin", lang),
            f"{number(gas_margin_per_tonne(cost, sell, gas), lang)} {per_tonne}",
        )
        st.caption(
            t("report_result", lang, value=quantity(margin, "元/吨", lang, margin_row["qualifier"]))
        )
        st.caption(
            t(
                "gas_yield_note",
                lang,
                cost=number(cost_high, lang),
                price=number(price, lang),
                margin=number(margin, lang),
                yield_=number(yield_, lang),
            )
        )
if m_cost is not None and m_price is not None and m_profit is not None:
    with methanol_column.container(border=True):
        cost_m = st.slider(
            t("methanol_cost", lang),
            500.0,
            3000.0,
            float(m_cost["value"]),
            50.0,
            key="chemicals_methanol_cost",
        )
        price_m = st.slider(
            t("methanol_price", lang),
            1000.0,
            4000.0,
            float(m_price["value"]),
            50.0,
            key="chemicals_methanol_price",
        )
        st.metric(
            t("methanol_profit", lang),
            f"{number(methanol_profit_per_tonne(cost_m, price_m), lang)} {per_tonne}",
        )
        st.caption(
            t("report_result", lang, value=quantity(float(m_profit["value"]), "元/吨", lang))
        )
calculator_rows = pd.DataFrame(
    [r for r in (cost_row, price_row, margin_row, m_cost, m_price, m_profit) if r is not None]
)
if not calculator_rows.empty:
    source_line(calculator_rows, reports, lang)
    quotes(
        calculator_rows.assign(
            label=[pick((r.label_zh, r.label_en), lang) for r in calculator_rows.itertuples()]
        ),
        lang,
    )
