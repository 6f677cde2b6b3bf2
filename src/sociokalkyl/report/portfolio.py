"""Reports of a portfolio and its fund: records (English keys, raw numbers) and tables in words."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from sociokalkyl.language.followup import followup_label
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import Kind, format_percent
from sociokalkyl.portfolio.core import PortfolioResult
from sociokalkyl.portfolio.fund import Fund, Ledger, Repayment
from sociokalkyl.portfolio.simulate import PortfolioSimulation
from sociokalkyl.report.followup import table_of
from sociokalkyl.report.tables import Report, Table

__all__ = ["ledger_records", "portfolio_records", "portfolio_report", "rule_text"]


def ledger_records(book: Ledger, empty_before: int | None = None) -> dict[str, Any]:
    """The fund's books per year: capital, granted, repaid, outstanding, balance [SEK].

    Parameters
    ----------
    book
        The ledger (one draw, or many: then the mean and the 5 % and 95 % quantiles of
        the balance, and the probability that the fund is empty before ``empty_before``).
    empty_before
        A calendar year (default: the year after the books end).

    Returns
    -------
    dict
        ``years`` (one record a year) and, over draws, ``prob_empty_before``.

    Examples
    --------
    >>> from sociokalkyl.portfolio.fund import Fund, ledger
    >>> ledger_records(ledger(Fund("F", {2020: 5.0}, ()), {}, 2020, 2020))["years"][0]["balance"]
    5.0
    """
    draws = book.repaid.shape[2]
    balance, outstanding = book.balance, book.outstanding.sum(axis=0)
    q = book.balance_quantiles((0.05, 0.95)) if draws > 1 else None
    rows = []
    for y, year in enumerate(book.years.tolist()):
        row = {
            "year": year, "capital": float(book.capital[y]),
            "granted": float(book.granted[:, y].sum()),
            "repaid": float(book.repaid[:, y].sum(axis=0).mean()),
            "outstanding": float(outstanding[y].mean()), "balance": float(balance[y].mean()),
        }  # fmt: skip
        if q is not None:
            row.update(balance_q5=float(q[0, y]), balance_q95=float(q[1, y]))
        rows.append(row)
    out: dict[str, Any] = {"years": rows}
    if draws > 1:
        year = empty_before if empty_before is not None else int(book.years[-1]) + 1
        out["prob_empty_before"] = {"year": year, "probability": book.prob_empty_before(year)}
    return out


def rule_text(rule: Repayment, lang: Lang = "sv") -> str:
    """A repayment rule in words.

    Parameters
    ----------
    rule
        The rule.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        E.g. ``"50,0 % av kommuns undvikna kostnader (prognos)"``.

    Examples
    --------
    >>> rule_text(Repayment("share", share=0.5, payers=("kommun",)))
    '50,0 % av kommuns undvikna kostnader (prognos)'
    """
    payers = ", ".join(rule.payers)
    if rule.kind == "schedule":
        return followup_label("rule_schedule", lang)
    text = (
        followup_label("rule_share", lang, share=format_percent(rule.share, lang), payers=payers)
        if rule.kind == "share"
        else followup_label("rule_budget_frame", lang, payers=payers)
    )
    return f"{text} ({followup_label('basis_' + rule.basis, lang)})"


def portfolio_records(
    result: PortfolioResult,
    simulation: PortfolioSimulation | None = None,
    book: Ledger | None = None,
    fund: Fund | None = None,
    empty_before: int | None = None,
    lang: Lang = "en",
) -> dict[str, Any]:
    """The portfolio's numbers: per member, per payer, the simulation and the fund.

    Parameters
    ----------
    result
        ``evaluate_portfolio(...)``.
    simulation
        ``simulate_portfolio(...)``, if any.
    book, fund
        The fund's ledger and the fund, if any.
    empty_before
        For the probability that the fund is empty (see :func:`ledger_records`).
    lang
        The language of the repayment rules' words (JSON keeps English).

    Returns
    -------
    dict
        ``summary``, ``by_member``, ``by_payer``, and ``simulation`` and ``fund`` when given.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio import evaluate_portfolio
    >>> r = evaluate_portfolio({"st": compile_plan(*examples.servicetrainee())})
    >>> round(portfolio_records(r)["summary"]["npv"])
    -3839870
    """
    p = result.portfolio
    data: dict[str, Any] = {
        "summary": {"members": len(p.names), "base_year": p.base_year, "npv": result.npv},
        "by_member": [
            {
                "member": name,
                "intervention": plan.intervention_name,
                "base_year": plan.base_year,
                "npv": r.npv,
                "npv_portfolio_base_year": f * r.npv,
            }
            for name, plan, r, f in zip(
                p.names, p.plans, result.results, result.factors, strict=True
            )
        ],
        "by_payer": [{"payer": k, "npv": v} for k, v in result.npv_by_payer.items() if v != 0],
    }
    if simulation is not None:
        data["simulation"] = {
            "draws": simulation.draws, "seed": simulation.seed,
            "prob_npv_positive": simulation.prob_npv_positive,
            "quantiles": simulation.quantiles(), "levels": [0.05, 0.5, 0.95],
        }  # fmt: skip
    if book is not None and fund is not None:
        data["fund"] = {
            "name": fund.name,
            "investments": [
                {
                    "member": i.member,
                    "granted": float(sum(i.granted.values())),
                    "rule": rule_text(i.repayment, lang),
                }
                for i in fund.investments
            ],
            **ledger_records(book, empty_before),
        }
    return data


def portfolio_report(data: dict[str, Any], name: str, lang: Lang = "sv") -> Report:
    """The portfolio's records (:func:`portfolio_records`) in words.

    Parameters
    ----------
    data
        The records.
    name
        The portfolio's name.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Report
        Tables per member, per payer, the simulation and the fund's books.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio import evaluate_portfolio
    >>> r = evaluate_portfolio({"st": compile_plan(*examples.servicetrainee())})
    >>> portfolio_report(portfolio_records(r), "Fonden").tables[0].key
    'by_member'
    """
    L = partial(followup_label, lang=lang)
    s = data["summary"]
    lines = [L("portfolio_line", n=s["members"], year=s["base_year"])]
    members = table_of(
        "by_member", L("by_member"),
        [(L("member"), "text"), (L("base_year"), "int"), (L("npv_own"), "sek"),
         (L("npv_portfolio"), "sek")],
        [[m["member"], m["base_year"], m["npv"], m["npv_portfolio_base_year"]]
         for m in data["by_member"]] + [[L("total"), s["base_year"], None, s["npv"]]],
    )  # fmt: skip
    payers = table_of(
        "by_payer", L("by_payer"), [(L("payer"), "text"), (L("npv_portfolio"), "sek")],
        [[r["payer"], r["npv"]] for r in data["by_payer"]],
    )  # fmt: skip
    tables = [members, payers]
    if "simulation" in data:
        tables.append(_simulation_table(data["simulation"], lang))
    if "fund" in data:
        tables += _fund_tables(data["fund"], lang)
    return Report(L("portfolio_title", name=name), lines, tables)


def _simulation_table(sim: dict[str, Any], lang: Lang) -> Table:
    """Quantiles of the NPV: the portfolio, each member, each payer."""
    L = partial(followup_label, lang=lang)
    rows = [
        [_row_name(name, lang), *values]
        for name, values in sim["quantiles"].items()
        if any(v != 0 for v in values)
    ]
    columns: list[tuple[str, Kind]] = [(L("member"), "text"), (L("q5"), "sek"),
                                       (L("q50"), "sek"), (L("q95"), "sek")]  # fmt: skip
    chance = format_percent(sim["prob_npv_positive"], lang)
    title = f"{L('simulation')}: {L('draws', n=sim['draws'])} · {L('prob_positive')}: {chance}"
    return table_of("simulation", title, columns, rows)


def _row_name(name: str, lang: Lang) -> str:
    """A quantile row's name: the total, a member, or a payer marked as one."""
    if name == "portfolio":
        return followup_label("total", lang)
    if name.startswith("payer:"):
        return f"{name.removeprefix('payer:')} ({followup_label('payer', lang).lower()})"
    return name


def _fund_tables(fund: dict[str, Any], lang: Lang) -> list[Table]:
    """The investments with their rules, and the books per year."""
    L = partial(followup_label, lang=lang)
    investments = table_of(
        "investments", L("fund_title", name=fund["name"]),
        [(L("member"), "text"), (L("granted"), "sek"), (L("rule"), "text")],
        [[i["member"], i["granted"], i["rule"]] for i in fund["investments"]],
    )  # fmt: skip
    keys = ["year", "capital", "granted", "repaid", "outstanding", "balance"]
    kinds: list[Kind] = ["int", "sek", "sek", "sek", "sek", "sek"]
    if fund["years"] and "balance_q5" in fund["years"][0]:
        keys += ["balance_q5", "balance_q95"]
        kinds += ["sek", "sek"]
    columns = [(L(k), kind) for k, kind in zip(keys, kinds, strict=True)]
    title = L("balance")
    if "prob_empty_before" in fund:
        empty = fund["prob_empty_before"]
        chance = format_percent(float(np.asarray(empty["probability"])), lang)
        title += f" · {L('prob_empty', year=empty['year'])}: {chance}"
    books = table_of("fund", title, columns, [[r[k] for k in keys] for r in fund["years"]])
    return [investments, books]
