"""The ledger on reports it has never seen, in shapes the seeds do not have.

Each text under tests/fixtures/unseen/ has an answer key read off the text by hand: every
quantity as written, its value in the base unit (亿 = 10^8, 万 = 10^4, 万亿 = 10^12), the base
unit and the rate (`per`: "年" where the text writes a rate per year — 年产, 年处理, /年 —,
"日" for 日均, "吨" for 每吨, 吨煤 and a change of a per-ton price, "千瓦时" for 度电;
"" for a total, a share, a growth rate or a count). Recall, precision and the share of found
figures whose rate is right are measured over all texts together.
"""

from decimal import Decimal
from pathlib import Path

import pytest

from data_prep.pipeline import read_report

UNSEEN = Path(__file__).parent.parent / "fixtures" / "unseen"

# (as written, value in the base unit, base unit, per)
KEYS: dict[str, list[tuple[str, str, str, str]]] = {
    "list_of_results.txt": [
        ("3.15亿吨", "315000000", "吨", ""),
        ("6.2%", "6.2", "%", ""),
        ("56.8%", "56.8", "%", ""),
        ("±800千伏", "800", "千伏", ""),
        ("750千伏", "750", "千伏", ""),
        ("2座", "2", "座", ""),
        ("820亿千瓦时", "82000000000", "千瓦时", ""),
        ("80万吨", "800000", "吨", "年"),
        ("42亿元", "4200000000", "元", ""),
        ("301万吨", "3010000", "吨", ""),
        ("120万吨/年", "1200000", "吨", "年"),
        ("67个", "67", "个", ""),
        ("1260亿元", "126000000000", "元", ""),
        ("385.6亿元", "38560000000", "元", ""),
        ("5800亩", "5800", "亩", ""),
        ("12.5万平方米", "125000", "平方米", ""),
        ("1200套", "1200", "套", ""),
        ("8000人", "8000", "人", ""),
        ("9家", "9", "家", ""),
        ("18%", "18", "%", ""),
        ("1.6万亩", "16000", "亩", ""),
        ("312天", "312", "天", ""),
        ("1天", "1", "天", ""),
    ],
    "national_coal_stats.txt": [
        ("35.7亿吨", "3570000000", "吨", ""),
        ("1.5%", "1.5", "%", ""),
        ("1308万吨", "13080000", "吨", "日"),
        ("4.1亿吨", "410000000", "吨", ""),
        ("1.8%", "1.8", "%", ""),
        ("9.6亿吨", "960000000", "吨", ""),
        ("9.1亿吨", "910000000", "吨", ""),
        ("5.6亿吨", "560000000", "吨", ""),
        ("4.2亿吨", "420000000", "吨", ""),
        ("9.3%", "9.3", "%", ""),
        ("7.3万亿千瓦时", "7300000000000", "千瓦时", ""),
        ("1.6%", "1.6", "%", ""),
        ("0.2%", "0.2", "%", ""),
        ("10.5%", "10.5", "%", ""),
        ("22.3%", "22.3", "%", ""),
        ("3.5亿吨", "350000000", "吨", ""),
        ("11.1%", "11.1", "%", ""),
        ("5500大卡", "5500", "大卡", ""),
        ("686元", "686", "元", "吨"),
        ("35元", "35", "元", "吨"),
        ("6784大卡/公斤左右", "6784", "大卡", "公斤"),
    ],
    "project_table.txt": [
        ("40亿立方米/年", "4000000000", "立方米", "年"),
        ("360亿元", "36000000000", "元", ""),
        ("45亿元", "4500000000", "元", ""),
        ("66万千瓦", "660000", "千瓦", ""),
        ("98.6亿元", "9860000000", "元", ""),
        ("30亿元", "3000000000", "元", ""),
        ("60万吨", "600000", "吨", "年"),
        ("12亿元", "1200000000", "元", ""),
        ("5.2亿元", "520000000", "元", ""),
        ("750千伏", "750", "千伏", ""),
        ("186公里", "186", "公里", ""),
        ("9.8亿元", "980000000", "元", ""),
        ("4亿元", "400000000", "元", ""),
        ("2800亩", "2800", "亩", ""),
        ("150亿元", "15000000000", "元", ""),
        ("20亿元", "2000000000", "元", ""),
        ("18万平方米", "180000", "平方米", ""),
        ("7.5亿元", "750000000", "元", ""),
        ("3亿元", "300000000", "元", ""),
        ("6个", "6", "个", ""),
        ("637.9亿元", "63790000000", "元", ""),
        ("107.2亿元", "10720000000", "元", ""),
    ],
    "project_news.txt": [
        ("186.4亿元", "18640000000", "元", ""),
        ("27.5%", "27.5", "%", ""),
        ("40万吨", "400000", "吨", "年"),
        ("60万吨", "600000", "吨", "年"),
        ("320亿元", "32000000000", "元", ""),
        ("5800大卡/公斤", "5800", "大卡", "公斤"),
        ("1200元", "1200", "元", "吨"),
        ("220千伏", "220", "千伏", ""),
        ("65亩", "65", "亩", ""),
        ("3200平方米", "3200", "平方米", ""),
        ("150亿元", "15000000000", "元", "年"),
        ("20亿元", "2000000000", "元", "年"),
        ("260万吨", "2600000", "吨", "年"),
        ("1500个", "1500", "个", ""),
        ("0.21元", "0.21", "元", "千瓦时"),
    ],
    "halfwidth.txt": [
        ("9.4%", "9.4", "%", ""),
        ("1,024.6亿元", "102460000000", "元", ""),
        ("11.3%", "11.3", "%", ""),
        ("86.3亿元", "8630000000", "元", ""),
        ("21.7%", "21.7", "%", ""),
        ("8150万吨", "81500000", "吨", ""),
        ("7.5%", "7.5", "%", ""),
        ("316亿千瓦时", "31600000000", "千瓦时", ""),
        ("215亿千瓦时", "21500000000", "千瓦时", ""),
        ("68%", "68", "%", ""),
        ("19.6万吨", "196000", "吨", ""),
        ("12.8万吨", "128000", "吨", ""),
        ("15.2%", "15.2", "%", ""),
        ("±1100千伏", "1100", "千伏", ""),
        ("400万千瓦", "4000000", "千瓦", ""),
        ("312户", "312", "户", ""),
        ("96家", "96", "家", ""),
    ],
    "changji_results.txt": [
        ("856.2亿元", "85620000000", "元", ""),
        ("10.8%", "10.8", "%", ""),
        ("12.6%", "12.6", "%", ""),
        ("412.5亿元", "41250000000", "元", ""),
        ("18.3%", "18.3", "%", ""),
        ("2.38亿吨", "238000000", "吨", ""),
        ("14.9%", "14.9", "%", ""),
        ("43.6%", "43.6", "%", ""),
        ("2.21亿吨", "221000000", "吨", ""),
        ("1.26亿吨", "126000000", "吨", ""),
        ("22.4%", "22.4", "%", ""),
        ("38.5%", "38.5", "%", ""),
        ("1302亿千瓦时", "130200000000", "千瓦时", ""),
        ("6.1%", "6.1", "%", ""),
        ("25.3%", "25.3", "%", ""),
        ("688亿千瓦时", "68800000000", "千瓦时", ""),
        ("52.7%", "52.7", "%", ""),
        ("3386万千瓦", "33860000", "千瓦", ""),
        ("1120万千瓦", "11200000", "千瓦", ""),
        ("33.1%", "33.1", "%", ""),
        ("68.5万吨", "685000", "吨", ""),
        ("51.2万吨", "512000", "吨", ""),
        ("18.6亿立方米", "1860000000", "立方米", ""),
        ("9.2%", "9.2", "%", ""),
        ("14.7%", "14.7", "%", ""),
        ("5.8%", "5.8", "%", ""),
        ("3200万吨", "32000000", "吨", "年"),
        ("298.4万吨", "2984000", "吨", ""),
        ("47.5%", "47.5", "%", ""),
        ("106万吨", "1060000", "吨", ""),
        ("21.3%", "21.3", "%", ""),
        ("20万吨/年", "200000", "吨", "年"),
        ("126个", "126", "个", ""),
        ("378.6亿元", "37860000000", "元", ""),
        ("58个", "58", "个", ""),
        ("43个", "43", "个", ""),
        ("11家", "11", "家", ""),
        ("142家", "142", "家", ""),
        ("23.5公里", "23.5", "公里", ""),
        ("36万平方米", "360000", "平方米", ""),
        ("2.1万人", "21000", "人", ""),
        ("3200人", "3200", "人", ""),
    ],
}


