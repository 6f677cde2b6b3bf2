"""A follow-up as a DataFrame and as an escaped HTML table in Jupyter.

:meth:`FollowUp.to_frame <sociokalkyl.followup.compare.FollowUp.to_frame>` and
``_repr_html_`` delegate here. The numbers are the follow-up's own (``net_by_payer``,
``npv``), renamed with their unit (``forecast_net_sek``), never recomputed; every name is
escaped. Swedish by default; see ``docs/display.md``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from sociokalkyl.analysis.display import html_table
from sociokalkyl.analysis.frames import frame_of
from sociokalkyl.language.followup import followup_label
from sociokalkyl.language.labels import as_lang
from sociokalkyl.language.numbers import format_sek

if TYPE_CHECKING:
    from sociokalkyl.followup.compare import FollowUp

__all__ = ["FOLLOWUP_FRAME", "followup_frame", "followup_html"]

FOLLOWUP_FRAME: tuple[str, ...] = (
    "year", "calendar_year", "observed", "forecast_net_sek", "outcome_net_sek",
)  # fmt: skip
"""The columns of :meth:`FollowUp.to_frame`, in order."""

_NPVS = ("npv_forecast", "npv_reprojected", "npv_forecast_to_date", "npv_realised")
_WHICH = ("forecast", "outcome", "forecast_to_date", "outcome_to_date")


def followup_frame(followup: FollowUp) -> Any:
    """Forecast and outcome net per analysis year as a tidy DataFrame (needs pandas).

    Parameters
    ----------
    followup
        A :class:`~sociokalkyl.followup.compare.FollowUp`.

    Returns
    -------
    pandas.DataFrame
        :data:`FOLLOWUP_FRAME`: ``year`` (0 = base year), ``calendar_year``, ``observed``
        (bool), ``forecast_net_sek`` and ``outcome_net_sek`` [SEK, undiscounted]: the sum
        over payers of :meth:`~FollowUp.net_by_payer`.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.followup.compare import follow_up
    >>> f = follow_up(compile_plan(*examples.servicetrainee()), [])
    >>> followup_frame(f).columns.tolist()[:3], len(followup_frame(f))
    (['year', 'calendar_year', 'observed'], 10)
    """
    forecast = followup.net_by_payer("forecast").sum(axis=0)
    outcome = followup.net_by_payer("outcome").sum(axis=0)
    records = [
        {
            "year": t,
            "calendar_year": year,
            "observed": bool(followup.observed[t]),
            "forecast_net_sek": float(forecast[t]),
            "outcome_net_sek": float(outcome[t]),
        }
        for t, year in enumerate(followup.years)
    ]
    return frame_of(records, FOLLOWUP_FRAME, "FollowUp.to_frame()")


def followup_html(followup: FollowUp, lang: str = "sv") -> str:
    """A follow-up as HTML: its title and the four net present values.

    Parameters
    ----------
    followup
        A :class:`~sociokalkyl.followup.compare.FollowUp`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<div>``: the intervention's name (escaped) and the NPV as forecast,
        re-projected, forecast to date and realised to date [kr].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.followup.compare import follow_up
    >>> "-3 839 870 kr" in followup_html(follow_up(compile_plan(*examples.servicetrainee()), []))
    True
    """
    language = as_lang(lang)
    rows = [
        [followup_label(key, language), format_sek(followup.npv(which), language)]
        for key, which in zip(_NPVS, _WHICH, strict=True)
    ]
    table = html_table(
        [followup_label("measure", language), followup_label("value", language)],
        rows,
        caption=followup_label("summary", language),
    )
    title = followup_label("followup_title", language, name=followup.plan.intervention_name)
    return f'<div class="sociokalkyl"><p><strong>{html.escape(title)}</strong></p>{table}</div>'
