"""The view in the URL: language, report and filters, read from the query parameters on a
session's first run (anything not allowed falls back to the default) and written back on every
run, so a copied address reopens the same view."""

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlencode, urlsplit

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

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


# Every query key a page reads: the frame's language and report, the projects' filters, the map's
# layers. Anything else in an address is dropped from the share link.
QUERY_KEYS = ("lang", "report", "product", "status", "company", "layers")
# No value a page accepts is longer (report ids, product and company names).
LONGEST_VALUE = 100


def share_query(params: Mapping[str, list[str]]) -> str:
    """The query string of a view: known keys only, every value of a repeated key in order; no
    empty or overlong values (a pasted 100 KB address never fills the sidebar)."""
    pairs = [
        (key, value)
        for key, values in params.items()
        if key in QUERY_KEYS
        for value in values
        if value and len(value) <= LONGEST_VALUE
    ]
    return urlencode(pairs).replace("`", "%60")


def unknown_path(url: str | None, known: Sequence[str]) -> str | None:
    """The page path of `url` when no page has it (None for a known page or the root)."""
    path = urlsplit(url or "").path.strip("/")
    last = path.rsplit("/", 1)[-1]
    return None if last in ("", *known) else unquote(last)


LOOPBACK = ("localhost", "::1", "[::1]")


def listens_on_network(address: str | None) -> bool:
    """Whether a server bound to `address` (Streamlit's server.address) can be reached from other
    machines: anything but a loopback address, and no address at all (every interface)."""
    address = (address or "").strip()
    return not (address in LOOPBACK or address.startswith("127."))


def writing_allowed(hosted: bool, network: bool, secret: str, given: str) -> bool:
    """Whether this reader may add reports. Decided by how the app runs, never by guessing the
    reader's address (a proxy on the same machine makes everyone look local): never on the hosted
    link; a local copy listening on loopback only (`make run`) may; a copy reachable over the
    network only with the password set in st.secrets and given (none set: nobody)."""
    if hosted:
        return False
    if not network:
        return True
    return bool(secret) and hmac.compare_digest(secret.encode(), given.encode())


def take_unknown_page(known: Sequence[str]) -> str | None:
    """The page path the browser asked for when no page has it, and the request withdrawn, so that
    st.navigation runs the default page without its own notice (an English dialog); the frame says
    so in the reader's language. None when the path is known, the root, or a click in the menu."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    manager = ctx.pages_manager  # Streamlit 1.67: the page the browser asked for, before resolving
    requested = manager.intended_page_name or ""
    if manager.intended_page_script_hash or requested.strip("/") in ("", *known):
        return None
    manager.set_script_intent("", "")
    return requested