def _found(name: str) -> list[tuple[str, Decimal, str, str]]:
    report = read_report(UNSEEN / name)
    return [(f.quantity.raw, f.quantity.value, f.quantity.unit, f.per) for f in report.figures]


def _score(name: str) -> tuple[int, int, int, int]:
    """(key size, found, found in the key, found in the key with the right rate) for one text."""
    key = [(raw, Decimal(value), unit, per) for raw, value, unit, per in KEYS[name]]
    found = _found(name)
    unmatched = list(found)
    hits = per_right = 0
    for raw, value, unit, per in key:
        match = next((f for f in unmatched if f[:3] == (raw, value, unit)), None)
        if match is None:
            continue
        unmatched.remove(match)
        hits += 1
        per_right += match[3] == per
    return len(key), len(found), hits, per_right


def test_answer_keys_are_whole():
    """Every key entry is written in its text, as often as the key lists it."""
    for name, key in KEYS.items():
        text = (UNSEEN / name).read_text(encoding="utf-8")
        for raw, *_ in key:
            written = sum(1 for entry in key if entry[0] == raw)
            assert text.count(raw) >= written, (name, raw)


def test_recall_precision_and_rate_on_unseen_reports():
    totals = [_score(name) for name in KEYS]
    key_size = sum(t[0] for t in totals)
    found = sum(t[1] for t in totals)
    hits = sum(t[2] for t in totals)
    per_right = sum(t[3] for t in totals)
    assert hits / key_size >= 0.98, totals
    assert hits / found >= 0.97, totals
    assert per_right / hits >= 0.95, totals


