"""Command line: `python -m data_prep build | figures FILE... | check | add FILE | review`.

It orchestrates: `review` records a decision (data_prep.review) and rebuilds (data_prep.build),
both as the one writer of the seeds and the tables."""

import argparse
import csv
import getpass
import sys
import time
from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR, review, store, teach
from data_prep.add import add_report
from data_prep.build import build, decide_and_rebuild, record_and_rebuild
from data_prep.check import check_tables, read_csv
from data_prep.curate import load_catalog
from data_prep.errors import InputError
from data_prep.figures import LEDGER_COLUMNS
from data_prep.pipeline import read_report
from data_prep.review import DECISIONS_FILE, describe


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    manifest = build(Path(args.out), Path(args.seeds), forget_decisions=args.forget_decisions)
    rows = ", ".join(f"{name} {count}" for name, count in manifest["rows"].items())
    print(f"built {args.out} in {time.perf_counter() - started:.1f} s: {rows}")
    return 0


def _figures(args: argparse.Namespace) -> int:
    writer = csv.DictWriter(sys.stdout, fieldnames=LEDGER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for name in args.files:
        for figure in read_report(Path(name)).figures:
            writer.writerow(figure.row())
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check_tables(Path(args.out))
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{args.out}: all checks pass")
    return 1 if problems else 0


def _add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror}") from None
    new = add_report(
        data,
        str(path),
        args.date,
        args.title or "",
        args.newspaper or "",
        Path(args.seeds),
        Path(args.out),
    )
    print(f"added {path.name} as report {new.report_id} (seeds/{new.file}) and rebuilt {args.out}")
    print("next: python -m data_prep review")
    return 0


def _metrics(seeds: Path) -> dict[str, dict]:
    """The catalog's metrics and those reviewers created, by id."""
    decisions = review.load_decisions(seeds)
    catalog = review.with_created_metrics(load_catalog(), decisions, review.decisions_path(seeds))
    return {metric["metric_id"]: metric for metric in catalog["metrics"]}


def _metric(seeds: Path, metric_id: str) -> dict:
    metrics = _metrics(seeds)
    if metric_id not in metrics:
        raise InputError("data_prep/catalog.toml", f"no metric {metric_id!r}", code="no_metric")
    return metrics[metric_id]


def _corrections(args: argparse.Namespace) -> dict[str, str]:
    return {
        "year": args.year or "",
        "period": args.period or "",
        "statement_kind": args.kind or "",
        "scope": args.scope or "",
    }


def _change(args: argparse.Namespace, seeds: Path, folder: Path) -> bool:
    """Assign, create, correct or list candidates; False when none of these was asked."""
    if args.candidates:
        figure, report_id = review.find_figure(args.candidates, folder)
        print(f"{args.candidates}: {figure['raw']} in report {report_id}: {figure['sentence']}")
        found = review.candidates(
            figure, list(_metrics(seeds).values()), review.text_before(figure, folder)
        )
        print(f"{len(found)} metrics whose unit fits ({figure['unit']}), nearest meaning first:")
        for metric in found:
            print(f"  {metric['metric_id']:32} {metric['label_zh']} · {metric['label_en']}")
        if review._is_capacity(figure) or review._is_investment(figure):
            projects = review.project_candidates(
                figure, review.known_projects(read_csv(folder / "projects.csv"))
            )
            print(f"{len(projects)} projects, nearest first (same company, product, unit):")
            for project in projects:
                print(f"  {project['project_id']:32} {project['name_zh']} ({project['companies']})")
            print("assign: --assign FIGURE --project ID, or --assign FIGURE --new-project")
        return True
    if args.assign and (args.project or args.new_project):
        fields = {
            "company": args.company or "",
            "product": args.product or "",
            "capacity": args.capacity or "",
            "capacity_unit": args.capacity_unit or "",
            "stage": args.stage or "",
            "stage_date": args.stage_date or "",
        }
        if args.project:  # a known project's own company, product and capacity stand
            fields = {key: fields[key] for key in ("stage", "stage_date")}
        done = record_and_rebuild(
            lambda: review.assign_project(
                args.assign, "" if args.new_project else args.project, seeds, folder, args.by,
                **fields,
            ),
            seeds,
            folder,
        )  # fmt: skip
        print(f"assigned {done.raw} of report {done.report_id} to {done.target}")
    elif args.assign or args.create:
        if not args.metric:
            raise InputError("--metric", "name the metric: --metric METRIC_ID", code="no_metric")
        if args.create:
            wanted = {
                "metric_id": args.metric,
                "label_zh": args.label_zh or "",
                "label_en": args.label_en or "",
                "display_unit": args.unit or "",
                "category": args.category or "",
            }
            if args.metric in _metrics(seeds):
                raise InputError(
                    "data_prep/catalog.toml", f"metric {args.metric} exists: use --assign"
                )
        else:
            wanted = _metric(seeds, args.metric)
        done = record_and_rebuild(
            lambda: review.assign(
                args.assign or args.create,
                wanted,
                seeds,
                folder,
                args.by,
                create=bool(args.create),
                **_corrections(args),
            ),
            seeds,
            folder,
        )
        print(f"{done.action} {done.raw} of report {done.report_id} to {done.target}")
    elif args.correct:
        metric = _metric(seeds, args.metric) if args.metric else None
        done = record_and_rebuild(
            lambda: review.correct(
                args.correct, seeds, folder, args.by, metric, **_corrections(args)
            ),
            seeds,
            folder,
        )
        print(f"corrected {args.correct}: {done.target} = {done.raw}, accepted")
    else:
        return False
    print(f"recorded in {review.decisions_path(seeds)} and rebuilt {folder}")
    _learned(done, seeds)
    return True


