"""The command ``sociokalkyl``: a thin wrapper over the library for scenario files.

Commands::

    sociokalkyl run FILE [--format table|json|csv|md|xlsx] [--out PATH] [--lang sv|en]
                         [--scenario NAME] [--draws N --seed S] [--debug]
    sociokalkyl init [--example NAME] [--format toml|yaml|json|xlsx] [--force] PATH
    sociokalkyl validate FILE [--json]
    sociokalkyl schema [--out PATH]
    sociokalkyl catalogue ...
    sociokalkyl --version

Exit codes: 0 success, 1 a calculation or validation problem (the file's content),
2 a usage error (unknown option, missing file, a directory, an unknown format, an
output that would overwrite the input). Errors go to stderr as one clear message per
problem; ``--debug`` adds the Python traceback.

See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TextIO

from sociokalkyl.cli.catalogue import add_catalogue_parser
from sociokalkyl.errors import SociokalkylError
from sociokalkyl.report.formats import (
    Lang,
    Report,
    build_report,
    label,
    render,
    report_json,
    simulation_metrics_table,
    simulation_report,
)
from sociokalkyl.scenario.read import (
    FORMATS,
    Format,
    Scenario,
    ScenarioError,
    apply_overrides,
    catalogue_for,
    dumps_scenario,
    json_schema,
    load_scenario,
    write_atomic,
)

__all__ = ["EXAMPLES", "UsageError", "main"]

EXAMPLES: dict[str, str] = {
    "servicetrainee": "Servicetrainee, Norrköping: kommunala anställningar för "
    "långvarigt biståndsberoende",
    "skolfam": "Skolfam, Örebro: skolstöd för familjehemsplacerade barn",
    "seniorer_ostersund": "Hälsofrämjande insatser för seniorer, Östersund: mindre hemtjänst",
}
"""The bundled example scenarios (``sociokalkyl init --example NAME``)."""

OUTPUT_SUFFIXES = {".json": "json", ".csv": "csv", ".md": "md", ".xlsx": "xlsx", ".txt": "table"}
PROGRESS_MIN_DRAWS = 20_000


class UsageError(Exception):
    """The command was used wrongly (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so main() returns the code."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}\n(see `{self.prog} --help`)")


