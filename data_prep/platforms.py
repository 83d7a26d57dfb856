"""platforms.csv: the innovation platforms a report names."""

from data_prep.curate import Row, Sources, _sentence_with


def build_platforms(catalog: dict, sources: Sources) -> list[Row]:
    """Innovation platforms a report names; each name (less its framing words) is in its quote."""
    rows: list[Row] = []
    for platform in catalog.get("platforms", []):
        entry = f"platform {platform['platform_id']}"
        report = sources.report(platform["report"], entry)
        quote = _sentence_with(sources, report, platform["words"], entry)
        rows.append(
            {
                "platform_id": platform["platform_id"],
                "name_zh": platform["name_zh"],
                "name_en": platform["name_en"],
                "status": platform["status"],
                "report_id": report.report_id,
                "report_date": report.report_date,
                "source": report.file,
                "quote": quote,
            }
        )
    return rows
