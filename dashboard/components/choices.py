"""Choice widgets that speak only the reader's language: Streamlit writes its own English into a
multiselect's "Select all" entry and a filter's "No results"; the Chinese view turns both off
(the lists are short enough to pick from without typing)."""


def chinese_only(lang: str, multi: bool = False) -> dict:
    """Keyword arguments for st.selectbox (or, with `multi`, st.multiselect) in `lang`."""
    if lang != "zh":
        return {}
    return {"filter_mode": None, "select_all": False} if multi else {"filter_mode": None}
