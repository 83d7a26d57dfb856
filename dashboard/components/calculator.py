"""The what-if calculator for the margins the article gives: sliders start at its numbers."""

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.calc import (
    gas_margin_per_tonne,
    implied_gas_per_tonne,
    methanol_profit_per_tonne,
    metric,
)
from dashboard.components.provenance import quotes, source_line
from dashboard.fmt import number, quantity
from dashboard.i18n import pick, t

CALCULATOR_METRICS = (
    "coal_to_gas_cost",
    "coal_to_gas_price",
    "coal_to_gas_margin_per_tonne_coal",
    "methanol_cost",
    "methanol_price",
    "methanol_profit",
)


def calculator_rows(metrics: pd.DataFrame) -> tuple:
    """The rows of CALCULATOR_METRICS (None for a metric the report lacks), and those found as
    one frame."""
    rows = tuple(metric(metrics, m) for m in CALCULATOR_METRICS)
    return rows, pd.DataFrame([r for r in rows if r is not None])


def margin_calculator(metrics: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    per_tonne = pick(("元/吨", "CNY/t"), lang)
    st.caption(t("calculator_note", lang))
    rows, found = data.shared(calculator_rows, metrics)
    cost_row, price_row, margin_row, m_cost, m_price, m_profit = rows
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
            cost = st.slider(
                t("gas_cost", lang), 0.5, 3.0, cost_high, 0.05, key="chemicals_gas_cost"
            )
            sell = st.slider(t("gas_price", lang), 1.0, 5.0, price, 0.05, key="chemicals_gas_price")
            gas = st.slider(
                t("gas_yield", lang), 200.0, 700.0, round(yield_, 1), 5.0, key="chemicals_gas_yield"
            )
            st.metric(
                t("gas_margin", lang),
                f"{number(gas_margin_per_tonne(cost, sell, gas), lang)} {per_tonne}",
            )
            st.caption(
                t(
                    "report_result",
                    lang,
                    value=quantity(margin, "元/吨", lang, margin_row["qualifier"]),
                )
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
    if not found.empty:
        source_line(found, reports, lang)
        quotes(found, lang)
