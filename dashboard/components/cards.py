"""Metric cards: the value an official asks for, with the target or context beside it."""

import streamlit as st


def show(cards: list[tuple], per_row: int = 3) -> None:
    """Cards (label, value, beside, help[, detail]) in rows of `per_row`; `beside` is the target
    or share, `help` (the "?") the sentence behind the value, `detail` where a target stands when
    no value is reported. The value is a heading that wraps, not an st.metric, which cuts a long
    English value ("over 30,000 pe…") at the card's edge. Labels come from the catalog and
    values from dashboard.fmt; article text reaches the screen escaped, never as HTML."""
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, card in zip(columns, cards[start : start + per_row], strict=False):
            label, value, beside, help_text, *rest = card
            with column.container(border=True, gap="small"):
                st.markdown(label, help=help_text or None)
                st.subheader(value, anchor=False)
                if beside:
                    st.caption(beside)
                if rest and rest[0]:
                    st.caption(rest[0])