def _learned(done: review.Decision, seeds: Path) -> None:
    """What a decision taught the vocabulary (data_prep/teach.py), or that it taught nothing."""
    path = teach.taught_path(seeds)
    taught = [entry for entry in teach.load_taught(path) if entry.decision == done.proposal_id]
    for entry in taught:
        what = "a company" if entry.kind == "companies" else f"{entry.kind[:-1]} {entry.name}"
        print(
            f"learned: {entry.word} names {what} (in {path}; remove the "
            "entry to unteach it): the next report phrased so is proposed by itself"
        )
    if not taught and (done.action == "assign" or done.replaces):
        print("learned: nothing (its clause names no new word of the measure for certain)")


def _figure_states(folder: Path, report_id: str) -> list[tuple[str, str, dict]]:
    """Every body figure of a report with its id and state: seed, proposed, accepted, rejected,
    unclaimed (rows of the tables, by source and offset)."""
    source = {r["report_id"]: r["source"] for r in read_csv(folder / "reports.csv")}[report_id]
    state: dict[str, str] = {}
    for row in read_csv(folder / "metrics.csv"):
        if row["source"] == source:
            state[row["start"]] = row.get("review_status") or "seed"
    for row in read_csv(folder / "proposals.csv"):
        if row["report_id"] == report_id and row["decision"] in ("rejected",):
            state.setdefault(row["start"], "rejected")
    for row in read_csv(folder / "unclaimed.csv"):
        if row["source"] == source:
            state[row["start"]] = "unclaimed"
    return [
        (f"{report_id}@{row['start']}", state.get(row["start"], "claimed"), row)
        for row in read_csv(folder / "figures.csv")
        if row["source"] == source and row["role"] == "body"
    ]


