"""The review list of /updates: each pending proposal with its value, confidence, the clause
that binds it with the figure marked, the published value beside it, and accept / reject."""

import pandas as pd
import streamlit as st

from dashboard import review
from dashboard.components.provenance import report_names
from dashboard.components.text import escape_markdown
from dashboard.i18n import pick, product_code, product_label, status_label, t
from data_prep import review as data_review
from data_prep.projects import product_named, products, stage_in, stages


def learned(taught: object, lang: str) -> str:
    """What a decision taught the vocabulary ("产量：开采量；…" of proposals.csv), in words:
    “开采量”即“产量”; "" when nothing."""
    if not isinstance(taught, str) or not taught.strip():
        return ""
    pairs = [item.split("：", 1) for item in taught.split("；") if "：" in item]
    words = [  # a company's name and word are one
        t("review_learned_company" if word == name else "review_learned_word", lang,
          word=word, name=name)
        for name, word in pairs
    ]  # fmt: skip
    return ("、" if lang == "zh" else ", ").join(words)


def learned_line(proposals: pd.DataFrame, proposal_id: str, action: str, lang: str) -> str:
    """The line "已学会：…" under a decision just made (its row in `proposals`); for an
    assignment that taught nothing, that it taught nothing; "" for other decisions."""
    rows = proposals[proposals["proposal_id"] == proposal_id]
    words = learned(rows["taught"].iloc[0], lang) if len(rows) and "taught" in rows else ""
    if words:
        return t("review_learned", lang, words=words)
    return t("review_learned_none", lang) if action == "assign" else ""


def _proposal(row: pd.Series, lang: str) -> str | None:
    """One proposal in a bordered box; the decision clicked, or None."""
    proposal_id = row["proposal_id"]
    with st.container(border=True, gap="small"):
        st.markdown(
            f"**{escape_markdown(review.label(row, lang))}** · "
            f"{escape_markdown(review.value_text(row, lang))}"
        )
        st.markdown(f"> {review.evidence_markdown(row)}")
        level, reason = review.confidence_text(row, lang)
        confidence = t("review_confidence", lang, level=level)
        if reason:
            confidence += f" · {escape_markdown(reason)}"
        published = review.published_text(row, lang)
        st.caption(confidence)
        st.caption(t("review_beside", lang, text=escape_markdown(published)))
        with st.container(horizontal=True):
            if st.button(
                t("review_accept", lang),
                key=f"updates_accept_{proposal_id}",
                type="primary",
                icon=":material/check:",
            ):
                return review.ACCEPTED
            if st.button(
                t("review_reject", lang),
                key=f"updates_reject_{proposal_id}",
                icon=":material/close:",
            ):
                return review.REJECTED
    return None


def review_list(
    proposals: pd.DataFrame, reports: pd.DataFrame, lang: str
) -> tuple[str, str] | None:
    """Pending proposals by report (newest first), then the decided ones folded away and the
    stale decisions as a warning. Returns (proposal_id, decision) when a button was clicked."""
    st.subheader(t("review_title", lang))
    groups = review.pending(proposals)
    if not groups:
        st.caption(t("review_none", lang))
    else:
        st.caption(t("review_intro", lang))
    clicked = None
    for report_id, rows in groups:
        name = report_names(reports, [report_id], lang) or report_id
        st.markdown(f"**{escape_markdown(t('review_report', lang, report=name))}**")
        for _, row in rows.iterrows():
            decision = _proposal(row, lang)
            if decision:
                clicked = (row["proposal_id"], decision)

    stale = review.stale(proposals)
    if len(stale):
        labels = "、" if lang == "zh" else ", "
        names = labels.join(review.label(row, lang) for _, row in stale.iterrows())
        st.warning(t("review_stale", lang, n=len(stale), labels=escape_markdown(names)))

    decided = review.decided(proposals)
    if len(decided):
        with st.expander(t("review_decided", lang, n=len(decided))):
            st.dataframe(
                pd.DataFrame(
                    {
                        t("col_label", lang): [
                            review.label(row, lang) for _, row in decided.iterrows()
                        ],
                        pick(("数值", "Value"), lang): [
                            review.value_text(row, lang) for _, row in decided.iterrows()
                        ],
                        t("review_decision", lang): [
                            t(f"decision_{d}", lang) for d in decided["decision"]
                        ],
                        t("review_decided_by", lang): [
                            review.decided_when(row) for _, row in decided.iterrows()
                        ],
                        t("col_learned", lang): [
                            learned(row.get("taught"), lang) for _, row in decided.iterrows()
                        ],
                    }
                ),
                hide_index=True,
                key="updates_decided",
            )
    return clicked


