"""Nothing crashes on data it has not seen: an accepted report whose rows carry a product, unit,
stage, measure, place or year no earlier report had renders on every page and in the briefing.

Hypothesis writes such rows into a copy of the built tables, which the app reads through
ZHUNDONG_DATA; every page then runs through AppTest in both languages."""

import csv
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.briefing import briefing_html
from dashboard.data import _TEXT_COLUMNS
from tests.dashboard.test_pages import HOME, PAGES, open_page

NEW_SOURCE = "004_unseen.txt"
# A sentence of our own, as an added report would state it.
SENTENCE = "年产40万吨煤制乙二醇项目正式开工建设，预计2031年建成投产。"

words = st.text(alphabet="煤制乙二醇氢氨焦炉气钠电池储能甲醛丙烯碳纤维", min_size=2, max_size=8)
units = st.sampled_from(["吨", "千瓦", "立方米", "元", "个", "%", "标方", "吨标准煤", "", "GWh"])
display_units = st.sampled_from(["万吨", "亿元", "%", "个", "万标方", "", "GWh", "吨/日"])
stages = st.sampled_from(["under_construction", "operating", "试生产", "paused", "mentioned", ""])
years = st.integers(min_value=2000, max_value=2040)
values = st.one_of(
    st.floats(min_value=0, max_value=1e13, allow_nan=False),
    st.just(0.0),
)


def _append(path: Path, rows: list[dict]) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        old = list(reader)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(old)
        writer.writerows({key: row.get(key, "") for key in header} for row in rows)


def write_unseen(
    folder: Path,
    product: str,
    unit: str,
    display: str,
    stage: str,
    year: int,
    value: float,
    metric_id: str,
    place: str,
) -> None:
    """A report 004 with one metric, one project and one place fact no earlier report had."""
    (folder / "texts" / NEW_SOURCE).write_text(SENTENCE, encoding="utf-8")
    report = {
        "report_id": "004",
        "source": NEW_SOURCE,
        "newspaper": "昌吉日报",
        "lead_headline": "新报道",
        "report_date": f"{year}-05",
        "lead_headline_en": "A new report",
        "newspaper_en": "Changji Daily",
        "sha256": "0" * 64,
    }
    _append(folder / "reports.csv", [report])
    article = {
        "source": NEW_SOURCE,
        "article": "004-a00",
        "headline": "新报道",
        "relevance": "high",
        "figures": 1,
        "chars": len(SENTENCE),
        "start": 0,
        "spans": f"0:{len(SENTENCE)}:body",
    }
    _append(folder / "articles.csv", [article])
    common = {
        "report_id": "004",
        "report_date": f"{year}-05",
        "source": NEW_SOURCE,
        "quote": SENTENCE,
        "review_status": "accepted",
        "proposal_id": "p004",
    }
    metric = {
        **common,
        "metric_id": metric_id,
        "category": "economics",
        "label_zh": f"{product}产量",
        "label_en": "New measure",
        "kind": "count",
        "year": year,
        "value": value,
        "unit": unit,
        "display_unit": display,
        "year_basis": "sentence",
        "scope": "zhundong",
        "statement_kind": "fact",
    }
    _append(folder / "metrics.csv", [metric])
    project = {
        **common,
        "project_id": f"new_{metric_id}",
        "name_zh": f"{product}项目",
        "name_en": "",
        "companies": "",
        "product": product,
        "capacity": value,
        "capacity_unit": unit,
        "status": stage,
        "status_raw": "正式开工建设",
        "statement_kind": "fact",
        "sets_stage": "True",
        "park": place,
    }
    _append(folder / "projects.csv", [project])
    fact = {
        **common,
        "place": place,
        "metric_id": metric_id,
        "label_zh": f"{product}产量",
        "label_en": "New measure",
        "value": value,
        "unit": unit,
        "display_unit": display,
    }
    _append(folder / "place_facts.csv", [fact])
    # the copy is newer than every input, so the app reads it as built and never rebuilds it
    (folder / "manifest.json").touch()


def _frames(folder: Path) -> dict[str, pd.DataFrame]:
    return {
        name: pd.read_csv(folder / f"{name}.csv", encoding="utf-8-sig", dtype=_TEXT_COLUMNS)
        for name in ("metrics", "targets", "projects", "reports")
    }


@pytest.fixture(scope="module")
def built(curated_dir) -> Path:
    return curated_dir


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    product=words,
    unit=units,
    display=display_units,
    stage=stages,
    year=years,
    value=values,
    metric_id=st.sampled_from(["coal_output", "brand_new_measure", "jijihu_workers"]),
    place=st.sampled_from(["", "未知园区", "jijihu", "zhundong_zone"]),
)
@example(
    product="煤制乙二醇",
    unit="吨",
    display="万吨/年",
    stage="under_construction",
    year=2026,
    value=400000.0,
    metric_id="brand_new_measure",
    place="",
)
def test_every_page_renders_rows_it_has_not_seen(
    built, monkeypatch, product, unit, display, stage, year, value, metric_id, place
):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "curated"
        shutil.copytree(built, folder)
        write_unseen(folder, product, unit, display, stage, year, value, metric_id, place)
        monkeypatch.setenv("ZHUNDONG_DATA", str(folder))
        for lang in ("zh", "en"):
            test = AppTest.from_file(HOME, default_timeout=60)
            test.query_params["lang"] = lang
            test.run()
            for page in PAGES:
                open_page(test, page)
                assert not test.exception, (
                    page,
                    lang,
                    [e.stack_trace[-6:] for e in test.exception],
                )
                assert not test.error, (page, lang, [e.value for e in test.error])
            frames = _frames(folder)
            page = briefing_html(
                frames["metrics"], frames["targets"], frames["projects"], frames["reports"], lang
            )
            assert "</html>" in page
