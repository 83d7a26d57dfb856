"""Command line: `python -m data_prep build | figures FILE... | check`."""

import argparse
import csv
import sys
import time
from pathlib import Path

from data_prep import CURATED_DIR
from data_prep.build import build
from data_prep.check import check_tables
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
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