# --- one screen per report: the article by state, and assign / correct / create -----------------

KEEP = ""  # a correction left as the build read it
_PERIODS = (KEEP, "annual", "cumulative", "span")
_KINDS = (KEEP, "fact", "goal", "forecast", "plan", "condition")
_SCOPES = (KEEP, "zhundong", "prefecture", "xinjiang", "china", "other_zone")
_CATEGORIES = ("coal", "power", "chemicals", "materials", "economics", "park", "innovation")


def _choice(options: tuple[str, ...], prefix: str, lang: str):
    return lambda value: t("form_keep", lang) if value == KEEP else t(f"{prefix}_{value}", lang)


def _corrections(lang: str, key: str) -> dict[str, str]:
    """Year, period, kind and scope inputs, each "as read" unless set; inside a form."""
    left, right = st.columns(2)
    year = left.text_input(t("form_year", lang), key=f"{key}_year", max_chars=4)
    period = right.selectbox(
        t("form_period", lang), _PERIODS, format_func=_choice(_PERIODS, "period", lang),
        key=f"{key}_period",
    )  # fmt: skip
    kind = left.selectbox(
        t("form_kind", lang), _KINDS, format_func=_choice(_KINDS, "kind", lang), key=f"{key}_kind"
    )
    scope = right.selectbox(
        t("form_scope", lang), _SCOPES, format_func=_choice(_SCOPES, "scope", lang),
        key=f"{key}_scope",
    )  # fmt: skip
    return {
        "year": year.strip(),
        "period": period,
        "statement_kind": kind,
        "scope": scope,
    }


def _figure_label(row: pd.Series, lang: str) -> str:
    sentence = str(row["sentence"])
    state = t(f"state_{row['state']}", lang)
    return f"{row['raw']} · {state} · {sentence[:40]}{'…' if len(sentence) > 40 else ''}"


def _stage_inputs(lang: str, key: str, stated: str | None) -> dict[str, str]:
    """A stage of data_prep/stages.toml and its date. For a known project (`stated` None) the
    first choice keeps the stage the sentence states; for a new one the stage the sentence
    states is chosen ("" where it states none: the reviewer chooses)."""
    options = [KEEP, *(stage.status for stage in stages())]
    empty = t("form_stage_keep" if stated is None else "form_stage_choose", lang)
    left, right = st.columns(2)
    stage = left.selectbox(
        t("form_stage", lang), options, key=f"{key}_stage",
        index=options.index(stated) if stated in options else 0,
        format_func=lambda s: empty if s == KEEP else status_label(s, lang),
    )  # fmt: skip
    # typed, not picked from a calendar: a date the reviewer reads off the sentence
    day = right.text_input(
        t("form_stage_date", lang), key=f"{key}_date", max_chars=10,
        placeholder=t("form_stage_date_hint", lang),
    )  # fmt: skip
    return {"stage": stage, "stage_date": day.strip()}


