"""Output formats: Swedish (and English) numbers, report tables as text, Markdown, CSV, JSON.

Swedish is the default: spaces between groups of three digits, a decimal comma, ``kr``
after amounts, payback in ``år`` and ``"inte inom horisonten"`` when the intervention
does not pay back. ``lang="en"`` gives English labels and numbers (``1,234,567 SEK``).

Examples
--------
>>> format_sek(-1234567.4)
'-1 234 567 kr'
>>> format_sek(1234567.4, lang="en")
'1,234,567 SEK'
>>> format_years(3.333), format_years(float("nan"))
('3,3 år', 'inte inom horisonten')
>>> format_years(3.333, lang="en")
'3.3 years'
>>> format_percent(0.035)
'3,5 %'
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "LABELS",
    "Lang",
    "Report",
    "Table",
    "build_report",
    "format_number",
    "format_percent",
    "format_quantity_text",
    "format_ratio",
    "format_sek",
    "format_years",
    "label",
    "render",
    "report_json",
    "simulation_report",
]

Lang = Literal["sv", "en"]
Kind = Literal["text", "sek", "years", "ratio", "share", "number", "int", "factor", "auto"]

LABELS: dict[str, tuple[str, str]] = {
    # key: (svenska, English)
    "key_figures": ("Nyckeltal", "Key figures"),
    "npv": ("Nettonuvärde", "Net present value"),
    "pv_costs": ("Nuvärde av insatsens kostnader", "Present value of intervention costs"),
    "pv_avoided": ("Nuvärde av undvikna kostnader", "Present value of avoided costs"),
    "bcr": ("Nytta/kostnad (kvot)", "Benefit-cost ratio"),
    "irr": ("Internränta", "Internal rate of return"),
    "payback": ("Återbetalningstid", "Payback period"),
    "payback_discounted": ("Återbetalningstid, diskonterad", "Payback period, discounted"),
    "break_even_effect": (
        "Effekt som krävs för att gå jämnt ut (andel av antagen)",
        "Break-even effect (share of the assumed effect)",
    ),
    "max_cost": (
        "Högsta kostnad (nuvärde) som går jämnt ut",
        "Largest cost (present value) that breaks even",
    ),
    "by_payer": ("Per betalare", "By payer"),
    "payer": ("Betalare", "Payer"),
    "by_cost_item": ("Per kostnadspost", "By cost item"),
    "cost_item": ("Kostnadspost", "Cost item"),
    "name": ("Namn", "Name"),
    "pv_baseline": ("Nuvärde utan insats", "Present value without intervention"),
    "years": ("År för år", "Year by year"),
    "year": ("År", "Year"),
    "calendar_year": ("Kalenderår", "Calendar year"),
    "costs": ("Kostnader", "Costs"),
    "avoided": ("Undvikna kostnader", "Avoided costs"),
    "net": ("Netto", "Net"),
    "discount_factor": ("Diskonteringsfaktor", "Discount factor"),
    "discounted_net": ("Diskonterat netto", "Discounted net"),
    "cumulative_net": ("Ackumulerat netto", "Cumulative net"),
    "cumulative_discounted_net": ("Ackumulerat diskonterat", "Cumulative discounted"),
    "assumptions": ("Antaganden och källor", "Assumptions and sources"),
    "what": ("Vad", "What"),
    "value": ("Värde", "Value"),
    "source": ("Källa", "Source"),
    "confidence": ("Säkerhet", "Confidence"),
    "kind_cost_item": ("Enhetskostnad", "Unit cost"),
    "kind_baseline": ("Utan insats", "Baseline"),
    "kind_effect": ("Effekt", "Effect"),
    "kind_cost": ("Insatskostnad", "Intervention cost"),
    "kind_target": ("Målgrupp", "Target group"),
    "kind_settings": ("Kalkyl", "Settings"),
    "not_within": ("inte inom horisonten", "not within the horizon"),
    "none": ("finns inte", "none"),
    "year_unit": ("år", "years"),
    "analysis": ("Kalkyl", "Analysis"),
    "horizon": ("år från", "years from"),
    "prices": ("års priser", "prices"),
    "discounting": ("diskontering", "discounting"),
    "scenario": ("Scenario", "Scenario"),
    "simulation": ("Osäkerhet (Monte Carlo)", "Uncertainty (Monte Carlo)"),
    "measure": ("Mått", "Measure"),
    "rebased": ("i kalkylens priser", "in the analysis prices"),
    "conf_S": ("S: står i källan", "S: seen in the source"),
    "conf_S2": ("S2: andrahandskälla", "S2: secondary source"),
    "conf_D": ("D: härlett", "D: derived"),
    "conf_A": ("A: antagande", "A: assumption"),
    "conf_none": ("ej angiven", "not given"),
}
"""Labels of the report, Swedish and English."""


def label(key: str, lang: Lang = "sv") -> str:
    """A label in ``lang``; the key itself when there is none."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "sv" else pair[1]


