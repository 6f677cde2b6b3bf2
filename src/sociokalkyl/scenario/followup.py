"""Reading follow-up and portfolio files: TOML, YAML or JSON, and the follow-up Excel sheet.

A follow-up file names its forecast (``scenario = "servicetrainee.toml"``, relative to
the file, or ``example = "servicetrainee"``) and lists the observed years; a portfolio
file lists its members (each a scenario or an example, perhaps with a follow-up file)
and the fund. Errors name the file and the field path (or the sheet and cell):
``uppfoljning.toml: years[1].use.hvb: is not a cost item ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from sociokalkyl.engine import Plan, compile_plan
from sociokalkyl.errors import InputError, SociokalkylError, unknown_name
from sociokalkyl.followup.compare import FollowUp, follow_up
from sociokalkyl.followup.inputs import Observations, validated
from sociokalkyl.portfolio.fund import Fund
from sociokalkyl.portfolio.inputs import PortfolioInput
from sociokalkyl.scenario.model import MAX_FILE_BYTES, Scenario, detect_format
from sociokalkyl.scenario.overrides import catalogue_for
from sociokalkyl.scenario.problems import ScenarioError
from sociokalkyl.scenario.read import _parse_text, load_scenario, parse_scenario

__all__ = ["FollowUpFile", "PortfolioFile", "load_followup", "load_portfolio", "read_data"]

EXAMPLES = ("servicetrainee", "skolfam", "seniorer_ostersund")
"""The bundled examples a file may name with ``example =``."""


@dataclass(frozen=True)
class FollowUpFile:
    """A follow-up file read and computed.

    Attributes
    ----------
    path
        The file.
    observations
        What it holds.
    scenario
        The forecast's scenario.
    plan
        The forecast's compiled plan.
    result
        The follow-up (:class:`~sociokalkyl.followup.compare.FollowUp`).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "u.toml"
    >>> _ = p.write_text('example = "skolfam"', "utf-8")
    >>> load_followup(p).plan.intervention_name
    'Skolfam'
    """

    path: Path
    observations: Observations
    scenario: Scenario
    plan: Plan
    result: FollowUp


@dataclass(frozen=True)
class PortfolioFile:
    """A portfolio file read: members, their scenarios and follow-ups, and the fund.

    Attributes
    ----------
    path
        The file.
    data
        What it holds.
    names
        The members' names.
    scenarios, plans
        Per member, its scenario and compiled plan.
    followups
        Member name -> its follow-up, for the members that have one.
    fund
        The checked fund, or None.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.toml"
    >>> _ = p.write_text('[[members]]\\nexample = "skolfam"\\n', "utf-8")
    >>> load_portfolio(p).fund is None
    True
    """

    path: Path
    data: PortfolioInput
    names: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
    plans: tuple[Plan, ...]
    followups: dict[str, FollowUp]
    fund: Fund | None


def read_data(path: Path) -> dict[str, Any]:
    """The table a TOML, YAML or JSON file holds (the Excel sheet has its own reader).

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    dict
        Its top-level table.

    Raises
    ------
    InputError
        For a missing or too large file, text that is not UTF-8, or a file that is not
        a table at the top.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "u.toml"
    >>> _ = p.write_text('example = "servicetrainee"', encoding="utf-8")
    >>> read_data(p)
    {'example': 'servicetrainee'}
    """
    fmt = detect_format(path)
    if not path.is_file():
        raise InputError("no such file", field=str(path), expected="an existing file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(
            "is too large", field=str(path), value=f"{path.stat().st_size} bytes",
            expected=f"at most {MAX_FILE_BYTES} bytes",
        )  # fmt: skip
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", field=str(path), expected="a UTF-8 file") from None
    data = _parse_text(text, fmt, str(path))
    if not isinstance(data, dict):
        raise InputError("is not a table", field=str(path), expected="key = value lines")
    return data


def _forecast(scenario: str | None, example: str | None, base: Path, field: str) -> Scenario:
    """The scenario a file points at: a file relative to ``base`` or a bundled example."""
    if (scenario is None) == (example is None):
        raise InputError(
            "needs exactly one of scenario and example", field=field,
            value={"scenario": scenario, "example": example},
            expected='e.g. scenario = "servicetrainee.toml" or example = "servicetrainee"',
        )  # fmt: skip
    if example is not None:
        if example not in EXAMPLES:
            raise unknown_name(example, EXAMPLES, "a bundled example", field=f"{field}.example")
        text = (resources.files("sociokalkyl") / "examples" / f"{example}.toml").read_text("utf-8")
        return parse_scenario(text, file=f"{example}.toml")
    return load_scenario(base / str(scenario))


def _in_file(path: Path, exc: SociokalkylError) -> SociokalkylError:
    """The error with the file's name in front of its field path (a scenario's problems
    already name their file and line)."""
    if isinstance(exc, ScenarioError):
        return exc
    copy = exc.at("")
    copy.field = f"{path.name}: {exc.field}" if exc.field else path.name
    copy.args = (copy._render(),)
    return copy


def _at_cell(exc: SociokalkylError, cells: dict[str, str]) -> SociokalkylError:
    """The error with the sheet's cell as its field, when the field came from one."""
    field = str(exc.field)
    row = field.split(".", 1)[0]
    if field in cells or row in cells:
        exc.field = cells.get(field, cells.get(row))
        exc.args = (exc._render(),)
    return exc


