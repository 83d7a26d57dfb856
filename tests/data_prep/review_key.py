"""Hand key for the reports under tests/fixtures/review/: which rows adding each one proposes.

Read off each text by hand with the binding rules of the proposal step:
- a figure's measure comes from its own clause (text between ，；、); synonyms count
  (原煤产量 = 煤炭产量; 规模以上工业增加值 = 规上工业增加值; 疆电外送电量 = 外送电量);
  a sub-part led by 其中 is not the measure of the total it splits;
- a share (占全疆…) or a growth (同比增长…) without a subject of its own belongs to the quantity
  it follows in its sentence part and takes that quantity's measure and year; 分别 maps by position;
- scope: 全疆 / 全国 / another zone or province is never a Zhundong metric, and an article mostly
  about elsewhere adds no rows at all;
- kind: a goal, forecast, plan or condition (目标, 到2030年, 预计, 计划, 建成后, 力争) is never a
  proposal for an actual metric, and a plan sets no project stage;
- year: the year written in the sentence; else 去年 = report year - 1, 今年 / 目前 = report year.

`raw` is the figure exactly as the text writes it; each is written once in its file (a test checks).

EXPECTED[file]["metrics"]: (metric_id, raw, year) — every metric row the report proposes, no more.
EXPECTED[file]["projects"]: (project_id or "new", raw capacity, status) — status as
  data_prep/stages.toml maps it, "mentioned" where the sentence sets no stage.
NOT_METRICS[file]: figures that look like a catalog metric but must not be proposed, with why.
NOT_PROJECTS[file]: capacities in a project-like sentence that must not become a project row.
"""

# Metric ids the proposal step adds to catalog.toml (defined by measure only); the key uses them.
ADDED_METRICS = {
    "industrial_output",
    "industrial_output_growth",
    "coal_to_gas_operating_capacity",
    "coal_to_oil_operating_capacity",
    "olefins_operating_capacity",
    "methanol_operating_capacity",
}

EXPECTED: dict[str, dict] = {}
NOT_METRICS: dict[str, list[str]] = {}
NOT_PROJECTS: dict[str, list[str]] = {}

# ---------------------------------------------------------------- another zone
# 宁东 (Ningxia): headline and every paragraph about 宁东; 准东 named once, in a comparison.
EXPECTED["other_zone.txt"] = {
    "report_date": "2026-03-12",
    "metrics": [],
    "projects": [],
}
NOT_METRICS["other_zone.txt"] = [
    "8650万吨",  # 宁东基地原煤产量: another zone (coal_output is Zhundong's)
    "3.8%",  # growth of 宁东's coal output: another zone, and no coal-output growth metric
    "81.2%",  # 占宁夏原煤产量: a share of Ningxia, not of 全疆
    "405万吨",  # 宁东 煤制油年产能: another zone (not coal_to_oil_operating_capacity)
    "918亿千瓦时",  # 宁东基地全年发电量: another zone
    "41.5%",  # 占宁夏发电量: a share of Ningxia
    "526亿千瓦时",  # 宁东 外送电量: another zone (not power_sent_out)
    "2860亿元",  # 宁东 工业总产值: another zone (not industrial_output)
    "7.2%",  # 增长 of 宁东's 工业总产值: another zone
    "8.4%",  # 宁东 规模以上工业增加值同比增长: another zone
    "500万吨",  # 基地烯烃总产能 of 宁东: another zone (not olefins_operating_capacity)
    "2亿吨",  # 准东 named only in a comparison inside an article about 宁东; a bound (超)
    "4000亿元",  # 到2030年…力争突破: a goal, and 宁东's
]
NOT_PROJECTS["other_zone.txt"] = [
    "50万吨/年",  # 宝丰 (a company of olefins_710) 建成投产 in 宁东: not the Zhundong group
]

