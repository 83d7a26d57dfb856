"""The one module that reads the curated tables, and caches them.

Tables are rebuilt through data_prep, with a spinner, when they are missing or older than the
seeds and the catalog. Every reader is cached once per build (keyed by the build time), shared by
all sessions.
"""

import json
from pathlib import Path

import pandas as pd
import streamlit as st

from data_prep import CURATED_DIR, PACKAGE_DIR, SEEDS_DIR
from data_prep.build import build
from data_prep.errors import InputError

# Columns read as text, whatever they look like (report ids such as "000").
_TEXT_COLUMNS = {
    "report_id": str,
    "article": str,
    "source": str,
    "report_date": str,
    "qualifier": str,
    "per": str,
    "unit": str,
    "value_high_raw": str,
}
_INPUTS = [SEEDS_DIR, PACKAGE_DIR / "catalog.toml", PACKAGE_DIR / "schema.toml"]


class TablesError(Exception):
    """The tables cannot be read or built; the message is for a reader, not a developer."""


def _newest_input() -> float:
    times = []
    for path in _INPUTS:
        paths = path.iterdir() if path.is_dir() else [path]
        times += [p.stat().st_mtime for p in paths if p.is_file()]
    return max(times, default=0)


def _stale(folder: Path) -> bool:
    manifest = folder / "manifest.json"
    return not manifest.is_file() or manifest.stat().st_mtime < _newest_input()


def ensure_tables(folder: Path = CURATED_DIR, spinner_text: str = "") -> str:
    """Build the tables if needed; return the build time. Raises TablesError."""
    if _stale(folder):
        try:
            with st.spinner(spinner_text or "…"):
                build(folder)
        except (InputError, OSError) as error:
            if not (folder / "manifest.json").is_file():
                raise TablesError(str(error)) from None
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["built_at"]
    except (OSError, ValueError, KeyError) as error:
        raise TablesError(f"manifest.json: {error}") from None


@st.cache_data(show_spinner=False, max_entries=32)
def _read(name: str, built_at: str, folder: str) -> pd.DataFrame:
    path = Path(folder) / f"{name}.csv"
    try:
        return pd.read_csv(path, encoding="utf-8-sig", dtype=_TEXT_COLUMNS, keep_default_na=True)
    except (OSError, ValueError) as error:
        raise TablesError(f"{path.name}: {error}") from None


@st.cache_data(show_spinner=False, max_entries=16)
def _read_text(source: str, built_at: str, folder: str) -> str:
    path = Path(folder) / "texts" / source
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise TablesError(f"texts/{source}: {error.strerror}") from None


def table(name: str, folder: Path = CURATED_DIR) -> pd.DataFrame:
    """One curated table (metrics, targets, projects, figures, articles, reports, columns)."""
    return _read(name, ensure_tables(folder), str(folder))


def text(source: str, folder: Path = CURATED_DIR) -> str:
    """The cleaned text of a report, into which the tables' offsets point."""
    return _read_text(source, ensure_tables(folder), str(folder))


def built_at(folder: Path = CURATED_DIR) -> str:
    return ensure_tables(folder)
