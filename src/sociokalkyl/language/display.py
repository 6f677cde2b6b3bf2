"""The words of the notebook display and the plots, Swedish and English.

The report's words (:data:`~sociokalkyl.language.labels.LABELS`) and the Monte Carlo words
(:data:`~sociokalkyl.language.simulation.SIMULATION_LABELS`) are used where they exist;
these are the words only the display and the plots need: how draws that never pay back
are counted, the payback marker, the axes of the new plots.
"""

from __future__ import annotations

from sociokalkyl.language.labels import LABELS, pick
from sociokalkyl.language.simulation import SIMULATION_LABELS

__all__ = ["DISPLAY_LABELS", "display_label"]

DISPLAY_LABELS: dict[str, tuple[str, str]] = {
    # how a draw that never pays back is counted
    "never": (
        "betalar inte tillbaka inom horisonten",
        "does not pay back within the horizon",
    ),
    "share_never": (
        "Andel som inte betalar tillbaka inom horisonten",
        "Share not paying back within the horizon",
    ),
    "share_paying": (
        "Andel som betalar tillbaka inom horisonten",
        "Share paying back within the horizon",
    ),
    "median_all": (
        "Median över alla dragningar",
        "Median over all draws",
    ),
    "mean_paying": (
        "Medelvärde bland dragningar som betalar tillbaka",
        "Mean among the draws that pay back",
    ),
    "npv_q": ("{name}, {q}-percentil", "{name}, {q} percentile"),
    "q_all": ("{q}-percentil över alla dragningar", "{q} percentile over all draws"),
    "counting_note": (
        "En dragning som inte betalar tillbaka räknas som oändligt lång tid: den ingår i "
        "medianen och percentilerna, inte i medelvärdet.",
        "A draw that does not pay back counts as an infinitely long time: it is in the "
        "median and the percentiles, not in the mean.",
    ),
    "payback_row_note": (
        "medelvärde över dem som betalar tillbaka, percentiler över alla",
        "mean over those that pay back, percentiles over all",
    ),
    "mean_over_all": ("alla dragningar", "all draws"),
    "mean_over_paying": ("dragningar som betalar tillbaka", "draws that pay back"),
    "mean_over_finite": ("dragningar med ett värde", "draws with a value"),
    "mean_over": ("Medelvärdet över", "Mean over"),
    # plots
    "plot_payback_at": ("återbetald efter {x}", "paid back after {x}"),
    "plot_payback_d_at": ("diskonterat återbetald efter {x}", "paid back, discounted, after {x}"),
    "plot_cumulative_title": ("{name}: ackumulerat netto", "{name}: cumulative net"),
    "plot_flows_title": ("{name}: per {by}", "{name}: by {by}"),
    "plot_by_payer": ("betalare", "payer"),
    "plot_by_cost_item": ("kostnadspost", "cost item"),
    "plot_cost_of": ("kostnad, {who}", "cost, {who}"),
    "plot_avoided_of": ("undviket, {who}", "avoided, {who}"),
    "plot_npv_title": ("{name}: fördelning av nettonuvärdet", "{name}: distribution of the NPV"),
    "plot_prob_npv": ("P(nettonuvärde > 0) = {p}", "P(NPV > 0) = {p}"),
    "plot_share_draws": ("andel av dragningarna", "share of the draws"),
    "plot_payback_title": ("{name}: återbetalningstid", "{name}: payback period"),
    "plot_never_bar": ("inte inom horisonten: {p}", "not within the horizon: {p}"),
    "plot_curve_title": (
        "{name}: sannolikhet att ha betalat tillbaka",
        "{name}: probability of having paid back",
    ),
    "plot_curve_y": ("P(återbetald inom k år)", "P(paid back within k years)"),
    "plot_curve_x": ("k, år efter basåret", "k, years after the base year"),
    "plot_undiscounted": ("odiskonterad", "undiscounted"),
    "plot_discounted": ("diskonterad", "discounted"),
    "plot_scenarios_title": ("Scenarier: nettonuvärde", "Scenarios: net present value"),
    "plot_years_after": ("år efter basåret", "years after the base year"),
    "plot_never_d": (
        "diskonterat: betalar inte tillbaka inom horisonten",
        "discounted: does not pay back within the horizon",
    ),
    "plot_added_of": ("ökad kostnad, {who}", "added cost, {who}"),
    "plot_gain_of": ("minskad kostnad, {who}", "reduced cost, {who}"),
    # perspectives and actors (issue 10)
    "plot_pv_costs": ("kostnader (nuvärde)", "costs (present value)"),
    "plot_pv_gains": ("vinster (nuvärde)", "gains (present value)"),
    "plot_npv": ("nettonuvärde", "net present value"),
    "plot_perspectives_title": ("{name}: per perspektiv", "{name}: by perspective"),
    "plot_actors_title": ("{name}: per aktör", "{name}: by actor"),
    "plot_transfers_title": ("{name}: vem betalar vem", "{name}: who pays whom"),
    "plot_from": ("från", "from"),
    "plot_to": ("till", "to"),
    "plot_no_transfers": ("inga transfereringar", "no transfers"),
    "plot_own": ("{who}, egna flöden", "{who}, own flows"),
    "plot_rollup": ("{who}, med nämnder", "{who}, with its nämnder"),
    "plot_production": ("produktion", "production"),
    # HTML and text
    "html_headline": ("Nyckeltal", "Key figures"),
    "html_tornado_low": ("Nettonuvärde vid lågt värde", "NPV at the low value"),
    "html_tornado_high": ("Nettonuvärde vid högt värde", "NPV at the high value"),
    "html_swing": ("Utslag", "Swing"),
    "html_parameter": ("Parameter", "Parameter"),
    "html_low_value": ("Lågt värde", "Low value"),
    "html_high_value": ("Högt värde", "High value"),
    "html_base_value": ("Värde som givet", "Value as given"),
    "html_base_npv": ("Nettonuvärde som givet: {npv}", "NPV as given: {npv}"),
    "html_draws": ("{draws} dragningar, slumpfrö {seed}", "{draws} draws, seed {seed}"),
    "html_payback_stats": ("Återbetalning över dragningarna", "Payback over the draws"),
    "years": ("år", "years"),
}
"""Labels of the display and the plots, (svenska, English)."""


def display_label(key: str, lang: str = "sv", **fields: object) -> str:
    """A display label in ``lang``, with ``fields`` filled in; the report's words as fallback.

    Parameters
    ----------
    key
        A key of :data:`DISPLAY_LABELS`, of the Monte Carlo labels or of the report's
        :data:`~sociokalkyl.language.labels.LABELS`.
    lang
        ``"sv"`` (svenska, the default) or ``"en"``.
    **fields
        Values for the ``{name}`` fields of the label.

    Returns
    -------
    str
        The label (the key itself when there is none).

    Examples
    --------
    >>> display_label("never")
    'betalar inte tillbaka inom horisonten'
    >>> display_label("plot_prob_npv", "en", p="12%"), display_label("npv", "en")
    ('P(NPV > 0) = 12%', 'Net present value')
    """
    pair = DISPLAY_LABELS.get(key) or SIMULATION_LABELS.get(key) or LABELS.get(key)
    text = key if pair is None else pick(pair, lang)
    return text.format(**fields) if fields else text
