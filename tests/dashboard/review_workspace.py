"""A workspace with proposals to review: a copy of the seeds with a new report added (the one that
repeats known metrics for a new year), and its tables.

Where the build does not yet make proposals (tables without proposals.csv), the proposals are
written here from the new report's metric rows, and `fake_decide` stands in for
data_prep.review.decide on those tables; where it does, the workspace is the build's own and the
real decide is used, so the same tests run against either.
"""

import csv
import hashlib
import shutil
from pathlib import Path

from data_prep import SEEDS_DIR
from data_prep import review as data_review
from data_prep.add import add_report
from data_prep.check import read_csv
from data_prep.errors import InputError
from tests.conftest import FIXTURES

NEW = FIXTURES / "zhundong_2026_05.txt"
NEW_DATE = "2026-05-10"
# The new report's rows made proposals where the build makes none.
PROPOSED_METRICS = ["coal_output", "coal_power_built"]


def _write(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _columns(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def make(folder: Path) -> tuple[Path, Path]:
    """Seeds and tables in `folder`, the new report added; proposals written when the build
    made none."""
    seeds, out = folder / "seeds", folder / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    add_report(NEW.read_bytes(), NEW.name, NEW_DATE, seeds_dir=seeds, out_dir=out)
    if not (out / "proposals.csv").is_file():
        _write_proposals(out)
    return seeds, out


def decide_is_stub(seeds: Path, out: Path) -> bool:
    """Whether data_prep.review.decide is still the placeholder (the real one refuses an
    unknown id, changing nothing)."""
    try:
        data_review.decide(["no-such-proposal"], "accepted", seeds, out)
    except NotImplementedError:
        return True
    except InputError:
        return False
    raise AssertionError("decide accepted an unknown proposal id")


def _proposal(row: dict[str, str], published: dict[str, str] | None) -> dict[str, str]:
    digest = hashlib.sha256(f"{row['report_id']}|{row['metric_id']}|{row['start']}".encode())
    relation, current = "new", {}
    if published is not None:
        same_year = published["year"] == row["year"]
        same_value = float(published["value"]) == float(row["value"])
        relation = ("repeats" if same_value else "replaces") if same_year else "follows"
        current = {
            "current_value": published["value"],
            "current_year": published["year"],
            "current_report_id": published["report_id"],
            "current_quote": published["quote"],
        }
    return {
        **{column: row.get(column, "") for column in data_review.PROPOSAL_COLUMNS},
        "proposal_id": digest.hexdigest()[:12],
        "target_type": "metric",
        "target_id": row["metric_id"],
        "confidence": "0.9",
        "confidence_level": "high",
        "confidence_reason_zh": "分句中指标名与数字相邻",
        "confidence_reason_en": "the measure's name stands next to the figure in its clause",
        "evidence": row["quote"].split("，")[0] if row["raw"] in row["quote"].split("，")[0]
        else row["quote"],
        "relation": relation,
        **current,
        "decision": data_review.PROPOSED,
    }  # fmt: skip


def _write_proposals(out: Path) -> None:
    """metrics.csv and projects.csv with review_status and proposal_id, the new report's rows
    of PROPOSED_METRICS proposed, and proposals.csv for them plus one stale decision."""
    metrics = read_csv(out / "metrics.csv")
    new_report = max(row["report_id"] for row in metrics)
    proposals = []
    for row in metrics:
        row["review_status"], row["proposal_id"] = data_review.SEED, ""
        if row["report_id"] == new_report and row["metric_id"] in PROPOSED_METRICS:
            earlier = [
                other
                for other in metrics
                if other["metric_id"] == row["metric_id"] and other["report_id"] != new_report
            ]
            proposal = _proposal(row, earlier[-1] if earlier else None)
            row["review_status"], row["proposal_id"] = data_review.PROPOSED, proposal["proposal_id"]
            proposals.append(proposal)
    stale = {**proposals[0], "proposal_id": "0000stale000", "decision": "stale"}
    stale |= {"decided_on": "2026-05-01"}
    columns = [*_columns(out / "metrics.csv"), "review_status", "proposal_id"]
    _write(out / "metrics.csv", metrics, columns)
    projects = read_csv(out / "projects.csv")
    for row in projects:
        row["review_status"], row["proposal_id"] = data_review.SEED, ""
    columns = [*_columns(out / "projects.csv"), "review_status", "proposal_id"]
    _write(out / "projects.csv", projects, columns)
    _write(out / "proposals.csv", [*proposals, stale], data_review.PROPOSAL_COLUMNS)


def fake_decide(
    proposal_ids: list[str], decision: str, seeds_dir: Path, out_dir: Path
) -> list[dict[str, str]]:
    """What decide does, on the tables written above: the decision in proposals.csv, the row
    accepted or gone from metrics.csv; an unknown id refused before anything changes."""
    proposals = read_csv(out_dir / "proposals.csv")
    known = {row["proposal_id"]: row for row in proposals}
    unknown = [pid for pid in proposal_ids if pid not in known]
    if unknown or decision not in data_review.DECISIONS:
        raise InputError(out_dir / "proposals.csv", f"unknown proposal {unknown or decision}")
    for pid in proposal_ids:
        known[pid] |= {"decision": decision, "decided_on": "2026-11-23"}
    metrics = read_csv(out_dir / "metrics.csv")
    kept = [
        row
        for row in metrics
        if not (row["proposal_id"] in proposal_ids and decision != "accepted")
    ]
    for row in kept:
        if row["proposal_id"] in proposal_ids:
            row["review_status"] = data_review.ACCEPTED
    _write(out_dir / "metrics.csv", kept, _columns(out_dir / "metrics.csv"))
    _write(out_dir / "proposals.csv", proposals, data_review.PROPOSAL_COLUMNS)
    return [known[pid] for pid in proposal_ids]
