"""Proposals and their review: rows found in a report the catalog does not name wait for an
analyst's decision, which is kept in seeds/decisions.toml, keyed by report and figure, so that
every rebuild (and the hosted link) reproduces it.

A proposal is a figure of a new report bound to a catalog metric (or a project row, or a new
project). It enters metrics.csv / projects.csv with review_status "proposed"; accepted, it is
"accepted"; rejected, it leaves them and stays in proposals.csv with its decision.
"""

from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR

DECISIONS_FILE = "decisions.toml"
# review_status of a row of metrics.csv and projects.csv.
SEED, ACCEPTED, PROPOSED = "seed", "accepted", "proposed"
DECISIONS = ("accepted", "rejected")

PROPOSAL_COLUMNS = [
    "proposal_id",  # stable: a hash of report, target and figure
    "report_id",
    "report_date",
    "source",
    "article",
    "target_type",  # metric | project | new_project
    "target_id",  # a metric_id or project_id; "" for a new project
    "label_zh",
    "label_en",
    "value",
    "value_high",
    "unit",
    "per",
    "qualifier",
    "display_unit",
    "raw",
    "year",
    "year_basis",
    "scope",
    "statement_kind",
    "confidence",  # 0..1
    "confidence_level",  # high | medium | low
    "confidence_reason_zh",
    "confidence_reason_en",
    "evidence",  # the clause that binds the figure to its measure
    "quote",  # the whole sentence
    "relation",  # new | follows | replaces | repeats | earlier
    "current_value",  # the published value it would follow or replace
    "current_year",
    "current_report_id",
    "current_quote",
    "decision",  # proposed | accepted | rejected | stale
    "decided_on",
    "line",
    "start",
]


def decide(
    proposal_ids: list[str],
    decision: str,
    seeds_dir: Path = SEEDS_DIR,
    out_dir: Path = CURATED_DIR,
) -> list[dict[str, str]]:
    """Record `decision` (accepted / rejected) for each proposal and rebuild; returns the
    proposals decided. Raises InputError naming an unknown id; on any failure the decisions
    file and the tables stay as they were."""
    raise NotImplementedError
