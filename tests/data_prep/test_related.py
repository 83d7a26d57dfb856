"""Related projects: the seed report names 其亚 among the companies of the 710万吨 olefins
group ("心连心、宝丰、其亚…") and of the 1200万吨 methanol projects ("其亚、富德…"), and 天池能源 in
the 60亿立方米 gas group and its own 20亿立方米 project. Each is flagged with the shared company
as evidence; a project inside a group stays apart from merely related ones."""

import pandas as pd

from dashboard.components.projects import related_pairs


def _projects(curated_dir) -> pd.DataFrame:
    return pd.read_csv(curated_dir / "projects.csv", dtype=str, encoding="utf-8-sig")


def test_projects_with_a_company_in_common_are_flagged_with_it(curated_dir):
    flagged = _projects(curated_dir).drop_duplicates("project_id").set_index("project_id")
    assert flagged.loc["olefins_710", "shares_companies_with"] == "methanol_1200（其亚）"
    assert flagged.loc["methanol_1200", "shares_companies_with"] == "olefins_710（其亚）"
    assert flagged.loc["tianchi_sng_20", "shares_companies_with"] == "sng_60（天池能源）"
    assert pd.isna(flagged.loc["olefins_160", "shares_companies_with"])


def test_the_page_lists_related_pairs_once_and_not_a_group_with_its_member(curated_dir):
    projects = _projects(curated_dir)
    assert related_pairs(projects) == [("olefins_710", "methanol_1200", "其亚")]
