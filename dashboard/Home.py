"""The frame: page config, navigation, the shared sidebar (language, report, link) and footer."""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import streamlit as st
from streamlit import config

from dashboard import data, memory
from dashboard.calc import LATEST
from dashboard.components.choices import chinese_only
from dashboard.components.provenance import report_choices, report_names
from dashboard.context import (
    listens_on_network,
    publish,
    seed,
    share_query,
    take_unknown_page,
    unknown_path,
    writing_allowed,
)
from dashboard.fmt import beijing
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, t

VIEWS = Path(__file__).parent / "views"
# A file served by the app itself: a :material/…: page icon is fetched from fonts.gstatic.com.
ICON = Path(__file__).parent / "icon.png"
# (file, URL path, title key, icon); the first page is the default, reached at "/".
PAGES = [
    ("overview.py", "overview", "page_overview", ":material/dashboard:"),
    ("targets.py", "targets", "page_targets", ":material/flag:"),
    ("coal_power.py", "coal-power", "page_coal_power", ":material/bolt:"),
    ("chemicals.py", "chemicals", "page_chemicals", ":material/science:"),
    ("materials.py", "materials", "page_materials", ":material/category:"),
    ("innovation.py", "innovation", "page_innovation", ":material/lightbulb:"),
    ("park_map.py", "map", "page_map", ":material/map:"),
    ("sources.py", "sources", "page_sources", ":material/menu_book:"),
]

UPDATES_PAGE = ("updates.py", "updates", "page_updates", ":material/upload_file:")

st.set_page_config(page_icon=str(ICON), layout="wide")
memory.start()  # gives back what viewers who left held (dashboard/memory.py)

seed("lang", LANGUAGES, "zh")
with st.sidebar:
    lang = st.segmented_control(
        "语言 / Language", LANGUAGES, format_func=LANGUAGE_NAMES.get, key="lang", required=True
    )
lang = lang if lang in LANGUAGES else "zh"
publish("lang", lang, "zh")

try:
    built = data.start_run(spinner_text=t("building", lang))
    reports = data.table("reports")
except data.TablesError as error:
    st.title(t("app_title", lang))
    st.error(t("tables_missing", lang, error=error))
    st.stop()

report_ids, labels = data.shared(report_choices, reports, lang)
seed("report", report_ids, LATEST)
if st.session_state.get("report_lang") != lang:
    # The widget keeps its key across languages and shows the label it was last given: give the
    # value again, so that the browser shows it in the new language.
    st.session_state["report"] = st.session_state["report"]
    st.session_state["report_lang"] = lang
with st.sidebar:
    report = st.selectbox(
        t("report", lang),
        report_ids,
        format_func=labels.get,
        key="report",
        **chinese_only(lang),
    )
publish("report", report, LATEST)


def _secret_password() -> str:
    try:
        return str(st.secrets.get("updates_password", ""))
    except st.errors.StreamlitSecretNotFoundError:
        return ""


# Adding reports is for a local copy: never on the hosted link; on a copy listening on loopback only
# (`make run`) for whoever can open it; on a copy reachable over the network only with the password
# set in .streamlit/secrets.toml (`updates_password`). The reader's address is never consulted.
# (Under AppTest no server listens at all.)
network = not config.get_option("global.appTest") and listens_on_network(
    config.get_option("server.address")
)
given = ""
if not data.hosted() and network and _secret_password():
    with st.sidebar:
        given = st.text_input(
            t("updates_password", lang), type="password", help=t("updates_password_help", lang)
        )
writable = writing_allowed(data.hosted(), network, _secret_password(), given)
shown_pages = [*PAGES, UPDATES_PAGE] if writable else PAGES
pages = [
    st.Page(VIEWS / file, title=t(title, lang), url_path=path, icon=icon, default=index == 0)
    for index, (file, path, title, icon) in enumerate(shown_pages)
]
known = [path for _, path, _, _ in shown_pages]
missing = take_unknown_page(known)
page = st.navigation(pages)
st.set_page_config(page_title=t("tab_title", lang, page=page.title))
url = st.context.url or ""
missing = missing or unknown_path(url, known)
if missing is not None:
    # An unknown path: say so in the reader's language, link the overview, and share the root.
    st.warning(t("page_not_found", lang, path=missing))
    st.page_link(pages[0], label=t("open_overview", lang))
    scheme, netloc, path, _, _ = urlsplit(url)
    url = urlunsplit((scheme, netloc, path.rstrip("/").rsplit("/", 1)[0] + "/", "", ""))
else:
    try:
        page.run()
    except data.TablesError as error:
        # A table went missing or broken while the app ran: say so, and keep the frame working.
        st.error(t("tables_missing", lang, error=error))

with st.sidebar:
    st.divider()
    query = share_query({key: st.query_params.get_all(key) for key in st.query_params})
    link = url + (f"?{query}" if query else "")
    st.caption(t("share_link", lang), help=t("share_help", lang))
    # A code span, not st.code: that pulls a 1.5 MB highlighter into every first load.
    st.markdown(f"`{link}`")
    scheme, netloc, *_ = urlsplit(url)
    light = "/m/" if lang == "zh" else "/m/en/"
    st.caption(t("share_light", lang, link=urlunsplit((scheme, netloc, light, "", ""))))

st.divider()
st.caption(
    t(
        "footer",
        lang,
        reports=report_names(reports, list(reports["report_id"]), lang),
        built=beijing(built),
    )
)
