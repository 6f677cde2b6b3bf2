"""What a controller writes in a follow-up file: the pydantic models and their checks.

The input edge of :mod:`sociokalkyl.followup`: :class:`Observations` is what a follow-up
file (TOML, or the Excel sheet) holds; :meth:`Observations.year_data` checks it against
the compiled plan (years within the horizon, known cost items, cost lines and payers,
participants only in an intake year) and hands the numeric core plain
:class:`~sociokalkyl.followup.data.YearData`. Every error names the field path, the value
and what was expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar

from pydantic import Field, ValidationError

from sociokalkyl.engine import Plan
from sociokalkyl.errors import InputError, unknown_name
from sociokalkyl.followup.data import YearData
from sociokalkyl.model.common import FrozenModel
from sociokalkyl.money import kpi

__all__ = ["Observations", "ObservedYear", "validated"]

NonNegative = Annotated[float, Field(ge=0, le=1e15)]
"""A count, use or amount: not negative, at most 10^15 (so that no sum overflows)."""
Model = TypeVar("Model", bound=FrozenModel)

_EXAMPLES = {
    "participants": "participants = 30 (new participants that year)",
    "use": "use = { ekonomiskt_bistand = 120 } (the total, in the unit the cost is per)",
    "costs": 'costs = { "Handledning och projektledning" = 500000 } (kr)',
    "other_costs": "other_costs = { region = 100000 } (kr)",
    "credibility": "credibility = 1 (between 0 and 1)",
    "share": "share = 0.5 (50 %, at most 1)",
}


def validated(model: type[Model], data: Any, field: str = "") -> Model:
    """``model`` validated from ``data``; the first problem as an :class:`InputError`.

    Parameters
    ----------
    model
        A pydantic model class of this package.
    data
        What the file held (a dict).
    field
        The field path of ``data`` in the file, prefixed to the error's path.

    Returns
    -------
    Model
        The validated model.

    Raises
    ------
    InputError
        Naming the field path (``years[2].participants``), the value and what was
        expected, with an example.

    Examples
    --------
    >>> try:
    ...     validated(ObservedYear, {"year": 2013, "participants": -1})
    ... except InputError as err:
    ...     print(err.field, err.value)
    participants -1
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
        path = path.lstrip(".")
        names = [p for p in error["loc"] if isinstance(p, str)]
        example = next((_EXAMPLES[n] for n in reversed(names) if n in _EXAMPLES), None)
        message = error["msg"][:1].lower() + error["msg"][1:]
        expected = f"e.g. {example}" if example else None
        raise InputError(
            message, field=(f"{field}.{path}" if field else path) or field or None,
            value=error.get("input"), expected=expected,
        ) from None  # fmt: skip


class ObservedYear(FrozenModel):
    """What happened in one calendar year (every field but ``year`` optional).

    Parameters
    ----------
    year
        The calendar year (e.g. 2013), within the forecast's horizon.
    participants
        New participants who entered in the year (an intake year of the forecast).
    use
        Cost item key -> the participants' total use in the year, in the unit its unit
        cost is per (months of ekonomiskt bistånd, days of HVB, hours of hemtjänst).
    costs
        Cost line name -> what it actually cost in the year [kr, analysis price year].
    other_costs
        Payer (or nämnd) -> costs outside the planned cost lines [kr].
    price_year
        The price year of this year's amounts (default: the file's ``price_year``).
    source
        Where the numbers come from (bokslut, verksamhetssystem).

    Examples
    --------
    >>> ObservedYear(year=2013, use={"ekonomiskt_bistand": 120}).use
    {'ekonomiskt_bistand': 120.0}
    """

    year: int
    participants: NonNegative | None = None
    use: dict[str, NonNegative] = Field(default_factory=dict)
    costs: dict[str, NonNegative] = Field(default_factory=dict)
    other_costs: dict[str, NonNegative] = Field(default_factory=dict)
    price_year: int | None = None
    source: str | None = None


