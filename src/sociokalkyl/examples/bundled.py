"""The bundled example scenario files, loaded by name.

Each example is one commented TOML file beside this module (``servicetrainee.toml``,
``skolfam.toml``, ``seniorer_ostersund.toml``): the file is the only source of its
numbers, their sources and confidence marks, its ``[uncertainty]`` and its
``[scenarios]``. ``sociokalkyl init --example NAME`` copies the same file.

Examples
--------
>>> from sociokalkyl import evaluate
>>> intervention, settings = load("servicetrainee")
>>> intervention.name, settings.base_year
('Servicetrainee', 2012)
>>> round(evaluate(intervention, settings).npv / 1e6, 2)  # mnkr, 2023 prices: the kommun's budget
-3.84
"""

from __future__ import annotations

from importlib import resources

from sociokalkyl.errors import unknown_name
from sociokalkyl.model import Intervention, Settings
from sociokalkyl.scenario.read import Scenario, parse_scenario

__all__ = [
    "DESCRIPTIONS",
    "NAMES",
    "load",
    "scenario",
    "seniorer_ostersund",
    "servicetrainee",
    "skolfam",
    "text",
]

DESCRIPTIONS: dict[str, str] = {
    "servicetrainee": "Servicetrainee, Norrköping: kommunala anställningar för "
    "långvarigt biståndsberoende, i tre perspektiv (kommunen, offentlig sektor, samhället)",
    "skolfam": "Skolfam, Örebro: skolstöd för familjehemsplacerade barn",
    "seniorer_ostersund": "Hälsofrämjande insatser för seniorer, Östersund: mindre hemtjänst",
    "skolfam_utfall": "Skolfam med skolutfallet: gymnasieexamen och inkomst senare i livet",
    "utokade_hembesok": "Utökade hembesök, Grästorp: färre placeringar (utfall)",
    "familjehuset_klippan": "Familjehuset Klippan, Kungälv: gymnasieexamen (utfall)",
    "styrka_hela_livet": "Styrka hela livet, Hudiksvall: färre höftfrakturer (utfall)",
    "angered": "Angered: psykisk ohälsa och utanförskap, färre unga i varaktigt utanförskap "
    "(utfall)",
    "el_sistema": "El Sistema, Örebro: musik i skolan mot utanförskap (utfall)",
    "las_pa_recept": "Läs på recept, Region Gävleborg: högläsning för barn med språkstörning, "
    "gymnasieexamen (utfall)",
    "forenade_i_rorelse": "Förenade i rörelse, Hudiksvall och Nordanstig: fysisk aktivitet i "
    "årskurs 3, gymnasieexamen (utfall)",
}
"""The bundled examples by name, with a one-line Swedish description."""

NAMES: tuple[str, ...] = tuple(DESCRIPTIONS)
"""The names of the bundled examples (the TOML files' stems)."""


def text(name: str) -> str:
    """The commented TOML text of the bundled example ``name``.

    Parameters
    ----------
    name
        One of :data:`NAMES`.

    Returns
    -------
    str
        The file's text, comments included (what ``sociokalkyl init`` writes).

    Raises
    ------
    InputError
        For a name that is not a bundled example (with the closest name, if any).

    Examples
    --------
    >>> text("servicetrainee").splitlines()[0]
    '# Servicetrainee i Norrköping: ettåriga kommunala anställningar för hushåll med'
    """
    if name not in DESCRIPTIONS:
        raise unknown_name(name, NAMES, "a bundled example", field="example")
    file = resources.files("sociokalkyl") / "examples" / f"{name}.toml"
    return file.read_text("utf-8")


def scenario(name: str) -> Scenario:
    """The bundled example ``name`` as a whole scenario file.

    Parameters
    ----------
    name
        One of :data:`NAMES`.

    Returns
    -------
    Scenario
        The intervention and settings, and the file's ``uncertainty`` and
        ``scenarios`` tables; checked as ``sociokalkyl validate`` checks a file.

    Examples
    --------
    >>> sorted(scenario("servicetrainee").scenarios)
    ['optimistisk', 'pessimistisk']
    """
    return parse_scenario(text(name), "toml", file=f"{name}.toml")


