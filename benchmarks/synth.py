"""Synthetic plans and observations in the project's own YAML format, at any multiple of the real data.

`generate(root, sources, size)` writes `targets/` and `actuals/` under `root` and the source documents
(every quote the records make) under `sources`. Size k stands for k districts' plans:

- areas: a country, provinces (one per 10 cities), cities (one per 10 districts), k districts, and one
  prefecture no goal speaks for (like 塔城地区 in the real data: its figures are always set aside);
- 64 plan indicators (16 totals, 48 intensive) and 8 indicators only the documents use, related to plan
  indicators as `proxy` or `different`;
- 75 goals per district, shaped like the real plan's: levels with every comparator, categorical goals,
  annual growth rates pacing total levels, changes from base, multiples of base, annual increases,
  baselines, 2010 and 2015 target years. Each goal carries `area` (its district); the plan's own area is
  the country;
- about 1,000 observations per district's worth (its own figures for 2006–2020, its share of its city's
  and province's): levels, year-on-year growth, related indicators, figures in convertible and
  inconvertible units, every qualifier, periods, derived figures; three documents per area; every 7th
  district stops at 2008, so its goals are judged on interim figures against the planned path;
- source documents holding every quote (the plan's in one file, as one plan document would).

So 1000× has about 75,000 goals and 1,000,000 observations across 1,111 areas. Deterministic for a seed.
`legacy=True` leaves out the goals' `area` and makes the first district the plan's area (every goal then
speaks for it, and every figure of its indicator is its evidence), for measuring code that predates the field.
"""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 2006, 2020
DOC_SPANS = ((2006, 2010), (2011, 2015), (2016, 2020))
N_INDICATORS, N_TOTALS = 64, 16
N_RELATED = 8
TOTAL_UNITS = ("亿元", "万元", "万人", "亩", "个")
INTENSIVE_UNITS = ("%", "元", "平方米", "岁", "‰", "%")
CATEGORICAL = (61, 62, 63)  # plan indicators whose goal is categorical
PACED = (0, 1, 2, 3, 4)  # total indicators whose level goal is paced by a growth-rate goal
MULTIPLE = (5, 6)
INCREASE = (7, 8)
CHANGE = (20, 21)
STRAY_OBSERVATIONS = 12  # figures of the area no goal speaks for: constant, since each is shown beside every goal
DENSITY = 0.9  # share of (indicator, year) pairs an area reports


@dataclass
class Stats:
    size: int
    files: int = 0
    yaml_bytes: int = 0
    source_bytes: int = 0
    areas: int = 0
    indicators: int = 0
    goals: int = 0
    documents: int = 0
    observations: int = 0


# ---------------------------------------------------------------------------------------------- YAML text

_PLAIN = re.compile(r"^[A-Za-z\u4e00-\u9fff][^:#{}\[\],&*!|>'\"%@`\n]*$")
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _s(text: str) -> str:
    """A YAML scalar for a string: plain when that reads back as the same string, else double-quoted."""
    if _PLAIN.match(text) and text.lower() not in _RESERVED and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


def fmt(v: float) -> str:
    """A number as a document would write it: no exponent, at most two decimals."""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _num(v: float) -> float:
    return round(v, 2) if abs(v) < 1000 else float(round(v))


# ---------------------------------------------------------------------------------------------- world


@dataclass(frozen=True)
class Ind:
    id: str
    name: str
    kind: str
    unit: str


def indicators() -> list[Ind]:
    out = []
    for i in range(N_INDICATORS):
        total = i < N_TOTALS
        unit = TOTAL_UNITS[i % len(TOTAL_UNITS)] if total else INTENSIVE_UNITS[i % len(INTENSIVE_UNITS)]
        out.append(Ind(f"ind_{i:02d}", f"{'总量' if total else '比率'}指标{i:02d}项", "total" if total else "intensive",
                       unit))
    return out


def related() -> list[tuple[Ind, Ind, str]]:
    """(document-only indicator, the plan indicator it relates to, relation)."""
    plan = indicators()
    out = []
    for j in range(N_RELATED):
        target = plan[N_TOTALS + 8 + j]
        out.append((Ind(f"alt_{j:02d}", f"相关指标{j:02d}项", "intensive", target.unit), target,
                    "proxy" if j % 2 == 0 else "different"))
    return out


