"""The frame: page config, navigation, the shared sidebar (language, report, link) and footer."""

from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from dashboard import data
from dashboard.calc import LATEST
from dashboard.components.provenance import report_names
from dashboard.context import publish, seed
from dashboard.fmt import beijing
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, pick, t

VIEWS = Path(__file__).parent / "views"
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

st.set_page_config(page_title="准东开发区发展看板", page_icon=":material/insights:", layout="wide")

seed("lang", LANGUAGES, "zh")
with st.sidebar:
    lang = st.segmented_control(
        "语言 / Language", LANGUAGES, format_func=LANGUAGE_NAMES.get, key="lang", required=True
    )
lang = lang if lang in LANGUAGES else "zh"
publish("lang", lang, "zh")

try:
    built = data.ensure_tables(spinner_text=t("building", lang))
    reports = data.table("reports")
except data.TablesError as error:
    st.title(t("app_title", lang))
    st.error(t("tables_missing", lang, error=error))
    st.stop()

report_ids = [LATEST, *sorted(reports["report_id"], key=str)]
labels = {LATEST: t("latest", lang)} | {
    row.report_id: f"{row.report_date} {pick((row.lead_headline, row.lead_headline_en), lang)}"
    for row in reports.itertuples()
}
seed("report", report_ids, LATEST)
with st.sidebar:
    report = st.selectbox(t("report", lang), report_ids, format_func=labels.get, key="report")
publish("report", report, LATEST)

# Adding reports is for a local copy; the hosted link shows no such page.
shown_pages = PAGES if data.hosted() else [*PAGES, UPDATES_PAGE]
pages = [
    st.Page(VIEWS / file, title=t(title, lang), url_path=path, icon=icon, default=index == 0)
    for index, (file, path, title, icon) in enumerate(shown_pages)
]
page = st.navigation(pages)
try:
    page.run()
except data.TablesError as error:
    # A table went missing or broken while the app ran: say so, and keep the frame working.
    st.error(t("tables_missing", lang, error=error))

with st.sidebar:
    st.divider()
    params = {key: value for key, value in st.query_params.to_dict().items() if value}
    link = (st.context.url or "") + (f"?{urlencode(params)}" if params else "")
    st.caption(t("share_link", lang), help=t("share_help", lang))
    st.code(link, language=None, wrap_lines=True)

st.divider()
st.caption(
    t(
        "footer",
        lang,
        reports=report_names(reports, list(reports["report_id"]), lang),
        built=beijing(built),
    )
)
