"""Calculations behind the pages, as plain functions of the curated tables (no Streamlit here)."""

import math

import numpy as np
import pandas as pd

LATEST = "latest"


def rows_for_report(table: pd.DataFrame, report: str, key: str) -> pd.DataFrame:
    """Rows of one report, or for `latest` each `key`'s row from its newest report."""
    if report != LATEST:
        return table[table["report_id"] == report]
    ordered = table.sort_values(["report_date", "report_id"])
    return ordered.drop_duplicates(key, keep="last").sort_index()


def metric(metrics: pd.DataFrame, metric_id: str) -> pd.Series | None:
    """The row of `metric_id` in an already report-filtered metrics table, or None (the last
    when several; found by position, without copying the table)."""
    positions = np.flatnonzero(metrics["metric_id"].to_numpy() == metric_id)
    return metrics.iloc[positions[-1]] if len(positions) else None


def cagr(base: float, target: float, years: float) -> float | None:
    """Compound annual growth from `base` to `target` over `years`."""
    if not base or base <= 0 or target <= 0 or not years or years <= 0:
        return None
    return (target / base) ** (1 / years) - 1


def latest_projects(projects: pd.DataFrame, report: str = LATEST) -> pd.DataFrame:
    """Each project's row in `report`; for `latest`, its latest row that states a stage (a plan
    or condition mentioning it later changes nothing), else its latest mention."""
    if report != LATEST:
        return rows_for_report(projects, report, "project_id")
    ordered = projects.assign(_stage=projects["sets_stage"].astype(bool)).sort_values(
        ["_stage", "report_date", "report_id"]
    )
    return ordered.drop_duplicates("project_id", keep="last").drop(columns="_stage").sort_index()


def filter_projects(
    projects: pd.DataFrame, products: list[str], statuses: list[str], companies: list[str]
) -> pd.DataFrame:
    """Projects of the chosen product codes, statuses and companies (nothing chosen: all)."""
    shown = projects
    if products:
        shown = shown[shown["product_code"].isin(products)]
    if statuses:
        shown = shown[shown["status"].isin(statuses)]
    if companies:
        named = shown["companies"].fillna("").str.split("、")
        shown = shown[[any(c in names for c in companies) for names in named]]
    return shown


def pipeline_by_product(projects: pd.DataFrame) -> dict[str, float]:
    """Capacity of the given projects per product (base units); parts of a group count once."""
    capacities = projects.dropna(subset=["capacity"])
    capacities = capacities[capacities["part_of"].isna() | (capacities["part_of"] == "")]
    return capacities.groupby("product")["capacity"].sum().to_dict()


def status_changes(projects: pd.DataFrame) -> pd.DataFrame:
    """Projects whose stage more than one report states, with the stage in each, oldest first
    (a plan or condition that mentions a project states no stage)."""
    stated = projects[projects["sets_stage"].astype(bool)]
    ordered = stated.sort_values(["project_id", "report_date"])
    rows = []
    for project_id, group in ordered.groupby("project_id", sort=False):
        if len(group) < 2:
            continue
        for before, after in zip(
            group.iloc[:-1].itertuples(), group.iloc[1:].itertuples(), strict=True
        ):
            rows.append(
                {
                    "project_id": project_id,
                    "name_zh": after.name_zh,
                    "name_en": after.name_en,
                    "product": after.product,
                    "from_date": before.report_date,
                    "from_status": before.status,
                    "from_words": before.status_raw,
                    "to_date": after.report_date,
                    "to_status": after.status,
                    "to_words": after.status_raw,
                    "changed": before.status != after.status,
                    "quote_before": before.quote,
                    "quote_after": after.quote,
                }
            )
    return pd.DataFrame(rows)


def target_progress(
    targets: pd.DataFrame, projects: pd.DataFrame, metrics: pd.DataFrame
) -> pd.DataFrame:
    """Targets with their stored current value, gap, progress and reading, and the pipeline.

    The current value is only a reported fact of the target's own measure (`current_value` in
    targets.csv); without one, current, gap and progress are empty ("not reported"). The
    reading and its reason are the table's, computed in data_prep. `pipeline` is the capacity
    of the projects the reports name for a capacity target's product, at any stage: never a
    current value or progress.
    """
    pipeline = pipeline_by_product(latest_projects(projects))
    rows = []
    for target in targets.itertuples():
        stated = not pd.isna(target.current_value)
        current = float(target.current_value) if stated else math.nan
        target_value = float(target.target_value)
        product = target.pipeline_product if isinstance(target.pipeline_product, str) else ""
        rows.append(
            {
                "target_id": target.target_id,
                "current": current,
                "current_kind": "stated" if stated else "",
                "gap": target_value - current if stated else math.nan,
                "progress": current / target_value if stated else math.nan,
                "cagr_needed": (
                    float(target.required_growth)
                    if not pd.isna(target.required_growth)
                    else math.nan
                ),
                "pipeline": float(pipeline[product]) if product in pipeline else math.nan,
            }
        )
    return targets.merge(pd.DataFrame(rows), on="target_id")


def gas_margin_per_tonne(cost: float, price: float, gas_per_tonne: float) -> float:
    """Gross margin per tonne of feed coal: (price − cost) × gas made from one tonne."""
    return (price - cost) * gas_per_tonne


def implied_gas_per_tonne(margin: float, price: float, cost: float) -> float:
    """The gas yield that makes the report's margin come out at its price and cost."""
    return margin / (price - cost)


def methanol_profit_per_tonne(cost: float, price: float) -> float:
    return price - cost