def load(name: str) -> tuple[Intervention, Settings]:
    """The intervention and settings of the bundled example ``name``.

    Parameters
    ----------
    name
        One of :data:`NAMES`: ``"servicetrainee"``, ``"skolfam"`` or
        ``"seniorer_ostersund"``.

    Returns
    -------
    tuple of (Intervention, Settings)
        New models read from the example's TOML file on each call.

    Raises
    ------
    InputError
        For a name that is not a bundled example.

    Examples
    --------
    >>> intervention, settings = load("skolfam")
    >>> intervention.target_group.intake, settings.price_year
    ([35.0], 2023)
    """
    found = scenario(name)
    return found.intervention, found.settings


def servicetrainee() -> tuple[Intervention, Settings]:
    """Servicetrainee, Norrköping: one-year municipal jobs for households on assistance.

    30 households long dependent on ekonomiskt bistånd (the source says 30 people; one
    person per household is assumed) get a one-year job in municipal services. The
    effect after the job, 49 percentage points fewer households on assistance (the
    middle of 44-54, measured against control groups) times 10 months a year, is
    -4,9 months a year per household for 5 years, fading 20 % a year (assumptions).
    The wage is work (19 784 kr a month gross, 26 000 kr with employer contributions,
    assumed): the kommun pays the wage to the individ and the contributions to the
    stat, the individ pays kommunalskatt to kommun and region, and the work produces
    its value (wage plus contributions) for society; ekonomiskt bistånd is a transfer
    from the kommun to the household. The headline NPV is the kommun's budget view
    (``perspective = "kommun"``: the kommun decides and pays); the public sector's and
    society's answers stand beside it (``result.npv_by_perspective``). Every number,
    its source and confidence mark is in ``servicetrainee.toml``.

    Returns
    -------
    tuple of (Intervention, Settings)
        Base year 2012, 2023 prices, 10 years, 3.5 % real.

    Examples
    --------
    >>> from sociokalkyl import evaluate
    >>> result = evaluate(*servicetrainee())
    >>> round(result.npv / 1e6, 2)  # mnkr, 2023 prices: the kommun's budget
    -3.84
    """
    return load("servicetrainee")


def skolfam() -> tuple[Intervention, Settings]:
    """Skolfam, Örebro: school support for children aged 7-14 placed in family homes.

    35 children (30-40 in the source) are followed 6 years by a team. Without Skolfam a
    child spends 36.5 days a year in HVB (assumption); Skolfam cuts them by 30 % from the
    second year, for 5 years, and the days go back to the family home: two absolute
    effects of equal size, scaled together by ``effect_multiplier``. Nearly every number
    but the unit costs (HVB 4 500 kr/dygn, S2; konsulentstött familjehem 3 050 kr/dygn,
    D) is an assumption, marked ``"A"`` in ``skolfam.toml``.

    Returns
    -------
    tuple of (Intervention, Settings)
        Base year 2015, 2023 prices, 10 years, 3.5 % real.

    Examples
    --------
    >>> from sociokalkyl import evaluate
    >>> result = evaluate(*skolfam())
    >>> round(result.npv / 1e6, 1), round(result.break_even_effect, 2)  # mnkr, 2023 prices
    (-3.8, 2.38)
    """
    return load("skolfam")


def seniorer_ostersund() -> tuple[Intervention, Settings]:
    """Health-promoting group meetings for seniors in Östersund: fewer hemtjänst hours.

    100 people a year for three years meet in groups about physical and social activity.
    Without the meetings each uses 1 hemtjänst hour a week on average, growing with age
    (x 1,3 ... x 2,2); with them 15 % less for two years after taking part, fading 30 %
    a year, with 10 % deadweight (a before/after comparison). The meetings cost
    4 000 kr a participant and a coordinator 300 000 kr a year. The source gives no
    effect sizes: the hemtjänst hour (472 kr, 2016, S) has a source, everything else is
    an assumption (confidence ``"A"``) with its reason in ``seniorer_ostersund.toml``.

    Returns
    -------
    tuple of (Intervention, Settings)
        Base year 2018, 2023 prices, 8 years, 3.5 % real.

    Examples
    --------
    >>> intervention, settings = seniorer_ostersund()
    >>> settings.base_year
    2018
    """
    return load("seniorer_ostersund")