def _base_value(unit: str, rng: random.Random, scale: float = 1.0) -> float:
    lo, hi = {"亿元": (10, 200), "万元": (1000, 50000), "万人": (5, 100), "亩": (1000, 50000), "个": (10, 500),
              "%": (10, 85), "元": (5000, 30000), "平方米": (5, 20), "岁": (70, 78), "‰": (5, 15)}[unit]
    v = rng.uniform(lo, hi)
    return _num(v * scale)


@dataclass
class Area:
    id: str
    name: str
    name_en: str
    level: str
    parent: str | None


def areas(size: int) -> tuple[list[Area], list[Area]]:
    """(all areas, the districts)."""
    n_cities = math.ceil(size / 10)
    n_provinces = math.ceil(n_cities / 10)
    out = [Area("country", "全国", "The country", "country", None),
           Area("elsewhere", "别处地区", "An unrelated prefecture", "prefecture", "country")]
    for p in range(n_provinces):
        out.append(Area(f"p{p + 1:04d}", f"第{p + 1}省", f"Province {p + 1}", "region", "country"))
    for c in range(n_cities):
        out.append(Area(f"c{c + 1:05d}", f"第{c + 1}市", f"City {c + 1}", "city", f"p{c // 10 + 1:04d}"))
    districts = [Area(f"d{d + 1:06d}", f"第{d + 1}区", f"District {d + 1}", "district", f"c{d // 10 + 1:05d}")
                 for d in range(size)]
    return out + districts, districts


# ---------------------------------------------------------------------------------------------- goals

_COMPARATOR_WORDS = {">=": ("达到", "以上"), ">": ("超过", ""), "<=": ("控制在", "以内"), "<": ("低于", ""),
                     "≈": ("", "左右"), "=": ("保持", "")}


def _goal_shapes(seed: int) -> list[dict]:
    """The 75 goal shapes every district shares (values differ by district)."""
    rng = random.Random(seed * 7919 + 1)
    inds = indicators()
    shapes = []
    for i, ind in enumerate(inds):
        if i in CATEGORICAL:
            comparator = "categorical"
        elif ind.kind == "total":
            comparator = ">="
        else:
            comparator = rng.choices([">=", ">", "<=", "<", "≈", "="], [60, 10, 12, 6, 8, 4])[0]
        shapes.append(dict(n=i, ind=ind, measure="level", comparator=comparator,
                           year=2015 if i % 10 == 9 else 2010, baseline=i % 13 != 12 and i not in CATEGORICAL))
    n = len(shapes)
    for i in PACED:
        shapes.append(dict(n=n, ind=inds[i], measure="annual_growth_rate", comparator=">=", year=2010, baseline=True,
                           paces=i))
        n += 1
    for i in CHANGE:
        shapes.append(dict(n=n, ind=inds[i], measure="change_from_base_pct", comparator="<=", year=2010,
                           baseline=True))
        n += 1
    for i in MULTIPLE:
        shapes.append(dict(n=n, ind=inds[i], measure="multiple_of_base", comparator=">=", year=2015, baseline=True))
        n += 1
    for i in INCREASE:
        shapes.append(dict(n=n, ind=inds[i], measure="annual_increase", comparator=">=", year=2010, baseline=True))
        n += 1
    return shapes


@dataclass
class Trend:
    base: float  # 2005 value
    rate: float  # yearly factor the area actually achieves


