"""The frame's plain functions: the share link's query, unknown paths, who may write."""

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.context import share_query, unknown_path, writing_allowed
from tests.dashboard.test_pages import HOME


def test_share_query_keeps_every_value_of_a_repeated_key_in_order():
    query = share_query({"product": ["olefins", "methanol"], "lang": ["en"], "status": [""]})
    assert query == "product=olefins&product=methanol&lang=en"


def test_share_query_keeps_only_the_keys_a_page_reads():
    query = share_query(
        {"utm_source": ["x"], "lang": ["en"], "junk": ["y" * 100_000], "layers": ["a", "b"]}
    )
    assert query == "lang=en&layers=a&layers=b"


def test_a_100_kb_value_never_reaches_the_share_link():
    assert share_query({"company": ["z" * 100_000], "status": ["built"]}) == "status=built"


def test_share_query_never_closes_the_code_span():
    assert "`" not in share_query({"company": ["a`b"]})


@pytest.mark.parametrize(
    ("url", "missing"),
    [
        ("http://host:8080/", None),
        ("http://host:8080", None),
        ("http://host:8080/chemicals", None),
        ("http://host:8080/no-such-page", "no-such-page"),
        ("http://host:8080/%E5%9C%B0%E5%9B%BE", "地图"),
        (None, None),
    ],
)
def test_unknown_path(url, missing):
    assert unknown_path(url, ["overview", "chemicals"]) == missing


@pytest.mark.parametrize(
    ("hosted", "remote", "secret", "given", "allowed"),
    [
        (True, False, "pw", "pw", False),  # the hosted link never writes
        (False, False, "", "", True),  # a reader on this machine
        (False, True, "", "", False),  # over the network without a password set: nobody
        (False, True, "pw", "", False),
        (False, True, "pw", "wrong", False),
        (False, True, "pw", "pw", True),
    ],
)
def test_writing_needs_the_hosted_flag_off_and_a_password_over_the_network(
    hosted, remote, secret, given, allowed
):
    assert writing_allowed(hosted, remote, secret, given) is allowed


def test_hosted_app_offers_no_updates_page(monkeypatch):
    monkeypatch.setenv("ZHUNDONG_HOSTED", "1")
    test = AppTest.from_file(HOME, default_timeout=60).run()
    assert not test.exception
    with pytest.raises(Exception, match="updates"):
        test.switch_page("views/updates.py").run()


def test_share_link_is_a_code_span_not_a_highlighted_block():
    test = AppTest.from_file(HOME, default_timeout=60)
    test.query_params["product"] = ["olefins", "methanol"]
    test.run()
    assert not test.code
    link = test.sidebar.markdown[-1].value
    assert link.startswith("`") and link.endswith("?product=olefins&product=methanol`"), link