def format_number(value: float, decimals: int = 0, lang: Lang = "sv") -> str:
    """A number with grouped thousands: ``"1 234 567,5"`` (sv) or ``"1,234,567.5"`` (en).

    >>> format_number(1234567.456, 2)
    '1 234 567,46'
    >>> format_number(-0.4)
    '0'
    """
    if value is None or not math.isfinite(value):
        return "–" if value is None or math.isnan(value) else ("∞" if value > 0 else "-∞")
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",")
    return text


def format_sek(value: float, lang: Lang = "sv") -> str:
    """An amount in whole kronor: ``"1 234 567 kr"`` (sv) or ``"1,234,567 SEK"`` (en)."""
    if value is None or not math.isfinite(value):
        return format_number(value)
    return format_number(value, 0, lang) + (" kr" if lang == "sv" else " SEK")


def format_years(value: float | None, lang: Lang = "sv") -> str:
    """A payback period: ``"3,3 år"``; NaN or None is ``"inte inom horisonten"``."""
    if value is None or not math.isfinite(value):
        return label("not_within", lang)
    return f"{format_number(value, 1, lang)} {label('year_unit', lang)}"


def format_ratio(value: float | None, lang: Lang = "sv") -> str:
    """A ratio with two decimals (``"0,45"``); NaN is ``"finns inte"``."""
    if value is None or not math.isfinite(value):
        return label("none", lang)
    return format_number(value, 2, lang)


def format_percent(value: float | None, lang: Lang = "sv", decimals: int = 1) -> str:
    """A share as a percentage: ``"3,5 %"`` (sv) or ``"3.5%"`` (en)."""
    if value is None or not math.isfinite(value):
        return label("none", lang)
    number = format_number(100 * value, decimals, lang)
    return f"{number} %" if lang == "sv" else f"{number}%"


_WORDS: dict[str, tuple[str, str]] = {
    "relative": ("relativ", "relative"),
    "absolute": ("absolut", "absolute"),
    "per_participant": ("per deltagare", "per participant"),
    "one_off": ("engångskostnad", "one-off"),
    "per_year": ("per år", "per year"),
    "household": ("hushåll", "household"),
    "person": ("person", "person"),
    "participants": ("deltagare", "participants"),
    "in_year": ("år", "in year"),
    "exit_rate": ("utflöde {} /år", "exit rate {} a year"),
    "years": ("i {} år", "for {} years"),
    "start_lag": ("fördröjning {} år", "start lag {} years"),
    "ramp_up_years": ("upptrappning {} år", "ramp-up {} years"),
    "duration_years": ("varaktighet {} år", "duration {} years"),
    "drop_off": ("avtagande {} /år", "drop-off {} a year"),
    "deadweight": ("dödvikt {}", "deadweight {}"),
    "attribution": ("attribution {}", "attribution {}"),
    "displacement": ("undanträngning {}", "displacement {}"),
}
"""Words of the assumption log, Swedish and English (model field values and names)."""


def _word(key: str, lang: Lang, value: Any = None) -> str:
    pair = _WORDS.get(key)
    text = key if pair is None else (pair[0] if lang == "sv" else pair[1])
    if value is not None:
        text = text.format(value)
        if lang == "en" and value == 1:
            text = text.replace(" years", " year")
    return text.replace(" /år", "/år")


def _intake_text(intake: Sequence[float], unit: str, lang: Lang) -> str:
    """``[30]`` -> ``"30 deltagare år 0 (hushåll)"``; ``[20, 20]`` -> ``"20 år 0, 20 år 1 ..."``."""
    counts = [format_number(_plain(x), 0 if float(x).is_integer() else 2, lang) for x in intake]
    year = _word("in_year", lang)
    if len(counts) == 1:
        text = f"{counts[0]} {_word('participants', lang)} {year} 0"
    else:
        text = f"{_word('participants', lang)}: " + ", ".join(
            f"{count} {year} {t}" for t, count in enumerate(counts)
        )
    return f"{text} ({_word(unit, lang)})"


