"""The review of the Urumqi plan's proposed goals, as a person would make it in Excel, scripted (openpyxl) so it
can be read and re-run. Every decision that is not in the text is a guess and says so (GUESSES, printed).

    .venv/bin/python -m dashboard propose goals ../shared/texts/urumqi-2009-targets.txt --period 2008-2012 \\
        --out build/urumqi-goals.xlsx
    .venv/bin/python scripts/review_urumqi_goals.py build/urumqi-goals.xlsx
    .venv/bin/python -m dashboard import-plan build/urumqi-goals.xlsx --plan-id urumqi-city-2008-2012 \\
        --name 乌鲁木齐市近期发展目标（2008—2012年） --name-en "Urumqi City near-term development targets (2008–2012)" \\
        --area urumqi-city --period 2008 2012 --base-year 2007 --source ../shared/texts/urumqi-2009-targets.txt
"""

from __future__ import annotations

import sys

from openpyxl import load_workbook

SHEET = "目标 goals"
EXTRA = ["id 编号 id", "英文名称 name_en", "分组 group", "分组名 group_name", "分组英文名 group_name_en", "备注 notes"]
# quote → (confirmed, indicator, id, English name, group, notes); the quote is the proposal's own, verbatim.
DECISIONS = {
    "并确定2012年地区生产总值达到1800亿元": ("是", "gdp", "gdp-2012", "GDP", "y2012", ""),
    "并确定2012年地区生产总值达到1800亿元,年均增长15%":
        ("是", "gdp", "gdp-growth-2012", "Average annual GDP growth", "y2012", "年均增长自2007年起算（推定）"),
    "本次会议确定2008年全市实现地区生产总值970亿元": ("是", "gdp", "gdp-2008", "GDP in 2008", "y2008", ""),
    "本次会议确定2008年全市实现地区生产总值970亿元,增长15%":
        ("是", "gdp", "gdp-growth-2008", "GDP growth in 2008", "y2008", ""),
    "固定资产投资366亿元": ("是", "fixed_asset_investment", "investment-2008", "Fixed-asset investment in 2008", "y2008", ""),
    "固定资产投资366亿元,增长18%以上": ("是", "fixed_asset_investment", "investment-growth-2008",
                                  "Growth of fixed-asset investment in 2008", "y2008", ""),
    "地方财政一般预算收入80.2亿元": ("是", "local_fiscal_revenue", "fiscal-revenue-2008",
                               "Local general budget revenue in 2008", "y2008",
                               "地方财政一般预算收入按“地方财政收入”指标计（口径见该指标的说明）"),
    "地方财政一般预算收入80.2亿元,增长16%": ("是", "local_fiscal_revenue", "fiscal-revenue-growth-2008",
                                     "Growth of local general budget revenue in 2008", "y2008", ""),
    "城镇居民人均可支配收入增长9%": ("是", "urban_disposable_income_per_capita", "urban-income-growth-2008",
                               "Growth of urban disposable income per capita in 2008", "y2008", ""),
    "农民人均纯收入增长8%": ("是", "rural_net_income_per_capita", "rural-income-growth-2008",
                         "Growth of rural net income per capita in 2008", "y2008", "农民人均纯收入即农牧民人均纯收入（推定）"),
    "安置就业4.5万人": ("是", "jobs_placed", "jobs-placed-2008", "People placed in jobs in 2008", "y2008", ""),
}
#: A pace goal's Chinese name says it is a growth rate (the reader names it by its indicator, as the level's).
NAMES = {"gdp-growth-2012": "地区生产总值年均增长率", "gdp-growth-2008": "地区生产总值增长率",
         "investment-growth-2008": "固定资产投资增长率", "fiscal-revenue-growth-2008": "地方财政一般预算收入增长率",
         "urban-income-growth-2008": "城镇居民人均可支配收入增长率", "rural-income-growth-2008": "农民人均纯收入增长率"}
GROUPS = {"y2012": ("2012年目标", "Targets for 2012"), "y2008": ("2008年目标", "Targets for 2008")}
GUESSES = [
    "plan period 2008–2012, base year 2007: the meeting (26 November, year unstated; the article is of 2009-04-30) "
    "set targets for 2008 and 2012, so it met in November 2007",
    "area: the text says 乌鲁木齐市 / 全市 — a city (urumqi-city, parent xinjiang)",
    "bare 达到 / 实现 / 增长N% read as floors (>=), as the project reads a bare 达到",
    "年均增长15% to 2012 is measured from the base year 2007 (the text does not say from when)",
    "地方财政一般预算收入 is the project's local_fiscal_revenue (地方财政收入), as actuals/indicators.yaml notes",
    "农民人均纯收入 is rural_net_income_per_capita (农牧民人均纯收入 in the Karamay plan)",
    "two new shared indicators: fixed_asset_investment (固定资产投资), jobs_placed (安置就业)",
    "not onboarded: 人均地区生产总值比2000年翻两番 (the reader did not propose it; its base 2000 lies before the "
    "plan's earliest baseline year and the text gives no 2000 value), and the 2015/2020 aims (no number of "
    "their own: 全面建设小康社会 and a 翻三番 that only 奠定基础)",
    "English names written by the reviewer; the Chinese names of growth goals say 增长率 (the reader named them "
    "by their indicator, like the level goals)",
]


def main(path: str) -> int:
    wb = load_workbook(path)
    ws = wb[SHEET]
    head = [c.value for c in ws[1]]
    col = {str(h).split()[-1]: k + 1 for k, h in enumerate(head) if h}
    for h in EXTRA:
        ws.cell(1, ws.max_column + 1, h)
        col[h.split()[-1]] = ws.max_column
    seen = set()
    for r in range(2, ws.max_row + 1):
        quote = ws.cell(r, col["quote"]).value
        if quote is None:
            continue
        decision = DECISIONS.get(quote)
        if decision is None:
            ws.cell(r, col["confirmed"], "否")
            print(f"row {r}: not in the review, answered no: {quote}")
            continue
        seen.add(quote)
        confirmed, indicator, gid, name_en, group, notes = decision
        for key, value in (("confirmed", confirmed), ("indicator", indicator), ("id", gid), ("name_en", name_en),
                           ("group", group), ("group_name", GROUPS[group][0]), ("group_name_en", GROUPS[group][1]),
                           ("notes", notes or None)):
            ws.cell(r, col[key], value)
        if gid in NAMES:
            ws.cell(r, col["name"], NAMES[gid])
    missing = set(DECISIONS) - seen
    for quote in sorted(missing):
        print(f"not proposed any more: {quote}")
    wb.save(path)
    print("guesses:")
    print("\n".join(f"- {g}" for g in GUESSES))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
