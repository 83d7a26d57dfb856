"""Updates: review the figures new reports propose (accept or reject, the same code path as
`python -m data_prep review`); add a report by upload or paste, see its cleaned text with every
figure marked and the rows it would add, then save it (as `python -m data_prep add`)."""

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data, review
from dashboard.components.provenance import report_names
from dashboard.components.review_list import learned_line, report_screen, review_list
from dashboard.components.text import escape_markdown, mark_figures
from dashboard.context import current
from dashboard.fmt import beijing_today, quantity
from dashboard.i18n import STATUS, pick, refusal, t
from data_prep.errors import InputError
from data_prep.reports import load_reports

view = current()
lang = view.lang
# Streamlit refuses a larger file in the browser, in English and in small print: say it first.
limit_mb = int(st.get_option("server.maxUploadSize"))


def refused(error: InputError, name: str) -> None:
    reason = refusal(error.code, error.params, error.message, lang)
    st.error(t("updates_refused", lang, reason=reason, file=name))


st.title(t("page_updates", lang))
done = st.session_state.pop("updates_decided", None)
if done:  # decided on the run before, which reran the app so that every table shows it
    decision, names = done
    labels = ("、" if lang == "zh" else ", ").join(pick(pair, lang) for pair in names)
    st.success(t(f"review_{decision}", lang, labels=escape_markdown(labels)))
chosen = review_list(data.proposals(), data.table("reports"), lang)
if chosen:
    proposal_id, decision = chosen
    try:
        decided = data.decide([proposal_id], decision)
    except InputError as error:  # named file and reason; "busy" when another change is saving
        reason = refusal(error.code, error.params, error.message, lang)
        st.error(t("review_failed_file", lang, file=Path(error.path).name, reason=reason))
    else:
        names = [(row.get("label_zh", ""), row.get("label_en", "")) for row in decided]
        st.session_state["updates_decided"] = (decision, names)
        st.rerun()

st.divider()
st.subheader(t("screen_title", lang))
st.caption(t("screen_intro", lang))
done = st.session_state.pop("updates_changed", None)
if done:  # assigned, corrected or created on the run before, which reran the app
    st.success(t("form_done", lang, what=escape_markdown(done[0])))
    if line := learned_line(data.proposals(), done[1], done[2], lang):
        st.caption(escape_markdown(line))
reports = data.table("reports").sort_values("report_id", ascending=False)  # the last added first
proposals = data.proposals()
waiting = [report for report, _ in review.pending(proposals)]
options = waiting + [r for r in reports["report_id"] if r not in waiting]
report_id = st.selectbox(
    t("screen_report", lang),
    options,
    format_func=lambda r: report_names(reports, [r], lang) or r,
    key="updates_screen_report",
)
source = str(reports.loc[reports["report_id"] == report_id, "source"].iloc[0])
states = review.figure_states(
    data.table("figures"),
    data.table("metrics"),
    proposals,
    data.table("unclaimed"),
    report_id,
    source,
)
catalog = {metric["metric_id"]: metric for metric in data.metrics_catalog()}
projects = data.table("projects").to_dict("records")
action = report_screen(
    report_id, data.text(source), states, proposals, list(catalog.values()), lang, projects
)
if action:
    kind, target, metric, who, corrections = action
    missing = []
    if kind == "create":
        needed = ("metric_id", "label_zh", "label_en", "display_unit")
        missing = [t(f"form_{'unit' if k == 'display_unit' else k}", lang) for k in needed
                   if not metric[k]]  # fmt: skip
    if kind == "new_project":
        missing = [t(f"form_{k}", lang) for k in ("company", "stage") if not corrections[k]]
    try:
        if missing:
            st.error(t("form_missing", lang, fields="、".join(missing)))
        elif kind == "correct":
            made = data.correct(target, catalog[metric], who, **corrections)
        elif kind in ("project", "new_project"):  # a project: data.assign's project path
            made = data.assign(target, {"project_id": metric}, who, kind == "new_project",
                               **corrections)  # fmt: skip
        else:
            chosen = metric if kind == "create" else catalog[metric]
            made = data.assign(target, chosen, who, kind == "create", **corrections)
    except InputError as error:
        reason = refusal(error.code, error.params, error.message, lang)
        st.error(t("review_failed_file", lang, file=Path(error.path).name, reason=reason))
    else:
        if not missing:
            what = f"{made.raw} → {made.target.split(':', 1)[1]}"
            if kind in ("project", "new_project"):  # the project by its name, as now built
                rows = data.proposals()
                row = rows[rows["proposal_id"] == made.proposal_id]
                if len(row):
                    what = f"{made.raw} → {review.label(row.iloc[0], lang)}"
            st.session_state["updates_changed"] = (what, made.proposal_id, made.action)
            st.rerun()

