"""Rich display in Jupyter: a result and a scenario table as escaped HTML tables.

Everything a user wrote (an intervention's, payer's or scenario's name) goes through
:func:`html.escape`, so a name such as ``<script>`` shows as text and never runs. Swedish
words and numbers by default (``-5 752 490 kr``); ``lang="en"`` for English. Jupyter
calls ``_repr_html_()``, which is :func:`result_html` in Swedish.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sociokalkyl.analysis.text import headline_rows, plan_line
from sociokalkyl.language.breakdown import breakdown_label
from sociokalkyl.language.labels import as_lang, label
from sociokalkyl.language.numbers import format_ratio, format_sek, format_years
from sociokalkyl.language.perspectives import perspective_label

if TYPE_CHECKING:
    from sociokalkyl.analysis.compare import ScenarioTable
    from sociokalkyl.analysis.result import Result

__all__ = [
    "breakdown_html",
    "html_table",
    "perspectives_html",
    "result_html",
    "result_repr",
    "scenario_html",
]


def html_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, caption: str | None = None
) -> str:
    """An HTML table of text cells, every header and cell escaped; numbers right-aligned.

    Parameters
    ----------
    headers
        Column headings (escaped).
    rows
        The cells as text (escaped); a cell that starts with a digit, a minus sign or
        ``∞`` is right-aligned.
    caption
        A caption (escaped), or None.

    Returns
    -------
    str
        ``<table>...</table>``.

    Examples
    --------
    >>> html_table(["Namn"], [["<script>x</script>"]])
    '<table><thead><tr><th>Namn</th></tr></thead><tbody><tr><td>&lt;script&gt;x&lt;/script&gt;</td></tr></tbody></table>'
    """

    def cell(text: str) -> str:
        numeric = text[:1].isdigit() or text[:2].lstrip("-")[:1].isdigit() or text[:1] == "∞"
        style = ' style="text-align:right"' if numeric else ""
        return f"<td{style}>{html.escape(text)}</td>"

    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(str(c)) for c in row) + "</tr>" for row in rows)
    top = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{top}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def result_html(result: Result, lang: str = "sv") -> str:
    """A result as HTML: what was calculated, the headline numbers, the table per payer.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<div>`` with a heading and two tables [kr; years; ×], everything escaped;
        a third, :func:`perspectives_html`, when the answer depends on the perspective
        (:attr:`~sociokalkyl.analysis.result.Result.shows_perspectives`).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> "-3 839 870 kr" in result_html(sk.evaluate(*sk.examples.servicetrainee()))
    True
    """
    language = as_lang(lang)
    headline = html_table(
        [label("measure", language), label("value", language)], headline_rows(result, language)
    )
    payers = html_table(
        [label(k, language) for k in ("payer", "pv_costs", "pv_avoided", "npv", "payback")],
        [
            [
                str(row["payer"]),
                format_sek(float(row["pv_costs"]), language),
                format_sek(float(row["pv_avoided"]), language),
                format_sek(float(row["npv"]), language),
                format_years(float(row["payback"]), language),
            ]
            for row in result.by_payer()
        ],
        caption=label("by_payer", language),
    )
    title = html.escape(plan_line(result, language))
    views = ""
    if result.shows_perspectives:
        views = perspectives_html(result, language)
    views += breakdown_html(result, language)
    return (
        f'<div class="sociokalkyl"><p><strong>{title}</strong></p>{headline}{payers}{views}</div>'
    )


def breakdown_html(result: Result, lang: str = "sv") -> str:
    """Each outcome's consequences per actor and the unpriced effects, as HTML.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A table of :meth:`~Result.by_outcome` [kr] when the model has outcomes, then
        the unpriced effects as a list under their heading when there are any; empty
        otherwise. Everything escaped.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> page = breakdown_html(sk.evaluate(*sk.examples.load("utokade_hembesok")))
    >>> "Ej värderade effekter" in page, "1 034 858 kr" in page
    (True, True)
    >>> breakdown_html(sk.evaluate(*sk.examples.servicetrainee()))
    ''
    """
    language = as_lang(lang)
    out = ""
    records = result.by_outcome()
    if records:
        headers = [breakdown_label(k, language) for k in ("outcomes.outcome", "outcomes.actor")]
        rows = [
            [str(r["outcome"]), str(r["actor"]), format_sek(float(r["pv"]), language)]
            for r in records
        ]
        out += html_table(
            [*headers, breakdown_label("outcomes.pv", language)],
            rows,
            caption=breakdown_label("outcomes", language),
        )
    if result.unpriced_effects:
        items = "".join(f"<li>{html.escape(e)}</li>" for e in result.unpriced_effects)
        heading = html.escape(breakdown_label("unpriced", language))
        out += f"<p><strong>{heading}</strong></p><ul>{items}</ul>"
    return out


def perspectives_html(result: Result, lang: str = "sv") -> str:
    """The compact perspectives table: NPV, benefit-cost ratio and payback per perspective.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<table>``, one row a perspective of :meth:`~Result.perspectives` [kr; ×; years],
        every name escaped.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> "Offentlig sektor" in perspectives_html(sk.evaluate(*sk.examples.servicetrainee()))
    True
    """
    language = as_lang(lang)
    headers = [perspective_label("perspective", language)]
    headers += [label(k, language) for k in ("npv", "bcr", "payback")]
    rows = []
    for row in result.perspectives():
        bcr = float(row["benefit_cost_ratio"])
        rows.append(
            [
                perspective_label(str(row["perspective"]), language),
                format_sek(float(row["npv"]), language),
                format_ratio(bcr if math.isfinite(bcr) else None, language),
                format_years(float(row["payback"]), language),
            ]
        )
    return html_table(headers, rows, caption=perspective_label("perspectives", language))


def scenario_html(table: ScenarioTable, lang: str = "sv") -> str:
    """Scenarios side by side as HTML: NPV, benefit-cost ratio, paybacks, NPV per payer.

    Parameters
    ----------
    table
        A :class:`~sociokalkyl.analysis.compare.ScenarioTable`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        One row a scenario [kr; years], every name escaped.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.analysis.compare import compare_scenarios
    >>> t = compare_scenarios({"<b>": {"effect_multiplier": 2.0}}, *examples.servicetrainee())
    >>> "&lt;b&gt;" in scenario_html(t) and "<b>" not in scenario_html(t)
    True
    """
    language = as_lang(lang)
    records = table.records()
    payers = [k.partition(":")[2] for k in (records[0] if records else {}) if k[:4] == "npv:"]
    headers = [label(k, language) for k in ("scenario", "npv", "bcr", "payback")]
    headers += [label("payback_discounted", language)]
    headers += [f"{label('npv', language)}, {p}" for p in payers]
    rows = []
    for r in records:
        bcr = r["benefit_cost_ratio"]
        rows.append(
            [
                str(r["scenario"]),
                format_sek(r["npv"], language),
                format_ratio(bcr if math.isfinite(bcr) else None, language),
                format_years(r["payback"], language),
                format_years(r["payback_discounted"], language),
                *(format_sek(r[f"npv:{p}"], language) for p in payers),
            ]
        )
    return f'<div class="sociokalkyl">{html_table(headers, rows)}</div>'


def result_repr(result: Result) -> str:
    """The one-line ``repr`` of a result: name, NPV and payback, in English.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.

    Returns
    -------
    str
        ``Result('<name>', npv=<SEK>, payback=<years or 'not within the horizon'>)``.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> result_repr(sk.evaluate(*sk.examples.servicetrainee()))
    "Result('Servicetrainee', npv=-3,839,870 SEK, payback=not within the horizon)"
    """
    return (
        f"Result({result.plan.intervention_name!r}, npv={format_sek(result.npv, 'en')}, "
        f"payback={format_years(result.payback, 'en')})"
    )