_UNITS_SV = {
    "SEK": "kr",
    "month": "mån",
    "year": "år",
    "day": "dygn",
    "hour": "tim",
    "week": "vecka",
    "percent": "%",
}


def format_unit_text(units: Any, lang: Lang = "sv") -> str:
    """A pint unit for people: ``"SEK / month"`` -> ``"kr/mån"`` (sv), ``"SEK/month"`` (en).

    >>> format_unit_text("SEK / month"), format_unit_text("month / year", "en")
    ('kr/mån', 'month/year')
    >>> format_unit_text("share"), format_unit_text("dimensionless", "en")
    ('andel', '')
    """
    text = str(units)
    if text == "dimensionless":
        return ""
    if text == "share":
        return "andel" if lang == "sv" else "share"
    parts = [part.strip() for part in text.split("/")]
    if lang == "sv":
        parts = [" ".join(_UNITS_SV.get(w, w) for w in part.split()) for part in parts]
    return "/".join(parts)


def format_quantity_text(quantity: Any, lang: Lang = "sv") -> str:
    """A quantity for people: ``"7 149 kr/mån"`` (sv) or ``"7,149 SEK/month"`` (en).

    >>> from sociokalkyl.units import parse_quantity
    >>> format_quantity_text(parse_quantity("9185,42 kr/mån"))
    '9 185,42 kr/mån'
    >>> format_quantity_text("-4.9 month / year", lang="en")
    '-4.9 month/year'
    """
    from sociokalkyl.units import parse_quantity

    if isinstance(quantity, str):
        quantity = parse_quantity(quantity)
    magnitude = float(quantity.magnitude)
    decimals = 0 if magnitude.is_integer() else 2
    number = format_number(magnitude, decimals, lang)
    if decimals and ("," in number or "." in number):
        number = number.rstrip("0").rstrip(",.")
    unit_text = format_unit_text(quantity.units, lang)
    return f"{number} {unit_text}" if unit_text else number


def _auto(name: str, value: Any, lang: Lang) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    lowered = name.lower()
    if "prob" in lowered or "share" in lowered:
        return format_percent(value, lang)
    if "payback" in lowered:
        return format_years(value, lang)
    if "ratio" in lowered or "bcr" in lowered:
        return format_ratio(value, lang)
    if isinstance(value, int):
        return str(value)
    if abs(value) >= 1000:
        return (
            format_sek(value, lang)
            if "npv" in lowered or "pv" in lowered
            else format_number(value, 0, lang)
        )
    return format_number(value, 3, lang)


def format_cell(value: Any, kind: Kind, lang: Lang = "sv", name: str = "") -> str:
    """One cell as text for people."""
    if kind == "text":
        return "" if value is None else str(value)
    if kind == "sek":
        return format_sek(value, lang)
    if kind == "years":
        return format_years(value, lang)
    if kind == "ratio":
        return format_ratio(value, lang)
    if kind == "share":
        return format_percent(value, lang)
    if kind == "int":
        return str(int(value))
    if kind == "factor":
        return format_number(value, 4, lang)
    if kind == "number":
        return format_number(value, 2, lang)
    return _auto(name, value, lang)


