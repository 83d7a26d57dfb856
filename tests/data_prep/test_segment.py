"""Pages split into the articles a reader sees, with the lead article found and scored."""

import pytest


def _articles(seed_reports, report_id):
    return seed_reports[report_id].page.articles


@pytest.mark.parametrize(
    ("report_id", "count", "bylines"),
    [
        (
            "000",
            4,
            [
                "本报通讯员 佘再兴 潘元双",
                "本报讯 通讯员吾拉恩·巴合提努尔、付晓娟报道",
                "据新疆日报报道",
                "本报讯 通讯员佘再兴、马玲、贾小萱报道",
            ],
        ),
        (
            "003",
            6,
            [
                "本报记者 喻兰",
                "据新疆日报报道",
                "据新疆日报报道",
                "本报记者 何龙 文/图",
                "本报讯 记者刘辉、通讯员秦春芳报道",
                "本报讯 实习生兰香报道",
            ],
        ),
    ],
)
def test_splits_page_at_bylines(seed_reports, report_id, count, bylines):
    articles = _articles(seed_reports, report_id)
    assert len(articles) == count
    assert [article.byline for article in articles] == bylines


def test_lead_article_has_headline_subtitle_and_sections(seed_reports):
    lead = _articles(seed_reports, "000")[0]
    assert lead.headlines == ["抢占新质生产力发展新赛道"]
    assert lead.subtitle == "准东开发区打造现代煤化工产业示范区纪实"
    assert lead.sections == ["天赋准东 能源新光", "聚势准东 产业升级", "未来之城 未来已来"]
    assert lead.body[0].startswith("近日，新疆天池能源有限责任公司")


def test_headlines_printed_elsewhere_find_their_articles(seed_reports):
    headlines = [article.headlines for article in _articles(seed_reports, "000")]
    # The consumption plan's headline was printed above the lead, glued to the lead's own.
    assert headlines[2] == ["新疆出台提振消费专项行动方案", "20项措施激发消费潜力"]
    # The yard-economy and retail headlines were printed at the foot of the page.
    assert headlines[1] == ["呼图壁县大丰镇", "农家小院变身“聚宝盆”"]
    assert headlines[3] == ["消费引擎持续发力", "上半年昌吉市社零总额增速10.5%"]


def test_banners_and_captions_are_no_article_body(seed_reports):
    for report in seed_reports.values():
        bodies = "\n".join(p for article in report.page.articles for p in article.body)
        for banner in ("高质量发展看准东", "新视界·疆内新闻纵览", "新春走基层"):
            assert banner not in bodies.split("\n")
        assert "图①" not in bodies
        assert "挑选土鸡。" not in bodies
    roles = {span.role for span in seed_reports["003"].page.spans if span.article is None}
    assert roles == {"banner", "caption"}


@pytest.mark.parametrize("report_id", ["000", "003"])
def test_only_the_lead_article_is_strongly_about_zhundong(seed_reports, report_id):
    relevance = [article.relevance for article in _articles(seed_reports, report_id)]
    assert relevance[0] == "high"
    assert set(relevance[1:]) == {"none"}