# ---------------------------------------------------------------- Xinjiang-wide statistics
# 新疆日报-style province statistics; one paragraph gives 准东开发区's share. The headline is not
# about 准东 and names it twice only, yet this article is not "about elsewhere": Xinjiang holds the
# zone, so the article gate (which stops other_zone.txt) must let this paragraph through.
EXPECTED["xinjiang_wide.txt"] = {
    "report_date": "2026-02-10",
    "metrics": [
        # 其中，准东开发区2025年原煤产量2.61亿吨 (其中 stands alone; the clause names the measure)
        ("coal_output", "2.61亿吨", 2025),
        # 占全疆的44.5%: no subject of its own, follows 原煤产量2.61亿吨
        ("coal_output_share_xinjiang", "44.5%", 2025),
        # ；发电量1385亿千瓦时 — same sentence, subject 准东开发区, year 2025
        ("power_generation", "1385亿千瓦时", 2025),
        # 占全疆的24.6%: follows 发电量1385亿千瓦时
        ("power_generation_share_xinjiang", "24.6%", 2025),
        # ；疆电外送电量702亿千瓦时
        ("power_sent_out", "702亿千瓦时", 2025),
        # 占全疆的49.4%: follows 疆电外送电量702亿千瓦时
        ("power_sent_out_share_xinjiang", "49.4%", 2025),
    ],
    "projects": [],
}
NOT_METRICS["xinjiang_wide.txt"] = [
    "5.86亿吨",  # 全疆规模以上工业原煤产量: Xinjiang as a whole
    "8.9%",  # growth of Xinjiang's coal output
    "12.2%",  # 占全国原煤产量: Xinjiang's share of China, not Zhundong's of Xinjiang
    "1.38亿吨",  # 疆煤外运量: Xinjiang, and no catalog measure
    "5630亿千瓦时",  # 全疆全年发电量: Xinjiang
    "9.4%",  # growth of Xinjiang's generation
    "1420亿千瓦时",  # 疆电外送电量 of 全疆 (the paragraph is about 全疆): Xinjiang
    "25.2%",  # 外送电量占全疆发电量: Xinjiang's own ratio, not power_sent_out_share_xinjiang
    "637万吨",  # 全疆电解铝产量: Xinjiang, and output, not capacity
    "3.28亿吨",  # 昌吉州原煤产量: the prefecture, not the zone
    "6亿吨",  # 预计全年原煤产量将突破: a forecast, Xinjiang's
    "1600亿千瓦时",  # 疆电外送电量力争达到: a goal, Xinjiang's
]
NOT_PROJECTS["xinjiang_wide.txt"] = []

# ---------------------------------------------------------------- known metrics, a new year
# 昌吉日报-style results of 2025, published in January 2026.
EXPECTED["results_2025.txt"] = {
    "report_date": "2026-01-20",
    "metrics": [
        # 2025年，准东开发区完成工业总产值2180亿元
        ("industrial_output", "2180亿元", 2025),
        # 增长11.6%: no subject, follows 工业总产值2180亿元
        ("industrial_output_growth", "11.6%", 2025),
        # 规模以上工业增加值同比增长13.4%
        ("industrial_value_added_growth", "13.4%", 2025),
        # 一般公共预算收入同比增长13.2%
        ("budget_revenue_growth", "13.2%", 2025),
        # 固定资产投资完成486.3亿元: the year's investment (a flow of 2025)
        ("fixed_asset_investment", "486.3亿元", 2025),
        # 同比增长32%: the growth follows 固定资产投资
        ("fixed_asset_investment_growth", "32%", 2025),
        # 2025年准东开发区原煤产量2.61亿吨
        ("coal_output", "2.61亿吨", 2025),
        # 占全疆原煤产量的44.5% (after 同比增长8.7%, it still follows 原煤产量)
        ("coal_output_share_xinjiang", "44.5%", 2025),
        # 2025年准东开发区发电量1385亿千瓦时
        ("power_generation", "1385亿千瓦时", 2025),
        # 占全疆发电量的24.6%
        ("power_generation_share_xinjiang", "24.6%", 2025),
        # 疆电外送电量702亿千瓦时
        ("power_sent_out", "702亿千瓦时", 2025),
        # 占全疆的49.4%: follows 疆电外送电量702亿千瓦时 (its growth 2.6% stands between)
        ("power_sent_out_share_xinjiang", "49.4%", 2025),
        # 目前，准东开发区已建成煤电装机2860万千瓦: 目前 = the report's year
        ("coal_power_built", "2860万千瓦", 2026),
        # 截至去年底，…已建成电解铝产能305万吨: 去年 = 2025
        ("aluminium_capacity", "305万吨", 2025),
        # 、工业硅产能60万吨
        ("industrial_silicon_capacity", "60万吨", 2025),
        # 、多晶硅产能52万吨
        ("polysilicon_capacity", "52万吨", 2025),
        # 分别占全疆的41%、20%和13%: by position, 电解铝产能 / 工业硅产能 / 多晶硅产能
        ("aluminium_share_xinjiang", "41%", 2025),
        ("industrial_silicon_share_xinjiang", "20%", 2025),
        ("polysilicon_share_xinjiang", "13%", 2025),
        # 截至2025年底，准东开发区已投产煤制甲醇产能180万吨/年
        ("methanol_operating_capacity", "180万吨/年", 2025),
    ],
    "projects": [],
}
NOT_METRICS["results_2025.txt"] = [
    "412.7亿元",  # 其中工业投资: a sub-part, and no catalog measure
    "84.9%",  # 占比 of 工业投资 in investment: no catalog measure
    "8.7%",  # 同比增长 of 原煤产量: the catalog has no coal-output growth
    "2.43亿吨",  # 其中露天煤矿产量: a sub-part, not 原煤产量
    "5620万吨",  # 煤炭外运量: no catalog measure
    "2.6%",  # 同比增长 of 疆电外送电量: the catalog has no sent-out growth
    "298.7万吨",  # 电解铝产量: output, not capacity (aluminium_capacity)
    "46.9%",  # 占全疆电解铝产量: share of OUTPUT, not aluminium_share_xinjiang (capacity)
    "870万吨",  # 在建和拟建煤制烯烃产能: a pipeline, not olefins_operating_capacity
    "4000亿元",  # 到2027年…工业总产值达到: a goal
    "3亿吨",  # 原煤产量目标: a goal
    "1600亿千瓦时",  # 发电量力争突破: a goal
]
NOT_PROJECTS["results_2025.txt"] = [
    "180万吨/年",  # operating capacity of a product, no 项目: a metric, not a project
    "870万吨",  # a capacity total of 在建和拟建 projects, no company: not a project
]

