"""Metric cards: the value an official asks for, with the target or context beside it."""

import streamlit as st


def show(cards: list[tuple[str, str, str, str]], per_row: int = 3) -> None:
    """Cards (label, value, beside, help) in rows of `per_row`; `beside` is the target or share.
    The value is a heading that wraps, not an st.metric, which cuts a long English value
    ("over 30,000 pe…") at the card's edge. Labels come from the catalog and values from
    dashboard.fmt, never from article text."""
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, (label, value, beside, help_text) in zip(
            columns, cards[start : start + per_row], strict=False
        ):
            with column.container(border=True, gap="small"):
                st.markdown(label, help=help_text or None)
                st.subheader(value, anchor=False)
                if beside:
                    st.caption(beside)