def _version() -> str:
    from sociokalkyl import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sociokalkyl``."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", help="show the Python traceback of an error"
    )
    parser = _Parser(
        prog="sociokalkyl",
        description="Socio-economic cost-benefit calculation of social investments "
        "(samhällsekonomisk kalkyl för sociala investeringar).",
        epilog="Start with: sociokalkyl init min_kalkyl.toml, then sociokalkyl run "
        "min_kalkyl.toml. See docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"sociokalkyl {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = sub.add_parser(
        "run",
        parents=[common],
        help="calculate a scenario file and show or write the result",
        description="Calculate a scenario file: NPV, payback, benefit-cost ratio, per payer, "
        "per cost item, year by year, and the assumptions with their sources.",
    )
    run.add_argument("file", metavar="FILE", help="scenario file (.toml, .yaml, .json, .xlsx)")
    run.add_argument(
        "--format",
        choices=["table", "json", "csv", "md", "xlsx"],
        help="output format (default: table, or from the suffix of --out)",
    )
    run.add_argument("--out", metavar="PATH", help="write to this file instead of the screen")
    run.add_argument("--lang", choices=["sv", "en"], default="sv", help="language (default sv)")
    run.add_argument(
        "--scenario", metavar="NAME", help="apply the overrides of [scenarios.NAME] in the file"
    )
    run.add_argument(
        "--draws", type=_positive_int, metavar="N", help="Monte Carlo draws over [uncertainty]"
    )
    run.add_argument("--seed", type=int, metavar="S", help="random seed for --draws")
    run.set_defaults(func=_run)

    init = sub.add_parser(
        "init",
        parents=[common],
        help="write a commented starting file",
        description="Write a commented starting scenario file from a bundled example.",
    )
    init.add_argument("path", metavar="PATH", help="the file to write, e.g. min_kalkyl.toml")
    init.add_argument(
        "--example",
        choices=sorted(EXAMPLES),
        default="servicetrainee",
        help="which example to start from (default servicetrainee)",
    )
    init.add_argument(
        "--format",
        choices=["toml", "yaml", "json", "xlsx"],
        help="file format (default: from the suffix of PATH, else toml)",
    )
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.add_argument("--lang", choices=["sv", "en"], default="sv", help="language (default sv)")
    init.set_defaults(func=_init)

    validate = sub.add_parser(
        "validate",
        parents=[common],
        help="check a scenario file and list every problem",
        description="Check a scenario file and list every problem at once, with its line.",
    )
    validate.add_argument("file", metavar="FILE")
    validate.add_argument("--json", action="store_true", help="problems as JSON on stdout")
    validate.add_argument(
        "--lang", choices=["sv", "en"], default="sv", help="language (default sv)"
    )
    validate.set_defaults(func=_validate)

    schema = sub.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of scenario files",
        description="Print the JSON Schema of scenario files (for editors and checks).",
    )
    schema.add_argument("--out", metavar="PATH", help="write to this file")
    schema.set_defaults(func=_schema)

    add_catalogue_parser(sub)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text.replace(" ", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


# --- helpers -----------------------------------------------------------------------------


def _input_path(text: str) -> Path:
    path = Path(text)
    if not path.exists():
        raise UsageError(f"{text}: no such file")
    if path.is_dir():
        raise UsageError(f"{text}: is a directory; expected a scenario file")
    if path.suffix.lower() not in FORMATS:
        raise UsageError(
            f"{text}: unknown file format {path.suffix or '(no suffix)'!r}; expected a file "
            "ending in .toml, .yaml, .yml, .json or .xlsx"
        )
    return path


def _output_path(text: str, inputs: Sequence[Path] = ()) -> Path:
    path = Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        raise UsageError(f"--out {text}: is a directory; expected a file name")
    for source in inputs:
        if path.resolve() == source.resolve() or (
            path.exists() and source.exists() and path.samefile(source)
        ):
            raise UsageError(f"--out {text}: is the input file; refusing to overwrite it")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"--out {text}: the directory {path.parent} does not exist")
    return path


def _format_from_suffix(out: Path) -> str:
    """The output format named by the suffix of ``--out``; a usage error if unknown."""
    fmt = OUTPUT_SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        known = ", ".join(OUTPUT_SUFFIXES)
        raise UsageError(
            f"--out {out}: unknown output suffix {out.suffix or '(no suffix)'!r}; "
            f"use one of {known}, or give --format table|json|csv|md|xlsx"
        )
    return fmt


_MESSAGES: dict[str, tuple[str, str]] = {
    "wrote": ("skrev {path}", "wrote {path}"),
    "init": (
        "skrev {path} (exemplet {example}). Redigera filen och kör sedan:",
        "wrote {path} (example {example}). Edit it, then run:",
    ),
    "ok": ("OK: {path}: {name!r}", "OK: {path}: {name!r}"),
    "cost_items": ("{n} kostnadspost(er)", "{n} cost item(s)"),
    "effects": ("{n} effekt(er)", "{n} effect(s)"),
    "costs": ("{n} insatskostnad(er)", "{n} cost(s)"),
    "scenarios": ("{n} scenario(r)", "{n} scenario(s)"),
    "uncertainty": (
        "osäkerhet över {n} parameter/parametrar",
        "uncertainty over {n} parameter(s)",
    ),
}


def _message(key: str, lang: Lang, **values: Any) -> str:
    sv, en = _MESSAGES[key]
    return (sv if lang == "sv" else en).format(**values)


def _load(path: Path, lang: Lang = "sv") -> Scenario:
    return load_scenario(path, lang=lang)


def _emit(text: str, out: Path | None, stdout: TextIO) -> None:
    if out is None:
        stdout.write(text)
    else:
        write_atomic(out, text.encode("utf-8"))


def _progress(stream: TextIO) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {100 * done // total:3d} %")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


# --- commands ----------------------------------------------------------------------------


def _run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    source = _input_path(args.file)
    out = _output_path(args.out, [source]) if args.out else None
    fmt = args.format or (_format_from_suffix(out) if out else "table")
    if fmt == "xlsx" and out is None:
        raise UsageError("--format xlsx needs --out FILE.xlsx (a workbook is not shown on screen)")
    if args.seed is not None and args.draws is None:
        raise UsageError("--seed goes with --draws N (Monte Carlo); give --draws too")
    lang: Lang = args.lang
    scenario = _load(source, lang)
    if args.scenario is not None and args.scenario not in scenario.scenarios:
        names = ", ".join(sorted(scenario.scenarios)) or "none in this file"
        raise UsageError(f"--scenario {args.scenario}: no such scenario; the file has: {names}")
    if args.scenario is not None and args.draws is not None:
        raise UsageError("--scenario and --draws cannot be combined yet; run them one at a time")

    from sociokalkyl.analysis import Result, compute_metrics
    from sociokalkyl.engine import compile_plan, project

    catalogue = catalogue_for(scenario)
    plan = compile_plan(scenario.intervention, scenario.settings, catalogue)
    if args.scenario is not None:
        plan = apply_overrides(plan, scenario.scenarios[args.scenario])
    projection = project(plan, plan.values())
    result = Result(plan, projection, compute_metrics(projection))

    simulation: dict[str, Any] | None = None
    if args.draws is not None:
        simulation = _simulate(scenario, args, catalogue, stderr)

    if fmt == "xlsx":
        from sociokalkyl.report.excel import write_report

        assert out is not None
        write_report(
            result, out, lang=lang, simulation=simulation, intervention=scenario.intervention
        )
        stderr.write(_message("wrote", lang, path=out) + "\n")
        return 0
    if fmt == "json":
        text = report_json(
            result,
            intervention=scenario.intervention,
            scenario_name=args.scenario,
            simulation=simulation,
        )
    else:
        report = build_report(
            result, intervention=scenario.intervention, lang=lang, scenario_name=args.scenario
        )
        if simulation is not None:
            report = _with_simulation(report, simulation, lang)
        text = render(report, fmt, lang)
    if fmt == "csv":
        # A byte-order mark, so that Excel on Windows reads the file as UTF-8 (å, ä, ö).
        text = "\ufeff" + text
    _emit(text, out, stdout)
    if out is not None:
        stderr.write(_message("wrote", lang, path=out) + "\n")
    return 0


def _simulate(
    scenario: Scenario, args: argparse.Namespace, catalogue: Any, stderr: TextIO
) -> dict[str, Any]:
    from sociokalkyl.uncertainty import Uncertainty, simulate

    if not scenario.uncertainty:
        raise UsageError(
            f"--draws: {args.file} has no [uncertainty] table; add one, e.g.\n"
            '  [uncertainty]\n  "effects[0].change" = { kind = "uniform", low = -0.6, '
            "high = -0.4 }"
        )
    show = args.draws >= PROGRESS_MIN_DRAWS and stderr.isatty()
    result = simulate(
        scenario.intervention,
        scenario.settings,
        Uncertainty(scenario.uncertainty),
        draws=args.draws,
        seed=args.seed,
        progress=_progress(stderr) if show else None,
        catalogue=catalogue,
    )
    summary: dict[str, Any] = result.summary()
    return summary


def _with_simulation(report: Report, simulation: dict[str, Any], lang: Lang) -> Report:
    scalars = {k: v for k, v in simulation.items() if k != "metrics"}
    tables = [*report.tables, simulation_report(scalars, lang)]
    metrics = simulation.get("metrics")
    if isinstance(metrics, list) and metrics:
        tables.append(
            simulation_metrics_table(
                metrics,
                label("simulation", lang) + (": fördelning" if lang == "sv" else ": spread"),
                lang,
            )
        )
    return Report(report.title, report.lines, tables)


def _example_text(name: str) -> str:
    return (resources.files("sociokalkyl") / "examples" / f"{name}.toml").read_text("utf-8")


def _init(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    path = Path(args.path)
    suffix_format = {
        ".toml": "toml",
        ".yaml": "yaml",
        ".yml": "yaml",
        ".json": "json",
        ".xlsx": "xlsx",
    }.get(path.suffix.lower())
    fmt = args.format or suffix_format or "toml"
    if suffix_format is not None and args.format and suffix_format != args.format:
        raise UsageError(f"{path}: the suffix {path.suffix} does not match --format {fmt}")
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; give a file name, e.g. {path / 'kalkyl.toml'}")
    if path.exists() and not args.force:
        raise UsageError(f"{path}: already exists; use --force to overwrite it")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"{path}: the directory {path.parent} does not exist")
    if fmt == "xlsx":
        from sociokalkyl.scenario.excel import write_template
        from sociokalkyl.scenario.read import parse_scenario as parse_example

        example = parse_example(_example_text(args.example))
        write_template(path, example.intervention, example.settings)
    else:
        text = _example_text(args.example)
        if fmt != "toml":
            from sociokalkyl.scenario.read import parse_scenario

            text_format: Format = "yaml" if fmt == "yaml" else "json"
            text = dumps_scenario(parse_scenario(text, "toml", validate=False), text_format)
        if fmt == "toml":
            text = _own_name(text, args.example, path.name)
        if not text.endswith("\n"):
            text += "\n"
        write_atomic(path, text.encode("utf-8"))
    lang: Lang = args.lang
    stderr.write(
        _message("init", lang, path=path, example=args.example)
        + f"\n  sociokalkyl validate {path}\n  sociokalkyl run {path}\n"
    )
    return 0


def _own_name(text: str, example: str, name: str) -> str:
    """The example's comments (``# Kör: sociokalkyl run EXAMPLE.toml``) with the file's name."""
    import re

    shown = name if re.fullmatch(r"[\w.\-]+", name) else '"' + name + '"'
    return re.sub(
        rf"(sociokalkyl\s+(?:run|validate)\s+){re.escape(example)}\.toml\b",
        lambda match: match.group(1) + shown,
        text,
    )


def _validate(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    path = _input_path(args.file)
    try:
        scenario = _load(path, args.lang)
    except ScenarioError as exc:
        if args.json:
            stdout.write(
                json.dumps([p.as_dict() for p in exc.problems], ensure_ascii=False, indent=2) + "\n"
            )
        _report_problems(exc, stderr)
        return 1
    if args.json:
        stdout.write("[]\n")
    intervention = scenario.intervention
    lang: Lang = args.lang
    parts = [
        _message("ok", lang, path=path, name=intervention.name),
        _message("cost_items", lang, n=len(intervention.cost_items)),
        _message("effects", lang, n=len(intervention.effects)),
        _message("costs", lang, n=len(intervention.costs)),
        _message("scenarios", lang, n=len(scenario.scenarios)),
    ]
    if scenario.uncertainty:
        uncertain = [name for name in scenario.uncertainty if name != "correlation"]
        parts.append(_message("uncertainty", lang, n=len(uncertain)))
    stdout.write(", ".join(parts) + "\n")
    return 0


def _schema(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    out = _output_path(args.out) if args.out else None
    _emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", out, stdout)
    return 0


def _report_problems(exc: ScenarioError, stderr: TextIO) -> None:
    for problem in exc.problems:
        stderr.write(f"error: {problem}\n")
    count = len(exc.problems)
    stderr.write(f"{count} problem{'s' if count != 1 else ''} found\n")


# --- entry point -------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sociokalkyl`` with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    stdout, stderr = sys.stdout, sys.stderr
    debug = "--debug" in arguments
    try:
        parser = build_parser()
        args = parser.parse_args(arguments)
        if getattr(args, "func", None) is None:
            parser.print_help(stderr)
            return 2
        func = args.func
        if func in (_run, _init, _validate, _schema):
            code: int = func(args, stdout, stderr)
        else:
            code = int(func(args) or 0)
        return code
    except SystemExit as exc:  # --help and --version exit 0 through argparse
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except UsageError as exc:
        _debug(debug, stderr)
        stderr.write(f"error: {exc}\n")
        return 2
    except ScenarioError as exc:
        _debug(debug, stderr)
        _report_problems(exc, stderr)
        return 1
    except SociokalkylError as exc:
        _debug(debug, stderr)
        stderr.write(f"error: {exc}\n")
        return 1
    except OSError as exc:
        _debug(debug, stderr)
        stderr.write(f"error: {exc.strerror or exc}: {exc.filename or ''}\n".replace(": \n", "\n"))
        return 1
    except KeyboardInterrupt:
        stderr.write("interrupted\n")
        return 130
    except (ValueError, TypeError, ArithmeticError, RecursionError, MemoryError) as exc:
        _debug(debug, stderr)
        stderr.write(f"error: {type(exc).__name__}: {exc}\n(run with --debug for details)\n")
        return 1
    except Exception as exc:  # a bug: still no raw traceback unless --debug
        _debug(debug, stderr)
        stderr.write(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "(this is a bug in sociokalkyl; run with --debug and report it)\n"
        )
        return 1


def _debug(debug: bool, stderr: TextIO) -> None:
    if debug:
        stderr.write(traceback.format_exc())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
