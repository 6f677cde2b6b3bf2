"""The words of the follow-up, portfolio and fund reports, Swedish and English."""

from __future__ import annotations

from sociokalkyl.language.labels import Lang

__all__ = ["FOLLOWUP_LABELS", "followup_label"]

FOLLOWUP_LABELS: dict[str, tuple[str, str]] = {
    "followup_title": ("Uppföljning (socioekonomiskt bokslut): {name}", "Follow-up: {name}"),
    "observed_years": ("Observerade år: {years}", "Observed years: {years}"),
    "no_observed_years": ("Inga observerade år ännu", "No observed years yet"),
    "credibility_line": (
        "Återstående år omräknade med observerad effekt, trovärdighet {w}",
        "Remaining years re-projected with the observed effect, credibility {w}",
    ),
    "summary": ("Sammanfattning", "Summary"),
    "npv_forecast": ("Nettonuvärde enligt prognosen", "NPV as forecast"),
    "npv_forecast_to_date": ("Prognos hittills (nuvärde)", "Forecast to date (present value)"),
    "npv_realised": ("Utfall hittills (realiserat nuvärde)", "Realised to date (present value)"),
    "npv_reprojected": (
        "Nettonuvärde, utfall + omräknad prognos",
        "NPV, outcome + re-projected forecast",
    ),
    "measure": ("Mått", "Measure"),
    "value": ("Värde", "Value"),
    "by_year": ("Prognos och utfall per år", "Forecast and outcome by year"),
    "year": ("År", "Year"),
    "observed": ("Observerat", "Observed"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    "payer": ("Betalare/nämnd", "Payer/nämnd"),
    "forecast_net": ("Netto, prognos", "Net, forecast"),
    "outcome_net": ("Netto, utfall", "Net, outcome"),
    "difference": ("Skillnad", "Difference"),
    "forecast_cumulative": ("Ackumulerat, prognos", "Cumulative, forecast"),
    "outcome_cumulative": ("Ackumulerat, utfall", "Cumulative, outcome"),
    "by_item": ("Användning per kostnadspost", "Use by cost item"),
    "cost_item": ("Kostnadspost", "Cost item"),
    "forecast_use": ("Användning, prognos", "Use, forecast"),
    "observed_use": ("Användning, utfall", "Use, outcome"),
    "ratio": ("Realiserad andel av prognosen", "Realised share of the forecast"),
    "portfolio_title": ("Portfölj: {name}", "Portfolio: {name}"),
    "portfolio_line": (
        "{n} insatser; nuvärden i basåret {year} (den tidigaste insatsens)",
        "{n} interventions; present values in base year {year} (the earliest one's)",
    ),
    "by_member": ("Per insats", "By intervention"),
    "member": ("Insats", "Intervention"),
    "base_year": ("Basår", "Base year"),
    "npv_own": ("Nettonuvärde (eget basår)", "NPV (own base year)"),
    "npv_portfolio": ("Nettonuvärde (portföljens basår)", "NPV (portfolio base year)"),
    "by_payer": ("Per betalare/nämnd", "By payer/nämnd"),
    "total": ("Totalt", "Total"),
    "simulation": ("Monte Carlo över portföljen", "Monte Carlo over the portfolio"),
    "none": ("inga", "none"),
    "draws": ("{n} dragningar", "{n} draws"),
    "prob_positive": ("Sannolikhet för nettonuvärde > 0", "Probability of NPV > 0"),
    "q5": ("5 %-percentil", "5th percentile"),
    "q50": ("median", "median"),
    "q95": ("95 %-percentil", "95th percentile"),
    "fund_title": ("Fonden: {name}", "The fund: {name}"),
    "capital": ("Kapital in", "Capital in"),
    "granted": ("Beviljat", "Granted"),
    "repaid": ("Återbetalt", "Repaid"),
    "outstanding": ("Utestående", "Outstanding"),
    "balance": ("Fondens saldo", "Fund balance"),
    "balance_q5": ("Saldo, 5 %-percentil", "Balance, 5th percentile"),
    "balance_q95": ("Saldo, 95 %-percentil", "Balance, 95th percentile"),
    "prob_empty": (
        "Sannolikhet att fonden är tom före {year}",
        "Probability that the fund is empty before {year}",
    ),
    "rule_share": (
        "{share} av {payers}s undvikna kostnader",
        "{share} of {payers}'s avoided costs",
    ),
    "rule_schedule": ("fast plan", "fixed schedule"),
    "rule_budget_frame": (
        "ramminskning för {payers} (Norrköpings ursprungliga regel)",
        "budget-frame cut for {payers} (Norrköping's original rule)",
    ),
    "rule": ("Återbetalningsregel", "Repayment rule"),
    "basis_realised": ("realiserat", "realised"),
    "basis_forecast": ("prognos", "forecast"),
}
"""Label key -> (svenska, English); format fields in braces."""


def followup_label(key: str, lang: Lang = "sv", **values: object) -> str:
    """The label ``key`` in ``lang``, its fields filled from ``values``.

    Parameters
    ----------
    key
        A key of :data:`FOLLOWUP_LABELS`.
    lang
        ``"sv"`` or ``"en"``.
    **values
        The format fields (``name``, ``year``, ...).

    Returns
    -------
    str
        The label.

    Examples
    --------
    >>> followup_label("prob_empty", "sv", year=2020)
    'Sannolikhet att fonden är tom före 2020'
    >>> followup_label("balance", "en")
    'Fund balance'
    """
    sv, en = FOLLOWUP_LABELS[key]
    text = sv if lang == "sv" else en
    return text.format(**values) if values else text