st.divider()
st.subheader(t("updates_add", lang))
st.caption(t("updates_intro", lang))
try:
    load_reports(data.seeds_dir())
except InputError as error:
    # A file put into seeds/ by hand stops every build: say which, before anything is uploaded.
    st.warning(refusal(error.code, error.params, error.message, lang))

upload_tab, paste_tab = st.tabs([t("updates_upload", lang), t("updates_paste", lang)])
uploaded = upload_tab.file_uploader(
    t("updates_file", lang),
    type=["txt", "html", "htm", "pdf", "docx"],
    key="updates_file",
    max_upload_size=limit_mb,
)
upload_tab.caption(t("updates_limit", lang, mb=limit_mb))
pasted = paste_tab.text_area(
    t("updates_text", lang), height=200, key="updates_text", max_chars=200_000
)
left, middle, right = st.columns(3)
day = left.date_input(t("updates_date", lang), value=beijing_today(), key="updates_date")
title = middle.text_input(t("updates_title", lang), key="updates_title", max_chars=200)
paper = right.text_input(t("updates_newspaper", lang), key="updates_newspaper", max_chars=100)


def preview_and_save(content: bytes, name: str) -> None:
    """The preview of a report and its save button; returns early (never st.stop, which would
    also stop the frame's footer) when the report is refused or was just saved."""

    digest = hashlib.sha256(content).hexdigest()
    saved = st.session_state.get("updates_saved")
    if saved and saved[1] == digest:
        # Saved on the run before, which reran the app so that the sidebar and footer list it.
        st.success(t("updates_saved", lang, report=saved[0]))
        return

    try:
        preview = data.preview_report(content, name, day.isoformat(), title, paper)
    except InputError as error:
        refused(error, name)
        return

    st.subheader(t("updates_would_add", lang, report=preview.report_id))
    metrics = preview.metrics
    if metrics.empty and preview.projects.empty:
        st.info(t("updates_nothing", lang))
    if len(metrics):
        st.dataframe(
            pd.DataFrame(
                {
                    t("col_label", lang): [
                        pick((a, b), lang)
                        for a, b in zip(metrics["label_zh"], metrics["label_en"], strict=True)
                    ],
                    pick(("数值", "Value"), lang): [
                        quantity(r.value, r.display_unit, lang, r.qualifier, r.value_high)
                        for r in metrics.itertuples()
                    ],
                    pick(("年份", "Year"), lang): metrics["year"].astype(str),
                    pick(("原句", "Sentence"), lang): metrics["quote"],
                }
            ),
            hide_index=True,
            key="updates_metrics",
        )
    if len(preview.projects):
        st.dataframe(
            pd.DataFrame(
                {
                    pick(("项目", "Project"), lang): [
                        pick((a, b), lang)
                        for a, b in zip(
                            preview.projects["name_zh"], preview.projects["name_en"], strict=True
                        )
                    ],
                    t("status", lang): [
                        f"{pick(STATUS[s], lang)}（{w}）"
                        for s, w in zip(
                            preview.projects["status"], preview.projects["status_raw"], strict=True
                        )
                    ],
                    pick(("原句", "Sentence"), lang): preview.projects["quote"],
                }
            ),
            hide_index=True,
            key="updates_projects",
        )
    st.caption(t("updates_unclaimed", lang, n=len(preview.unclaimed)))

    st.subheader(t("text_with_figures", lang))
    spans = list(zip(preview.figures["start"], preview.figures["end"], strict=True))
    with st.container(height=360, border=True):
        st.markdown(mark_figures(preview.text, spans).replace("\n", "\n\n"))

    if st.button(t("updates_save", lang), type="primary", key="updates_save"):
        try:
            report_id = data.save_report(content, name, day.isoformat(), title, paper)
        except InputError as error:
            refused(error, name)
        else:
            st.session_state["updates_saved"] = (report_id, digest)
            st.rerun()


if uploaded is not None:
    preview_and_save(uploaded.getvalue(), uploaded.name)
elif pasted.strip():
    preview_and_save(pasted.encode("utf-8"), "pasted.txt")
else:
    st.info(t("updates_waiting", lang))