def _goal_records(district: Area, shapes: list[dict], trends: dict[str, Trend], rng: random.Random,
                  legacy: bool) -> tuple[list[str], list[str]]:
    """(YAML lines of the goals file, quotes for the plan document)."""
    lines = [f"# Synthetic goals of {district.name_en}.", "goals:"]
    quotes: list[str] = []
    level_ids: dict[int, str] = {}
    for s in shapes:
        ind: Ind = s["ind"]
        gid = f"{district.id}-g{s['n']:02d}"
        trend = trends[ind.id]
        base = trend.base
        year = s["year"]
        unit: str | None = ind.unit
        target_text = None
        base_value, base_year = base, 2005
        comparator = s["comparator"]
        planned = trend.rate * rng.uniform(0.95, 1.04)  # the plan asks a little more or less than what happens
        expected = base * trend.rate ** (year - 2005)  # where the area's figures will be in the target year
        if s["measure"] == "level":
            level_ids[s["n"]] = gid
            if comparator == "categorical":
                target, unit, target_text = None, None, "二级以上"
                quote = f"{district.name}{ind.name}{year}年达到{target_text}"
            else:
                if comparator in ("<=", "<"):
                    target = _num(expected * rng.uniform(0.95, 1.15))
                elif comparator in ("≈", "="):
                    target = _num(expected * rng.uniform(0.97, 1.03))
                else:
                    target = _num(base * planned ** (year - 2005))
                pre, post = _COMPARATOR_WORDS[comparator]
                quote = f"{district.name}{ind.name}{year}年{pre}{fmt(target)}{ind.unit}{post}"
        elif s["measure"] == "annual_growth_rate":
            target = _num((planned - 1) * 100)
            unit = "%"
            quote = f"{district.name}{ind.name}年均增长{fmt(target)}%"
        elif s["measure"] == "change_from_base_pct":
            target = -float(rng.choice((10, 15, 20)))
            unit = "%"
            quote = f"{district.name}{ind.name}比2005年降低{fmt(-target)}%以上"
        elif s["measure"] == "multiple_of_base":
            target, unit, base_year = 2.0, "倍", 2000
            base_value = _num(base / trend.rate ** 5)
            quote = f"{district.name}{ind.name}{year}年比2000年翻一番"
        else:  # annual_increase
            target = _num(base * (planned - 1))
            quote = f"{district.name}{ind.name}年均增加{fmt(target)}{ind.unit}"
        has_base = s["baseline"]
        base_quote = f"{district.name}{ind.name}{base_year}年为{fmt(base_value)}{ind.unit}"
        lines.append(f"  - id: {gid}")
        lines.append(f"    name: {_s(ind.name)}")
        lines.append(f"    name_en: {_s('Indicator ' + ind.id)}")
        lines.append("    group: " + ("economy" if ind.kind == "total" else "society"))
        lines.append(f"    chapter: {_s('三、发展目标')}")
        if not legacy:
            lines.append(f"    area: {district.id}")
        lines.append(f"    indicator: {ind.id}")
        lines.append(f"    measure: {s['measure']}")
        if unit is not None:
            lines.append(f"    unit: {_s(unit)}")
        lines.append(f"    comparator: {json.dumps(comparator, ensure_ascii=False)}")
        if target is not None:
            lines.append(f"    target: {fmt(target)}")
        if target_text is not None:
            lines.append(f"    target_text: {_s(target_text)}")
        lines.append(f"    target_year: {year}")
        if has_base:
            own_unit = f"unit: {_s(ind.unit)}, " if not legacy and s["measure"] != "level" else ""
            lines.append(f"    baseline: {{{own_unit}value: {fmt(base_value)}, year: {base_year}, quote: {_s(base_quote)}}}")
            quotes.append(base_quote)
        if "paces" in s:
            lines.append(f"    paces: {level_ids[s['paces']]}")
        lines.append(f"    quote: {_s(quote)}")
        quotes.append(quote)
        if s["n"] % 4 == 0:
            lines.append(f"    notes: {_s('规划原文未写价格口径，按当年价格理解。')}")
            lines.append(f"    notes_en: {_s('The plan does not state the price basis.')}")
        lines.append("")
    return lines, quotes


# ---------------------------------------------------------------------------------------------- observations

_PRE = {"达": "达", "达到": "达到", "超过": "超过", "不到": "不到", "低于": "低于", "约": "约", "近": "近"}
_POST = {"以上": "以上", "以内": "以内", "左右": "左右"}
_QUALIFIERS = list(_PRE) + list(_POST)


