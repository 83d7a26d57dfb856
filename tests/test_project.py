"""The project's own files agree with each other: requirements with pyproject, config with docs."""

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def test_requirements_pin_every_dependency_within_its_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = {}
    for line in lines:
        if line and not line.startswith(("#", "-e")):
            name, _, version = line.partition("==")
            pins[name.lower().replace("_", "-")] = version
    assert "-e ." in lines, "requirements.txt must install the project itself"
    for dependency in map(Requirement, project["dependencies"]):
        name = dependency.name.lower().replace("_", "-")
        assert name in pins, f"{name} is in pyproject.toml but not pinned: run make requirements"
        assert dependency.specifier.contains(pins[name]), (
            f"{name}=={pins[name]} is outside {dependency.specifier}"
        )


def test_production_config():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableCORS"] is True
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False
    # page runs without a full garbage collection and sessions without file watchers (CPU per
    # page run, docs/benchmarks.md)
    assert config["runner"]["postScriptGC"] is False
    assert config["server"]["fileWatcherType"] == "none"


def test_dockerfile_runs_unprivileged_with_a_health_check():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "USER dashboard" in dockerfile
    assert "HEALTHCHECK" in dockerfile and "/_stcore/health" in dockerfile
    assert "python -m data_prep build" in dockerfile
    assert "ZHUNDONG_HOSTED=1" in dockerfile


def test_the_pdf_briefing_has_its_chinese_font_in_docker_and_on_the_cloud():
    """dashboard/briefing_pdf.py embeds Noto Sans CJK; without it the PDF download fails."""
    assert "fonts-noto-cjk" in (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "fonts-noto-cjk" in (ROOT / "packages.txt").read_text(encoding="utf-8").split()