# ---------------------------------------------------------------- project news
EXPECTED["new_project.txt"] = {
    "report_date": "2026-04-15",
    "metrics": [
        # 今年以来，…新开工大型煤化工项目3个，累计投资规模达到496亿元: 今年 = 2026
        ("coal_chem_cumulative_investment", "496亿元", 2026),
    ],
    "projects": [
        # 其亚、富德共1200万吨煤制甲醇项目于4月8日全面开工建设: a factual stage
        ("methanol_1200", "1200万吨", "under_construction"),
        # 山能化工、东明塑胶160万吨煤制烯烃项目计划于2027年建成投产: a plan, no stage
        ("olefins_160", "160万吨", "mentioned"),
        # 新疆某化工有限公司年产40万吨煤制乙二醇项目…正式开工建设: no known project
        ("new", "40万吨", "under_construction"),
    ],
}
NOT_METRICS["new_project.txt"] = [
    "1200万吨",  # a project under construction: not methanol_operating_capacity
    "160万吨",  # 计划于2027年建成投产: a plan, not olefins_operating_capacity
    "40万吨",  # a project's capacity, just started: no metric
    "62亿元",  # one project's 总投资: not coal_chem_cumulative_investment
    "55亿元",  # 建成后，预计年产值: a condition, one project's (not industrial_output)
    "800余人",  # 建成后…带动新增就业: a condition, and not the 兖矿 project's jobs
    "300亿立方米/年",  # 全疆在建煤制气项目总产能: Xinjiang, and a pipeline
]
NOT_PROJECTS["new_project.txt"] = [
    "300亿立方米/年",  # 全疆在建…总产能: Xinjiang's pipeline total, no project
]

# ---------------------------------------------------------------- scopes mixed in a sentence
EXPECTED["mixed_scope.txt"] = {
    "report_date": "2026-05-20",
    "metrics": [
        # 目前，…准东煤田预测储量3900亿吨 (the sentence also holds 全疆 and 全国 totals)
        ("coal_reserves", "3900亿吨", 2026),
        # 占全疆的17.8%: follows 准东煤田预测储量3900亿吨; 全疆 where the seed writes 新疆
        ("coal_reserves_share_xinjiang", "17.8%", 2026),
        # 、全国的7%: the same 占, by ellipsis
        ("coal_reserves_share_china", "7%", 2026),
        # 2025年，准东开发区原煤产量2.61亿吨
        ("coal_output", "2.61亿吨", 2025),
        # 目前，准东已核准国家大中型煤矿19处
        ("approved_mines", "19处", 2026),
        # 核准总产能3.86亿吨
        ("approved_mine_capacity", "3.86亿吨", 2026),
        # 占全疆的52.3%: follows 核准总产能3.86亿吨
        ("approved_mine_capacity_share_xinjiang", "52.3%", 2026),
        # 2025年，准东开发区发电量1385亿千瓦时
        ("power_generation", "1385亿千瓦时", 2025),
        # 占全疆的24.6%
        ("power_generation_share_xinjiang", "24.6%", 2025),
    ],
    "projects": [],
}
NOT_METRICS["mixed_scope.txt"] = [
    "千亿吨级",  # headline: a class of magnitude, not a reserve figure
    "2.19万亿吨",  # 全疆煤炭预测储量: Xinjiang
    "40%",  # 约占全国的40%: Xinjiang's reserves as a share of China's
    "5.6万亿吨",  # 全国煤炭预测储量: China
    "8.7%",  # 同比增长 of 准东's coal output: the catalog has no coal-output growth
    "7.6亿吨",  # 鄂尔多斯市原煤产量: another zone
    "6.2亿吨",  # 榆林市原煤产量: another zone
    "2.1%",  # 分别同比增长: 鄂尔多斯's growth
    "3.4%",  # 分别同比增长: 榆林's growth
    "1.3亿吨",  # 哈密地区已核准煤矿总产能: another zone
    "1.4%",  # 发电量…全国的1.4%: a share of China; the catalog has the Xinjiang share only
    "8000亿千瓦时",  # 内蒙古全年发电量: another province
    "4亿吨/年",  # 到2030年，…力争达到: a goal
    "2.8亿吨",  # 预计，今年原煤产量将达到: a forecast
]
NOT_PROJECTS["mixed_scope.txt"] = []
