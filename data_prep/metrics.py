"""metrics.csv: each catalog metric from the reports its selectors name, then the figures of every
other report its measure binds (data_prep/measures.py), proposed for review."""

from data_prep import meaning, review
from data_prep.curate import Row, Sources, earlier_in_article, meaning_of, named_reports, select
from data_prep.measures import measure_of, sentence_bindings
from data_prep.reports import Report


def _metric_row(metric: dict, figure: Row, report: Report, about: dict | None = None) -> Row:
    about = about or meaning_of(figure, report)
    return {
        "metric_id": metric["metric_id"],
        "category": metric["category"],
        "label_zh": metric["label_zh"],
        "label_en": metric["label_en"],
        "kind": metric["kind"],
        "year": about["year"],
        "value": figure["value"],
        "value_high": figure["value_high"],
        "unit": figure["unit"],
        "qualifier": figure["qualifier"],
        "source": report.file,
        "report_date": report.report_date,
        "quote": figure["sentence"],
        "report_id": report.report_id,
        "per": figure["per"],
        "display_unit": metric["display_unit"],
        "year_basis": about["year_basis"],
        "period": about["period"],
        "period_type": about.get("period_type", "year"),
        "scope": about["scope"],
        "statement_kind": about["statement_kind"],
        "article": figure["article"],
        "raw": figure["raw"],
        "line": figure["line"],
        "start": figure["start"],
        "end": figure["end"],
        "review_status": review.SEED,
        "proposal_id": "",
    }


def build_metrics(catalog: dict, sources: Sources) -> list[Row]:
    """Each metric from the reports its selectors name (exactly one figure each, or the build
    stops), then the figures of every report the catalog does not name that its measure binds:
    proposed, or accepted or rejected by the analyst's decision."""
    metrics = {metric["metric_id"]: metric for metric in catalog.get("metrics", [])}
    rows: list[Row] = []
    for metric in metrics.values():
        entry = f"metric {metric['metric_id']}"
        for selector in metric["select"]:
            report = sources.report(selector["report"], entry)
            figure = select(sources, selector, entry)
            about = meaning_of(figure, report, earlier_in_article(sources, figure))
            about["period_type"] = period_type(sources, report, figure)
            rows.append(_metric_row(metric, figure, report, about))
    measures = [m for m in map(measure_of, metrics.values()) if m is not None]
    named = named_reports(catalog)
    proposals: list[Row] = []
    for report in sources.reports.values():
        if report.report_id in named:
            continue
        articles = {
            key: article
            for key, article in sources.articles.items()
            if article["source"] == report.file
        }
        found = review.metric_proposals(
            report,
            sources.body_figures(report),
            sources.texts[report.file],
            articles,
            metrics,
            measures,
            lambda figure, report: meaning_of(figure, report, earlier_in_article(sources, figure)),
        )
        proposals += [
            proposal
            for proposal in found
            if meaning.zone_figure_in(
                str(proposal["_figure"]["sentence"]),
                str(articles.get(str(proposal["article"]), {}).get("headline", "")),
            )
        ]
    proposals += review.reviewer_proposals(  # figures a reviewer assigned, corrected, created
        sources.decisions,
        sources.reports,
        sources.body_figures,
        metrics,
        lambda figure, report: meaning_of(figure, report, earlier_in_article(sources, figure)),
    )
    proposals = review.with_decisions(proposals, sources.decisions, ("metric",))
    published = list(rows)
    for proposal in proposals:
        if proposal["decision"] in ("proposed", "accepted") and "_figure" in proposal:
            sources.claimed.add((str(proposal["source"]), int(proposal["start"])))
    likeliest = sorted(
        proposals, key=lambda p: (p["decision"] != "accepted", -float(p.get("confidence") or 0))
    )
    for proposal in likeliest:
        if "_figure" not in proposal:
            continue
        metric = metrics[str(proposal["target_id"])]
        same = [
            r
            for r in published
            if r["metric_id"] == metric["metric_id"] and r["review_status"] != review.PROPOSED
        ]
        proposal.update(review.relation_to(proposal, same))
        if proposal["decision"] == "rejected":
            continue
        slot = (metric["metric_id"], proposal["report_id"], proposal["year"])
        if any((r["metric_id"], r["report_id"], r["year"]) == slot for r in published):
            continue  # one row per metric, report and year: the accepted, else the likeliest
        report = sources.reports[str(proposal["report_id"])]
        about = {
            **proposal["_about"],
            "period_type": period_type(sources, report, proposal["_figure"]),
        }
        row = _metric_row(metric, proposal["_figure"], report, about)
        row["review_status"] = (
            review.ACCEPTED if proposal["decision"] == "accepted" else review.PROPOSED
        )
        row["proposal_id"] = proposal["proposal_id"]
        published.append(row)
    for proposal in proposals:
        proposal.pop("_figure", None)
        proposal.pop("_about", None)
    sources.proposals.extend(proposals)
    return sorted(published, key=lambda row: (row["report_date"], str(row["report_id"])))


def period_type(sources: Sources, report: Report, figure: Row) -> str:
    """What period a figure covers, as its clause and its part of the sentence say: year (a year's
    figure, or a stock as of a date), cumulative, span, average, daily or part_year."""
    rows = [
        row
        for row in sources.body_figures(report)
        if row["sentence_start"] == figure["sentence_start"]
    ]
    for binding in sentence_bindings(rows or [figure]):
        if binding.figure["start"] == figure["start"]:
            return binding.parts.period()
    return "year"
