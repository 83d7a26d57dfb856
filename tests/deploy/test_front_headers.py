"""Every kind of answer of the production front carries the security headers, names no upstream
address, and the phone pages /m/ and /m/en/ are served precompressed from their folder (a
temporary one here, written by the test). One front for the module, one worker."""

import gzip
import http.client
import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import Front

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
}
PHONE_PAGE = "<!doctype html><meta charset=utf-8><title>准东看板</title><p>手机版测试页</p>"
PHONE_PAGE_EN = "<!doctype html><meta charset=utf-8><title>Zhundong</title><p>phone test page</p>"


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    mobile = tmp_path_factory.mktemp("m")
    (mobile / "index.html").write_text(PHONE_PAGE, encoding="utf-8")
    (mobile / "index.html.gz").write_bytes(gzip.compress(PHONE_PAGE.encode()))
    (mobile / "en").mkdir()
    (mobile / "en" / "index.html").write_text(PHONE_PAGE_EN, encoding="utf-8")
    (mobile / "en" / "index.html.gz").write_bytes(gzip.compress(PHONE_PAGE_EN.encode()))
    server = Front(workers=1, log_name="front-headers.log", options=["--mobile", str(mobile)])
    yield server
    server.stop()


def fetch(url: str, method: str = "GET", headers: dict[str, str] | None = None):
    """(status, headers, body) of one request; an HTTP error is an answer too."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def bundle(front) -> str:
    _, _, body = fetch(front.url)
    return re.search(r"static/js/index\.[\w-]+\.js", body.decode()).group(0)


KINDS = {
    "page": ("/", 200),
    "page path": ("/targets?lang=en", 200),
    "bundle": (None, 200),
    "missing bundle": ("/static/js/no-such.js", 404),
    "health": ("/_stcore/health", 200),
    "host config": ("/_stcore/host-config", 200),
    "metrics": ("/_stcore/metrics", 404),
    "phone page": ("/m/", 200),
    "too long": ("/?x=" + "a" * 20_000, 414),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_answer_carries_the_security_headers(front, kind):
    path, status = KINDS[kind]
    got, headers, body = fetch(front.url + (path or "/" + bundle(front)))
    assert got == status
    for name, value in SECURITY.items():
        assert headers[name] == value, (kind, name)
    assert "camera=()" in headers["Permissions-Policy"]
    if kind != "bundle":  # documents and API answers; a policy on a script is ignored
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    text = "\n".join(f"{key}: {value}" for key, value in headers.items())
    assert "127.0.0.1" not in text and "localhost" not in text
    if status in (404, 414) and kind != "missing bundle":
        page = body.decode()
        assert "准东开发区发展看板" in page and "总览" in page, page[:200]
        assert "charset=utf-8" in headers["Content-Type"]


def test_metrics_stay_off_the_public_front(front):
    status, _, body = fetch(front.url + "/_stcore/metrics")
    assert status == 404
    assert b"session" not in body.lower()


def test_a_cors_preflight_names_no_upstream(front):
    status, headers, _ = fetch(
        front.url + "/_stcore/upload_file/x/y",
        method="OPTIONS",
        headers={"Origin": "http://other.example", "Access-Control-Request-Method": "PUT"},
    )
    text = "\n".join(f"{key}: {value}" for key, value in headers.items())
    assert status < 500
    assert "Access-Control-Allow-Origin" not in headers
    assert not re.search(r"127\.0\.0\.1|localhost|:\d{4,5}\b", text), text


def test_the_phone_page_is_served_precompressed_and_briefly_cached(front):
    request = urllib.request.Request(front.url + "/m/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.read()).decode() == PHONE_PAGE
        assert response.headers["Cache-Control"] == "public, max-age=300"
        assert "charset=utf-8" in response.headers["Content-Type"]
    status, headers, body = fetch(front.url + "/m/index.html")
    assert status == 200 and body.decode() == PHONE_PAGE
    assert "Content-Encoding" not in headers


def test_the_english_phone_page_is_served_from_its_folder(front):
    request = urllib.request.Request(front.url + "/m/en/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.read()).decode() == PHONE_PAGE_EN
    status, _, body = fetch(front.url + "/m/en/index.html")
    assert status == 200 and body.decode() == PHONE_PAGE_EN


def test_nginx_and_the_worker_are_watched(front):
    conf = (front.run / "supervisord.conf").read_text()
    assert "[eventlistener:watchdog]" in conf and "events=TICK_5" in conf
    assert re.search(r"worker-1=http://127\.0\.0\.1:\d+/_stcore/health", conf)
    assert f"nginx=http://127.0.0.1:{front.port}/healthz" in conf


@pytest.mark.parametrize(
    "path, to",
    [
        ("/targets/x", "/targets"),
        ("/chemicals/a/b?lang=en&product=olefins", "/chemicals?lang=en&product=olefins"),
        ("/x/y", "/x"),  # an unknown page: the app says so there
    ],
)
def test_an_address_below_a_page_sends_the_reader_to_the_page(front, path, to):
    connection = http.client.HTTPConnection(urlsplit(front.url).netloc, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    assert response.status == 302
    assert response.getheader("Location") == to  # relative: the reader's own host and port
    assert response.getheader("X-Frame-Options") == "SAMEORIGIN"
    connection.close()


def test_streamlit_folders_and_the_phone_page_are_not_sent_away(front):
    for path in ("/_stcore/health", "/m/", "/" + bundle(front)):
        status, _, _ = fetch(front.url + path)
        assert status == 200, path
    # the WebSocket tries the page's own path first (/chemicals/_stcore/stream): Streamlit answers
    connection = http.client.HTTPConnection(urlsplit(front.url).netloc, timeout=30)
    connection.request("GET", "/chemicals/_stcore/health")
    assert connection.getresponse().status != 302
    connection.close()
