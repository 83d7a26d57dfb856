"""What visitors of the hosted link meet when things go wrong: plain words, never a traceback,
and an app that writes nothing into its own folder."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from data_prep import SEEDS_DIR, store
from tests.dashboard.test_pages import HOME, PAGES, open_page


@pytest.fixture
def broken_tables(curated_dir, tmp_path, monkeypatch) -> Path:
    """The session's tables copied and installed behind their link, as a build installs them,
    then one of them broken."""
    out = tmp_path / "curated"
    version = store.new_version(out)
    shutil.copytree(curated_dir, version, dirs_exist_ok=True)
    store.install_tables(version, out)
    (out / "metrics.csv").write_bytes(b"\x00\xff\xfe garbage")
    monkeypatch.setenv("ZHUNDONG_DATA", str(out))
    return out


@pytest.mark.parametrize("page", PAGES)
def test_a_broken_table_is_reported_in_plain_words(broken_tables, page):
    test = AppTest.from_file(HOME, default_timeout=60).run()
    open_page(test, page)
    assert not test.exception
    if page not in ("park_map", "sources", "updates"):  # pages that read metrics.csv
        assert any("数据表缺失或已损坏" in error.value for error in test.error)
    assert test.selectbox(key="report").value == "latest"  # the frame still works


def test_missing_tables_that_cannot_be_built(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    (seeds / "reports.toml").write_text("[[reports]\nbroken", encoding="utf-8")
    monkeypatch.setenv("ZHUNDONG_SEEDS", str(seeds))
    monkeypatch.setenv("ZHUNDONG_DATA", str(tmp_path / "curated"))
    test = AppTest.from_file(HOME, default_timeout=60).run()
    assert not test.exception
    assert "数据表缺失或已损坏" in test.error[0].value
    assert "reports.toml" in test.error[0].value
    assert not (tmp_path / "curated").exists()


def test_hosted_app_builds_outside_the_repository(monkeypatch, tmp_path):
    monkeypatch.setenv("ZHUNDONG_HOSTED", "1")
    monkeypatch.delenv("ZHUNDONG_DATA", raising=False)
    monkeypatch.setattr(data, "CURATED_DIR", tmp_path / "repository-data")
    assert data.curated_dir().is_relative_to(Path("/tmp")) or "zhundong-curated" in str(
        data.curated_dir()
    )
    assert data.curated_dir() != tmp_path / "repository-data"
    (tmp_path / "repository-data").mkdir()
    (tmp_path / "repository-data" / "manifest.json").write_text("{}", encoding="utf-8")
    assert data.curated_dir() == tmp_path / "repository-data"
    assert not data._may_rebuild(tmp_path / "repository-data")
    monkeypatch.delenv("ZHUNDONG_HOSTED")
    assert data._may_rebuild(tmp_path / "repository-data")
