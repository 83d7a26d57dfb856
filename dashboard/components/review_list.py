"""The review list of /updates: each pending proposal with its value, confidence, the clause
that binds it with the figure marked, the published value beside it, and accept / reject."""

import pandas as pd
import streamlit as st

from dashboard import review
from dashboard.components.provenance import report_names
from dashboard.components.text import escape_markdown
from dashboard.i18n import pick, t


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
                        t("review_decided_on", lang): decided["decided_on"].fillna(""),
                    }
                ),
                hide_index=True,
                key="updates_decided",
            )
    return clicked
