"""The yardstick for cold loads: the smallest Streamlit page with one Plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("最小页面")
st.plotly_chart(go.Figure(go.Bar(x=["甲", "乙", "丙"], y=[3, 1, 2])))