class Observations(FrozenModel):
    """A follow-up file: the forecast it follows and the observed years.

    Parameters
    ----------
    scenario
        The forecast's scenario file, relative to the follow-up file.
    example
        Or a bundled example's name (``"servicetrainee"``).
    credibility
        Weight in [0, 1] of the observed effect when re-projecting the remaining years
        (1: the observation replaces the forecast effect; see ``docs/followup.md``).
    price_year
        The price year of the amounts (costs): a year, ``"nominal"`` (each year's own
        prices, as in a bokslut) or None (the forecast's analysis price year). Amounts
        are rebased to the analysis price year with KPI.
    years
        One entry per observed calendar year.

    Examples
    --------
    >>> Observations(example="servicetrainee", years=[{"year": 2012}]).years[0].year
    2012
    """

    scenario: str | None = None
    example: str | None = None
    credibility: Annotated[float, Field(ge=0, le=1)] = 1.0
    price_year: int | Literal["nominal"] | None = None
    years: list[ObservedYear] = Field(default_factory=list)

    def year_data(self, plan: Plan) -> list[YearData]:
        """The observed years checked against ``plan``, as plain records.

        Parameters
        ----------
        plan
            The forecast's compiled plan.

        Returns
        -------
        list of YearData
            One per observed year, with the analysis year index ``t = year - base_year``.

        Raises
        ------
        InputError
            For a year before the base year or after the horizon, a year given twice,
            participants in a year without intake, an unknown cost item, cost line or
            payer; the field path names the entry (``years[1].use.hvb``).

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> plan = compile_plan(*examples.servicetrainee())
        >>> Observations(years=[{"year": 2013}]).year_data(plan)[0].index
        1
        """
        seen: set[int] = set()
        out = []
        for n, entry in enumerate(self.years):
            field = f"years[{n}]"
            t = _year_index(plan, entry.year, f"{field}.year")
            if t in seen:
                raise InputError(
                    "is given twice", field=f"{field}.year", value=entry.year,
                    expected="one entry per calendar year",
                )  # fmt: skip
            seen.add(t)
            if entry.participants is not None and t not in plan.intake_years:
                raise InputError(
                    "has participants, but the forecast has no intake that year",
                    field=f"{field}.participants", value=entry.participants,
                    expected="participants only in an intake year of the forecast ("
                    + ", ".join(str(plan.base_year + y) for y in plan.intake_years)
                    + "), or add the year to target_group.intake",
                )  # fmt: skip
            _known(entry.use, plan.item_keys, "a cost item of the forecast", f"{field}.use")
            _known(entry.costs, plan.cost_names, "a cost line of the forecast", f"{field}.costs")
            _known(
                entry.other_costs, plan.payers, "a payer of the analysis", f"{field}.other_costs"
            )
            factor = self._price_factor(plan, entry, field)
            costs = {k: v * factor for k, v in entry.costs.items()}
            other = {k: v * factor for k, v in entry.other_costs.items()}
            out.append(YearData(t, entry.participants, dict(entry.use), costs, other))
        return out

    def _price_factor(self, plan: Plan, entry: ObservedYear, field: str) -> float:
        """The factor that restates an entry's amounts in the analysis price year."""
        if entry.price_year is not None:
            return _price_factor_of(plan, entry.price_year, f"{field}.price_year")
        if self.price_year == "nominal":
            return _price_factor_of(plan, entry.year, f"{field}.year")
        if self.price_year is not None:
            return _price_factor_of(plan, self.price_year, "price_year")
        return 1.0


def _price_factor_of(plan: Plan, year: int, field: str) -> float:
    """KPI factor from ``year`` to the analysis price year; an error naming ``field``."""
    if year == plan.price_year:
        return 1.0
    try:
        return kpi().factor(year, plan.price_year)
    except InputError as exc:
        raise InputError(exc.message, field=field, value=year, expected=exc.expected) from None


def _year_index(plan: Plan, year: int, field: str) -> int:
    """The analysis year of a calendar year; an error outside the horizon."""
    first, last = plan.base_year, plan.base_year + plan.horizon - 1
    if not first <= year <= last:
        where = "before the start (the base year)" if year < first else "after the horizon"
        raise InputError(
            f"is {where} of the forecast",
            field=field,
            value=year,
            expected=f"a calendar year from {first} to {last}, e.g. year = {first + 1}",
        )
    return year - first


def _known(given: Mapping[str, float], valid: tuple[str, ...], what: str, field: str) -> None:
    """An error for the first name of ``given`` that is not in ``valid``."""
    for name in given:
        if name not in valid:
            raise unknown_name(name, valid, what, field=f"{field}.{name}")
