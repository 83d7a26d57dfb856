"""The materials page's two chains (coal to power to aluminium and silicon) as one Sankey, once per
view and data version."""

import pandas as pd

from dashboard import data
from dashboard.calc import material_flows, metric
from dashboard.components import charts
from dashboard.components.metric_chart import chart_rows
from dashboard.fmt import quantity
from dashboard.i18n import t
from dashboard.review import mark

CHAIN_DOWNLOAD = [
    "metric_id",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "display_unit",
    "quote",
    "source",
    "report_date",
    "review_status",
]
# Columns left to right, aluminium above silicon; the wafer node sits lower than polysilicon so
# that the two labels do not run into each other. Labels are short lines, and the columns leave
# each label room before the next column at 390 px.
LAYOUT = {
    "node_coal": (0.01, 0.45),
    "node_power": (0.18, 0.45),
    "node_aluminium": (0.5, 0.3),
    "node_al_products": (0.78, 0.3),
    "node_silicon": (0.5, 0.85),
    "node_polysilicon": (0.72, 0.8),
    "node_wafer": (0.99, 0.95),
}


def chain_contents(metrics: pd.DataFrame, lang: str) -> tuple:
    """(the Sankey, the note under it, the rows behind it, their download); all None when the
    report gives no link of the chains."""
    links = material_flows(metrics)
    if not links:
        return None, None, None, None
    node_keys = list(dict.fromkeys(key for link in links for key in link[:2]))
    node_names = []
    for key in node_keys:
        behind = next((link[3] for link in links if link[1] == key and link[3]), "")
        row = metric(metrics, behind) if behind else None
        value = ""
        if row is not None:
            shown = quantity(row["value"], row["display_unit"], lang)
            value = f"\n{shown}{mark(row['review_status'], lang)}"
        node_names.append(t(key, lang) + value)
    merged: dict[tuple[int, int], list] = {}
    for source, target, width, metric_id in links:
        item = merged.setdefault(
            (node_keys.index(source), node_keys.index(target)), [0.0, metric_id]
        )
        item[0] += width
    quotes_by_metric = {m: metric(metrics, m)["quote"] for _, _, _, m in links if m}
    sankey_links = [
        (s, tgt, width, quotes_by_metric.get(m, "")) for (s, tgt), (width, m) in merged.items()
    ]
    positions = [LAYOUT.get(key, (0.5, 0.5)) for key in node_keys]
    figure = data.figure(charts.sankey, node_names, sankey_links, t("chains", lang), positions)
    wafer = metric(metrics, "wafer_slicing_capacity")
    note = t(
        "chains_note",
        lang,
        wafer=quantity(wafer["value"], wafer["display_unit"], lang) if wafer is not None else "–",
    )
    rows = chart_rows(metrics, [m for _, _, _, m in links if m] + ["aluminium_downstream_parks"])
    rows = rows.drop_duplicates("metric_id")
    return figure, note, rows, rows[CHAIN_DOWNLOAD]
