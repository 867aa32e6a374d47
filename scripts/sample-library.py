#!/usr/bin/env python3
"""Rebuild library/laws/national-sample.jsonl: the laws, regulations and judicial
interpretations of the shared corpus that service-hall questions touch (social
insurance, employment, consumers, tax, education, family, health, housing …), with
every version of each. Records are copied byte for byte.

usage: scripts/sample-library.py [../shared/corpus/laws.jsonl] [library/laws/national-sample.jsonl]
"""
import json, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/laws.jsonl"
DST = sys.argv[2] if len(sys.argv) > 2 else "library/laws/national-sample.jsonl"

TOPICS = ["社会保险", "失业保险", "工伤保险", "劳动", "就业", "消费者", "公司法", "个人所得税", "税收征收",
          "民法典", "教育", "义务教育", "人口与计划生育", "母婴", "未成年人", "老年人", "住房公积金", "医疗保障",
          "基本医疗", "养老", "社会救助", "妇女", "残疾人", "食品安全", "电子商务", "个人信息", "行政许可",
          "行政处罚", "政府信息公开", "道路交通", "居民身份证", "户口", "婚姻", "继承", "合同", "网络安全", "慈善",
          "兵役", "退役军人", "法律援助", "治安管理", "优化营商环境", "促进中小企业", "城市居民最低生活保障", "住房",
          "物业", "征收", "价格", "广告", "产品质量", "药品", "疫苗", "传染病", "职业病", "安全生产", "环境保护",
          "土地管理", "农村", "村民委员会", "城市居民委员会"]

lines = open(SRC, encoding="utf-8").read().splitlines()
records = [json.loads(l) for l in lines]
chosen = {r["title"] for r in records if any(t in r["title"] for t in TOPICS)}
chosen |= {r["title"] for r in records if "法释〔2023〕13号" in r["text"] or "法释〔2022〕" in r["text"]}
# Not documents of any government: a guide to labour arbitration kept beside the laws.
NOT_DOCUMENTS = {"劳动仲裁和劳动诉讼的攻略"}
chosen -= NOT_DOCUMENTS
with open(DST, "w", encoding="utf-8") as out:
    n = 0
    for line, r in zip(lines, records):
        if r["title"] in chosen:
            out.write(line + "\n")
            n += 1
print(f"{n} versions of {len(chosen)} titles written to {DST}", file=sys.stderr)
