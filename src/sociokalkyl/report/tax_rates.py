"""The tax and contribution rates of a model with work, with their provenance.

The three rates (``municipal_tax_rate``, ``kommun_tax_share``,
``employer_contribution_rate``) are ``[settings]`` parameters with a shipped source,
year and confidence mark (:data:`sociokalkyl.model.work.TAX_RATES`,
``docs/perspectives.md``); every assumption log lists them when the model has work:
the text, Markdown, CSV and JSON reports (:func:`tax_rate_cells`), the xlsx report's
assumption sheet and the HTML and PDF (:func:`tax_rates`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import Lang, confidence_label
from sociokalkyl.language.numbers import format_percent
from sociokalkyl.language.perspectives import perspective_label

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["RATES", "tax_rate_cells", "tax_rates"]

RATES = ("municipal_tax_rate", "kommun_tax_share", "employer_contribution_rate")
"""The ``Settings`` fields of the rates, in the order the logs list them."""


def _rate(result: Result, field: str) -> float | None:
    """The rate the model uses, or None for a model without it."""
    try:
        return float(result.plan.parameter(f"settings.{field}").value)
    except InputError:  # a plan without the rates has no work lines
        return None


def tax_rates(result: Result, lang: Lang = "sv") -> list[dict[str, Any]]:
    """The tax and contribution rates the model uses, with their provenance.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``: the words of ``what`` and ``source``.

    Returns
    -------
    list of dict
        Per rate: ``field`` (``municipal_tax_rate``, ``kommun_tax_share``,
        ``employer_contribution_rate``), ``what``, ``value`` [share], ``year`` (None for a
        rate the file gives), ``source``, ``confidence`` (the mark, None for a rate the
        file gives). Empty for a model without work.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> row = tax_rates(res, "en")[2]
    >>> row["field"], round(row["value"], 4), row["year"], row["confidence"]
    ('employer_contribution_rate', 0.3142, 2024, 'S')
    """
    from sociokalkyl.language.parameters import parameter_label
    from sociokalkyl.model.work import TAX_RATES

    if not result.plan.derived:
        return []
    out = []
    for field in RATES:
        value, shipped = _rate(result, field), TAX_RATES[field]
        if value is None:
            continue
        given = not math.isclose(value, shipped.value)
        source = shipped.source if lang == "sv" else perspective_label(f"source.{field}", "en")
        what = (
            f"{perspective_label('kind_tax_rate', lang)}: "
            f"{parameter_label('settings', field, lang)}"
        )
        out.append(
            {
                "field": field,
                "what": what,
                "value": value,
                "year": None if given else shipped.year,
                "source": perspective_label("rate_given", lang) if given else source,
                "confidence": None if given else shipped.confidence,
            }
        )
    return out


def tax_rate_cells(result: Result, lang: Lang = "sv") -> list[list[str]]:
    """The tax and contribution rates as assumption-log rows, when the model has work.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    list[list[str]]
        ``[what, value, source, confidence]`` per rate of :func:`tax_rates` [share]; the
        shipped source and mark, or "given in the scenario file" for a rate that
        differs from the default. Empty for a model without work.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> [cells[0] for cells in tax_rate_cells(res, "en")][2]
    'Tax rate: Employer contribution rate'
    >>> [cells[1] for cells in tax_rate_cells(res)]
    ['32,37 % (2024)', '64,57 % (2018)', '31,42 % (2024)']
    """
    return [
        [
            row["what"],
            format_percent(row["value"], lang, 2)  # 32,37 %, as the sources give them
            + ("" if row["year"] is None else f" ({row['year']})"),
            row["source"],
            confidence_label(row["confidence"], lang),
        ]
        for row in tax_rates(result, lang)
    ]
