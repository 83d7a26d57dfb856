"""The production front: nginx before Streamlit workers under supervisord, as `make prod` and the
Docker image run it.

    python deploy/front.py [--port 8080] [--workers 2] [--address 0.0.0.0]

A launcher, not a supervisor: copies Streamlit's static bundles into a build folder and gzips them
there with zopfli, whose gzip files any browser reads and are some 4 % smaller than zlib's best
(the installed package is left as it is, and may be read-only), picks free loopback ports for the
workers, fills deploy/nginx.conf and deploy/supervisord.conf into a run folder, and then replaces
itself with `supervisord -n` (same pid). supervisord starts nginx and the workers, restarts any
that exits, and its watchdog (deploy/watchdog.py) restarts any that stops answering its health
check. SIGTERM or Ctrl-C stops all; `kill -9` of supervisord takes its children with it
(deploy/exec_child.py), so nothing is left holding a port.
"""

import argparse
import base64
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import streamlit
import zopfli.gzip

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = Path(__file__).resolve().parent
MOBILE = ROOT / "data" / "curated" / "m"  # the static phone page, built with the tables
TEMPLATE = Path(__file__).with_name("nginx.conf")
REQUIREMENTS = "deploy/requirements.txt"
SUPERVISOR = Path(__file__).with_name("supervisord.conf")
WORKER = Path(__file__).with_name("worker.conf")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
COMPRESSED = {".js", ".css", ".html", ".svg", ".json", ".map", ".txt", ".ttf", ".wasm"}
# Which build the stamp names: Streamlit's version and how its files were compressed.
BUILD = f"{streamlit.__version__} zopfli"


def _gzip_beside(path: Path) -> None:
    Path(f"{path}.gz").write_bytes(zopfli.gzip.compress(path.read_bytes(), numiterations=5))


def build_static(dest: Path) -> Path:
    """Streamlit's static folder copied to `dest` with a .gz beside each text file, compressed on
    every core (zopfli takes about a CPU-minute); reused when the installed Streamlit has not
    changed (a stamp names its version and the compressor). A staging folder an interrupted build
    left is removed."""
    stamp = dest / "streamlit-version"
    if stamp.is_file() and stamp.read_text() == BUILD:
        return dest
    for leftover in dest.parent.glob("static-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    source = Path(streamlit.__file__).parent / "static"
    staging = Path(tempfile.mkdtemp(prefix="static-", dir=dest.parent))
    shutil.copytree(source, staging, dirs_exist_ok=True)
    texts = [p for p in staging.rglob("*") if p.suffix in COMPRESSED and p.is_file()]
    # the largest first, so that no core is left with the Plotly bundle at the end
    texts.sort(key=lambda p: p.stat().st_size, reverse=True)
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_gzip_beside, texts))
    (staging / "streamlit-version").write_text(BUILD)
    if dest.exists():
        shutil.rmtree(dest)
    staging.rename(dest)
    return dest


def render(
    port: int, address: str, upstreams: list[int], static: Path, run: Path, mobile: Path = MOBILE
) -> str:
    """deploy/nginx.conf with its fields filled."""
    fields = {
        "@RUN@": str(run),
        "@PORT@": str(port),
        "@ADDRESS@": address,
        "@STATIC@": str(static),
        "@DEPLOY@": str(DEPLOY),
        "@MOBILE@": str(mobile),
        "@UPSTREAMS@": "\n".join(
            f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams
        ),
    }
    return fill(TEMPLATE.read_text(), fields)


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


def local_url(address: str, port: int) -> str:
    """Where this machine reaches the front."""
    host = "127.0.0.1" if address in ("0.0.0.0", "") else address
    return f"http://{host}:{port}"


def inline_script_hashes() -> str:
    """CSP sources for the inline scripts of the page Streamlit serves ('sha256-…' each), so the
    policy needs no 'unsafe-inline' and follows a Streamlit upgrade."""
    page = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    digests = (hashlib.sha256(script.encode()).digest() for script in scripts)
    return " ".join(f"'sha256-{base64.b64encode(digest).decode()}'" for digest in digests)


def fill(text: str, fields: dict[str, str]) -> str:
    for field, value in fields.items():
        text = text.replace(field, value)
    return text


