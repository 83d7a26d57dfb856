"""Where numbers come from, on screen: source lines, the sentences, and downloads of the data."""

import io

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.calc import LATEST
from dashboard.components.text import escape_markdown
from dashboard.i18n import (
    CODE_LISTS,
    CODE_PREFIXES,
    COLUMN_HEADERS,
    MESSAGES,
    PLATFORM_STATUS,
    pick,
    t,
)


def report_names(reports: pd.DataFrame, report_ids: list[str], lang: str) -> str:
    """ "昌吉日报 2025-08《抢占新质生产力发展新赛道》" for each report id given."""
    return data.shared(_report_names, reports, tuple(report_ids), lang)


def _report_names(reports: pd.DataFrame, report_ids: tuple[str, ...], lang: str) -> str:
    chosen = reports[reports["report_id"].isin(report_ids)]
    if lang == "en":
        papers, headlines = chosen["newspaper_en"], chosen["lead_headline_en"]
    else:
        papers, headlines = chosen["newspaper"], [f"《{h}》" for h in chosen["lead_headline"]]
    names = [
        f"{paper} {date} {headline}"
        for paper, date, headline in zip(papers, chosen["report_date"], headlines, strict=True)
    ]
    return "；".join(names) if lang == "zh" else "; ".join(names)


def report_choices(reports: pd.DataFrame, lang: str) -> tuple[list[str], dict[str, str]]:
    """The sidebar's choice of report: the newest first (`latest`), then every report by id;
    each with its date and lead headline."""
    labels = {LATEST: t("latest", lang)}
    pairs = zip(reports["lead_headline"], reports["lead_headline_en"], strict=True)
    headlines = [pick(pair, lang) for pair in pairs]
    for report_id, date, headline in zip(
        reports["report_id"], reports["report_date"], headlines, strict=True
    ):
        labels[report_id] = f"{date} {headline}"
    return [LATEST, *sorted(reports["report_id"], key=str)], labels


def report_list(reports: pd.DataFrame, lang: str) -> str:
    """Every report as a Markdown list, oldest first: its date and lead headline, escaped."""
    ordered = reports.sort_values(["report_date", "report_id"])
    pairs = zip(
        [f"《{h}》" for h in ordered["lead_headline"]], ordered["lead_headline_en"], strict=True
    )
    headlines = [pick(pair, lang) for pair in pairs]
    return "\n".join(
        f"- **{date}** {escape_markdown(headline)}"
        for date, headline in zip(ordered["report_date"], headlines, strict=True)
    )


def source_line(rows: pd.DataFrame, reports: pd.DataFrame, lang: str) -> None:
    """A caption naming the reports (and their dates) behind `rows`."""
    report_caption(data.shared(report_ids_of, rows), reports, lang)


def report_ids_of(rows: pd.DataFrame) -> list[str]:
    return sorted(set(rows["report_id"].dropna()))


def report_caption(report_ids, reports: pd.DataFrame, lang: str) -> None:
    """A caption naming the reports `report_ids` (and their dates); nothing for none."""
    if len(report_ids):
        st.caption(t("source_line", lang, sources=report_names(reports, list(report_ids), lang)))


def _sentences(rows: pd.DataFrame, lang: str, label: str, quote: str) -> None:
    """The sentence behind each row, escaped, each once: one element, however many."""
    st.markdown(f"**{t('quotes', lang)}**")
    lines = data.shared(sentence_lines, rows, lang, label, quote)
    if lines:
        st.markdown("\n\n".join(lines))


def sentence_lines(rows: pd.DataFrame, lang: str, label: str, quote: str) -> list[str]:
    """Each row's label, date and sentence as Markdown, escaped, each sentence once. Without a
    `label` column, rows are named by their label_zh or label_en, as the language asks."""
    if label in rows.columns:
        labels = rows[label]
    else:
        labels = [pick(pair, lang) for pair in zip(rows["label_zh"], rows["label_en"], strict=True)]
    lines = []
    seen: set[tuple[str, str]] = set()
    for name, date, said in zip(labels, rows["report_date"], rows[quote], strict=True):
        key = (str(name), str(said))
        if key in seen or not key[1] or key[1] == "nan":
            continue
        seen.add(key)
        lines.append(f"**{escape_markdown(key[0])}** · {date}  \n> {escape_markdown(key[1])}")
    return lines


def sources_and_data(
    rows: pd.DataFrame,
    lang: str,
    frame: pd.DataFrame | None = None,
    name: str = "",
    key: str = "",
    label: str = "label",
    quote: str = "quote",
) -> None:
    """One compact control under a chart or table: a popover holding the sentence behind each
    row and, given `frame`, downloads of exactly that frame. Its content is sent with the page,
    so the sentences are one click away; the files are made only when a download is clicked."""
    with st.popover(t("sources_and_data", lang), icon=":material/format_quote:"):
        _sentences(rows, lang, label, quote)
        if frame is not None:
            downloads(frame, name, lang, key)


def quotes(rows: pd.DataFrame, lang: str, label: str = "label", quote: str = "quote") -> None:
    """The sentences behind `rows` in the compact control, for a view with no download."""
    sources_and_data(rows, lang, label=label, quote=quote)


def code_word(column: str, value: object, lang: str, platforms: bool = False) -> object:
    """A value of a code column (status, scope, reading...) in words, as the screen shows it
    (i18n.CODE_LISTS, CODE_PREFIXES); a value no list knows, or of another column, unchanged."""
    if value is None or (isinstance(value, float) and value != value):
        return value
    code = str(value)
    if column == "status" and platforms:
        pair = PLATFORM_STATUS.get(code)
    else:
        pair = CODE_LISTS.get(column, {}).get(code)
    if pair is None and column in CODE_PREFIXES:
        pair = MESSAGES.get(CODE_PREFIXES[column] + code)
    return pick(pair, lang) if pair else value


def download_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` as the reader's download: in the Chinese view, Chinese headers (from
    i18n.COLUMN_HEADERS) and code columns in the screen's words (operating → 已投产); in the English
    view the tables' own column names and codes, which analysts filter on."""
    if lang != "zh":
        return frame
    platforms = "platform_id" in frame.columns  # platforms have stages of their own
    worded = frame.assign(
        **{
            column: [code_word(column, value, lang, platforms) for value in frame[column]]
            for column in frame.columns
            if column in CODE_LISTS or column in CODE_PREFIXES
        }
    )
    return worded.rename(columns=lambda column: COLUMN_HEADERS.get(column, column))


def xlsx_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="data")
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark: Excel on Chinese Windows reads it right."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def downloads(frame: pd.DataFrame, name: str, lang: str, key: str) -> None:
    """Download buttons for exactly `frame`: CSV (UTF-8 with BOM) and XLSX, made only when
    clicked, so that a page run does not pay for files nobody asked for."""
    with st.container(horizontal=True):
        st.download_button(
            t("download_csv", lang),
            lambda: csv_bytes(download_frame(frame, lang)),
            f"{name}.csv",
            "text/csv",
            key=f"{key}_csv",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            t("download_xlsx", lang),
            lambda: xlsx_bytes(download_frame(frame, lang)),
            f"{name}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{key}_xlsx",
            on_click="ignore",
            icon=":material/download:",
        )


def ledger_for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """The ledger as text for the screen: whole numbers without exponent, blanks for nothing."""
    shown = frame.copy()
    for column in ("value", "value_high"):
        shown[column] = [f"{value:.15g}" if value == value else "" for value in shown[column]]
    shown["year"] = [str(int(year)) if year == year else "" for year in shown["year"]]
    return shown.fillna("")
