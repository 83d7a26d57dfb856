"""The view in the URL: language, report and filters, read from the query parameters on a
session's first run (anything not allowed falls back to the default) and written back on every
run, so a copied address reopens the same view."""

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from dashboard.calc import LATEST
from dashboard.i18n import LANGUAGES


@dataclass(frozen=True)
class View:
    lang: str
    report: str


def seed(key: str, allowed: Sequence[str], default: str) -> None:
    """Give widget `key` its value from the URL, once; a value not in `allowed` gives `default`."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in allowed else default
    elif st.session_state[key] not in allowed:
        st.session_state[key] = default


def seed_many(key: str, allowed: Sequence[str]) -> None:
    """Like `seed` for a multi-choice widget: repeated parameters, unknown values dropped."""
    if key not in st.session_state:
        raw = st.query_params.get_all(key)
        st.session_state[key] = [value for value in dict.fromkeys(raw) if value in allowed]
    else:
        st.session_state[key] = [value for value in st.session_state[key] if value in allowed]


def publish(key: str, value: str | list[str] | None, default: str | None = None) -> None:
    """Write a widget's value to the URL; a default or empty value leaves the URL clean."""
    if value in (None, "", []) or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != ([value] if isinstance(value, str) else list(value)):
        st.query_params[key] = value


def current() -> View:
    """The language and report the frame's sidebar set; defaults when anything is off."""
    lang = st.session_state.get("lang")
    report = st.session_state.get("report")
    return View(
        lang=lang if lang in LANGUAGES else "zh",
        report=report if isinstance(report, str) and report else LATEST,
    )


def shared_params(view: View) -> dict[str, str]:
    """The URL parameters that follow the reader from page to page (only those not default)."""
    params = {}
    if view.lang != "zh":
        params["lang"] = view.lang
    if view.report != LATEST:
        params["report"] = view.report
    return params
