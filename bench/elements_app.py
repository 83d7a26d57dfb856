"""A second yardstick: two pages that compute nothing and send as many elements, of the same
kinds, as the dashboard's Overview and Targets (bench/load_front.py counts them per page run:
markdown and captions, blocks, headings, download buttons, charts). What a dashboard page run
costs beyond this is its own work; what this costs beyond the minimal app is Streamlit's
handling of the elements themselves."""

import plotly.graph_objects as go
import streamlit as st

FIGURE = go.Figure(go.Bar(x=["甲", "乙", "丙"], y=[3, 1, 2]))


def cards(count: int) -> None:
    """Cards as the dashboard draws them: three to a row, each a bordered container."""
    for start in range(0, count, 3):
        for index, column in enumerate(st.columns(3)):
            with column.container(border=True):
                st.markdown(f"指标{start + index}", help="原文句子")
                st.subheader("1200万吨", anchor=False)
                st.caption("2025年 · 占全疆 12%")


def chart(name: str) -> None:
    """A chart with its source line and the popover of sentences and downloads."""
    st.plotly_chart(FIGURE, key=name)
    st.caption("来源：昌吉日报 2025-08")
    with st.popover("原文与下载"):
        st.markdown("**原文句子**")
        st.markdown("**煤炭产量** · 2025-08  \n> 原文句子")
        with st.container(horizontal=True):
            st.download_button("下载 CSV", b"a,b\n", "a.csv", key=f"{name}_csv")
            st.download_button("下载 Excel", b"a,b\n", "a.xlsx", key=f"{name}_xlsx")


def overview() -> None:
    st.title("准东开发区发展目标看板")
    st.caption("说明")
    st.subheader("关键数字")
    cards(6)
    st.caption("来源")
    for index in range(2):
        st.subheader(f"图{index}")
        chart(f"overview_{index}")
    st.subheader("报道")
    for index in range(6):
        st.markdown(f"- **2025-08** 《标题{index}》")
    for index, column in enumerate(st.columns(3) * 2):
        column.markdown(f"[页面{index}](#)")


def targets() -> None:
    st.title("目标与进度")
    st.subheader("全部目标")
    for start in range(0, 11, 2):
        for index, column in enumerate(st.columns(2)):
            with column.container(border=True):
                st.markdown(f"**目标{start + index}** · 2027年目标 4000亿元\n\n**无法判断**")
                st.caption("怎样才能判断")
                with st.popover("原文句子"):
                    st.markdown("**目标** \n> 原文句子")
    for index in range(3):
        st.subheader(f"图{index}")
        chart(f"targets_{index}")


st.navigation(
    [st.Page(overview, title="总览", default=True), st.Page(targets, url_path="second")]
).run()
