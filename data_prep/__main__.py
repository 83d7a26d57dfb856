"""Command line: `python -m data_prep build | figures FILE... | check | add FILE | review`."""

import argparse
import csv
import sys
import time
from pathlib import Path

from data_prep import CURATED_DIR, SEEDS_DIR
from data_prep.add import add_report
from data_prep.build import build
from data_prep.check import check_tables, read_csv
from data_prep.errors import InputError
from data_prep.figures import LEDGER_COLUMNS
from data_prep.pipeline import read_report


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    manifest = build(Path(args.out))
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
    rows = read_csv(folder / "unclaimed.csv")
    reports = read_csv(folder / "reports.csv")
    newest = max(reports, key=lambda r: (r["report_date"], r["report_id"]))["report_id"]
    report_id = args.report or newest
    shown = [r for r in rows if r["report_id"] == report_id]
    print(f"report {report_id}: {len(shown)} figures that no metric, project or target claims")
    for row in shown:
        print(
            f"\n{row['article']} line {row['line']}  {row['raw']}  = {row['value']} {row['unit']}"
            f"{'/' + row['per'] if row['per'] else ''}  subject: {row['subject'] or '-'}"
            f"  (article about Zhundong: {row['relevance']})"
        )
        print(f"  {row['sentence']}")
    for row in read_csv(folder / "review.csv"):
        if row["report_id"] == report_id:
            print(f"\nambiguous: {row['entry']} matches {row['figures']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_prep", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("build", help="build data/curated/ from seeds/ and the catalog")
    command.add_argument("--out", default=str(CURATED_DIR), help="output folder")
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
    command = commands.add_parser("review", help="print the unclaimed figures of the newest report")
    command.add_argument("--report", help="report id (default: the newest)")
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