def render_supervisor(
    ports: list[int],
    front: str,
    run: Path,
    *,
    failures: int,
    timeout: float,
    grace: float,
    hosts: Sequence[str] = ("*",),
) -> str:
    """deploy/supervisord.conf with its fields filled and one program per worker."""
    names = [f"worker-{number}" for number in range(1, len(ports) + 1)]
    checks = [
        f"{name}=http://127.0.0.1:{port}/_stcore/health"
        for name, port in zip(names, ports, strict=True)
    ]
    checks.append(f"nginx={front}/healthz")
    common = {"@PYTHON@": sys.executable, "@ROOT@": str(ROOT), "@RUN@": str(run)}
    allowed = " ".join(f"--server.allowedHosts '{host}'" for host in hosts)
    text = fill(
        SUPERVISOR.read_text(),
        {
            **common,
            "@NGINX@": NGINX,
            "@FAILURES@": str(failures),
            "@TIMEOUT@": str(timeout),
            "@GRACE@": str(grace),
            "@CHECKS@": " ".join(checks),
        },
    )
    for name, port in zip(names, ports, strict=True):
        fields = {"@NAME@": name, "@WORKER_PORT@": str(port), "@ALLOWED@": allowed}
        text += fill(WORKER.read_text(), {**common, **fields})
    return text


def prepare(args: argparse.Namespace) -> Path:
    """The run folder, filled: nginx.conf, supervisord.conf, log/ and nginx's temp folders."""
    args.build.mkdir(parents=True, exist_ok=True)
    static = build_static(args.build / "www")
    run = (args.run or args.build) / f"run-{args.port}"
    shutil.rmtree(run, ignore_errors=True)
    for folder in ("log", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
        (run / folder).mkdir(parents=True)
    ports = [free_port() for _ in range(args.workers)]
    nginx = render(args.port, args.address, ports, static, run, args.mobile)
    shutil.copy(DEPLOY / "headers.conf", run / "headers.conf")
    csp = fill((DEPLOY / "csp.conf").read_text(), {"@SCRIPTS@": inline_script_hashes()})
    (run / "csp.conf").write_text(csp)
    (run / "nginx.conf").write_text(nginx)
    (run / "supervisord.conf").write_text(
        render_supervisor(
            ports,
            local_url(args.address, args.port),
            run,
            failures=args.failures,
            timeout=args.timeout,
            grace=args.grace,
            hosts=args.hosts.split(),
        )
    )
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8080)))
    parser.add_argument("--address", default=os.environ.get("ADDRESS", "0.0.0.0"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 2)))
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "front")
    parser.add_argument("--run", type=Path, help="where run-PORT/ goes (default: --build)")
    parser.add_argument("--mobile", type=Path, default=MOBILE, help="the phone page's folder (/m/)")
    parser.add_argument(
        "--hosts",
        default=os.environ.get("ZHUNDONG_HOSTS", "*"),
        help="host names readers use, space-separated (Streamlit's server.allowedHosts; *: any)",
    )
    parser.add_argument("--failures", type=int, default=3, help="health checks missed in a row")
    parser.add_argument("--timeout", type=float, default=4.0, help="seconds per health check")
    parser.add_argument(
        "--grace", type=float, default=20.0, help="no checks this long after a start"
    )
    parser.add_argument(
        "--static-only",
        action="store_true",
        help="only build the compressed static files (make static), then exit",
    )
    args = parser.parse_args()
    if args.static_only:
        args.build.mkdir(parents=True, exist_ok=True)
        print(f"static files in {build_static(args.build / 'www')}", flush=True)
        return
    if not Path(NGINX).exists():
        sys.exit(f"the front needs nginx ({NGINX}): sudo apt-get install nginx")
    supervisord = Path(sys.executable).with_name("supervisord")
    if not supervisord.exists():
        sys.exit(f"the front needs supervisord: {sys.executable} -m pip install -r {REQUIREMENTS}")
    run = prepare(args)
    url = local_url(args.address, args.port)
    print(f"front on {url}: {args.workers} Streamlit processes, logs in {run / 'log'}", flush=True)
    os.execv(supervisord, [str(supervisord), "-n", "-c", str(run / "supervisord.conf")])


if __name__ == "__main__":
    main()
