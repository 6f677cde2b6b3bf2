"""The printable report for the nämnd, as one self-contained HTML document.

Sections, in order: the summary (key figures; per payer NPV, payback and benefit-cost
ratio), perspectives (when given), the effects not valued in money and the present
value of each outcome's consequences per actor (each only when the model has some),
charts (cumulative net with the payback marked; costs and avoided costs per payer by
year; the Monte Carlo NPV distribution with P(NPV > 0) when a simulation is given; the
tornado when given), the simulation's figures, plausibility warnings, and the
assumption log with sources and confidence (rows of weak provenance marked). Words
come from :mod:`sociokalkyl.language.report` and :mod:`sociokalkyl.language.breakdown`
(Swedish by default).

The document is self-contained: the style sheet is inlined, charts are ``data:`` URIs,
and a Content-Security-Policy forbids every fetch and every script, so it can be put
on an intranet or mailed as it is. :mod:`sociokalkyl.report.pdf` prints the same
document to A4 PDF.

Examples
--------
>>> import sociokalkyl as sk
>>> page = render_html(sk.evaluate(*sk.examples.servicetrainee()), charts=False)
>>> "-3 839 870 kr" in page and page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any

from sociokalkyl.language.breakdown import breakdown_label
from sociokalkyl.language.labels import Lang, as_lang, label
from sociokalkyl.language.numbers import format_percent, format_ratio, format_sek, format_years
from sociokalkyl.language.report import report_label
from sociokalkyl.report import charts as chart
from sociokalkyl.report.assumptions import assumption_cells
from sociokalkyl.report.breakdown_tables import outcome_table
from sociokalkyl.report.html_parts import esc, figure, report_css, table, table_of
from sociokalkyl.report.tables import Table, simulation_report
from sociokalkyl.report.tax_rates import tax_rate_cells, tax_rates

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result
    from sociokalkyl.uncertainty.sensitivity import Tornado

__all__ = ["WEAK_MARK", "render_html"]

WEAK_MARK = "⚠"
"""The mark beside an assumption of weak provenance (confidence S2, D, A or none)."""

_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def render_html(
    result: Result,
    lang: str = "sv",
    *,
    simulation: Any = None,
    tornado: Tornado | None = None,
    perspectives: Sequence[Table] = (),
    unpriced: Sequence[tuple[str, str] | str] | None = None,
    charts: bool = True,
) -> str:
    """The report as one HTML document, every user's word escaped, nothing fetched.

    Parameters
    ----------
    result
        A deterministic result from :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` (default) or ``"en"``.
    simulation
        A :class:`~sociokalkyl.uncertainty.simulation_result.SimulationResult` (its NPV
        draws give the distribution chart) or its ``summary()`` mapping (the figures
        only); None for none.
    tornado
        A :class:`~sociokalkyl.uncertainty.sensitivity.Tornado`, drawn as a chart.
    perspectives
        Tables of the result seen from several perspectives (kommun, samhälle, ...),
        shown after the summary.
    unpriced
        Effects not valued in money, each a text or ``(effect, description)``; None
        (the default) lists the result's own (``Result.unpriced_effects``). The
        section is left out when there are none.
    charts
        Draw the charts (needs matplotlib); False leaves them out.

    Returns
    -------
    str
        The HTML document (UTF-8 text).

    Raises
    ------
    MissingDependency
        When ``charts`` is True and matplotlib is not installed (the message says how
        to install it).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> page = render_html(sk.evaluate(*sk.examples.skolfam()), "en", charts=False)
    >>> "<h2>Summary</h2>" in page, "Unpriced effects" in page
    (True, False)
    >>> page = render_html(sk.evaluate(*sk.examples.load("utokade_hembesok")), charts=False)
    >>> "<h2>Ej värderade effekter" in page, "Per utfall" in page
    (True, True)
    """
    language = as_lang(lang)
    summary = _summary_of(simulation)
    parts = [
        _header(result, language),
        # "Per aktör" in the perspectives replaces "Per betalare": the same, rolled up
        _summary(result, language, summary, any(t.key == "by_actor" for t in perspectives)),
        _perspectives(perspectives, language),
        _unpriced(result.unpriced_effects if unpriced is None else unpriced, language),
        _outcomes(result, language),
        _charts(result, language, simulation, tornado) if charts else "",
        _simulation(summary, language),
        _warnings(result, language),
        _assumptions(result, language),
    ]
    title = report_label("doc_title", language, name=result.plan.intervention_name)
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{report_css()}</style></head>\n<body>\n"
        + "\n".join(part for part in parts if part)
        + "\n</body></html>\n"
    )


def _summary_of(simulation: Any) -> Mapping[str, Any] | None:
    """The summary mapping of a simulation (a SimulationResult or its summary)."""
    if simulation is None:
        return None
    if isinstance(simulation, Mapping):
        return simulation
    summary: Mapping[str, Any] = simulation.summary()
    return summary


def _version() -> str:
    try:
        return metadata.version("sociokalkyl")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return ""


def _header(result: Result, lang: Lang) -> str:
    plan = result.plan
    title = report_label("doc_title", lang, name=plan.intervention_name)
    subtitle = report_label(
        "subtitle",
        lang,
        price_year=plan.price_year,
        base_year=plan.base_year,
        discounting=plan.discounting_text(lang),
    )
    made = report_label("made_by", lang, version=_version())
    return (
        f'<h1>{esc(title)}</h1>\n<p class="subtitle">{esc(subtitle)}</p>\n'
        f'<p class="made">{esc(made)}</p>'
    )


def _ratio(avoided: float, costs: float) -> float:
    """Benefit-cost ratio ``PV avoided / PV costs``; NaN when there are no costs."""
    return avoided / costs if costs > 0 else math.nan


def _summary(
    result: Result, lang: Lang, simulation: Mapping[str, Any] | None, by_actor: bool = False
) -> str:
    """Key figures, then NPV, payback and benefit-cost ratio per payer (unless ``by_actor``:
    the perspective section's *Per aktör* shows the same actors)."""
    be = result.break_even_effect
    rows = [
        [report_label("npv", lang), format_sek(result.npv, lang)],
        [report_label("pv_costs", lang), format_sek(result.pv_costs, lang)],
        [report_label("pv_avoided", lang), format_sek(result.pv_avoided, lang)],
        [report_label("bcr", lang), format_ratio(result.benefit_cost_ratio, lang)],
        [report_label("payback", lang), format_years(result.payback, lang)],
        [
            report_label("payback_discounted", lang),
            format_years(result.payback_discounted, lang),
        ],
        [report_label("irr", lang), format_percent(result.irr, lang)],
        [report_label("break_even", lang), format_percent(be, lang)],
    ]
    if simulation is not None and simulation.get("prob_npv_positive") is not None:
        probability = float(simulation["prob_npv_positive"])
        rows.append([report_label("prob_npv_positive", lang), format_percent(probability, lang)])
    css = ["headline"] + [""] * (len(rows) - 1)
    key = table(
        [report_label("key_figures", lang), report_label("figure", lang)],
        rows,
        numeric=(1,),
        css="key",
        row_css=css,
    )
    headers = [
        report_label(k, lang) for k in ("payer", "npv", "payback", "bcr", "pv_costs", "pv_avoided")
    ]
    payers = [
        [
            str(p["payer"]),
            format_sek(float(p["npv"]), lang),
            format_years(float(p["payback"]), lang),
            format_ratio(_ratio(float(p["pv_avoided"]), float(p["pv_costs"])), lang),
            format_sek(float(p["pv_costs"]), lang),
            format_sek(float(p["pv_avoided"]), lang),
        ]
        for p in result.by_payer()
    ]
    heading = f"<h2>{esc(report_label('summary', lang))}</h2>\n{key}"
    if by_actor:
        return heading
    return (
        f"{heading}\n<h3>{esc(report_label('by_payer', lang))}</h3>\n"
        f"{table(headers, payers, numeric=(1, 2, 3, 4, 5), css='payers')}"
    )


def _perspectives(tables: Sequence[Table], lang: Lang) -> str:
    if not tables:
        return ""
    body = "\n".join(table_of(t, lang) for t in tables)
    return f"<h2>{esc(report_label('perspectives', lang))}</h2>\n{body}"


def _charts(result: Result, lang: Lang, simulation: Any, tornado: Tornado | None) -> str:
    """The charts: cumulative net, flows per payer, and the uncertainty when given."""
    figures = [
        figure(chart.cumulative_chart(result, lang), report_label("chart_cumulative", lang)),
        figure(chart.flows_chart(result, lang), report_label("chart_flows", lang)),
    ]
    draws = getattr(simulation, "npv", None) if simulation is not None else None
    if draws is not None:
        figures.append(
            figure(chart.distribution_chart(draws, lang), report_label("simulation", lang))
        )
    if tornado is not None:
        figures.append(figure(chart.tornado_chart(tornado, lang), report_label("tornado", lang)))
    return f"<h2>{esc(report_label('charts', lang))}</h2>\n" + "\n".join(figures)


def _simulation(summary: Mapping[str, Any] | None, lang: Lang) -> str:
    if summary is None:
        return ""
    scalars = {k: v for k, v in summary.items() if k != "metrics"}
    body = table_of(simulation_report(scalars, lang), lang, heading=False)
    return f"<h2>{esc(report_label('simulation', lang))}</h2>\n{body}"


def _warnings(result: Result, lang: Lang) -> str:
    warnings = result.plan.warnings
    heading = f"<h2>{esc(report_label('warnings', lang))}</h2>\n"
    if not warnings:
        return heading + f'<p class="note">{esc(report_label("warnings_none", lang))}</p>'
    items = "".join(f"<li>{esc(w.text(lang))}</li>" for w in warnings)
    return heading + f'<ul class="warnings">{items}</ul>'


def _assumptions(result: Result, lang: Lang) -> str:
    """The assumption log: what, value, source, confidence; weak provenance marked; the
    tax and contribution rates last when the model has work."""
    rows, css = [], []
    weak = report_label("weak", lang)
    cells = [(assumption_cells(row, lang), row.weak) for row in result.assumptions()]
    # a model with work: the tax and contribution rates, weak unless marked S
    marks = [rate["confidence"] for rate in tax_rates(result, lang)]
    cells += list(zip(tax_rate_cells(result, lang), [m != "S" for m in marks], strict=True))
    for (what, value, source, confidence), is_weak in cells:
        if is_weak:
            confidence = f"{WEAK_MARK} {confidence} ({weak})"
        rows.append([what, value, source, confidence])
        css.append("weak" if is_weak else "")
    headers = [label(k, lang) for k in ("what", "value", "source", "confidence")]
    note = report_label("weak_note", lang, mark=WEAK_MARK)
    return (
        f"<h2>{esc(report_label('assumptions', lang))}</h2>\n"
        f'<p class="note">{esc(note)}</p>\n{table(headers, rows, css="log", row_css=css)}'
    )


def _unpriced(effects: Sequence[tuple[str, str] | str], lang: Lang) -> str:
    """The effects not valued in money, as a list under a note; nothing when none."""
    if not effects:
        return ""
    items = "".join(
        f"<li>{esc(effect)}</li>"
        if isinstance(effect, str)
        else f"<li><b>{esc(effect[0])}</b>: {esc(effect[1])}</li>"
        for effect in effects
    )
    note = esc(breakdown_label("unpriced.note", lang))
    return (
        f"<h2>{esc(report_label('unpriced', lang))}</h2>\n"
        f'<p class="note">{note}</p>\n<ul class="unpriced">{items}</ul>'
    )


def _outcomes(result: Result, lang: Lang) -> str:
    """Each outcome's consequences per actor, with the note on overlaps; nothing without."""
    found = outcome_table(result, lang)
    if found is None:
        return ""
    note = esc(breakdown_label("outcomes.note", lang))
    return f'<h2>{esc(found.title)}</h2>\n<p class="note">{note}</p>\n' + table_of(
        found, lang, heading=False
    )