def _observation_lines(o: dict) -> list[str]:
    lines = [f"  - id: {o['id']}", f"    indicator: {o['indicator']}", f"    measure: {o['measure']}",
             f"    area: {o['area']}"]
    if "period" in o:
        lines.append(f"    period: [{o['period'][0]}, {o['period'][1]}]")
    else:
        lines.append(f"    year: {o['year']}")
    lines.append(f"    value: {fmt(o['value'])}")
    if o.get("qualifier"):
        lines.append(f"    qualifier: {o['qualifier']}")
    lines.append(f"    unit: {_s(o['unit'])}")
    if o.get("caliber"):
        lines.append(f"    caliber: {_s(o['caliber'])}")
    lines.append(f"    quote: {_s(o['quote'])}")
    if o.get("derived"):
        formula, inputs = o["derived"]
        lines.append("    derived:")
        lines.append(f"      formula: {json.dumps(formula)}")
        lines.append(f"      inputs: [{', '.join(inputs)}]")
    if o.get("notes"):
        lines.append(f"    notes: {_s(o['notes'])}")
        lines.append(f"    notes_en: {_s(o['notes_en'])}")
    lines.append("")
    return lines


def _quote_for(area: Area, year_text: str, ind: Ind, value: float, unit: str, qualifier: str | None,
               measure: str) -> str:
    v = fmt(value)
    if measure == "yoy_growth":
        return f"{area.name}{year_text}{ind.name}比上年增长{v}%"
    if measure == "annual_growth_rate":
        return f"{area.name}{year_text}{ind.name}年均增长{v}%"
    if measure == "annual_increase":
        return f"{area.name}{year_text}{ind.name}比上年增加{v}{unit}"
    pre = _PRE.get(qualifier or "", "")
    post = _POST.get(qualifier or "", "")
    return f"{area.name}{year_text}{ind.name}{pre}{v}{unit}{post}"


def _area_observations(area: Area, trends: dict[str, Trend], rng: random.Random, stray: bool = False,
                       last_year: int = LAST_YEAR) -> list[dict]:
    """Every figure an area's documents report up to `last_year`."""
    plan_inds = indicators()
    rel = related()
    obs: list[dict] = []

    def add(ind: Ind, year: int | None, value: float, measure: str = "level", unit: str | None = None,
            period: tuple[int, int] | None = None, derived=None, quote: str | None = None) -> dict:
        unit = unit or ("%" if measure in ("yoy_growth", "annual_growth_rate", "change_from_base_pct") else ind.unit)
        qualifier = None
        if measure == "level" and rng.random() < 0.25:
            qualifier = rng.choice(_QUALIFIERS)
        key = f"p{period[0]}" if period else str(year)
        o = dict(id=f"{area.id}-{ind.id}-{measure}-{key}", indicator=ind.id, measure=measure, area=area.id,
                 value=value, qualifier=qualifier, unit=unit)
        if period:
            o["period"] = period
            year_text = f"{period[0]}—{period[1]}年"
        else:
            o["year"] = year
            year_text = f"{year}年"
        o["quote"] = quote or _quote_for(area, year_text, ind, value, unit, qualifier, measure)
        if derived:
            o["derived"] = derived
        if rng.random() < 0.3:
            o["notes"] = f"{area.name}统计公报口径。"
            o["notes_en"] = f"As published by {area.name_en}."
        if measure == "level" and ind.unit in ("亿元", "万元") and rng.random() < 0.3:
            o["caliber"] = "现价"
        obs.append(o)
        return o

    years = range(FIRST_YEAR, last_year + 1)
    if stray:
        for _ in range(STRAY_OBSERVATIONS):
            ind = rng.choice(plan_inds)
            year = rng.choice(list(years))
            if any(o["indicator"] == ind.id and o.get("year") == year for o in obs):
                continue
            add(ind, year, _num(trends[ind.id].base * trends[ind.id].rate ** (year - 2005)))
        return obs
    for ind in plan_inds:
        tr = trends[ind.id]
        levels: dict[int, dict] = {}
        for year in years:
            if rng.random() >= DENSITY:
                continue
            value = tr.base * tr.rate ** (year - 2005) * rng.uniform(0.97, 1.03)
            unit = ind.unit
            if ind.unit == "亿元" and rng.random() < 0.1:
                unit, value = "万元", value * 1e4  # convertible: judged in the goal's unit
            elif ind.unit == "%" and rng.random() < 0.02:
                unit, value = "‰", value * 10  # not convertible: set aside
            levels[year] = add(ind, year, _num(value), unit=unit)
        if int(ind.id[4:]) in PACED:
            for year in years:
                if rng.random() < 0.6:
                    add(ind, year, _num((tr.rate - 1) * 100 * rng.uniform(0.8, 1.2)), measure="yoy_growth")
            if rng.random() < 0.5:
                add(ind, None, _num((tr.rate - 1) * 100), measure="annual_growth_rate", period=(2006, 2010))
        if int(ind.id[4:]) in INCREASE:
            for year in years:
                prev, cur = levels.get(year - 1), levels.get(year)
                if prev and cur and prev["unit"] == cur["unit"] == ind.unit and rng.random() < 0.5:
                    inc = _num(cur["value"] - prev["value"])
                    add(ind, year, inc, measure="annual_increase",
                        derived=(f"{fmt(cur['value'])} - {fmt(prev['value'])}", [cur["id"], prev["id"]]),
                        quote=cur["quote"])
        if last_year == LAST_YEAR and rng.random() < 0.05:
            add(ind, None, _num(tr.base * tr.rate ** 13), period=(2016, 2020))
    for alt, target, _ in rel:
        tr = trends[target.id]
        for year in years:
            if rng.random() < 0.5:
                add(alt, year, _num(tr.base * tr.rate ** (year - 2005) * rng.uniform(0.9, 1.1)))
    return obs


