"""The report of a result: key figures, by payer, by cost item, year by year, assumptions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sociokalkyl.language.labels import Lang, _word, label
from sociokalkyl.language.numbers import Kind, format_number, format_percent, format_quantity_text
from sociokalkyl.report.tables import Report, Table

__all__ = ["build_report"]


def build_report(
    result: Any,
    *,
    intervention: Any = None,
    lang: Lang = "sv",
    scenario_name: str | None = None,
) -> Report:
    """The report of a :class:`~sociokalkyl.analysis.result.Result` in ``lang``.

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
        f"{result.plan.discounting_text(lang)}"
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


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