def _review(args: argparse.Namespace) -> int:
    folder = Path(args.out)
    seeds = Path(args.seeds)
    if _change(args, seeds, folder):
        return 0
    if args.accept or args.reject:
        for ids, decision in ((args.accept, "accepted"), (args.reject, "rejected")):
            if ids:
                for row in decide_and_rebuild(ids, decision, seeds, folder, args.by):
                    target = row["target_id"] or "new project"
                    print(f"{decision} {row['proposal_id']}: {target} = {row['raw']}")
        print(f"recorded in {Path(args.seeds) / DECISIONS_FILE} and rebuilt {folder}")
        return 0
    with store.writing(seeds):
        store.recover(seeds, folder)  # a build cut short leaves its last good tables linked
    if not (folder / "proposals.csv").is_file():
        raise InputError(folder, "holds no tables: run python -m data_prep build first")
    proposals = read_csv(folder / "proposals.csv")
    reports = read_csv(folder / "reports.csv")
    newest = max(reports, key=lambda r: int(r["report_id"]))["report_id"]  # the last added
    report_id = args.report or newest
    mine = [row for row in proposals if args.all or row["report_id"] == report_id]
    where = "all reports" if args.all else f"report {report_id}"
    if args.figures:
        for figure_id, state, row in _figure_states(folder, report_id):
            print(f"  {figure_id:10} {state:9} {row['raw']:12} {row['sentence'][:60]}")
        return 0
    pending = [row for row in mine if row["decision"] == "proposed"]
    print(f"{where}: {len(pending)} proposed rows to review")
    for row in pending:
        print(describe(row))
    decided = [row for row in mine if row["decision"] in ("accepted", "rejected")]
    if decided:
        print(f"\n{len(decided)} decided:")
        for row in decided:
            target = row["target_id"] or "new project"
            who = f" by {row['decided_by']}" if row.get("decided_by") else ""
            print(
                f"  {row['decision']:8} [{row['proposal_id']}] {target} = {row['raw']}"
                f"  ({row['decided_on']}{who})"
            )
            if row.get("taught"):
                print(f"           learned: {row['taught']}")
    for row in proposals:
        if row["decision"] == "stale":
            print(
                f"\nstale decision [{row['proposal_id']}] of report {row['report_id']}: "
                f"{row['target_id']} = {row['raw']} matches no proposal now ({row['evidence']})"
            )
    if pending:
        print("\naccept or reject: python -m data_prep review --accept ID ... --reject ID ...")
        print("correct, then accept: review --correct ID [--metric M] [--year Y] [--period P] ...")
    rows = [
        r for r in read_csv(folder / "unclaimed.csv") if args.all or r["report_id"] == report_id
    ]
    if rows:
        print(
            "assign one: review --candidates REPORT@OFFSET, then --assign REPORT@OFFSET --metric M"
        )
    print(f"\n{len(rows)} figures that no metric, project or target claims")
    for row in rows:
        print(
            f"  {row['report_id']}@{row['start']}  {row['article']} line {row['line']}  "
            f"{row['raw']}  = {row['value']} {row['unit']}"
            f"{'/' + row['per'] if row['per'] else ''}  subject: {row['subject'] or '-'}"
            f"  (article about Zhundong: {row['relevance']})"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_prep", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("build", help="build data/curated/ from seeds/ and the catalog")
    command.add_argument("--out", default=str(CURATED_DIR), help="output folder")
    command.add_argument("--seeds", default=str(SEEDS_DIR), help=argparse.SUPPRESS)
    command.add_argument(
        "--forget-decisions",
        action="store_true",
        help="build although decisions.toml lacks decisions the tables record (dropped on purpose)",
    )
    command.set_defaults(run=_build)
    command = commands.add_parser("figures", help="print the figure ledger of text files as CSV")
    command.add_argument("files", nargs="+", metavar="FILE")
    command.set_defaults(run=_figures)
    command = commands.add_parser("check", help="validate the built tables")
    command.add_argument("--out", default=str(CURATED_DIR), help="folder of the built tables")
    command.set_defaults(run=_check)
    command = commands.add_parser("add", help="add a report file to seeds/ and rebuild")
    command.add_argument("file", metavar="FILE")
    command.add_argument("--date", required=True, help="report date, YYYY-MM-DD")
    command.add_argument("--title", help="lead headline (default: found in the text)")
    command.add_argument("--newspaper", help="newspaper (default: not given)")
    command.add_argument("--seeds", default=str(SEEDS_DIR), help=argparse.SUPPRESS)
    command.add_argument("--out", default=str(CURATED_DIR), help="output folder")
    command.set_defaults(run=_add)
    command = commands.add_parser(
        "review", help="list the proposed rows of the newest report; accept or reject them"
    )
    command.add_argument("--report", help="report id (default: the newest)")
    command.add_argument("--all", action="store_true", help="every report's proposals")
    command.add_argument("--accept", nargs="+", metavar="ID", help="accept these proposals")
    command.add_argument("--reject", nargs="+", metavar="ID", help="reject these proposals")
    command.add_argument(
        "--by", default=getpass.getuser(), help="who decides (default: the login name)"
    )
    command.add_argument("--figures", action="store_true", help="every figure with its state")
    command.add_argument("--candidates", metavar="FIGURE", help="metrics whose unit fits")
    command.add_argument("--assign", metavar="FIGURE", help="assign REPORT@OFFSET to --metric")
    command.add_argument("--create", metavar="FIGURE", help="a new --metric from REPORT@OFFSET")
    command.add_argument("--correct", metavar="ID", help="accept a proposal with corrections")
    command.add_argument("--metric", help="metric id to assign, create or correct to")
    command.add_argument("--year", help="correct the year")
    command.add_argument("--period", choices=tuple(review.PERIODS), help="correct the period")
    command.add_argument("--kind", choices=review.meaning.KINDS, help="correct the kind")
    command.add_argument("--scope", choices=review.meaning.SCOPES, help="correct the scope")
    command.add_argument("--label-zh", help="new metric: Chinese label")
    command.add_argument("--label-en", help="new metric: English label")
    command.add_argument("--unit", help="new metric: display unit, 亿千瓦时")
    command.add_argument("--category", choices=review.CATEGORIES, help="new metric: category")
    command.add_argument("--project", help="known project id to assign --assign FIGURE to")
    command.add_argument(
        "--new-project", action="store_true", help="assign --assign FIGURE to a new project"
    )
    command.add_argument("--company", help="new project: its company")
    command.add_argument("--product", help="new project: product, as vocabulary.toml names it")
    command.add_argument("--capacity", help="new project: capacity, where the figure is not it")
    command.add_argument("--capacity-unit", help="new project: capacity unit, 万吨/年")
    command.add_argument("--stage", help="project stage, a status of data_prep/stages.toml")
    command.add_argument("--stage-date", help="project: date of the stage, YYYY-MM-DD")
    command.add_argument("--seeds", default=str(SEEDS_DIR), help=argparse.SUPPRESS)
    command.add_argument("--out", default=str(CURATED_DIR), help="folder of the built tables")
    command.set_defaults(run=_review)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