def _trends(area: Area, scale: float, rng: random.Random) -> dict[str, Trend]:
    out = {}
    for ind in indicators():
        base = _base_value(ind.unit, rng, scale if ind.kind == "total" else 1.0)
        if ind.kind == "total":
            rate = rng.uniform(1.04, 1.14)
        else:
            rate = rng.uniform(0.97, 1.04)
        out[ind.id] = Trend(base, rate)
    return out


def _span_of(o: dict) -> int:
    year = o["period"][1] if "period" in o else o["year"]
    return next(k for k, (a, b) in enumerate(DOC_SPANS) if a <= year <= b)


# ---------------------------------------------------------------------------------------------- files


def _write(path: Path, lines: list[str], stats: Stats) -> None:
    text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    path.write_bytes(data)
    stats.files += 1
    stats.yaml_bytes += len(data)


def _source(path: Path, quotes: list[str], stats: Stats, rng: random.Random) -> None:
    parts = []
    for i, q in enumerate(quotes):
        parts.append(q + "。")
        if i % 5 == 4:
            parts.append("\n　　各项工作稳步推进。\n")
    data = "".join(parts).encode("utf-8")
    path.write_bytes(data)
    stats.source_bytes += len(data)


def _document_file(area: Area, k: int, span: tuple[int, int], obs: list[dict], root: Path, sources: Path,
                   stats: Stats, rng: random.Random) -> None:
    doc_id = f"doc-{area.id}-{k + 1}"
    file = f"{area.id}-{k + 1}.txt"
    lines = [f"# Synthetic statistical bulletin of {area.name_en}, {span[0]}–{span[1]}.", "document:",
             f"  id: {doc_id}", f"  file: {file}", f"  title: {_s(f'{area.name}{span[0]}—{span[1]}年统计公报')}",
             f"  title_en: {_s(f'{area.name_en} statistical bulletin {span[0]}-{span[1]}')}",
             f"  publisher: {_s(area.name + '统计局')}", f"  published: {span[1] + 1}-03-15",
             "  published_basis: stated", f"  area: {area.id}", f"  years: [{span[0]}, {span[1]}]", "",
             "observations:"]
    for o in obs:
        lines += _observation_lines(o)
    _write(root / "actuals" / f"doc-{area.id}-{k + 1}.yaml", lines, stats)
    _source(sources / file, [o["quote"] for o in obs], stats, rng)
    stats.documents += 1
    stats.observations += len(obs)


