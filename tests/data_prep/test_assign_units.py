"""A figure fits a metric in the unit the metric is shown in, or in one its pinned figures are
written in: the reports count workers in 名 where the dashboard shows 人."""

import pytest

from data_prep.curate import load_catalog
from data_prep.review import fits

METRICS = {m["metric_id"]: m for m in load_catalog()["metrics"]}


@pytest.mark.parametrize(
    "metric_id, unit, per, fit",
    [
        ("jijihu_workers", "名", "", True),  # 目前已汇聚产业工人3万余名
        ("jijihu_workers", "人", "", True),
        ("jijihu_workers", "吨", "", False),
        ("coal_output", "吨", "", True),
        ("coal_output", "名", "", False),
    ],
)
def test_a_figure_fits_in_the_units_its_metric_is_written_in(metric_id, unit, per, fit):
    assert fits({"unit": unit, "per": per}, METRICS[metric_id]) is fit