def _project_forms(
    report_id: str, figure_id: str, figure: dict, projects: list[dict], lang: str
) -> tuple | None:
    """Assign a capacity or an investment to a known project (nearest first: same company,
    product, capacity unit) or to a new one; ("project" | "new_project", …) when submitted."""
    by_key = f"updates_by_{report_id}"
    fitting = data_review.project_candidates(figure, data_review.known_projects(projects))
    names = {p["project_id"]: pick((p["name_zh"], p["name_en"]), lang) for p in fitting}
    if names:
        with st.form(f"updates_project_{report_id}", border=True):
            st.markdown(f"**{t('form_project', lang)}**")
            project_id = st.selectbox(  # keyed by figure: each figure's nearest comes first
                t("form_project_pick", lang), list(names), format_func=names.get,
                key=f"updates_project_id_{figure_id.replace('@', '_')}",
            )  # fmt: skip
            fields = _stage_inputs(lang, f"updates_project_{report_id}", None)
            who = st.text_input(t("form_by", lang), key=f"{by_key}_p", max_chars=40)
            if st.form_submit_button(t("form_submit_project", lang), type="primary"):
                return ("project", figure_id, project_id, who, fields)
    with st.form(f"updates_new_project_{report_id}", border=True):
        st.markdown(f"**{t('form_new_project', lang)}**")
        company = st.text_input(
            t("form_company", lang), key=f"updates_new_project_company_{report_id}", max_chars=60
        )
        sentence = str(figure["sentence"])
        named, stated = product_named(sentence), stage_in(sentence)
        product = st.selectbox(
            t("form_product", lang), list(products()),
            index=list(products()).index(named[0]) if named else 0,
            format_func=lambda name: product_label(product_code(name), lang),
            key=f"updates_new_project_product_{report_id}",
        )  # fmt: skip
        capacity = {}
        if not data_review._is_capacity(figure):  # an investment: the capacity, where known
            left, right = st.columns(2)
            capacity = {
                "capacity": left.text_input(
                    t("form_capacity", lang), key=f"updates_new_project_capacity_{report_id}"
                ),
                "capacity_unit": right.text_input(
                    t("form_capacity_unit", lang), key=f"updates_new_project_unit_{report_id}"
                ),
            }
        stage = stated[1] if stated else KEEP
        fields = _stage_inputs(lang, f"updates_new_project_{report_id}", stage)
        who = st.text_input(t("form_by", lang), key=f"{by_key}_np", max_chars=40)
        if st.form_submit_button(t("form_submit_new_project", lang)):
            fields = {"company": company.strip(), "product": product, **capacity, **fields}
            return ("new_project", figure_id, "", who, fields)
    return None


