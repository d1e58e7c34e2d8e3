"""The framework's floor: a bare Streamlit page with one plotly chart, nothing else (benchmarks/page_speed.py)."""

import plotly.graph_objects as go
import streamlit as st

fig = go.Figure(go.Scatter(x=list(range(2005, 2021)), y=[35 + i * 0.3 for i in range(16)], mode="lines+markers"))
fig.update_layout(height=440)
st.plotly_chart(fig)
