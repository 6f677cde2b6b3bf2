"""The words of the Monte Carlo tables and plots, Swedish and English."""

from __future__ import annotations

from sociokalkyl.language.labels import LABELS, Lang

__all__ = ["SIMULATION_LABELS", "simulation_label"]

SIMULATION_LABELS: dict[str, tuple[str, str]] = {
    "intervention": ("Insats", "Intervention"),
    "draws": ("Antal dragningar", "Draws"),
    "seed": ("Slumpfrö", "Seed"),
    "kept_draws": ("Sparade dragningar", "Draws kept"),
    "irr_draws": ("Dragningar med internränta", "Draws with IRR"),
    "price_year": ("Prisår", "Price year"),
    "horizon": ("Horisont (år)", "Horizon (years)"),
    "npv_mean": (f"{LABELS['npv'][0]}, medelvärde", f"{LABELS['npv'][1]}, mean"),
    "npv_std": (
        f"{LABELS['npv'][0]}, standardavvikelse",
        f"{LABELS['npv'][1]}, standard deviation",
    ),
    "prob_npv_positive": ("Sannolikhet för nettonuvärde > 0", "Probability of NPV > 0"),
    "prob_npv_positive_by_payer": ("Sannolikhet för nettonuvärde > 0,", "Probability of NPV > 0,"),
    "prob_payback_within_horizon": (
        "Sannolikhet att återbetalas inom horisonten",
        "Probability of payback within the horizon",
    ),
    "metric": LABELS["measure"],
    "mean": ("Medelvärde", "Mean"),
    "std": ("Std.avvikelse", "Std. deviation"),
    "share_finite": ("Andel dragningar med värde", "Share of draws with a value"),
    "q5": ("5 %-percentil", "5th percentile"),
    "q50": ("median", "median"),
    "q95": ("95 %-percentil", "95th percentile"),
    "prob_positive": ("Andel > 0", "Share > 0"),
    "npv": LABELS["npv"],
    "pv_costs": LABELS["pv_costs"],
    "pv_avoided": LABELS["pv_avoided"],
    "benefit_cost_ratio": LABELS["bcr"],
    "payback": LABELS["payback"],
    "payback_discounted": LABELS["payback_discounted"],
    "irr": LABELS["irr"],
    "payer": LABELS["payer"],
    "cost_item": LABELS["cost_item"],
    # plots of a simulation and a tornado
    "plot_draws": ("dragningar", "draws"),
    "plot_title_draws": ("{name}: {draws} dragningar", "{name}: {draws} draws"),
    "plot_low": ("lågt ({q}-kvantil)", "low ({q} quantile)"),
    "plot_high": ("högt ({q}-kvantil)", "high ({q} quantile)"),
    "plot_tornado_title": (
        "{name}: känslighet, en parameter i taget",
        "{name}: one-way sensitivity",
    ),
    "plot_mnkr": ("mnkr", "MSEK"),
}
"""Labels of the Monte Carlo tables; a metric reads as in the report (``LABELS``)."""


def simulation_label(key: str, lang: Lang = "sv") -> str:
    """A Monte Carlo label; ``"a.b"`` becomes the label of ``a`` followed by ``b``.

    Parameters
    ----------
    key
        A key of :data:`SIMULATION_LABELS`, optionally followed by ``.`` and a name.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The label (the key itself when there is none).

    Examples
    --------
    >>> simulation_label("prob_npv_positive_by_payer.kommun")
    'Sannolikhet för nettonuvärde > 0, kommun'
    """
    head, _, tail = key.partition(".")
    pair = SIMULATION_LABELS.get(head)
    text = head if pair is None else (pair[0] if lang == "sv" else pair[1])
    return f"{text} {tail}" if tail else text
