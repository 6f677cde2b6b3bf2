"""Rich display of a simulation and a tornado: escaped HTML in Jupyter, compact text.

Swedish words and numbers by default, everything a user wrote escaped (see
:func:`sociokalkyl.analysis.display.html_table`). The payback rows say how the draws that
never pay back are counted (:mod:`sociokalkyl.uncertainty.payback`).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from sociokalkyl.analysis.display import html_table
from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import as_lang, label
from sociokalkyl.language.numbers import format_number, format_percent, format_quantity, format_sek
from sociokalkyl.uncertainty.payback import payback_stats

if TYPE_CHECKING:
    from sociokalkyl.uncertainty.sensitivity import Tornado
    from sociokalkyl.uncertainty.simulation_result import SimulationResult

__all__ = ["simulation_html", "simulation_rows", "simulation_text", "tornado_html", "tornado_text"]


def simulation_rows(result: SimulationResult, lang: str = "sv") -> list[tuple[str, str]]:
    """The headline statistics of a simulation as (label, text) pairs.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    list of (str, str)
        NPV mean, standard deviation and quantiles over all draws [kr], P(NPV > 0) in
        total and per payer, then the payback statistics (share that never pays back,
        median over all draws, mean among the paying draws).

    Examples
    --------
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=100,
    ...               seed=1)
    >>> simulation_rows(mc, "en")[-4]
    ('Payback period: median over all draws', 'does not pay back within the horizon')
    """
    language = as_lang(lang)
    npv = label("npv", language)
    rows = [
        (display_label("npv_mean", language), format_sek(result.mean(), language)),
        (display_label("npv_std", language), format_sek(result.std(), language)),
    ]
    for level, value in zip(
        result.quantile_levels, result.quantile(result.quantile_levels), strict=True
    ):
        name = display_label("npv_q", language, name=npv, q=format_percent(level, language, 0))
        rows.append((name, format_sek(float(value), language)))
    rows.append(
        (display_label("prob_npv_positive", language), format_percent(result.prob_npv_positive,
                                                                      language))
    )  # fmt: skip
    for payer, p in result.prob_npv_positive_by_payer.items():
        rows.append((f"{display_label('prob_npv_positive', language)}, {payer}",
                     format_percent(p, language)))  # fmt: skip
    stats = payback_stats(result)
    rows += [(f"{label('payback', language)}: {name.lower()}", text)
             for name, text in stats.rows(language)]  # fmt: skip
    return rows


def simulation_text(result: SimulationResult, lang: str = "en") -> str:
    """A simulation as compact text, one statistic a line (``str(result)`` in English).

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    lang
        ``"en"`` (the default of ``str()``) or ``"sv"``.

    Returns
    -------
    str

    Examples
    --------
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=100,
    ...               seed=1)
    >>> print(simulation_text(mc).splitlines()[0])
    Servicetrainee: 100 draws, seed 1
    """
    rows = simulation_rows(result, lang)
    width = max(len(name) for name, _ in rows)
    head = f"{result.plan.intervention_name}: " + display_label(
        "html_draws", lang, draws=format_number(result.draws, 0, as_lang(lang)), seed=result.seed
    )
    return "\n".join([head, *(f"  {name:<{width}}  {value}" for name, value in rows)])


def simulation_html(result: SimulationResult, lang: str = "sv") -> str:
    """A simulation as HTML: the statistics of :func:`simulation_rows` and how never counts.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<div>``: heading, one table [kr; %; years], the counting note; all escaped.

    Examples
    --------
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=100,
    ...               seed=1)
    >>> "betalar inte tillbaka inom horisonten" in simulation_html(mc)
    True
    """
    language = as_lang(lang)
    draws = format_number(result.draws, 0, language)
    head = display_label("html_draws", language, draws=draws, seed=result.seed)
    title = html.escape(f"{result.plan.intervention_name}: {head}")
    table = html_table(
        [label("measure", language), label("value", language)], simulation_rows(result, language)
    )
    note = html.escape(display_label("counting_note", language))
    return (
        f'<div class="sociokalkyl"><p><strong>{title}</strong></p>{table}'
        f"<p><small>{note}</small></p></div>"
    )


def tornado_html(tornado: Tornado, lang: str = "sv") -> str:
    """A tornado as HTML: each parameter in words, its two values and the NPV at each.

    Parameters
    ----------
    tornado
        A :class:`~sociokalkyl.uncertainty.sensitivity.Tornado`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        One row a parameter, largest swing first [the parameter's unit; kr].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.uncertainty.sensitivity import tornado
    >>> t = tornado(*examples.servicetrainee(), {"effect_multiplier": {"kind": "uniform",
    ...     "low": 0.5, "high": 1.5}})
    >>> "Multipel av varje effekt" in tornado_html(t)
    True
    """
    language = as_lang(lang)
    keys = ("html_parameter", "html_base_value", "html_low_value", "html_high_value",
            "html_tornado_low", "html_tornado_high", "html_swing")  # fmt: skip
    rows = [
        [
            r.label(language),
            format_quantity(r.base_value, r.unit, language),
            format_quantity(r.low_value, r.unit, language),
            format_quantity(r.high_value, r.unit, language),
            format_sek(r.npv_low, language),
            format_sek(r.npv_high, language),
            format_sek(r.swing, language),
        ]
        for r in tornado.rows
    ]
    who = f", {tornado.payer}" if tornado.payer else ""
    caption = display_label("html_base_npv", language, npv=format_sek(tornado.base_npv, language))
    table = html_table([display_label(k, language) for k in keys], rows, caption=caption + who)
    title = html.escape(display_label("plot_tornado_title", language,
                                      name=tornado.intervention_name))  # fmt: skip
    return f'<div class="sociokalkyl"><p><strong>{title}</strong></p>{table}</div>'


def tornado_text(tornado: Tornado, lang: str = "en") -> str:
    """A tornado as compact text: one line a parameter, NPV at its low and high value.

    Parameters
    ----------
    tornado
        A :class:`~sociokalkyl.uncertainty.sensitivity.Tornado`.
    lang
        ``"en"`` (the default of ``str()``) or ``"sv"``.

    Returns
    -------
    str
        A heading with the NPV as given, then ``label  npv_low .. npv_high`` [SEK],
        largest swing first.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.uncertainty.sensitivity import tornado
    >>> t = tornado(*examples.servicetrainee(), {"effect_multiplier": {"kind": "uniform",
    ...     "low": 0.5, "high": 1.5}})
    >>> print(tornado_text(t))
    Servicetrainee: one-way sensitivity; NPV as given: -3,839,870 SEK
      Multiple of every effect (1 = as given)  -6,606,324 SEK .. -2,175,664 SEK
    """
    language = as_lang(lang)
    base = format_sek(tornado.base_npv, language)
    head = display_label("plot_tornado_title", language, name=tornado.intervention_name)
    lines = [f"{head}; {display_label('html_base_npv', language, npv=base)}"]
    width = max([0, *(len(r.label(language)) for r in tornado.rows)])
    lines += [
        f"  {r.label(language):<{width}}  {format_sek(r.npv_low, language)} .. "
        f"{format_sek(r.npv_high, language)}"
        for r in tornado.rows
    ]
    return "\n".join(lines)
