"""``sociokalkyl run FILE``: calculate a scenario file and show or write the result.

Examples (from a shell)::

    sociokalkyl run kalkyl.toml
    sociokalkyl run kalkyl.toml --format md --out resultat.md
    sociokalkyl run kalkyl.toml --out resultat.xlsx --lang en
    sociokalkyl run kalkyl.toml --out resultat.xlsx --force     (replace the earlier file)
    sociokalkyl run kalkyl.toml --scenario pessimistisk
    sociokalkyl run kalkyl.toml --draws 10000 --seed 1
    sociokalkyl run kalkyl.toml --perspective kommun      (the kommun's budget as headline)
    sociokalkyl run kalkyl.toml --out rapport.pdf         (the printable report; also .html)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sociokalkyl.cli._common import (
    UsageError,
    add_lang_option,
    add_width_option,
    check_scenario_names,
    emit,
    input_path,
    message,
    one_scenario,
    output_path,
    positive_int,
    say,
)
from sociokalkyl.cli._lang import current_lang
from sociokalkyl.cli._output import screen_width
from sociokalkyl.cli._perspective import add_perspective_option, with_perspective
from sociokalkyl.language.perspectives import perspective_label
from sociokalkyl.report.formats import (
    Lang,
    Report,
    Table,
    build_report,
    label,
    render,
    report_json,
    simulation_metrics_table,
    simulation_report,
    write_file,
)
from sociokalkyl.report.perspective_tables import (
    actor_table,
    has_perspectives,
    matrix_table,
    perspective_table,
    simulation_perspective_table,
)
from sociokalkyl.scenario.read import Scenario, apply_overrides, catalogue_for, load_scenario

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = [
    "OUTPUT_SUFFIXES",
    "PROGRESS_MIN_DRAWS",
    "add_run_parser",
    "format_from_suffix",
    "progress_bar",
    "run_command",
]

OUTPUT_SUFFIXES = {
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".xlsx": "xlsx",
    ".txt": "table",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}
"""The output format a suffix of ``--out`` names."""

PROGRESS_MIN_DRAWS = 20_000
"""From this many draws a progress bar shows on a terminal."""


def add_run_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``run`` command to ``subparsers`` (``common`` holds ``--debug``).

    Parameters
    ----------
    subparsers
        The ``sociokalkyl`` parser's subcommands.
    common
        The parent parser of the options every command shares.

    Examples
    --------
    >>> from sociokalkyl.cli._common import Parser
    >>> parser = Parser(prog="sociokalkyl")
    >>> add_run_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["run", "kalkyl.toml"]).lang
    'sv'
    """
    run = subparsers.add_parser(
        "run",
        parents=[common],
        help=say("help.run"),
        description=say("help.run.description"),
    )
    run.add_argument("file", metavar=say("help.file"), help=say("help.input"))
    run.add_argument(
        "--format",
        choices=["table", "json", "csv", "md", "xlsx", "pdf", "html"],
        help=say("help.run.format"),
    )
    run.add_argument("--out", metavar=say("help.path"), help=say("help.out"))
    run.add_argument("--force", action="store_true", help=say("help.force"))
    add_lang_option(run)
    add_perspective_option(run)
    run.add_argument(
        "--scenario", metavar=say("help.name"), action="append", help=say("help.run.scenario")
    )
    run.add_argument("--draws", type=positive_int, metavar="N", help=say("help.run.draws"))
    run.add_argument("--seed", type=int, metavar="S", help=say("help.run.seed"))
    add_width_option(run)
    run.set_defaults(func=run_command)


def format_from_suffix(out: Path) -> str:
    """The output format named by the suffix of ``--out``; a usage error if unknown.

    Parameters
    ----------
    out
        The file ``--out`` names.

    Returns
    -------
    str
        ``"table"``, ``"json"``, ``"csv"``, ``"md"``, ``"xlsx"``, ``"pdf"`` or ``"html"`` (see
        :data:`OUTPUT_SUFFIXES`).

    Raises
    ------
    UsageError
        For a suffix that names no output format.

    Examples
    --------
    >>> format_from_suffix(Path("resultat.txt"))
    'table'
    """
    fmt = OUTPUT_SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        known = ", ".join(OUTPUT_SUFFIXES)
        suffix = out.suffix or say("no_suffix")
        raise UsageError(say("unknown_suffix", path=out, suffix=suffix, known=known))
    return fmt