def load_followup(path: str | Path, *, scenario: Scenario | None = None) -> FollowUpFile:
    """Read a follow-up file (TOML, YAML, JSON or the ``.xlsx`` sheet) and compute it.

    Parameters
    ----------
    path
        The follow-up file.
    scenario
        The forecast, when the caller has it already (else the file's ``scenario`` or
        ``example``).

    Returns
    -------
    FollowUpFile
        The observations, the forecast and the follow-up.

    Raises
    ------
    InputError
        Naming the file and the field path (or sheet and cell), the value and what was
        expected: a year outside the horizon, an unknown cost item, cost line or payer,
        a negative count.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "u.toml"
    >>> _ = p.write_text('example = "servicetrainee"\\n[[years]]\\nyear = 2012\\n', "utf-8")
    >>> load_followup(p).result.last_observed
    0
    """
    path = Path(path)
    cells: dict[str, str] = {}
    try:
        if detect_format(path) == "xlsx":
            from sociokalkyl.scenario.followup_excel import read_observation_sheet

            observations = read_observation_sheet(path, cells)
        else:
            observations = validated(Observations, read_data(path))
        if scenario is None:
            scenario = _forecast(observations.scenario, observations.example, path.parent, "")
        plan = compile_plan(scenario.intervention, scenario.settings, catalogue_for(scenario))
        years = observations.year_data(plan)
    except SociokalkylError as exc:
        raise _in_file(path, _at_cell(exc, cells)) from None
    result = follow_up(plan, years, credibility=observations.credibility)
    return FollowUpFile(path, observations, scenario, plan, result)


def load_portfolio(paths: list[str | Path] | str | Path) -> PortfolioFile:
    """Read a portfolio file, or make a portfolio of several scenario files.

    Parameters
    ----------
    paths
        One portfolio file (with ``[[members]]`` and an optional ``[fund]``), or several
        scenario files (a portfolio without a fund, each member named by its file).

    Returns
    -------
    PortfolioFile
        The members' scenarios, plans and follow-ups, and the checked fund.

    Raises
    ------
    InputError
        Naming the file and the field path: an unknown member or example, a repayment
        share above 100 %, a rule naming a payer or nämnd that does not exist.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.toml"
    >>> _ = p.write_text('[[members]]\\nexample = "skolfam"\\n', "utf-8")
    >>> load_portfolio(p).names
    ('skolfam',)
    """
    given = [Path(p) for p in (paths if isinstance(paths, list) else [paths])]
    if len(given) > 1 or "members" not in read_data(given[0]):
        members = [{"name": p.stem, "scenario": str(p.resolve())} for p in given]
        return _portfolio(Path(given[0]), PortfolioInput.model_validate({"members": members}))
    path = given[0]
    try:
        data = validated(PortfolioInput, read_data(path))
    except SociokalkylError as exc:
        raise _in_file(path, exc) from None
    return _portfolio(path, data)


def _portfolio(path: Path, data: PortfolioInput) -> PortfolioFile:
    """The members' scenarios, plans and follow-ups, and the fund checked against them."""
    names: list[str] = []
    scenarios, plans, followups = [], [], {}
    try:
        for n, member in enumerate(data.members):
            field = f"members[{n}]"
            scenario = _forecast(member.scenario, member.example, path.parent, field)
            name = member.name or member.example or Path(str(member.scenario)).stem
            if name in names:
                raise InputError(
                    "is given twice", field=f"{field}.name", value=name,
                    expected="a unique name a member (add name = ...)",
                )  # fmt: skip
            names.append(name)
            scenarios.append(scenario)
            plans.append(
                compile_plan(scenario.intervention, scenario.settings, catalogue_for(scenario))
            )
            if member.followup is not None:
                followups[name] = load_followup(
                    path.parent / member.followup, scenario=scenario
                ).result
        fund = data.fund.to_fund(dict(zip(names, plans, strict=True))) if data.fund else None
    except SociokalkylError as exc:
        raise _in_file(path, exc) from None
    return PortfolioFile(
        path, data, tuple(names), tuple(scenarios), tuple(plans), followups.copy(), fund
    )
