"""The app served for real, on free loopback ports: a bare `streamlit run` (as `make run`) and the
production front (nginx before two Streamlit processes, as `make prod` and the Docker image); and
Debian's Chromium under Playwright."""

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
NGINX = "/usr/sbin/nginx"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _load_front():
    """deploy/front.py, a script rather than a package: its health wait and free port serve the
    tests' servers too."""
    spec = importlib.util.spec_from_file_location("front", ROOT / "deploy" / "front.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


front = _load_front()


class Server:
    """`streamlit run dashboard/Home.py` as `make run` starts it, on 127.0.0.1 and a free port."""

    def __init__(
        self,
        env: dict[str, str] | None = None,
        log_name: str = "server.log",
        script: str = "dashboard/Home.py",
    ) -> None:
        port = front.free_port()
        self.url = f"http://127.0.0.1:{port}"
        ARTIFACTS.mkdir(exist_ok=True)
        self.log = (ARTIFACTS / log_name).open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port",
             str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )  # fmt: skip
        try:
            front.wait_healthy(self.url, [self.process])
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class Front(Server):
    """`python deploy/front.py` as `make prod` starts it (supervisord keeping nginx and the workers
    up), on 127.0.0.1 and a free port; `options` go to front.py (e.g. short health checks)."""

    def __init__(
        self,
        workers: int = 2,
        log_name: str = "front.log",
        options: Sequence[str] = (),
        port: int | None = None,
    ) -> None:
        if not Path(NGINX).exists():
            pytest.fail(f"the front needs nginx at {NGINX}: `make test` installs it as root")
        if not Path(sys.executable).with_name("supervisord").exists():
            pytest.fail("the front needs supervisord: `make test` installs deploy/requirements.txt")
        self.port = port or front.free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.run = ROOT / "build" / "front" / f"run-{self.port}"
        ARTIFACTS.mkdir(exist_ok=True)
        self.log = (ARTIFACTS / log_name).open("w")
        self.process = subprocess.Popen(
            [sys.executable, "deploy/front.py", "--port", str(self.port), "--address", "127.0.0.1",
             "--workers", str(workers), *options],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        try:
            front.wait_healthy(self.url, [self.process], seconds=150)
        except BaseException:
            self.stop()
            raise

    def pid(self, program: str) -> int:
        """The pid supervisord has for one program of the front (0 when it is not running)."""
        answer = subprocess.run(
            [str(Path(sys.executable).with_name("supervisorctl")), "-c",
             str(self.run / "supervisord.conf"), "pid", program],
            capture_output=True, text=True, timeout=20,
        )  # fmt: skip
        text = answer.stdout.strip()
        return int(text) if text.isdigit() else 0


@pytest.fixture(scope="session")
def front_url():
    front = Front()
    yield front.url
    front.stop()


@pytest.fixture(scope="session")
def server_url():
    """`streamlit run` as `make run` serves the app: every page at every width and language. The
    front serves the same pages through nginx; tests/browser/test_front.py opens each of them
    there and runs the tests of what the proxy could break (downloads, the map's base layer), so
    that only the process running that file starts a front."""
    server = Server()
    yield server.url
    server.stop()


_OPEN: list = []


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("fc-list") is None:
        pytest.fail(
            "browser tests need Debian's chromium and fontconfig: "
            "run `make test`, which installs them as root"
        )
    if _OPEN:  # tests/deploy names this fixture too: one Playwright per thread, so share it
        yield _OPEN[0]
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _OPEN.append(browser)
        yield browser
        _OPEN.clear()
        browser.close()