def progress_bar(stream: TextIO) -> Callable[[int, int], None]:
    """A progress callback ``show(done, total)`` that draws a bar on ``stream``.

    Parameters
    ----------
    stream
        The terminal (``stderr``) to draw on; the bar is redrawn in place.

    Returns
    -------
    callable
        ``show(done, total)`` for :func:`~sociokalkyl.uncertainty.simulate`'s
        ``progress``; it ends the line when ``done >= total``.

    Examples
    --------
    >>> import io
    >>> screen = io.StringIO()
    >>> progress_bar(screen)(3, 3)
    >>> screen.getvalue().strip()
    '[##############################] 100 %'
    """

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {100 * done // total:3d} %")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def _checked_options(args: argparse.Namespace) -> tuple[Path, Path | None, str]:
    """The input, the output file (or None) and the format; usage errors first."""
    source = input_path(args.file)
    out = output_path(args.out, [source], overwrite=args.force) if args.out else None
    fmt = args.format or (format_from_suffix(out) if out else "table")
    if fmt == "xlsx" and out is None:
        raise UsageError(say("xlsx_needs_out"))
    if fmt in ("pdf", "html") and out is None:
        raise UsageError(perspective_label("file_needs_out", current_lang()).format(fmt=fmt))
    if args.seed is not None and args.draws is None:
        raise UsageError(say("seed_needs_draws"))
    return source, out, fmt


def run_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Calculate ``args.file`` and write the result in ``args.format``; return 0.

    Parameters
    ----------
    args
        The parsed ``run`` arguments (file, format, out, force, lang, scenario, draws,
        seed).
    stdout, stderr
        Where the result and the status line go.

    Returns
    -------
    int
        The exit code, 0; problems raise (:class:`~sociokalkyl.cli._common.UsageError`,
        :class:`~sociokalkyl.scenario.read.ScenarioError`) for ``main`` to report.

    Examples
    --------
    >>> import io
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> path = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    >>> args = build_parser().parse_args(["run", str(path), "--format", "json"])
    >>> out = io.StringIO()
    >>> run_command(args, out, io.StringIO())
    0
    >>> '"npv": -3839870.0' in out.getvalue()
    True
    """
    source, out, fmt = _checked_options(args)
    lang: Lang = args.lang
    scenario = with_perspective(load_scenario(source, lang=lang), args.perspective)
    args.scenario = one_scenario(args.scenario, args.file)
    check_scenario_names([args.scenario] if args.scenario else [], scenario)
    if args.scenario is not None and args.draws is not None:
        raise UsageError(say("scenario_and_draws"))
    result, mc = _calculate(scenario, args, stderr)
    simulation = _simulation_summary(mc)
    if fmt in ("xlsx", "pdf", "html"):
        assert out is not None
        tables = _perspective_tables(result, mc, lang)
        write_file(result, out, lang, mc, overwrite=args.force, perspectives=tables)
        stderr.write(message("wrote", lang, path=out) + "\n")
        return 0
    width = screen_width(args.width, stdout) if out is None else args.width
    text = _render(result, scenario, args.scenario, simulation, fmt, lang, width)
    emit(text, out, stdout, overwrite=args.force)
    if out is not None:
        stderr.write(message("wrote", lang, path=out) + "\n")
    return 0


def _simulation_summary(mc: Any) -> dict[str, Any] | None:
    """The Monte Carlo summary with the answer per perspective, or None."""
    if mc is None:
        return None
    summary: dict[str, Any] = mc.summary()
    summary["perspectives"] = mc.perspective_records()
    for key in ("catalogue_ranges", "own_over_catalogue"):
        if getattr(mc, key, ()):
            summary[key] = list(getattr(mc, key))
    return summary


def _perspective_tables(result: Result, mc: Any, lang: Lang) -> list[Table]:
    """The perspective section for the PDF and HTML (none for a resource-only model)."""
    if not has_perspectives(result):
        return []
    tables = [perspective_table(result, lang), actor_table(result, lang)]
    if result.transfers():  # no matrix of zeros for a model without transfers
        tables.append(matrix_table(result, lang))
    if mc is not None:
        tables.append(simulation_perspective_table(mc.perspective_records(), lang))
    return tables


def _calculate(scenario: Scenario, args: argparse.Namespace, stderr: TextIO) -> tuple[Result, Any]:
    """The result (with ``--scenario``'s overrides) and, with ``--draws``, the simulation."""
    from sociokalkyl.analysis.metrics import compute_metrics
    from sociokalkyl.analysis.result import Result
    from sociokalkyl.engine import compile_plan, project

    catalogue = catalogue_for(scenario)
    plan = compile_plan(scenario.intervention, scenario.settings, catalogue)
    if args.scenario is not None:
        plan = apply_overrides(plan, scenario.scenarios[args.scenario])
    projection = project(plan, plan.values())
    result = Result(plan, projection, compute_metrics(projection))
    simulation: Any = None
    if args.draws is not None:
        simulation = _simulate(scenario, args, catalogue, stderr)
    return result, simulation


def _render(
    result: Result,
    scenario: Scenario,
    scenario_name: str | None,
    simulation: dict[str, Any] | None,
    fmt: str,
    lang: Lang,
    width: int | None = None,
) -> str:
    """The result as text in ``fmt`` (``table``, ``md``, ``csv`` or ``json``)."""
    if fmt == "json":
        text = report_json(
            result,
            scenario_name=scenario_name,
            simulation=simulation,
        )
    else:
        report = build_report(result, lang=lang, scenario_name=scenario_name)
        if simulation is not None:
            report = _with_simulation(report, simulation, lang)
        text = render(report, fmt, lang, columns=width)
    if fmt == "csv":
        # A byte-order mark, so that Excel on Windows reads the file as UTF-8 (å, ä, ö).
        text = "\ufeff" + text
    return text


def _simulate(scenario: Scenario, args: argparse.Namespace, catalogue: Any, stderr: TextIO) -> Any:
    """Monte Carlo over the file's ``[uncertainty]``: the ``SimulationResult``."""
    from sociokalkyl.engine.outcome_log import outcome_ranges
    from sociokalkyl.uncertainty import Uncertainty, simulate

    # the catalogue's ranges (docs/outcomes.md) are drawn too, so they alone suffice
    if not scenario.uncertainty and not outcome_ranges(scenario.intervention):
        raise UsageError(say("no_uncertainty", flag="--draws", path=args.file))
    show = args.draws >= PROGRESS_MIN_DRAWS and stderr.isatty()
    result = simulate(
        scenario.intervention,
        scenario.settings,
        Uncertainty(scenario.uncertainty or {}),
        draws=args.draws,
        seed=args.seed,
        progress=progress_bar(stderr) if show else None,
        catalogue=catalogue,
    )
    return result


def _with_simulation(report: Report, simulation: dict[str, Any], lang: Lang) -> Report:
    """``report`` with the Monte Carlo tables added after its own."""
    lists = ("metrics", "perspectives", "catalogue_ranges", "own_over_catalogue")
    scalars = {k: v for k, v in simulation.items() if k not in lists}
    tables = [*report.tables, simulation_report(scalars, lang)]
    lines = [*report.lines, *_range_lines(simulation, lang)]
    by_perspective = simulation.get("perspectives")
    if isinstance(by_perspective, list) and len({r["mean"] for r in by_perspective}) > 1:
        # P(NPV > 0) and the mean NPV per perspective, when they differ
        tables.append(simulation_perspective_table(by_perspective, lang))
    metrics = simulation.get("metrics")
    if isinstance(metrics, list) and metrics:
        tables.append(
            simulation_metrics_table(
                metrics,
                label("simulation_spread", lang),
                lang,
            )
        )
    return Report(report.title, lines, tables)


def _range_lines(simulation: dict[str, Any], lang: Lang) -> list[str]:
    """Which parameters Monte Carlo drew from the catalogue's ranges, and where the
    user's own distribution won (``docs/outcomes.md``)."""
    from sociokalkyl.language.model_words import model_text

    found = []
    for key, text in (
        ("catalogue_ranges", "mc_from_catalogue"),
        ("own_over_catalogue", "mc_own_wins"),
    ):
        if simulation.get(key):
            found.append(model_text(text, lang, names=", ".join(simulation[key])))
    return found
