"""Metric cards: the value an official asks for, with the target or context beside it."""

import streamlit as st


def show(cards: list[tuple[str, str, str, str]], per_row: int = 3) -> None:
    """Cards (label, value, beside, help) in rows of `per_row`; `beside` is the target or share."""
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, (label, value, beside, help_text) in zip(
            columns, cards[start : start + per_row], strict=False
        ):
            with column.container(border=True):
                st.metric(label, value, help=help_text or None)
                if beside:
                    st.caption(beside)
