"""Reports of a follow-up: records (English keys, raw numbers) and a :class:`Report` in words.

:func:`followup_records` gives the numbers (JSON writes them as they are);
:func:`followup_report` puts them in tables with Swedish (or English) headers, which the
text, Markdown and CSV renderers write.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from sociokalkyl.followup.compare import FollowUp
from sociokalkyl.language.followup import followup_label
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import Kind
from sociokalkyl.report.tables import Report, Table

__all__ = ["followup_records", "followup_report", "table_of"]


def table_of(key: str, title: str, columns: list[tuple[str, Kind]], rows: list[list[Any]]) -> Table:
    """A table whose every row has the same kinds, one a column.

    Parameters
    ----------
    key, title
        The table's stable name and heading.
    columns
        Heading and kind of each column.
    rows
        The raw cells.

    Returns
    -------
    Table
        For the renderers.

    Examples
    --------
    >>> table_of("t", "T", [("År", "int"), ("Netto", "sek")], [[2012, -1.0]]).kinds
    [['int', 'sek']]
    """
    kinds = [kind for _, kind in columns]
    return Table(key, title, [h for h, _ in columns], rows, [list(kinds) for _ in rows])


def followup_records(f: FollowUp) -> dict[str, Any]:
    """The follow-up's numbers: summary, per year and payer, per year and cost item.

    Parameters
    ----------
    f
        The follow-up.

    Returns
    -------
    dict
        ``summary`` (NPVs [SEK]), ``by_year`` (per year and active payer: forecast and
        outcome net [SEK], undiscounted, and cumulative), ``by_item`` (use per year).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.followup import follow_up
    >>> data = followup_records(follow_up(compile_plan(*examples.servicetrainee()), []))
    >>> round(data["summary"]["npv_forecast"])
    -3839870
    """
    plan = f.plan
    summary = {
        "intervention": plan.intervention_name,
        "observed_years": [f.years[t] for t in np.flatnonzero(f.observed)],
        "credibility": f.credibility,
        "npv_forecast": f.npv_forecast,
        "npv_forecast_to_date": f.npv("forecast_to_date"),
        "npv_realised_to_date": f.npv_realised,
        "npv_reprojected": f.npv_reprojected,
        "npv_by_payer": {
            p: {
                "forecast": f.npv("forecast", p),
                "realised_to_date": f.npv("outcome_to_date", p),
                "reprojected": f.npv("outcome", p),
            }
            for p in plan.active_payers
        },
        "realisation_ratio": dict(zip(plan.item_keys, f.ratio.tolist(), strict=True)),
    }
    forecast, outcome = f.net_by_payer("forecast"), f.net_by_payer("outcome")
    by_year = []
    for payer in plan.active_payers:
        j = plan.payer_index(payer)
        cum_f, cum_o = np.cumsum(forecast[j]), np.cumsum(outcome[j])
        for t, year in enumerate(f.years):
            by_year.append({
                "year": year, "observed": bool(f.observed[t]), "payer": payer,
                "forecast_net": float(forecast[j, t]), "outcome_net": float(outcome[j, t]),
                "difference": float(outcome[j, t] - forecast[j, t]),
                "forecast_cumulative": float(cum_f[t]), "outcome_cumulative": float(cum_o[t]),
            })  # fmt: skip
    by_item = [
        {"year": year, "cost_item": key, "forecast_use": float(f.forecast_use[i, t]),
         "outcome_use": float(f.outcome_use[i, t]), "observed": bool(f.observed[t])}
        for i, key in enumerate(plan.item_keys)
        for t, year in enumerate(f.years)
    ]  # fmt: skip
    return {"summary": summary, "by_year": by_year, "by_item": by_item}


def followup_report(f: FollowUp, lang: Lang = "sv") -> Report:
    """The follow-up in words: a summary, forecast and outcome per year and payer, use.

    Parameters
    ----------
    f
        The follow-up.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Report
        For :func:`~sociokalkyl.report.render.render`.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.followup import follow_up
    >>> r = followup_report(follow_up(compile_plan(*examples.servicetrainee()), []))
    >>> r.title
    'Uppföljning (socioekonomiskt bokslut): Servicetrainee'
    """
    data = followup_records(f)
    s = data["summary"]
    L = partial(followup_label, lang=lang)
    years = ", ".join(str(y) for y in s["observed_years"])
    lines = [L("observed_years", years=years) if years else L("no_observed_years")]
    lines.append(L("credibility_line", w=f"{f.credibility:g}".replace(".", ",")))
    summary = table_of(
        "summary", L("summary"), [(L("measure"), "text"), (L("value"), "sek")],
        [[L(k), s[k if k != "npv_realised" else "npv_realised_to_date"]]
         for k in ("npv_forecast", "npv_forecast_to_date", "npv_realised", "npv_reprojected")],
    )  # fmt: skip
    keys = ["year", "observed", "payer", "forecast_net", "outcome_net", "difference",
            "forecast_cumulative", "outcome_cumulative"]  # fmt: skip
    kinds: list[Kind] = ["int", "text", "text", "sek", "sek", "sek", "sek", "sek"]
    rows = [
        [r[k] if k != "observed" else L("yes" if r[k] else "no") for k in keys]
        for r in data["by_year"]
    ]
    by_year = table_of(
        "by_year", L("by_year"), [(L(k), kd) for k, kd in zip(keys, kinds, strict=True)], rows
    )
    item_keys = ["year", "cost_item", "forecast_use", "outcome_use"]
    item_kinds: list[Kind] = ["int", "text", "number", "number"]
    by_item = table_of(
        "by_item", L("by_item"), [(L(k if k != "outcome_use" else "observed_use"), kd)
                                  for k, kd in zip(item_keys, item_kinds, strict=True)],
        [[r[k] for k in item_keys] for r in data["by_item"]],
    )  # fmt: skip
    title = L("followup_title", name=f.plan.intervention_name)
    return Report(title, lines, [summary, by_year, by_item])
