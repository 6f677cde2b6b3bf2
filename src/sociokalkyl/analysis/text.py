"""A result as compact text: the form ``print(result)`` shows in a terminal.

``str(result)`` is English (the developer's form, stable for logs and doctests; a
documented decision, see ``docs/display.md``); :func:`result_text` with ``lang="sv"``
gives the same lines in Swedish with Swedish numbers (``-5 752 490 kr``). The words come
from :mod:`sociokalkyl.language` and the numbers from its formatters, as in the reports
of :mod:`sociokalkyl.report`; the HTML display (:mod:`sociokalkyl.analysis.display`)
shows the same :func:`headline_rows`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sociokalkyl.language.breakdown import breakdown_label
from sociokalkyl.language.labels import as_lang, label
from sociokalkyl.language.numbers import format_percent, format_ratio, format_sek, format_years
from sociokalkyl.language.safety import clean_text

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = ["headline_rows", "plan_line", "result_text"]


def plan_line(result: Result, lang: str = "en") -> str:
    """The one line that says what was calculated: name, horizon, prices, discounting.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    lang
        ``"en"`` or ``"sv"``.

    Returns
    -------
    str

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> plan_line(sk.evaluate(*sk.examples.servicetrainee()), "sv")
    'Servicetrainee: 10 år från 2012, 2023 års priser, 3,5 % real ränta, konstant'
    """
    language = as_lang(lang)
    plan = result.plan
    return (
        f"{plan.intervention_name}: {plan.horizon} {label('horizon', language)} "
        f"{plan.base_year}, {plan.price_year} {label('prices', language)}, "
        f"{plan.discounting_text(language)}"
    )


def headline_rows(result: Result, lang: str = "sv") -> list[tuple[str, str]]:
    """The headline numbers as (label, formatted value) pairs, then the NPV per payer.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    lang
        ``"sv"`` (Swedish words and numbers, the default) or ``"en"``.

    Returns
    -------
    list of (str, str)
        NPV, PV of costs and of avoided costs [kr], benefit-cost ratio, IRR [%/year],
        paybacks [years; "inte inom horisonten" when there is none], break-even effect
        [×], then ``"Nettonuvärde, <payer>"`` for each payer with a flow.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> headline_rows(sk.evaluate(*sk.examples.servicetrainee()))[0]
    ('Nettonuvärde', '-3 839 870 kr')
    """
    language = as_lang(lang)
    irr = result.irr
    irr_text = format_percent(irr, language) if math.isfinite(irr) else label("none", language)
    pairs = [
        ("npv", format_sek(result.npv, language)),
        ("pv_costs", format_sek(result.pv_costs, language)),
        ("pv_avoided", format_sek(result.pv_avoided, language)),
        ("bcr", format_ratio(result.benefit_cost_ratio, language)),
        ("irr", irr_text),
        ("payback", format_years(result.payback, language)),
        ("payback_discounted", format_years(result.payback_discounted, language)),
        ("break_even_effect", format_ratio(result.break_even_effect, language)),
    ]
    rows = [(label(key, language), value) for key, value in pairs]
    for row in result.by_payer():
        rows.append(
            (f"{label('npv', language)}, {row['payer']}", format_sek(float(row["npv"]), language))
        )
    return rows


def result_text(result: Result, lang: str = "en") -> str:
    """The headline numbers of ``result`` and its NPV per payer, one per line.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    lang
        ``"en"`` (the form of ``str(result)``) or ``"sv"``.

    Returns
    -------
    str
        :func:`plan_line`, then the :func:`headline_rows` with the labels padded to one
        width; "not within the horizon" where the intervention does not pay back; then
        the unpriced effects, one a line, when there are any.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> print(result_text(sk.evaluate(*sk.examples.servicetrainee())))  # doctest: +ELLIPSIS
    Servicetrainee: 10 years from 2012, 2023 prices, 3.50% real, constant
      Net present value -3,839,870 SEK
    ...
      Payback period not within the horizon
    ...
    """
    rows = headline_rows(result, lang)
    width = max(len(name) for name, _ in rows)
    value_width = max(len(value) for _, value in rows)
    lines = [plan_line(result, lang)]
    lines += [f"  {name:<{width}}  {value:>{value_width}}" for name, value in rows]
    if result.unpriced_effects:  # listed, never dropped (docs/outcomes.md)
        lines.append(f"  {breakdown_label('unpriced', as_lang(lang))}:")
        lines += [f"    - {clean_text(effect)}" for effect in result.unpriced_effects]
    return "\n".join(lines)
