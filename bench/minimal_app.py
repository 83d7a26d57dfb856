"""The yardstick: the smallest two-page Streamlit app with one Plotly chart a page (page switches
and cold loads of the dashboard are measured against it, in the same run)."""

import plotly.graph_objects as go
import streamlit as st


def first() -> None:
    st.title("最小页面")
    st.plotly_chart(go.Figure(go.Bar(x=["甲", "乙", "丙"], y=[3, 1, 2])))


def second() -> None:
    st.title("第二页")
    st.plotly_chart(go.Figure(go.Scatter(x=[2020, 2021, 2022], y=[1, 3, 2])))


st.navigation(
    [st.Page(first, title="总览", default=True), st.Page(second, url_path="second")]
).run()