def material_flows(metrics: pd.DataFrame) -> list[tuple[str, str, float, str]]:
    """Links (source, target, width in 万吨, metric behind it) of the two material chains."""

    def value(metric_id: str) -> float | None:
        row = metric(metrics, metric_id)
        return None if row is None else float(row["value"]) / 1e4

    aluminium, products = value("aluminium_capacity"), value("aluminium_products_capacity")
    silicon, poly = value("industrial_silicon_capacity"), value("polysilicon_capacity")
    links: list[tuple[str, str, float, str]] = []
    if aluminium:
        links += [
            ("node_coal", "node_power", aluminium, ""),
            ("node_power", "node_aluminium", aluminium, "aluminium_capacity"),
        ]
        if products:
            links.append(
                ("node_aluminium", "node_al_products", products, "aluminium_products_capacity")
            )
    if silicon:
        links += [
            ("node_coal", "node_power", silicon, ""),
            ("node_power", "node_silicon", silicon, "industrial_silicon_capacity"),
        ]
        if poly:
            links.append(("node_silicon", "node_polysilicon", poly, "polysilicon_capacity"))
            if metric(metrics, "wafer_slicing_capacity") is not None:
                links.append(("node_polysilicon", "node_wafer", poly, "wafer_slicing_capacity"))
    return links


def report_order(reports: pd.DataFrame) -> list[str]:
    """Report ids, oldest first."""
    return list(reports.sort_values(["report_date", "report_id"])["report_id"])


def what_changed(
    metrics: pd.DataFrame, projects: pd.DataFrame, reports: pd.DataFrame, report: str = LATEST
) -> pd.DataFrame:
    """What the chosen (or newest) report says that the reports before it did not.

    kind: new_project (a project named for the first time), status (a project's status moved),
    revised (a metric for the same year with another value), new_value (a metric reported for a
    later year or period), new_metric (reported for the first time).
    """
    # A report with no rows here (on the hosted link: all its rows await review) says nothing yet.
    with_rows = set(metrics["report_id"].astype(str)) | set(projects["report_id"].astype(str))
    order = [report_id for report_id in report_order(reports) if str(report_id) in with_rows]
    if not order or (
        report != LATEST and report not in order and report in reports["report_id"].values
    ):
        return pd.DataFrame([])
    current = order[-1] if report == LATEST or report not in order else report
    earlier = order[: order.index(current)]
    rows: list[dict] = []
    if not earlier:
        return pd.DataFrame(rows)
    before_projects = projects[projects["report_id"].isin(earlier)].sort_values("report_date")
    for row in projects[projects["report_id"] == current].itertuples():
        history = before_projects[before_projects["project_id"] == row.project_id]
        named_before = not history.empty
        if named_before and not row.sets_stage:
            continue  # a plan or condition mentions it again: no stage changed
        history = history[history["sets_stage"].astype(bool)]
        base = {
            "id": row.project_id,
            "label_zh": row.name_zh,
            "label_en": row.name_en,
            "after": row.status,
            "after_words": row.status_raw,
            "quote": row.quote,
            "review_status": getattr(row, "review_status", "seed"),
        }
        if not named_before:
            rows.append({"kind": "new_project", "before": "", **base})
        elif history.empty:
            continue
        elif history.iloc[-1]["status"] != row.status:
            last = history.iloc[-1]
            rows.append(
                {
                    "kind": "status",
                    "before": last["status"],
                    "before_words": last["status_raw"],
                    "before_date": last["report_date"],
                    **base,
                }
            )
    before_metrics = metrics[metrics["report_id"].isin(earlier)].sort_values("report_date")
    for row in metrics[metrics["report_id"] == current].itertuples():
        history = before_metrics[before_metrics["metric_id"] == row.metric_id]
        base = {
            "id": row.metric_id,
            "label_zh": row.label_zh,
            "label_en": row.label_en,
            "after": row.value,
            "after_year": row.year,
            "display_unit": row.display_unit,
            "qualifier": row.qualifier,
            "quote": row.quote,
            "review_status": getattr(row, "review_status", "seed"),
        }
        if history.empty:
            rows.append({"kind": "new_metric", "before": "", **base})
            continue
        last = history.iloc[-1]
        extra = {
            "before": last["value"],
            "before_year": last["year"],
            "before_date": last["report_date"],
        }
        if str(last["year"]) == str(row.year) and float(last["value"]) != float(row.value):
            rows.append({"kind": "revised", **extra, **base})
        elif str(last["year"]) != str(row.year) and row.year_basis != "report date":
            rows.append({"kind": "new_value", **extra, **base})
    changed = pd.DataFrame(rows).assign(report_id=current, previous_id=earlier[-1])
    changed.attrs["previous_id"] = earlier[-1]  # kept when nothing changed, so pages can say so
    return changed


def series(metrics: pd.DataFrame, metric_ids: list[str]) -> pd.DataFrame:
    """Rows of the metrics that more than one report gives, ordered in time: the x value is the
    year the sentence gives or implies (十四五收官 → 2025), else the report's date."""
    rows = metrics[metrics["metric_id"].isin(metric_ids)]
    counts = rows.groupby("metric_id")["report_id"].nunique()
    rows = rows[rows["metric_id"].isin(counts[counts > 1].index)]
    rows = rows.assign(
        when=[
            str(y) if basis != "report date" else str(d)
            for y, basis, d in zip(
                rows["year"], rows["year_basis"], rows["report_date"], strict=True
            )
        ]
    )
    return rows.sort_values(["metric_id", "report_date"])
