"""The words of actors, flow kinds, work and perspectives, Swedish and English.

Reports and the command line read their labels here (see ``docs/perspectives.md``).
"""

from __future__ import annotations

from sociokalkyl.language.labels import Lang

__all__ = ["PERSPECTIVE_LABELS", "perspective_label"]

PERSPECTIVE_LABELS: dict[str, tuple[str, str]] = {
    # perspectives
    "kommun": ("Kommunen", "The kommun"),
    "offentlig_sektor": ("Offentlig sektor", "The public sector"),
    "samhället": ("Samhället", "Society"),
    "perspective": ("Perspektiv", "Perspective"),
    "perspectives": ("Perspektiv", "Perspectives"),
    "perspective.kommun": (
        "kommunens budget: kommunen och dess nämnder",
        "the kommun's budget: the kommun and its nämnder",
    ),
    "perspective.offentlig_sektor": (
        "kommun, region och stat tillsammans",
        "kommun, region and state together",
    ),
    "perspective.samhället": (
        "alla aktörer: transfereringar tar ut varandra, produktion räknas",
        "every actor: transfers cancel, production counts",
    ),
    # actors
    "actor": ("Aktör", "Actor"),
    "actor.kommun": ("Kommun", "Kommun (municipality)"),
    "actor.region": ("Region", "Region"),
    "actor.stat": ("Staten", "The state"),
    "actor.individ": ("Individen och hushållet", "The individual and household"),
    "actor.övriga": ("Övriga samhället", "The rest of society"),
    "rollup": ("summa med nämnder", "total with its nämnder"),
    # flow kinds
    "flow.resource": ("Resurs", "Resource"),
    "flow.transfer": ("Transferering", "Transfer"),
    "flow.production": ("Produktion", "Production"),
    "flow.work": ("Arbete", "Work"),
    # derived lines of work
    "derived.contributions": ("Arbetsgivaravgifter", "Employer contributions"),
    "derived.tax_kommun": ("Kommunalskatt till kommunen", "Municipal income tax to the kommun"),
    "derived.tax_region": ("Kommunalskatt till regionen", "Municipal income tax to the region"),
    "derived.production": ("Värdet av arbetet (produktion)", "Value of the work (production)"),
    # the who-pays-whom matrix
    "matrix": ("Vem betalar vem (nuvärde)", "Who pays whom (present value)"),
    "from": ("Från", "From"),
    "to": ("Till", "To"),
    "produktion": ("Produktion", "Production"),
    # the report's perspective section (report/perspective_tables.py)
    "by_actor": ("Per aktör", "By actor"),
    "pv_costs": ("Nuvärde, kostnader", "Present value, costs"),
    "pv_avoided": ("Nuvärde, vinster", "Present value, gains"),
    "own": ("egna flöden", "own flows"),
    "headline": ("rubriksiffrorna", "the headline"),
    "mc_perspectives": (
        "Monte Carlo per perspektiv",
        "Monte Carlo by perspective",
    ),
    "mean_npv": ("Nettonuvärde, medelvärde", "Net present value, mean"),
    "prob_npv_positive": ("Sannolikhet att nettonuvärdet > 0", "Probability NPV > 0"),
    "rate_given": ("angiven i scenariofilen", "given in the scenario file"),
    "kind_tax_rate": ("Skattesats", "Tax rate"),
    # the shipped rates' sources in English (model/work.py has them in Swedish)
    "source.municipal_tax_rate": (
        "",
        "Average total municipal income tax rate (kommun + region) 2024, without the "
        "burial fee: ekonomifakta.se, Kommunalskatter (cites SCB)",
    ),
    "source.kommun_tax_share": (
        "",
        "The kommun's share of the municipal income tax 2018: 20.74 / 32.12 "
        "(statistik.stockholm.se, Kommunala skattesatser 2018, cites SCB/Sweco)",
    ),
    "source.employer_contribution_rate": (
        "",
        "Employer contributions and general payroll tax, the normal case 2024: "
        "Skatteverket, rättslig vägledning 2024.3",
    ),
    "unknown_perspective": (
        "{flag}: okänt perspektiv {name!r}.{hint} Förväntat ett av: {known}, "
        "t.ex. {flag} samhället",
        "{flag}: unknown perspective {name!r}.{hint} Expected one of: {known}, "
        "e.g. {flag} samhället",
    ),
    "file_needs_out": (
        "--format {fmt} kräver --out FIL.{fmt} (filen visas inte på skärmen)",
        "--format {fmt} needs --out FILE.{fmt} (the file is not shown on screen)",
    ),
    "did_you_mean": (" Menade du {name!r}?", " Did you mean {name!r}?"),
    "help.perspective": (
        "perspektivet för rubriksiffrorna: kommun, offentlig_sektor, samhället "
        "eller ett eget (standard: filens, annars samhället)",
        "the perspective of the headline: kommun, offentlig_sektor, samhället or your "
        "own (default: the file's, else samhället)",
    ),
}
"""Labels by key: ``(svenska, English)``."""


def perspective_label(key: str, lang: Lang = "sv") -> str:
    """The label of a perspective, actor, flow kind or derived line.

    Parameters
    ----------
    key
        A key of :data:`PERSPECTIVE_LABELS` (``"offentlig_sektor"``, ``"flow.transfer"``,
        ``"actor.stat"``); a user's own actor or perspective name is returned as it is.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label.

    Examples
    --------
    >>> perspective_label("offentlig_sektor"), perspective_label("flow.transfer", "en")
    ('Offentlig sektor', 'Transfer')
    >>> perspective_label("kommun/socialnämnd")
    'kommun/socialnämnd'
    """
    pair = PERSPECTIVE_LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "sv" else pair[1]
