"""One report file through load -> clean -> segment -> figures."""

from dataclasses import dataclass
from pathlib import Path

from data_prep.clean import CleanText, clean
from data_prep.figures import Figure, ledger
from data_prep.load import read_text
from data_prep.segment import Page, segment


@dataclass(frozen=True)
class ReadReport:
    source: str
    page: Page
    figures: list[Figure]

    @property
    def text(self) -> CleanText:
        return self.page.text


def read_report(
    path: Path,
    lead_headline: str = "",
    report_year: int | None = None,
    source: str = "",
    prefix: str = "",
) -> ReadReport:
    """Read and take apart one report; raises InputError naming `path` on unreadable input."""
    raw, _ = read_text(path)
    page = segment(clean(raw), lead_headline)
    name = source or path.name
    return ReadReport(source=name, page=page, figures=ledger(page, name, report_year, prefix))
