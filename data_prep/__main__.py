"""Command line: `python -m data_prep build | figures FILE... | check | add FILE | review`."""

import argparse
import csv
import getpass
import sys
import time
from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR, store
from data_prep.add import add_report
from data_prep.build import build, decide_and_rebuild
from data_prep.check import check_tables, read_csv
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


def _review(args: argparse.Namespace) -> int:
    folder = Path(args.out)
    seeds = Path(args.seeds)
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
    for row in proposals:
        if row["decision"] == "stale":
            print(
                f"\nstale decision [{row['proposal_id']}] of report {row['report_id']}: "
                f"{row['target_id']} = {row['raw']} matches no proposal now ({row['evidence']})"
            )
    if pending:
        print("\naccept or reject: python -m data_prep review --accept ID ... --reject ID ...")
    rows = [
        r for r in read_csv(folder / "unclaimed.csv") if args.all or r["report_id"] == report_id
    ]
    print(f"\n{len(rows)} figures that no metric, project or target claims")
    for row in rows:
        print(
            f"  {row['article']} line {row['line']}  {row['raw']}  = {row['value']} {row['unit']}"
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