def generate(root: Path, sources: Path, size: int, seed: int = 0, legacy: bool = False, plans: bool = False) -> Stats:
    """Write a synthetic data folder (targets/, actuals/) and its source documents. Returns what was written.

    `plans=True` writes each district's goals as a plan of its own (targets/plan-<district>/, the layout for many
    plans: size k is k plans of 75 goals, each plan's area its district) instead of one plan of every district."""
    root, sources = Path(root), Path(sources)
    for folder in (root / "targets", root / "actuals", sources):
        folder.mkdir(parents=True, exist_ok=True)
    stats = Stats(size=size)
    rng = random.Random(seed)
    all_areas, districts = areas(size)
    stats.areas = len(all_areas)
    plan_inds = indicators()
    rel = related()
    stats.indicators = len(plan_inds) + len(rel)

    if not plans:
        _write(root / "targets" / "plan.yaml", [
            "plan:", "  id: synthetic-plan", f"  name: {_s('合成规划')}",
            f"  name_en: {_s('Synthetic plan of ' + str(size) + ' districts')}",
            f"  area: {'d000001' if legacy else 'country'}", "  period: [2006, 2010]", "  base_year: 2005",
            "  horizon_years: [2015]", "  source: plan.txt"], stats)
    lines = ["indicators:"]
    for ind in plan_inds:
        lines += [f"  - id: {ind.id}", f"    name: {_s(ind.name)}", f"    name_en: {_s('Indicator ' + ind.id)}",
                  f"    kind: {ind.kind}"]
        if not legacy:  # what the city's figures may say of its districts, declared by level
            city_use = ("pace", "level", "none")[int(ind.id[-2:]) % 3]
            lines.append("    stand_in:")
            for level, use in (("city", city_use), ("region", "pace"), ("country", "none")):
                lines += [f"      - level: {level}", f"        use: {use}", f"        reason: {_s('合成数据的声明：' + use)}",
                          f"        reason_en: {_s('synthetic declaration: ' + use)}"]
    _write(root / "targets" / "indicators.yaml", lines, stats)
    lines = ["indicators:"]
    for alt, target, relation in rel:
        lines += [f"  - id: {alt.id}", f"    name: {_s(alt.name)}", f"    name_en: {_s('Related ' + alt.id)}",
                  f"    kind: {alt.kind}", "    relations:", f"      - to: {target.id}",
                  f"        relation: {relation}", f"        note: {_s('口径与' + target.name + '不同')}",
                  f"        note_en: {_s('Measured differently from ' + target.id)}"]
    _write(root / "actuals" / "indicators.yaml", lines, stats)
    lines = ["areas:"]
    for a in all_areas:
        lines += [f"  - id: {a.id}", f"    name: {_s(a.name)}", f"    name_en: {_s(a.name_en)}", f"    level: {a.level}"]
        if a.parent:
            lines.append(f"    parent: {a.parent}")
    _write(root / "actuals" / "areas.yaml", lines, stats)

    shapes = _goal_shapes(seed)
    plan_quotes: list[str] = []
    scale = {"district": 1.0, "city": 12.0, "region": 130.0, "prefecture": 8.0, "country": 1000.0}
    for a in all_areas:
        if a.level == "country":
            continue
        area_rng = random.Random(f"{seed}/{a.id}")
        trends = _trends(a, scale[a.level], area_rng)
        if a.level == "district":
            lines, quotes = _goal_records(a, shapes, trends, area_rng, legacy)
            folder = root / "targets" / f"plan-{a.id}" if plans else root / "targets"
            if plans:
                folder.mkdir(exist_ok=True)
                _write(folder / "plan.yaml", [
                    "plan:", f"  id: plan-{a.id}", f"  name: {_s('合成规划' + a.name)}",
                    f"  name_en: {_s('Synthetic plan of ' + a.name_en)}", f"  area: {a.id}", "  period: [2006, 2010]",
                    "  base_year: 2005", "  horizon_years: [2015]", "  source: plan.txt"], stats)
            _write(folder / f"goals-{a.id}.yaml", lines, stats)
            plan_quotes += quotes
            stats.goals += len(shapes)
        # every 7th district stopped publishing after 2008: its goals are judged on interim figures, against the path
        last_year = 2008 if a.level == "district" and int(a.id[1:]) % 7 == 3 else LAST_YEAR
        obs = _area_observations(a, trends, area_rng, stray=a.id == "elsewhere", last_year=last_year)
        for k, span in enumerate(DOC_SPANS):
            in_span = [o for o in obs if _span_of(o) == k]
            if in_span:
                _document_file(a, k, span, in_span, root, sources, stats, area_rng)
    _source(sources / "plan.txt", plan_quotes, stats, rng)
    return stats


if __name__ == "__main__":  # python -m benchmarks.synth OUT SIZE
    import sys

    out = Path(sys.argv[1])
    st = generate(out / "data", out / "sources", int(sys.argv[2]))
    print(st)
