"""The production front: Streamlit behind nginx, as `make prod` and the Docker image run it.

    python deploy/front.py [--port 8080] [--workers 2] [--address 0.0.0.0]

Copies Streamlit's static bundles into a build folder and gzips them there with zopfli, whose
gzip files any browser reads and are some 4 % smaller than zlib's best (the installed package is
left as it is, and may be read-only), fills deploy/nginx.conf, starts the Streamlit
processes on free loopback ports with the hosted flag set, then nginx in the foreground.
Ctrl-C or SIGTERM stops all.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import streamlit
import zopfli.gzip

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
COMPRESSED = {".js", ".css", ".html", ".svg", ".json", ".map", ".txt", ".ttf", ".wasm"}
# Which build the stamp names: Streamlit's version and how its files were compressed.
BUILD = f"{streamlit.__version__} zopfli"


def build_static(dest: Path) -> Path:
    """Streamlit's static folder copied to `dest` with a .gz beside each text file; reused when the
    installed Streamlit has not changed (a stamp names its version and the compressor)."""
    stamp = dest / "streamlit-version"
    if stamp.is_file() and stamp.read_text() == BUILD:
        return dest
    source = Path(streamlit.__file__).parent / "static"
    staging = Path(tempfile.mkdtemp(prefix="static-", dir=dest.parent))
    shutil.copytree(source, staging, dirs_exist_ok=True)
    for path in staging.rglob("*"):
        if path.suffix in COMPRESSED and path.is_file():
            packed = zopfli.gzip.compress(path.read_bytes(), numiterations=5)
            Path(f"{path}.gz").write_bytes(packed)
    (staging / "streamlit-version").write_text(BUILD)
    if dest.exists():
        shutil.rmtree(dest)
    staging.rename(dest)
    return dest


def render(port: int, address: str, upstreams: list[int], static: Path, run: Path) -> str:
    """deploy/nginx.conf with its fields filled."""
    user = "user root root;" if os.geteuid() == 0 else ""  # as root, keep the workers able to read
    fields = {
        "@USER@": user,
        "@RUN@": str(run),
        "@PORT@": str(port),
        "@ADDRESS@": address,
        "@STATIC@": str(static),
        "@UPSTREAMS@": "\n".join(f"        server 127.0.0.1:{p};" for p in upstreams),
    }
    text = TEMPLATE.read_text()
    for field, value in fields.items():
        text = text.replace(field, value)
    return text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, processes: list[subprocess.Popen], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes):
            raise RuntimeError(f"a process of the front exited before {url} answered")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not become healthy in {seconds} s")


def streamlit_process(port: int, env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/Home.py"]
    options = ["--server.port", str(port), "--server.address", "127.0.0.1"]
    return subprocess.Popen([*command, *options, "--server.headless", "true"], cwd=ROOT, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8080)))
    parser.add_argument("--address", default="0.0.0.0")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 2)))
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "front")
    parser.add_argument("--run", type=Path, help="nginx's pid, logs, temp files (default: --build)")
    args = parser.parse_args()

    args.build.mkdir(parents=True, exist_ok=True)
    static = build_static(args.build / "www")
    run = Path(tempfile.mkdtemp(prefix="run-", dir=args.run or args.build))
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run / "tmp" / folder).mkdir(parents=True)
    ports = [free_port() for _ in range(args.workers)]
    (run / "nginx.conf").write_text(render(args.port, args.address, ports, static, run))

    env = {**os.environ, "ZHUNDONG_HOSTED": "1", "PYTHONUNBUFFERED": "1"}
    children = [streamlit_process(port, env) for port in ports]

    def stop(code: int = 0) -> None:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        shutil.rmtree(run, ignore_errors=True)
        sys.exit(code)

    signal.signal(signal.SIGTERM, lambda *_: stop())
    signal.signal(signal.SIGINT, lambda *_: stop())
    try:
        for port in ports:
            wait_healthy(f"http://127.0.0.1:{port}", children)
        nginx = subprocess.Popen(
            [NGINX, "-p", str(run), "-e", str(run / "error.log"), "-c", str(run / "nginx.conf"),
             "-g", "daemon off;"]
        )  # fmt: skip
        children.append(nginx)
        host = "127.0.0.1" if args.address == "0.0.0.0" else args.address
        wait_healthy(f"http://{host}:{args.port}", children)
        print(f"front ready on http://{host}:{args.port} ({args.workers} Streamlit processes)")
        sys.stdout.flush()
        while all(child.poll() is None for child in children):
            time.sleep(1)
        print("a process of the front exited; stopping", file=sys.stderr)
        stop(1)
    except Exception as error:
        print(f"front failed: {error}", file=sys.stderr)
        stop(1)


if __name__ == "__main__":
    main()