@dataclass(frozen=True)
class Table:
    """A titled table: raw values and the kind of each cell (how to write it)."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    kinds: list[list[Kind]]
    names: list[list[str]] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    """A report: a heading, a few lines under it, and tables."""

    title: str
    lines: list[str]
    tables: list[Table]


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def build_report(
    result: Any,
    *,
    intervention: Any = None,
    lang: Lang = "sv",
    scenario_name: str | None = None,
) -> Report:
    """The report of a :class:`~sociokalkyl.results.Result` in ``lang``.

    ``intervention`` (the :class:`~sociokalkyl.model.Intervention`) adds its baseline,
    effects and costs, with their sources and confidence, to the assumption log.
    """
    summary = result.summary()

    def L(key: str) -> str:
        return label(key, lang)

    heading = f"{summary['intervention']}"
    lines = [
        f"{L('analysis')}: {summary['horizon']} {L('horizon')} {summary['base_year']}, "
        f"{summary['price_year']} {L('prices')}, {L('discounting')}: "
        f"{_discounting(summary['discounting'], lang)}"
    ]
    if scenario_name:
        lines.append(f"{L('scenario')}: {scenario_name}")
    key_rows: list[list[Any]] = [
        [L("npv"), result.npv],
        [L("pv_costs"), result.pv_costs],
        [L("pv_avoided"), result.pv_avoided],
        [L("bcr"), result.benefit_cost_ratio],
        [L("irr"), result.irr],
        [L("payback"), result.payback],
        [L("payback_discounted"), result.payback_discounted],
        [L("break_even_effect"), result.break_even_effect],
        [L("max_cost"), result.max_cost_break_even],
    ]
    value_kinds: list[Kind] = [
        "sek",
        "sek",
        "sek",
        "ratio",
        "share",
        "years",
        "years",
        "ratio",
        "sek",
    ]
    tables = [
        Table(
            "key_figures",
            L("key_figures"),
            [L("measure"), L("value")],
            key_rows,
            [["text", k] for k in value_kinds],
        )
    ]
    payer_rows = [
        [
            row["payer"],
            row["pv_costs"],
            row["pv_avoided"],
            row["npv"],
            row["payback"],
            row["break_even_effect"],
        ]
        for row in result.by_payer()
    ]
    tables.append(
        Table(
            "by_payer",
            L("by_payer"),
            [
                L("payer"),
                L("pv_costs"),
                L("pv_avoided"),
                L("npv"),
                L("payback"),
                L("break_even_effect"),
            ],
            payer_rows,
            [["text", "sek", "sek", "sek", "years", "ratio"] for _ in payer_rows],
        )
    )
    item_rows = [
        [row["cost_item"], row["name"], row["payer"], row["pv_baseline"], row["pv_avoided"]]
        for row in result.by_cost_item()
    ]
    tables.append(
        Table(
            "by_cost_item",
            L("by_cost_item"),
            [L("cost_item"), L("name"), L("payer"), L("pv_baseline"), L("pv_avoided")],
            item_rows,
            [["text", "text", "text", "sek", "sek"] for _ in item_rows],
        )
    )
    year_keys = [
        "year",
        "calendar_year",
        "costs",
        "avoided",
        "net",
        "discount_factor",
        "discounted_net",
        "cumulative_net",
        "cumulative_discounted_net",
    ]
    year_kinds: list[Kind] = ["int", "int", "sek", "sek", "sek", "factor", "sek", "sek", "sek"]
    year_rows = [[row[k] for k in year_keys] for row in result.table()]
    tables.append(
        Table(
            "years",
            L("years"),
            [L(k) for k in year_keys],
            year_rows,
            [list(year_kinds) for _ in year_rows],
        )
    )
    tables.append(_assumption_table(result, intervention, lang))
    return Report(heading, lines, tables)


def _discounting(text: str, lang: Lang) -> str:
    """The engine's description of the discounting, in Swedish where it is a constant rate.

    >>> _discounting("3.50% real, constant", "sv")
    '3,5 % real ränta, konstant'
    """
    match = re.fullmatch(r"(-?[\d.]+)% real, constant", text)
    if match is None or lang != "sv":
        return text
    return f"{format_percent(float(match.group(1)) / 100, lang)} real ränta, konstant"


def _confidence(mark: str | None, lang: Lang) -> str:
    return label(f"conf_{mark}" if mark else "conf_none", lang)


def _assumption_table(result: Any, intervention: Any, lang: Lang) -> Table:
    def L(key: str) -> str:
        return label(key, lang)

    rows: list[list[Any]] = []
    for item in result.assumptions():
        payer = item["payer"]
        payer_text = (
            payer
            if isinstance(payer, str)
            else ", ".join(f"{k} {format_percent(v, lang, 0)}" for k, v in payer.items())
        )
        value = (
            f"{format_quantity_text(item['unit_cost'], lang)} ({item['price_year']}) = "
            f"{format_quantity_text(item['rebased_unit_cost'], lang)} "
            f"{L('rebased')} {item['analysis_price_year']} ({item['price_index']}); "
            f"{L('payer').lower()}: {payer_text}"
        )
        rows.append(
            [
                f"{L('kind_cost_item')}: {item['key']}",
                value,
                item.get("source") or "",
                _confidence(item.get("confidence"), lang),
            ]
        )
    if intervention is not None:

        def format_quantity(quantity: Any) -> str:
            return format_quantity_text(quantity, lang)

        group = intervention.target_group
        rows.append(
            [
                f"{L('kind_target')}: {group.name}",
                _intake_text(group.intake, group.unit, lang),
                group.source or "",
                _confidence(None, lang),
            ]
        )
        for index, use in enumerate(intervention.baseline):
            value = (
                f"{format_quantity(use.use)}, "
                f"{_word('exit_rate', lang, format_percent(use.exit_rate, lang))}"
            )
            if use.years is not None:
                value += ", " + _word("years", lang, use.years)
            rows.append(
                [
                    f"{L('kind_baseline')} [{index}]: {use.cost_item}",
                    value,
                    use.source or "",
                    _confidence(use.confidence, lang),
                ]
            )
        for index, effect in enumerate(intervention.effects):
            change = (
                format_percent(effect.change, lang)
                if isinstance(effect.change, float)
                else format_quantity(effect.change)
            )
            details = [f"{_word(effect.kind, lang)} {change}"]
            for name in ("start_lag", "ramp_up_years", "duration_years"):
                years = getattr(effect, name)
                if years is not None and (years or name == "duration_years"):
                    details.append(_word(name, lang, format_number(years, 0, lang)))
            for name in ("drop_off", "deadweight", "attribution", "displacement"):
                share = getattr(effect, name)
                if share:
                    details.append(_word(name, lang, format_percent(share, lang)))
            rows.append(
                [
                    f"{L('kind_effect')} [{index}]: {effect.cost_item}",
                    ", ".join(details),
                    effect.source or "",
                    _confidence(effect.confidence, lang),
                ]
            )
        for index, cost in enumerate(intervention.costs):
            value = f"{_word(cost.kind, lang)}: {format_quantity(cost.amount)}"
            if cost.duration is not None:
                value += f" x {format_quantity(cost.duration)}"
            if cost.price_year is not None:
                value += f" ({cost.price_year})"
            value += f"; {L('payer').lower()}: {cost.payer}"
            rows.append(
                [
                    f"{L('kind_cost')} [{index}]: {cost.name}",
                    value,
                    cost.source or "",
                    _confidence(cost.confidence, lang),
                ]
            )
    return Table(
        "assumptions",
        L("assumptions"),
        [L("what"), L("value"), L("source"), L("confidence")],
        rows,
        [["text", "text", "text", "text"] for _ in rows],
    )


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


SIMULATION_LABELS: dict[str, tuple[str, str]] = {
    "intervention": ("Insats", "Intervention"),
    "draws": ("Antal dragningar", "Draws"),
    "seed": ("Slumpfrö", "Seed"),
    "kept_draws": ("Sparade dragningar", "Draws kept"),
    "irr_draws": ("Dragningar med internränta", "Draws with IRR"),
    "price_year": ("Prisår", "Price year"),
    "horizon": ("Horisont (år)", "Horizon (years)"),
    "npv_mean": ("Nettonuvärde, medelvärde", "NPV, mean"),
    "npv_std": ("Nettonuvärde, standardavvikelse", "NPV, standard deviation"),
    "prob_npv_positive": ("Sannolikhet för nettonuvärde > 0", "Probability of NPV > 0"),
    "prob_npv_positive_by_payer": ("Sannolikhet för nettonuvärde > 0,", "Probability of NPV > 0,"),
    "prob_payback_within_horizon": (
        "Sannolikhet att återbetalas inom horisonten",
        "Probability of payback within the horizon",
    ),
    "metric": ("Mått", "Metric"),
    "mean": ("Medelvärde", "Mean"),
    "std": ("Std.avvikelse", "Std. deviation"),
    "share_finite": ("Andel dragningar med värde", "Share of draws with a value"),
    "q5": ("5 %-percentil", "5th percentile"),
    "q50": ("median", "median"),
    "q95": ("95 %-percentil", "95th percentile"),
    "prob_positive": ("Andel > 0", "Share > 0"),
    "npv": ("Nettonuvärde", "NPV"),
    "pv_costs": ("Nuvärde av kostnader", "PV of costs"),
    "pv_avoided": ("Nuvärde av undvikna kostnader", "PV of avoided costs"),
    "benefit_cost_ratio": ("Nytta/kostnad", "Benefit-cost ratio"),
    "payback": ("Återbetalningstid", "Payback"),
    "payback_discounted": ("Återbetalningstid, diskonterad", "Payback, discounted"),
    "irr": ("Internränta", "IRR"),
    "payer": ("Betalare", "Payer"),
    "cost_item": ("Kostnadspost", "Cost item"),
}
"""Labels of the Monte Carlo tables (their keys clash with the report's own labels)."""


def simulation_label(key: str, lang: Lang = "sv") -> str:
    """A Monte Carlo label; ``"a.b"`` becomes the label of ``a`` followed by ``b``."""
    head, _, tail = key.partition(".")
    pair = SIMULATION_LABELS.get(head)
    text = head if pair is None else (pair[0] if lang == "sv" else pair[1])
    return f"{text} {tail}" if tail else text


def simulation_metrics_table(
    metrics: Sequence[Mapping[str, Any]], title: str, lang: Lang = "sv"
) -> Table:
    """The spread of each Monte Carlo metric, with labels in ``lang`` (cells keep their names)."""
    keys = list(metrics[0]) if metrics else []
    rows = [
        [
            simulation_label(str(r[k]), lang) if k == "metric" and r[k] is not None else r.get(k)
            for k in keys
        ]
        for r in metrics
    ]
    kinds: list[Kind] = [
        "text" if all(isinstance(r[c], str | None) for r in rows) else "auto"
        for c in range(len(keys))
    ]
    headers = [simulation_label(k, lang) for k in keys]
    return Table("simulation_metrics", title, headers, rows, [list(kinds) for _ in rows],
                 [list(keys) for _ in rows])  # fmt: skip


def simulation_report(summary: Mapping[str, Any], lang: Lang = "sv") -> Table:
    """A Monte Carlo summary (a flat or nested mapping) as a two-column table."""
    rows: list[list[Any]] = []
    names: list[list[str]] = []

    def add(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, sub in value.items():
                add(f"{prefix}.{key}" if prefix else str(key), sub)
        elif (
            isinstance(value, list | tuple)
            and len(value) <= 12
            and all(isinstance(v, int | float) for v in value)
        ):
            rows.append(
                [simulation_label(prefix, lang), ", ".join(_auto(prefix, v, lang) for v in value)]
            )
            names.append([prefix, ""])
        elif not isinstance(value, list | tuple):
            rows.append([simulation_label(prefix, lang), value])
            names.append([prefix, prefix])

    if not summary.get("irr_draws", 1):
        # 0: the internal rate of return was not computed; the row only confuses.
        summary = {k: v for k, v in summary.items() if k != "irr_draws"}
    add("", summary)
    return Table(
        "simulation",
        label("simulation", lang),
        [label("measure", lang), label("value", lang)],
        rows,
        [["text", "auto"] for _ in rows],
        names,
    )


# --- rendering ---------------------------------------------------------------------------


def _numeric(kind: Kind) -> bool:
    return kind not in ("text",)


def _cells(table: Table, lang: Lang) -> list[list[str]]:
    out = []
    for r, row in enumerate(table.rows):
        names = table.names[r] if r < len(table.names) else [""] * len(row)
        out.append(
            [
                format_cell(value, table.kinds[r][c], lang, names[c] if c < len(names) else "")
                for c, value in enumerate(row)
            ]
        )
    return out


def render_text(report: Report, lang: Lang = "sv", width: int = 48) -> str:
    """The report as plain text for a terminal (long text cells wrap)."""
    out = [report.title, "=" * len(report.title), *report.lines, ""]
    for table in report.tables:
        out += [table.title, "-" * len(table.title)]
        cells = _cells(table, lang)
        if not cells:
            out += ["(–)", ""]
            continue
        columns = len(table.headers)
        numeric = [
            all(_numeric(table.kinds[r][c]) for r in range(len(cells))) for c in range(columns)
        ]
        wrapped = [
            [
                textwrap.wrap(cell, width) or [""] if not numeric[c] else [cell]
                for c, cell in enumerate(row)
            ]
            for row in cells
        ]
        data_widths = [max(max(len(x) for x in row[c]) for row in wrapped) for c in range(columns)]
        headers = [
            textwrap.wrap(h, max(data_widths[c], 14)) or [""] for c, h in enumerate(table.headers)
        ]
        widths = [max(data_widths[c], *(len(x) for x in headers[c])) for c in range(columns)]

        def line(
            parts: list[str], widths: list[int] = widths, numeric: list[bool] = numeric
        ) -> str:
            return "  ".join(
                (p.rjust(widths[c]) if numeric[c] else p.ljust(widths[c]))
                for c, p in enumerate(parts)
            ).rstrip()

        for i in range(max(len(h) for h in headers)):
            out.append(line([h[i] if i < len(h) else "" for h in headers]))
        out.append("  ".join("-" * w for w in widths))
        for row in wrapped:
            height = max(len(cell) for cell in row)
            for i in range(height):
                out.append(line([cell[i] if i < len(cell) else "" for cell in row]))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, lang: Lang = "sv") -> str:
    """The report as Markdown: a heading and pipe tables."""
    out = [f"# {_md_escape(report.title)}", ""]
    out += [f"{_md_escape(line)}  " for line in report.lines]
    out.append("")
    for table in report.tables:
        out += [f"## {table.title}", ""]
        cells = _cells(table, lang)
        columns = len(table.headers)
        numeric = [
            bool(cells) and all(_numeric(table.kinds[r][c]) for r in range(len(cells)))
            for c in range(columns)
        ]
        out.append("| " + " | ".join(_md_escape(h) for h in table.headers) + " |")
        out.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
        for row in cells:
            out.append("| " + " | ".join(_md_escape(c) for c in row) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _csv_value(value: Any, kind: Kind, lang: Lang) -> str:
    if kind == "text" or isinstance(value, str):
        return "" if value is None else str(value)
    if value is None or isinstance(value, bool):
        return ""
    number = float(value)
    if not math.isfinite(number):
        return ""
    if kind == "int" or (float(number).is_integer() and kind in ("int",)):
        return str(int(number))
    text = repr(round(number, 2 if kind == "sek" else 6))
    return text.replace(".", ",") if lang == "sv" else text


def render_csv(report: Report, lang: Lang = "sv") -> str:
    """The tables as CSV blocks (title row, header, rows, blank line).

    Swedish (``lang="sv"``) uses ``;`` between fields and a decimal comma, which is what
    Excel with Swedish settings opens directly; English uses ``,`` and a decimal point.
    Numbers are not rounded for display: amounts in SEK, payback in years, empty when
    there is none.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "sv" else ",", lineterminator="\n")
    writer.writerow([report.title])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.headers)
        for r, row in enumerate(table.rows):
            writer.writerow([_csv_value(v, table.kinds[r][c], lang) for c, v in enumerate(row)])
    return buffer.getvalue()


def report_json(
    result: Any,
    *,
    intervention: Any = None,
    scenario_name: str | None = None,
    simulation: Mapping[str, Any] | None = None,
) -> str:
    """The result as JSON: raw numbers (SEK, years; ``null`` where none), English keys."""
    report = build_report(result, intervention=intervention, lang="en")
    assumptions = next(t for t in report.tables if t.key == "assumptions")
    data: dict[str, Any] = {
        "summary": result.summary(),
        "scenario": scenario_name,
        "by_cost_item": result.by_cost_item(),
        "years": result.table(),
        "assumptions": [
            dict(zip(["what", "value", "source", "confidence"], row, strict=True))
            for row in assumptions.rows
        ],
    }
    if simulation is not None:
        data["simulation"] = simulation
    return json.dumps(_json_ready(data), ensure_ascii=False, indent=2) + "\n"


def _json_ready(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, float):
        return _clean(value)
    if isinstance(value, str | int | bool) or value is None:
        return value
    if hasattr(value, "tolist"):
        return _json_ready(value.tolist())
    return str(value)


def render(report: Report, fmt: str, lang: Lang = "sv") -> str:
    """Render a report as ``"table"`` (text), ``"md"`` or ``"csv"``."""
    if fmt == "md":
        return render_markdown(report, lang)
    if fmt == "csv":
        return render_csv(report, lang)
    return render_text(report, lang)


def table_from_records(key: str, title: str, records: Sequence[Mapping[str, Any]]) -> Table:
    """A table of records (dicts with the same keys), cells formatted by their names."""
    headers = list(records[0]) if records else []
    rows = [[record.get(h) for h in headers] for record in records]
    kinds: list[Kind] = [
        "text" if all(isinstance(r[c], str | None) for r in rows) else "auto"
        for c in range(len(headers))
    ]
    return Table(
        key, title, headers, rows, [list(kinds) for _ in rows], [list(headers) for _ in rows]
    )