def report_screen(
    report_id: str,
    text: str,
    states: pd.DataFrame,
    proposals: pd.DataFrame,
    metrics: list[dict],
    lang: str,
    projects: list[dict] | None = None,
) -> tuple | None:
    """One report: the legend, the article with every figure coloured by its state, then a
    figure to act on and the forms that fit it (assign or create for any figure; correct for a
    proposal; a capacity or an investment to a known or new project, of `projects`, the rows of
    projects.csv). Returns ("assign" | "create" | "correct" | "project" | "new_project", …) when
    a form was submitted."""
    st.markdown(review.legend_markdown(lang))
    article = st.expander(t("screen_article", lang), expanded=True)
    article.container(height=320, border=False).markdown(review.states_markdown(text, states))
    actionable = states[states["state"].isin(["proposed", "unclaimed", "rejected", "accepted"])]
    if actionable.empty:
        st.caption(t("screen_none", lang))
        return None
    # proposals first, then what nothing claims, in the order of the text
    order = {"proposed": 0, "unclaimed": 1, "rejected": 2, "accepted": 3}
    actionable = actionable.sort_values(
        ["state", "start"], key=lambda c: c.map(order) if c.name == "state" else c
    )
    labels = {row["figure_id"]: _figure_label(row, lang) for _, row in actionable.iterrows()}
    figure_id = st.selectbox(
        t("screen_figure", lang),
        list(labels),
        format_func=labels.get,
        key=f"updates_figure_{report_id}",
    )
    row = actionable[actionable["figure_id"] == figure_id].iloc[0]
    figure = {key: "" if value != value else value for key, value in row.to_dict().items()}
    start = int(row["sentence_start"])
    before = text[text.rfind("\n", 0, start) + 1 : start]
    fitting = data_review.candidates(figure, metrics, before)
    names = {m["metric_id"]: f"{pick((m['label_zh'], m['label_en']), lang)}" for m in fitting}
    by_key = f"updates_by_{report_id}"
    mine = proposals[
        (proposals["report_id"] == report_id)
        & (pd.to_numeric(proposals["start"], errors="coerce") == int(row["start"]))
        & (proposals["target_type"] == "metric")
        & (proposals["decision"] == review.PROPOSED)
    ]
    if len(mine):
        proposal = mine.iloc[0]
        beside = escape_markdown(review.published_text(proposal, lang))
        st.caption(
            f"{escape_markdown(review.label(proposal, lang))} · "
            f"{escape_markdown(review.value_text(proposal, lang))} · "
            f"{t('review_beside', lang, text=beside)}"
        )
        with st.form(f"updates_correct_{report_id}", border=True):
            st.markdown(f"**{t('form_correct', lang)}**")
            current = str(proposal["target_id"])
            options = [current, *[m for m in names if m != current]]
            metric = st.selectbox(
                t("form_metric", lang), options, format_func=lambda m: names.get(m, m),
                key=f"updates_correct_metric_{report_id}",
            )  # fmt: skip
            corrections = _corrections(lang, f"updates_correct_{report_id}")
            who = st.text_input(t("form_by", lang), key=f"{by_key}_c", max_chars=40)
            if st.form_submit_button(t("form_submit_correct", lang), type="primary"):
                return ("correct", proposal["proposal_id"], metric, who, corrections)
    if names and not len(mine):  # a proposal goes to another metric by its correction
        with st.form(f"updates_assign_{report_id}", border=True):
            st.markdown(f"**{t('form_assign', lang)}**")
            metric = st.selectbox(
                t("form_metric", lang), list(names), format_func=names.get,
                key=f"updates_assign_metric_{report_id}",
            )  # fmt: skip
            corrections = _corrections(lang, f"updates_assign_{report_id}")
            who = st.text_input(t("form_by", lang), key=f"{by_key}_a", max_chars=40)
            if st.form_submit_button(t("form_submit_assign", lang), type="primary"):
                return ("assign", figure_id, metric, who, corrections)
    elif not names:
        st.caption(t("form_no_candidates", lang))
    with st.form(f"updates_create_{report_id}", border=True):
        st.markdown(f"**{t('form_create', lang)}**")
        metric_id = st.text_input(t("form_metric_id", lang), key=f"updates_create_id_{report_id}")
        label_zh = st.text_input(t("form_label_zh", lang), key=f"updates_create_zh_{report_id}")
        label_en = st.text_input(t("form_label_en", lang), key=f"updates_create_en_{report_id}")
        left, right = st.columns(2)
        unit = left.text_input(t("form_unit", lang), key=f"updates_create_unit_{report_id}")
        category = right.selectbox(
            t("form_category", lang), _CATEGORIES,
            format_func=lambda c: t(f"category_{c}", lang),
            key=f"updates_create_category_{report_id}",
        )  # fmt: skip
        corrections = _corrections(lang, f"updates_create_{report_id}")
        who = st.text_input(t("form_by", lang), key=f"{by_key}_n", max_chars=40)
        if st.form_submit_button(t("form_submit_create", lang)):
            metric = {
                "metric_id": metric_id.strip(),
                "label_zh": label_zh.strip(),
                "label_en": label_en.strip(),
                "display_unit": unit.strip(),
                "category": category,
            }
            return ("create", figure_id, metric, who, corrections)
    if data_review._is_capacity(figure) or data_review._is_investment(figure):
        return _project_forms(report_id, figure_id, figure, projects or [], lang)
    return None
