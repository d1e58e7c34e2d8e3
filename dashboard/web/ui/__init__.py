"""Streamlit helpers shared by the dashboard's pages (dashboard/views/*.py): state, language, widgets."""
