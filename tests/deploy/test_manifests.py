"""The manifests for more than one machine (deploy/compose.yaml, deploy/kubernetes.yaml) agree with
the image the Dockerfile builds: its name, port and health path, and stickiness on the way in."""

import configparser
import re

import yaml
from supervisor.datatypes import dict_of_key_value_pairs

from tests.browser.conftest import ROOT, front

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
PORT = int(re.search(r"^EXPOSE (\d+)$", DOCKERFILE, flags=re.MULTILINE).group(1))
IMAGE = re.search(r"docker build -t ([\w-]+) \.", DOCKERFILE).group(1)
HEALTH = "/_stcore/health"


def kubernetes() -> dict[str, dict]:
    documents = yaml.safe_load_all((ROOT / "deploy" / "kubernetes.yaml").read_text("utf-8"))
    return {document["kind"]: document for document in documents}


def test_the_dockerfile_checks_the_health_path_on_its_port():
    assert f"127.0.0.1:{PORT}{HEALTH}" in DOCKERFILE
    assert re.search(rf'CMD \["python", "deploy/front.py", "--port", "{PORT}"', DOCKERFILE)


def test_kubernetes_runs_the_image_with_probes_on_the_health_path():
    objects = kubernetes()
    assert set(objects) == {"Deployment", "Service", "Ingress"}
    pod = objects["Deployment"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["image"].split(":")[0] == IMAGE
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert ports == {"http": PORT}
    for probe in ("readinessProbe", "livenessProbe"):
        check = container[probe]["httpGet"]
        assert check["path"] == HEALTH and check["port"] in ("http", PORT), probe
    # A restart by liveness comes after supervisord's own restarts had their chance.
    assert container["livenessProbe"]["initialDelaySeconds"] >= 30
    env = {item["name"]: item["value"] for item in container["env"]}
    assert env["ZHUNDONG_HOSTED"] == "1"
    assert pod["securityContext"]["runAsUser"] == int(
        re.search(r"useradd .*--uid (\d+)", DOCKERFILE).group(1)
    )
    labels = objects["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert objects["Service"]["spec"]["selector"] == labels
    assert objects["Service"]["spec"]["ports"][0]["targetPort"] in ("http", PORT)


def test_the_ingress_keeps_a_browser_on_one_pod_and_its_websocket_open():
    ingress = kubernetes()["Ingress"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) > 60  # Streamlit's ping
    (rule,) = ingress["spec"]["rules"]
    backend = rule["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == kubernetes()["Service"]["metadata"]["name"]


def test_compose_runs_replicas_behind_a_sticky_balancer():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text("utf-8"))
    dashboard = compose["services"]["dashboard"]
    assert dashboard["image"].split(":")[0] == IMAGE
    assert dashboard["build"]["dockerfile"] == "Dockerfile"
    assert (ROOT / "deploy" / dashboard["build"]["context"] / "Dockerfile").is_file()
    assert str(PORT) in dashboard["expose"]
    assert any(HEALTH in part for part in dashboard["healthcheck"]["test"])
    assert dashboard["restart"] == "unless-stopped"  # killing the supervisor restarts the replica
    assert dashboard["deploy"]["replicas"] >= 2
    balancer = compose["services"]["balancer"]
    (volume,) = balancer["volumes"]
    config = (ROOT / "deploy" / volume.split(":")[0]).read_text(encoding="utf-8")
    assert re.search(r"hash \$\w+ consistent;", config)
    assert f"server dashboard:{PORT}" in config
    assert "proxy_set_header Upgrade $http_upgrade;" in config


def test_every_worker_runs_with_two_malloc_arenas():
    # The front's supervisord starts the workers in `make prod`, the image, compose and Kubernetes
    # alike; glibc reads MALLOC_ARENA_MAX from the worker's environment (docs/benchmarks.md).
    rendered = front.render_supervisor(
        [8601, 8602], "http://127.0.0.1:8080", ROOT / "build", failures=3, timeout=4, grace=20
    )
    config = configparser.RawConfigParser()
    config.read_string(rendered)
    workers = [name for name in config.sections() if name.startswith("program:worker-")]
    assert len(workers) == 2
    for name in workers:
        env = dict_of_key_value_pairs(config.get(name, "environment"))
        assert env["MALLOC_ARENA_MAX"] == "2", name
        assert env["ZHUNDONG_HOSTED"] == "1", name
    assert "MALLOC_ARENA_MAX" not in config.get("program:nginx", "environment", fallback="")
