"""What the analysis commands share: the file's plan and a checked parameter name.

``tornado`` and ``break-even`` (:mod:`~sociokalkyl.cli.tornado`,
:mod:`~sociokalkyl.cli.break_even`) read a file, compile its plan and name parameters;
a name that is no parameter is a usage error in the command line's language, with the
closest name and how to list them all.
"""

from __future__ import annotations

import argparse
import difflib
from typing import TYPE_CHECKING, Any

from sociokalkyl.cli._lang import UsageError, say
from sociokalkyl.scenario.read import Scenario, catalogue_for, load_scenario
from sociokalkyl.units.parse import parse_number

if TYPE_CHECKING:
    from sociokalkyl.engine import Plan

__all__ = ["checked_parameter", "checked_payer", "file_plan", "share"]


def file_plan(args: argparse.Namespace) -> tuple[Scenario, Plan, Any]:
    """The file ``args.file`` read in ``args.lang``, its compiled plan and its catalogue.

    Parameters
    ----------
    args
        Parsed arguments with ``file`` and ``lang``.

    Returns
    -------
    tuple
        ``(scenario, plan, catalogue)``.

    Examples
    --------
    >>> from importlib import resources
    >>> path = resources.files("sociokalkyl") / "examples" / "skolfam.toml"
    >>> _, plan, _ = file_plan(argparse.Namespace(file=str(path), lang="sv"))
    >>> "effect_multiplier" in plan.parameters
    True
    """
    from sociokalkyl.cli._common import input_path
    from sociokalkyl.cli._perspective import with_perspective
    from sociokalkyl.engine import compile_plan

    scenario = load_scenario(input_path(args.file), lang=args.lang)
    scenario = with_perspective(scenario, getattr(args, "perspective", None))
    catalogue = catalogue_for(scenario)
    plan = compile_plan(scenario.intervention, scenario.settings, catalogue)
    return scenario, plan, catalogue


def checked_parameter(plan: Plan, name: str, file: str) -> str:
    """``name`` if it is a parameter of ``plan``; else a usage error with the closest name.

    Parameters
    ----------
    plan
        The compiled plan.
    name
        The name as typed.
    file
        The file, for the hint that lists the names.

    Returns
    -------
    str

    Raises
    ------
    UsageError
        For a name that is no parameter.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> try:
    ...     checked_parameter(plan, "costs[0].amont", "k.toml")
    ... except UsageError as exc:
    ...     print(str(exc).splitlines()[0])
    costs[0].amont: ingen parameter i k.toml; menade du 'costs[0].amount'?
    """
    if name in plan.parameters:
        return name
    close = difflib.get_close_matches(name, list(plan.parameters), n=1)
    guess = say("did_you_mean", name=close[0]) if close else ""
    raise UsageError(
        say("unknown_parameter", name=name, path=file, guess=guess)
        + "\n"
        + say("unknown_parameter_hint", path=file)
    )


def checked_payer(plan: Plan, payer: str | None) -> str | None:
    """``payer`` if the calculation has it (or None); else a usage error listing them.

    Parameters
    ----------
    plan
        The compiled plan.
    payer
        ``--betalare`` as typed, or None.

    Returns
    -------
    str or None

    Raises
    ------
    UsageError
        For a payer the calculation does not have.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> try:
    ...     checked_payer(plan, "komun")
    ... except UsageError as exc:
    ...     print(str(exc).split(" (")[0])
    --betalare komun: ingen betalare i kalkylen; menade du 'kommun'?
    """
    if payer is None or payer in plan.payers:
        return payer
    close = difflib.get_close_matches(payer, list(plan.payers), n=1)
    guess = say("did_you_mean", name=close[0]) if close else ""
    raise UsageError(say("unknown_payer", payer=payer, guess=guess, payers=", ".join(plan.payers)))


def share(text: str) -> float:
    """A share as typed: ``0,2``, ``0.2``, ``20 %`` or ``20%`` -> 0.2; above 0 and at most 1.

    Parameters
    ----------
    text
        The argument.

    Returns
    -------
    float

    Raises
    ------
    argparse.ArgumentTypeError
        For text that is no share in (0, 1].

    Examples
    --------
    >>> share("0,2"), share("20 %"), share("25%")
    (0.2, 0.2, 0.25)
    """
    cleaned = text.strip()
    percent = cleaned.endswith("%")
    try:
        value = parse_number(cleaned.removesuffix("%").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(say("not_a_share", text=text)) from None
    value = value / 100 if percent else value
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(say("not_a_share", text=text))
    return value
