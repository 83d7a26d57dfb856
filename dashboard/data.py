"""The one module that reads the curated tables, and caches them.

Tables are rebuilt through data_prep, with a spinner, when they are missing or older than the
seeds and the catalog. Every reader is cached once per data version (`version`: the build's
manifest, the folder, hosted or not), shared by all sessions. What pages compute from the tables
is cached too, once per view and data version: readings of a view (`per_view`), what components
compute from frames this module served (`shared`), and finished Plotly figures once per content
(`figure`). A page run for a view any session has seen does almost no pandas or Plotly work.
Cached results are shared, never copied: callers read them and do not change them. Every cache
is bounded in entries and age.

Where things live can be set in the environment: `ZHUNDONG_SEEDS` (the reports), `ZHUNDONG_DATA`
(the tables). With `ZHUNDONG_HOSTED=1` the app never writes into the repository: tables it has to
build go to a temporary folder, adding reports and deciding on proposals are switched off, and
metrics and projects come without their proposed rows (a local copy shows them, marked).
"""

import functools
import hashlib
import io
import json
import os
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

import cachetools
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import calc, review
from dashboard.components import charts
from dashboard.i18n import product_code
from data_prep import CURATED_DIR, PACKAGE_DIR, SEEDS_DIR
from data_prep import review as data_review
from data_prep.add import add_report, prepare, trial_tables
from data_prep.build import build, decide_and_rebuild, record_and_rebuild
from data_prep.curate import load_catalog
from data_prep.errors import InputError

# Columns read as text, whatever they look like (report ids such as "000").
_TEXT_COLUMNS = {
    "report_id": str,
    "previous_id": str,
    "article": str,
    "source": str,
    "report_date": str,
    "qualifier": str,
    "per": str,
    "unit": str,
    "review_status": str,
    "proposal_id": str,
    "current_report_id": str,
    "answer_report_ids": str,
    "target_id": str,
    "decision": str,
    "decided_on": str,
    "decided_by": str,
}
_CATALOG_FILES = [
    PACKAGE_DIR / "catalog.toml",
    PACKAGE_DIR / "schema.toml",
    PACKAGE_DIR / "places.csv",
    PACKAGE_DIR / "map.toml",  # the clusters' areas are built from it (data_prep.geometry)
    PACKAGE_DIR.parent / "dashboard" / "static" / "basemap" / "counties.json",  # places' counties
]


class TablesError(Exception):
    """The tables cannot be read or built; the message is for a reader, not a developer."""


def hosted() -> bool:
    """Whether the app runs as the shared hosted link (read-only, no adding of reports)."""
    return os.environ.get("ZHUNDONG_HOSTED", "").strip().lower() in ("1", "true", "yes")


def seeds_dir() -> Path:
    return Path(os.environ.get("ZHUNDONG_SEEDS") or SEEDS_DIR)


def curated_dir() -> Path:
    if os.environ.get("ZHUNDONG_DATA"):
        return Path(os.environ["ZHUNDONG_DATA"])
    if hosted() and not (CURATED_DIR / "manifest.json").is_file():
        return Path(tempfile.gettempdir()) / "zhundong-curated"
    return CURATED_DIR


def _may_rebuild(folder: Path) -> bool:
    """The hosted app rebuilds only tables it built itself, never the repository's."""
    return not (hosted() and folder == CURATED_DIR)


def _newest_input(seeds: Path) -> float:
    paths = [p for p in seeds.iterdir() if p.is_file()] + _CATALOG_FILES
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0)


def ensure_tables(spinner_text: str = "") -> str:
    """Build the tables if they are missing or stale; return the build time. Raises TablesError."""
    folder, seeds = curated_dir(), seeds_dir()
    manifest = folder / "manifest.json"
    stale = not manifest.is_file() or manifest.stat().st_mtime < _newest_input(seeds)
    if stale and _may_rebuild(folder):
        try:
            with st.spinner(spinner_text or "…"):
                build(folder, seeds)
        except (InputError, OSError) as error:
            if not manifest.is_file():
                raise TablesError(str(error)) from None
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["built_at"]
    except (OSError, ValueError, KeyError) as error:
        raise TablesError(f"manifest.json: {error}") from None


# Bounds of the shared caches: a few tables per build, a few hundred views and figures (a view is
# small: frames of at most a few hundred rows, figures of a few dozen points); an hour at most.
TABLE_ENTRIES = 64
VIEW_ENTRIES = 512
FIGURE_ENTRIES = 512
CACHE_TTL = "1h"
CACHE_SECONDS = 3600