@pytest.mark.parametrize("name", sorted(KEYS))
def test_each_unseen_report_is_read_whole(name):
    """Per text: what is missed, what is extra and which rate is wrong, named in the failure."""
    key = [(raw, Decimal(value), unit, per) for raw, value, unit, per in KEYS[name]]
    found = _found(name)
    missed = [k for k in key if k[:3] not in [f[:3] for f in found]]
    extra = [f for f in found if f[:3] not in [k[:3] for k in key]]
    wrong_rate = [f for f in found if f[:3] in [k[:3] for k in key] and f not in key]
    assert (missed, extra, wrong_rate) == ([], [], [])


@pytest.mark.parametrize(
    ("text", "raw", "per"),
    [
        ("项目年产80万吨聚乙烯。", "80万吨", "年"),
        ("设计年产能2300万吨/年。", "2300万吨/年", "年"),
        ("年处理原煤能力达到3200万吨。", "3200万吨", "年"),
        ("全年发电量1302亿千瓦时。", "1302亿千瓦时", ""),
        ("平仓价为每吨686元，比上月末上涨35元。", "35元", "吨"),
        ("吨煤成本下降20元。", "20元", "吨"),
        ("吨煤能耗下降18%。", "18%", ""),
        ("年均增长15%以上。", "15%以上", ""),
        ("度电成本降至0.18元。", "0.18元", "千瓦时"),
        ("每年减少二氧化碳排放约260万吨。", "260万吨", "年"),
        ("一期年产30万吨，二期工程设计产能为年产60万吨。", "60万吨", "年"),
        ("年产40亿立方米煤制天然气项目一期完成投资56亿元。", "56亿元", ""),
        ("年产40亿立方米煤制天然气项目一期完成投资56亿元。", "40亿立方米", "年"),
        ("两个项目分别年产40万吨和60万吨。", "60万吨", "年"),
    ],
)
def test_rate_of_a_figure(tmp_path, text, raw, per):
    path = tmp_path / "one.txt"
    path.write_text(text, encoding="utf-8")
    (figure,) = [f for f in read_report(path).figures if f.quantity.raw == raw]
    assert figure.per == per
