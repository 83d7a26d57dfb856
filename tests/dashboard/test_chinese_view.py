"""The Chinese view shows no English of its own making: choice widgets without Streamlit's
"Select all" / "No results", and downloads with Chinese column headers."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.components import provenance
from dashboard.i18n import CODE_LISTS, CODE_PREFIXES
from tests.dashboard.test_pages import HOME, PAGES

LATIN = re.compile(r"[A-Za-z]")
NO_TYPING = 3  # FILTER_MODE_NONE: filter_mode=None


def every_page(lang: str) -> AppTest:
    test = AppTest.from_file(HOME, default_timeout=120)
    if lang != "zh":
        test.query_params["lang"] = lang
    test.run()
    yield test
    for page in PAGES[1:]:
        test.switch_page(f"views/{page}.py").run()
        yield test


@pytest.fixture(scope="module")
def offered(request):
    """Every frame any page offers for download in the Chinese view, and the choice widgets."""
    frames, widgets = [], []
    real = provenance.downloads

    def spy(frame, name, lang, key):
        frames.append(frame)
        return real(frame, name, lang, key)

    patch = pytest.MonkeyPatch()
    patch.setattr(provenance, "downloads", spy)
    try:
        for test in every_page("zh"):
            assert not test.exception
            widgets += [*test.multiselect, *test.selectbox]
    finally:
        patch.undo()
    return frames, widgets


def test_no_select_all_and_no_typing_filter_in_the_chinese_view(offered):
    _, widgets = offered
    multis = [w for w in widgets if w.proto.DESCRIPTOR.name == "MultiSelect"]
    assert multis and len(widgets) > len(multis)  # the filters and the report choice
    for widget in widgets:
        # no typing: Streamlit's "No results" cannot show; no bulk "Select all" entry
        assert widget.proto.filter_mode == NO_TYPING, widget.label
    for widget in multis:
        assert widget.proto.select_all == 0, widget.label


def test_the_english_view_keeps_the_filters_typing():
    test = AppTest.from_file(HOME, default_timeout=120)
    test.query_params["lang"] = "en"
    test.run()
    test.switch_page("views/chemicals.py").run()
    assert test.multiselect
    assert all(
        w.proto.select_all != 0 and w.proto.filter_mode != NO_TYPING for w in test.multiselect
    )


def test_every_download_has_chinese_headers_in_the_chinese_view(offered):
    frames, _ = offered
    assert len(frames) >= 8  # targets, series, changes, projects, ledger, map …
    english = set()
    for frame in frames:
        headers = list(provenance.download_frame(frame, "zh").columns)
        english |= {header for header in headers if LATIN.search(str(header))}
        assert len(set(headers)) == len(headers)
        # the English view keeps the tables' own names
        assert list(provenance.download_frame(frame, "en").columns) == list(frame.columns)
    assert not english, " ".join(sorted(english))


def test_the_csv_download_carries_the_chinese_headers():
    import pandas as pd

    frame = pd.DataFrame({"label_zh": ["煤炭产量"], "value": [3.0e8], "quote": ["原句。"]})
    text = provenance.csv_bytes(provenance.download_frame(frame, "zh")).decode("utf-8-sig")
    assert text.splitlines()[0] == "名称（中文）,数值,原句"


def test_sankey_labels_break_lines_and_show_markup_as_text():
    from dashboard.components.charts import sankey_labels

    assert sankey_labels(["电\n（含新能源）", "a<b"]) == ["电<br>（含新能源）", "a&lt;b"]


@pytest.mark.parametrize(
    ("column", "code", "word"),
    [
        ("status", "operating", "已投产"),
        ("status", "under_construction", "开工建设"),
        ("review_status", "proposed", "待核实"),
        ("review_status", "seed", "已发布"),
        ("statement_kind", "forecast", "预测"),
        ("scope", "prefecture", "昌吉州"),
        ("reading", "cannot_judge", "无法判断"),
        ("target_kind", "ambition", "愿景"),
        ("answer_kind", "no_project", "无具名项目"),
        ("confidence", "UNKNOWN", "未知位置"),
        ("sets_stage", True, "是"),
    ],
)
def test_the_chinese_download_says_codes_in_the_screens_words(column, code, word):
    import pandas as pd

    frame = pd.DataFrame({"label_zh": ["某项"], column: [code]})
    text = provenance.csv_bytes(provenance.download_frame(frame, "zh")).decode("utf-8-sig")
    assert text.splitlines()[1] == f"某项,{word}"
    # the English download keeps the code, which analysts filter on
    assert provenance.download_frame(frame, "en")[column].tolist() == [code]


def test_a_platform_says_its_own_stage_and_an_unknown_code_stays_as_written():
    import pandas as pd

    platforms = pd.DataFrame({"platform_id": ["p1"], "status": ["under_construction"]})
    assert provenance.download_frame(platforms, "zh")["阶段"].tolist() == ["加快建设"]
    unknown = pd.DataFrame({"status": ["tendered"], "scope": [None]})
    worded = provenance.download_frame(unknown, "zh")
    assert worded["阶段"].tolist() == ["tendered"] and worded["范围"].isna().all()


def test_no_download_of_the_chinese_view_shows_a_status_code(offered):
    frames, _ = offered
    coded = set(CODE_LISTS) | set(CODE_PREFIXES)
    left = set()
    for frame in frames:
        worded = provenance.download_frame(frame, "zh")
        for column in coded & set(frame.columns):
            header = worded.columns[list(frame.columns).index(column)]
            left |= {f"{column}={v}" for v in worded[header].dropna() if LATIN.search(str(v))}
    assert not left, " ".join(sorted(left))