# One object shared by every session (a resource, not copied on each read): a page run reads a
# table several times, and unpickling a copy each time cost more than the pages' own work.
@st.cache_resource(show_spinner=False, max_entries=TABLE_ENTRIES, ttl=CACHE_TTL)
def _read(name: str, version: str, folder: str, hosted: bool = False) -> pd.DataFrame:
    path = Path(folder) / f"{name}.csv"
    try:
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype=_TEXT_COLUMNS, keep_default_na=True)
    except (OSError, ValueError) as error:
        raise TablesError(f"{path.name}: {error}") from None
    return _plain_strings(review.for_screen(frame, name, hosted))


def _plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as plain Python strings (object dtype) rather than pandas' default Arrow-backed
    strings: the tables are small (at most a few hundred rows) and pages filter them many times a
    run, where every Arrow comparison and take pays a fixed cost that dwarfs the work (profiled:
    most of a page run's CPU)."""
    text = [column for column in frame.columns if pd.api.types.is_string_dtype(frame[column])]
    return frame.astype(dict.fromkeys(text, object)) if text else frame


@st.cache_data(show_spinner=False, max_entries=16)
def _read_text(source: str, version: str, folder: str) -> str:
    path = Path(folder) / "texts" / source
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise TablesError(f"texts/{source}: {error.strerror}") from None


def table(name: str) -> pd.DataFrame:
    """One curated table (metrics, targets, projects, figures, articles, reports, places...).
    Metrics and projects always have a review_status; on the hosted link they hold published
    rows only, on a local copy proposed rows too, their labels marked 待核实 / unverified."""
    current = version()
    return _serve(_read(name, current, str(curated_dir()), hosted()), (name,), current)


# Frames this module hands out from its caches (each one object, shared), by identity, with what
# they are and of which version: `shared` caches what is computed from them.
_served: weakref.WeakValueDictionary = weakref.WeakValueDictionary()
_served_as: dict[int, tuple[tuple, str]] = {}


def _serve(result, what: tuple, current: str):
    if isinstance(result, tuple):  # the frames among several results
        for index, item in enumerate(result):
            _serve(item, (*what, index), current)
    if isinstance(result, pd.DataFrame) and _served.get(id(result)) is not result:
        key = id(result)
        _served_as[key] = (what, current)
        _served[key] = result
        weakref.finalize(result, _served_as.pop, key, None)  # forgotten with the frame
    return result


def version() -> str:
    """The tables' data version: their build (the manifest, which names every input's hash and
    the build time), their folder and what the reader may see. Changes with every rebuild, by
    this process or another (a report added, a decision made on the command line). Within a page
    run started by `start_run`, the version found at its start (one stat of the inputs a run,
    not one a table read, and every read of the run of one build)."""
    if get_script_run_ctx() is not None:
        remembered = getattr(_this_run, "version", None)
        if remembered is not None:
            return remembered
    ensure_tables()
    return _manifest_version()


def _manifest_version() -> str:
    folder = curated_dir()
    try:
        digest = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()[:16]
    except OSError as error:
        raise TablesError(f"manifest.json: {error.strerror}") from None
    return f"{digest}|{folder}|{hosted()}"


# The data version of the page run in this thread (a session's runs share its script thread).
_this_run = threading.local()


def start_run(spinner_text: str = "") -> str:
    """At the start of a page run: build the tables if they are missing or stale, and hold their
    version for the run. Returns the build time; raises TablesError."""
    _this_run.version = None
    built = ensure_tables(spinner_text)
    _this_run.version = _manifest_version()
    return built


class SharedCache:
    """Results shared by every session and thread, bounded in entries and age
    (cachetools.TTLCache). Keys are plain tuples, hashed by Python: a page run looks up a few
    dozen, and Streamlit's own caches hash every argument anew (profiled: a sixth of a page run
    once its views were cached). One computation per key at a time: viewers who arrive together
    wait for the first one's result rather than each computing it."""

    def __init__(self, entries: int, seconds: float) -> None:
        self._entries = cachetools.TTLCache(maxsize=entries, ttl=seconds)
        self._lock = threading.Lock()
        self._computing: dict[tuple, threading.RLock] = {}

    def get(self, key: tuple, compute):
        """The result for `key`, computed by `compute()` when there is none; a key that cannot
        be hashed (an argument that is a list, say) is simply computed."""
        try:
            hash(key)
        except TypeError:
            return compute()
        with self._lock:
            found = self._entries.get(key, _MISSING)
            if found is not _MISSING:
                return found
            computing = self._computing.setdefault(key, threading.RLock())
        with computing:
            with self._lock:
                found = self._entries.get(key, _MISSING)
            if found is not _MISSING:
                return found
            try:
                value = compute()
                with self._lock:
                    self._entries[key] = value
            finally:
                with self._lock:
                    self._computing.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


_MISSING = object()
_views = SharedCache(VIEW_ENTRIES, CACHE_SECONDS)
_results = SharedCache(VIEW_ENTRIES, CACHE_SECONDS)


def _per_view(name: str, args: tuple, version: str, compute) -> object:
    key = (name, args, version)
    return _views.get(key, lambda: _serve(compute(*args), (name, args), version))


def _name(function) -> str:
    """A function's name in a cache key, with its file: pages run as `__main__`, and two pages
    may each have a `card`."""
    code = getattr(function, "__code__", None)
    return f"{function.__module__}.{function.__qualname__}@{code.co_filename if code else ''}"


def per_view(compute):
    """Cache a function of the view (its arguments: language, report, filters, as strings and
    tuples) that reads the tables through `table`: computed once per view and data version,
    shared by every session. The undecorated function stays at `.compute`."""
    name = _name(compute)

    @functools.wraps(compute)
    def cached(*args):
        return _per_view(name, args, version(), compute)

    cached.compute = compute
    return cached


def shared(compute, *args):
    """`compute(*args)`, where each frame among `args` is one this module served (a table, a
    view's reading) and the rest are plain values (language, ids): computed once per data
    version and shared by every session, like a view. Given any other frame (one a page
    filtered), it is simply computed."""
    key, versions = [], set()
    for arg in args:
        if isinstance(arg, pd.DataFrame):
            if _served.get(id(arg)) is not arg:
                return compute(*args)
            what, served_version = _served_as[id(arg)]
            key.append(("frame", what))
            versions.add(served_version)
        else:
            key.append(arg)
    if len(versions) > 1:  # frames of two builds (a rebuild between two reads)
        return compute(*args)
    current = versions.pop() if versions else version()
    return _shared(_name(compute), tuple(key), current, lambda: compute(*args))


def _shared(name: str, key: tuple, version: str, call) -> object:
    return _results.get((name, key, version), lambda: _serve(call(), (name, key), version))


@st.cache_resource(show_spinner=False, max_entries=FIGURE_ENTRIES, ttl=CACHE_TTL)
def _figure(name: str, args: tuple, kwargs: tuple, _build) -> object:
    return charts.finished(_build(*args, **dict(kwargs)))


def figure(build, *args, **kwargs):
    """The finished figure `build(*args, **kwargs)`, built once for the same arguments (plain
    lists, strings and numbers: the texts are in the reader's language, so two languages never
    share one) and shared by every session; `st.plotly_chart` copies it, nobody changes it."""
    return _figure(_name(build), args, tuple(sorted(kwargs.items())), build)


# What several pages compute from the tables for a view, once per view and data version.


@per_view
def metrics_for(report: str) -> pd.DataFrame:
    """Each metric's row in `report`, or for `latest` its row from its newest report."""
    return calc.rows_for_report(table("metrics"), report, "metric_id")


@per_view
def projects_for(report: str) -> pd.DataFrame:
    """Each project's row in `report`, or for `latest` its latest stated stage; with the code
    of its product."""
    projects = calc.latest_projects(table("projects"), report)
    return projects.assign(product_code=projects["product"].map(product_code))


@per_view
def progress(report: str) -> pd.DataFrame:
    """The targets `report` states (every target for `latest`) with their progress."""
    targets = table("targets")
    if report != calc.LATEST:
        targets = targets[targets["report_id"] == report]
    return calc.target_progress(targets, table("projects"), table("metrics"))


@per_view
def changes(report: str) -> pd.DataFrame:
    """What `report` (or the newest) says that the reports before it did not."""
    return calc.what_changed(table("metrics"), table("projects"), table("reports"), report)


@per_view
def trends(metric_ids: tuple[str, ...]) -> pd.DataFrame:
    """The metrics of `metric_ids` that several reports give, ordered in time."""
    return calc.series(table("metrics"), list(metric_ids))


def proposals() -> pd.DataFrame:
    """Every proposal with its decision (data_prep.review.PROPOSAL_COLUMNS); none from tables
    built before review."""
    current, folder = version(), curated_dir()
    if not (folder / "proposals.csv").is_file():
        return pd.DataFrame(columns=data_review.PROPOSAL_COLUMNS)
    return _read("proposals", current, str(folder), hosted())


def decide(proposal_ids: list[str], decision: str, by: str = "") -> list[dict[str, str]]:
    """Accept or reject proposals (the command line's code path, which records the decision in
    the seeds and rebuilds); returns the proposals decided. Raises InputError for an unknown id,
    and always on the hosted link, which never writes."""
    if hosted():
        raise InputError(data_review.DECISIONS_FILE, "decisions cannot be made on the hosted link")
    decided = decide_and_rebuild(proposal_ids, decision, seeds_dir(), curated_dir(), by)
    _forget_tables()
    _preview.clear()
    return decided


def _forget_tables() -> None:
    """Drop what was computed from the tables of an older build (a new build has a new version,
    so nothing stale is ever served; this returns the memory at once). The tables read stay, each
    under its build's version, until they age out: a page run still going in another session
    reads the build it started with, never half of each."""
    _this_run.version = None
    _views.clear()
    _results.clear()
    _figure.clear()


@st.cache_data(show_spinner=False, max_entries=4)
def _metrics(built_at: str, seeds: str) -> list[dict]:
    decisions = data_review.load_decisions(Path(seeds))
    path = data_review.decisions_path(Path(seeds))
    return data_review.with_created_metrics(load_catalog(), decisions, path)["metrics"]


def metrics_catalog() -> list[dict]:
    """The catalog's metrics and those reviewers created, for assigning a figure."""
    return _metrics(ensure_tables(), str(seeds_dir()))


def _review_change(record):
    """Record a reviewer's change and rebuild, as the one writer (the command line's path)."""
    if hosted():
        raise InputError(data_review.DECISIONS_FILE, "decisions cannot be made on the hosted link")
    done = record_and_rebuild(record, seeds_dir(), curated_dir())
    _forget_tables()
    _metrics.clear()
    _preview.clear()
    return done


def assign(
    figure_id: str, metric: dict, by: str = "", create: bool = False, **corrections: str
) -> data_review.Decision:
    """Assign a figure to a metric (or to a new one, with `create`), with corrections."""
    seeds, out = seeds_dir(), curated_dir()
    return _review_change(
        lambda: data_review.assign(figure_id, metric, seeds, out, by, create, **corrections)
    )


def correct(
    proposal_id: str, metric: dict | None, by: str = "", **corrections: str
) -> data_review.Decision:
    """Accept a proposal with the reviewer's metric, year, period, kind or scope."""
    seeds, out = seeds_dir(), curated_dir()
    return _review_change(
        lambda: data_review.correct(proposal_id, seeds, out, by, metric, **corrections)
    )


def text(source: str) -> str:
    """The cleaned text of a report, into which the tables' offsets point."""
    return _read_text(source, version(), str(curated_dir()))


@dataclass(frozen=True)
class Preview:
    """What a new report would add: its id, cleaned text, figures, and the rows it would add."""

    report_id: str
    file: str
    text: str
    figures: pd.DataFrame
    metrics: pd.DataFrame
    projects: pd.DataFrame
    unclaimed: pd.DataFrame


@st.cache_data(show_spinner=False, max_entries=4)
def _preview(
    digest: str, data: bytes, name: str, day: str, title: str, paper: str, seeds: str
) -> Preview:
    new = prepare(data, name, day, title, paper, Path(seeds))
    files = trial_tables(new, Path(seeds))

    def rows(table_name: str) -> pd.DataFrame:
        frame = pd.read_csv(
            io.BytesIO(files[f"{table_name}.csv"]), encoding="utf-8-sig", dtype=_TEXT_COLUMNS
        )
        return frame[frame["source"] == new.file]

    return Preview(
        report_id=new.report_id,
        file=new.file,
        text=files[f"texts/{new.file}"].decode("utf-8"),
        figures=rows("figures"),
        metrics=rows("metrics"),
        projects=rows("projects"),
        unclaimed=rows("unclaimed"),
    )


def preview_report(data: bytes, name: str, day: str, title: str, paper: str) -> Preview:
    """The tables as they would be with this report added; raises InputError when it is refused."""
    digest = hashlib.sha256(data).hexdigest()
    return _preview(digest, data, name, day, title, paper, str(seeds_dir()))


def save_report(data: bytes, name: str, day: str, title: str, paper: str) -> str:
    """Add the report (the command line's code path) and rebuild; returns its id."""
    if hosted():
        raise InputError(name, "reports cannot be added on the hosted dashboard")
    new = add_report(data, name, day, title, paper, seeds_dir(), curated_dir())
    _forget_tables()
    _preview.clear()
    return new.report_id
