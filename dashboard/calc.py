"""Calculations behind the pages, as plain functions of the curated tables (no Streamlit here)."""

import math

import pandas as pd

from dashboard.fmt import percent

LATEST = "latest"
# The growth rate that output targets are judged against.
REFERENCE_GROWTH = "industrial_value_added_growth"


def rows_for_report(table: pd.DataFrame, report: str, key: str) -> pd.DataFrame:
    """Rows of one report, or for `latest` each `key`'s row from its newest report."""
    if report != LATEST:
        return table[table["report_id"] == report]
    ordered = table.sort_values(["report_date", "report_id"])
    return ordered.drop_duplicates(key, keep="last").sort_index()


def metric(metrics: pd.DataFrame, metric_id: str) -> pd.Series | None:
    """The row of `metric_id` in an already report-filtered metrics table, or None."""
    rows = metrics[metrics["metric_id"] == metric_id]
    return rows.iloc[-1] if len(rows) else None


def cagr(base: float, target: float, years: float) -> float | None:
    """Compound annual growth from `base` to `target` over `years`."""
    if not base or base <= 0 or target <= 0 or not years or years <= 0:
        return None
    return (target / base) ** (1 / years) - 1


def latest_projects(projects: pd.DataFrame, report: str = LATEST) -> pd.DataFrame:
    """Each project's row in `report`, or its latest row."""
    return rows_for_report(projects, report, "project_id")


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
    """Projects named in more than one report, with their status in each, oldest first."""
    ordered = projects.sort_values(["project_id", "report_date"])
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
    """Targets with current value, gap, progress, the growth they need, and a reading.

    The current value is the target's stated or derived baseline; for capacity targets with no
    baseline it is the capacity of the projects the reports name for that product (`pipeline`).
    Reading: output targets (with a baseline and a year) compare the annual growth they need with
    the reported growth of industrial value added; capacity targets compare the pipeline with the
    target; anything else is not judged.
    """
    pipeline = pipeline_by_product(latest_projects(projects))
    reference = metric(rows_for_report(metrics, LATEST, "metric_id"), REFERENCE_GROWTH)
    rows = []
    for target in targets.itertuples():
        current, current_kind, current_year, qualifier = math.nan, "", math.nan, ""
        if not pd.isna(target.baseline_value):
            current = float(target.baseline_value)
            qualifier = "" if pd.isna(target.baseline_qualifier) else target.baseline_qualifier
            current_kind = "derived" if target.baseline_is_derived else "stated"
            current_year = target.baseline_year
        elif isinstance(target.pipeline_product, str) and target.pipeline_product in pipeline:
            current = float(pipeline[target.pipeline_product])
            current_kind = "pipeline"
        target_value = float(target.target_value)
        years = (
            float(target.target_year) - float(current_year)
            if not pd.isna(target.target_year) and not pd.isna(current_year)
            else math.nan
        )
        need = cagr(current, target_value, years) if current_kind in ("stated", "derived") else None
        progress = current / target_value if not math.isnan(current) else math.nan
        reading, basis = "none", ("basis_none", {})
        if current_kind == "pipeline":
            reading = "covered" if progress >= 1 else "partly"
            basis = ("basis_pipeline", {"pct": percent(progress)})
        elif need is not None and target.unit == "元" and reference is not None:
            have = float(reference["value"]) / 100
            reading = "on_track" if need <= have else "at_risk"
            basis = (
                "basis_growth",
                {
                    "need": percent(need, 1),
                    "have": percent(have, 1),
                    "source": reference["report_date"],
                },
            )
        rows.append(
            {
                "target_id": target.target_id,
                "current": current,
                "current_kind": current_kind,
                "current_qualifier": qualifier,
                "current_year": current_year,
                "gap": target_value - current if not math.isnan(current) else math.nan,
                "progress": progress,
                "cagr_needed": need if need is not None else math.nan,
                "reading": reading,
                "basis_key": basis[0],
                "basis_values": basis[1],
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
    order = report_order(reports)
    current = order[-1] if report == LATEST or report not in order else report
    earlier = order[: order.index(current)]
    rows: list[dict] = []
    if not earlier:
        return pd.DataFrame(rows)
    before_projects = projects[projects["report_id"].isin(earlier)].sort_values("report_date")
    for row in projects[projects["report_id"] == current].itertuples():
        history = before_projects[before_projects["project_id"] == row.project_id]
        base = {
            "id": row.project_id,
            "label_zh": row.name_zh,
            "label_en": row.name_en,
            "after": row.status,
            "after_words": row.status_raw,
            "quote": row.quote,
        }
        if history.empty:
            rows.append({"kind": "new_project", "before": "", **base})
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
        elif str(last["year"]) != str(row.year) and row.year_basis == "sentence":
            rows.append({"kind": "new_value", **extra, **base})
    return pd.DataFrame(rows).assign(report_id=current, previous_id=earlier[-1])


def series(metrics: pd.DataFrame, metric_ids: list[str]) -> pd.DataFrame:
    """Rows of the metrics that more than one report gives, ordered in time: the x value is the
    year the sentence gives, else the report's date."""
    rows = metrics[metrics["metric_id"].isin(metric_ids)]
    counts = rows.groupby("metric_id")["report_id"].nunique()
    rows = rows[rows["metric_id"].isin(counts[counts > 1].index)]
    rows = rows.assign(
        when=[
            str(y) if basis == "sentence" else str(d)
            for y, basis, d in zip(
                rows["year"], rows["year_basis"], rows["report_date"], strict=True
            )
        ]
    )
    return rows.sort_values(["metric_id", "report_date"])
