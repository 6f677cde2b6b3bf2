"""One source for words: every label exists in Swedish and English, and no report in one
language carries a label that exists only in the other; quantities format from unit keys;
the assumption log shows the same rows in every format."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl.analysis.evaluate import evaluate
from sociokalkyl.analysis.result import Result
from sociokalkyl.language import catalogue as catalogue_words
from sociokalkyl.language import labels
from sociokalkyl.language import parameters as parameters_words
from sociokalkyl.language import simulation as simulation_words
from sociokalkyl.language import template as template_words
from sociokalkyl.language import workbook as workbook_words
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_quantity, format_unit
from sociokalkyl.model import Intervention
from sociokalkyl.report.excel import write_report
from sociokalkyl.report.perspective_tables import tax_rate_cells, tax_rates
from sociokalkyl.report.render import render_csv, render_markdown, render_text, report_json
from sociokalkyl.report.summary import build_report
from sociokalkyl.scenario.read import load_scenario

TABLES: dict[str, dict[Any, tuple[str, str]]] = {
    "LABELS": labels.LABELS,
    "WORDS": labels.WORDS,
    "SIMULATION_LABELS": simulation_words.SIMULATION_LABELS,
    "PARAMETER_LABELS": parameters_words.PARAMETER_LABELS,
    "UNIT_WORDS": labels.UNIT_WORDS,
    "CONFIDENCE_WORDS": labels.CONFIDENCE_WORDS,
    "WORKBOOK_LABELS": workbook_words.WORKBOOK_LABELS,
    "CATALOGUE_LABELS": catalogue_words.CATALOGUE_LABELS,
    "TEMPLATE_LABELS": template_words.TEMPLATE_LABELS,
}
EXAMPLES = sorted(
    p.name for p in resources.files("sociokalkyl").joinpath("examples").iterdir()
    if p.name.endswith(".toml")
)  # fmt: skip


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_label_exists_in_both_languages(table: str) -> None:
    for key, pair in TABLES[table].items():
        assert isinstance(pair, tuple), (table, key)
        assert len(pair) == 2, (table, key)
        sv, en = pair
        assert sv.strip(), (table, key, "svenska")
        assert en.strip(), (table, key, "English")


def test_one_wording_for_the_confidence_marks() -> None:
    # the golden reports' wording, also in the catalogue, the workbooks and the template
    assert labels.label("conf_S") == labels.confidence_label("S") == "S: står i källan"
    assert labels.confidence_label("S2", "en") == "S2: secondary source"
    assert "S: står i källan, S2: andrahandskälla" in workbook_words.workbook_label("legend")
    assert workbook_words.confidence_legend() in template_words.template_label("readme").format(
        legend=workbook_words.confidence_legend()
    )
    assert template_words.template_label("attribution") == "Tillskrivning"
    assert labels.word("attribution", "sv", "10 %") == "tillskrivning 10 %"


def _fragments(text: str) -> Iterator[str]:
    """The fixed words of a label: the parts between its ``{placeholders}``."""
    for part in re.split(r"\{[^}]*\}", text):
        part = part.strip(" :;,.()=-/\n")
        if len(part) >= 3 and re.search(r"[A-Za-zÅÄÖåäö]{3}", part):
            yield part


def _only_in(lang: Lang) -> set[str]:
    """Label fragments of ``lang`` that occur in no label of the other language."""
    mine: set[str] = set()
    other_texts: list[str] = []
    for table in TABLES.values():
        for sv, en in table.values():
            mine.update(_fragments(sv if lang == "sv" else en))
            other_texts.append(en if lang == "sv" else sv)
    other = "\n".join(other_texts)
    return {f for f in mine if not re.search(rf"(?<!\w){re.escape(f)}(?!\w)", other)}


def _data_strings(intervention: Intervention, result: Result) -> list[str]:
    """Names, sources and notes of the scenario: data, in whatever language it was written."""
    group = intervention.target_group
    texts = [intervention.name, intervention.description, intervention.source, group.name,
             group.source, result.plan.discounting.source]  # fmt: skip
    for part in (*intervention.baseline, *intervention.effects, *intervention.costs,
                 *intervention.outcome_effects):  # fmt: skip
        texts += [getattr(part, "name", None), part.source, getattr(part, "note", None)]
    texts += [row.name for row in result.assumptions()]  # outcome rows name their outcome
    texts += list(intervention.unpriced_effects)
    for item in result.plan.cost_items:
        texts += [item.key, item.name, item.source, item.note, item.geography]
    texts += list(result.plan.payers)
    texts += list(result.plan.parameters)  # identifiers such as "effects[0].attribution"
    return sorted({t for t in texts if t}, key=len, reverse=True)


def _without_data(text: str, data: list[str]) -> str:
    for value in data:
        text = text.replace(value, " ")
    return text


def _xlsx_texts(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(
        str(cell.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and not cell.value.startswith("=")
    )


def _outputs(name: str, lang: Lang, tmp_path: Path) -> tuple[dict[str, str], list[str]]:
    scenario = load_scenario(resources.files("sociokalkyl").joinpath("examples", name))
    intervention = scenario.intervention
    result = evaluate(intervention, scenario.settings)
    report = build_report(result, lang=lang)
    path = tmp_path / f"{name}.{lang}.xlsx"
    write_report(result, path, lang=lang)
    outputs = {
        "text": render_text(report, lang, width=100_000),  # no wrapping inside data
        "md": render_markdown(report, lang),
        "csv": render_csv(report, lang),
        "xlsx": _xlsx_texts(path),
    }
    if lang == "en":
        outputs["json"] = report_json(result)
    return outputs, _data_strings(intervention, result)


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_report_carries_a_label_of_the_other_language(
    name: str, lang: Lang, tmp_path: Path
) -> None:
    foreign = _only_in("en" if lang == "sv" else "sv")
    assert len(foreign) > 100  # the check has teeth
    outputs, data = _outputs(name, lang, tmp_path)
    for fmt, text in outputs.items():
        text = _without_data(text, data)
        found = sorted(f for f in foreign if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text))
        assert not found, f"{name} {fmt} ({lang}) carries labels of the other language: {found}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_monte_carlo_reports_carry_no_label_of_the_other_language(
    lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sociokalkyl.cli import main

    name = "servicetrainee.toml"
    foreign = _only_in("en" if lang == "sv" else "sv")
    path = str(resources.files("sociokalkyl").joinpath("examples", name))
    _, data = _outputs(name, lang, tmp_path)
    common = ["--draws", "200", "--seed", "1", "--lang", lang]
    texts = {}
    for fmt in ("md", "csv"):  # (the text table wraps data; its cells are md's cells)
        assert main(["run", path, "--format", fmt, *common]) == 0
        texts[fmt] = capsys.readouterr().out
    out = tmp_path / "mc.xlsx"
    assert main(["run", path, "--out", str(out), *common]) == 0
    texts["xlsx"] = _xlsx_texts(out)
    assert "Monte Carlo" in texts["md"]
    for fmt, text in texts.items():
        text = _without_data(text, data)
        found = sorted(f for f in foreign if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text))
        assert not found, (
            f"Monte Carlo {fmt} ({lang}) carries labels of the other language: {found}"
        )


@pytest.mark.parametrize(
    ("value", "unit", "sv", "en"),
    [
        (4500, "SEK/day", "4 500 kr/dygn", "4,500 SEK/day"),
        (7149.0, "SEK/month", "7 149 kr/mån", "7,149 SEK/month"),
        (9185.395607893062, "SEK/month", "9 185,4 kr/mån", "9,185.4 SEK/month"),
        (-4.9, "month/year", "-4,9 mån/år", "-4.9 month/year"),
        (2.5, "hour/week", "2,5 tim/vecka", "2.5 hour/week"),
        (0.05, "1/year", "0,05 1/år", "0.05 1/year"),
        (12, "month", "12 mån", "12 month"),
        (3, "tkr/month", "3 tkr/mån", "3 kSEK/month"),
        (30, "participants", "30 deltagare", "30 participants"),
        (1.5, "×", "1,5 ×", "1.5 ×"),
        (1234567, "", "1 234 567", "1,234,567"),
    ],
)
def test_quantities_format_from_unit_keys(value: float, unit: str, sv: str, en: str) -> None:
    assert format_quantity(value, unit, "sv") == sv
    assert format_quantity(value, unit, "en") == en


def test_unit_keys_read_the_same_with_pint_spacing() -> None:
    assert format_unit("SEK / month") == format_unit("SEK/month") == "kr/mån"
    assert format_unit("dimensionless") == ""


def test_language_knows_no_pint() -> None:
    # language/ sits below units: it formats unit keys, never pint quantities
    for module in ("labels", "numbers"):
        source = resources.files("sociokalkyl").joinpath("language", f"{module}.py")
        tree = ast.parse(source.read_text("utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}  # fmt: skip
        imported |= {node.module or "" for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)}  # fmt: skip
        assert not {m for m in imported if m.startswith(("pint", "sociokalkyl.units"))}


@pytest.mark.parametrize("name", EXAMPLES)
def test_assumption_log_is_the_same_rows_in_every_format(name: str, tmp_path: Path) -> None:
    scenario = load_scenario(resources.files("sociokalkyl").joinpath("examples", name))
    intervention = scenario.intervention
    result = evaluate(intervention, scenario.settings)
    rows = result.assumptions()
    sources = [row.source or "" for row in rows]
    kinds = {row.kind for row in rows}
    assert {"cost_item", "target_group", "effect", "cost"} <= kinds
    # an example whose effects are all on outcomes has no baseline (docs/outcomes.md)
    assert kinds <= {"cost_item", "target_group", "baseline", "effect", "cost"}

    # the text and JSON logs end with the tax and contribution rates when there is work
    # (issue 10; report.perspective_tables.tax_rate_cells), after the engine's rows
    taxes = tax_rate_cells(result, "sv")
    table = build_report(result).tables[-1]
    assert [r[2] for r in table.rows] == [*sources, *(c[2] for c in taxes)]
    logged = json.loads(report_json(result))["assumptions"]
    taxes_en = [c[2] for c in tax_rate_cells(result, "en")]
    assert [r["source"] for r in logged] == [*sources, *taxes_en]
    path = tmp_path / "rapport.xlsx"
    write_report(result, path)
    ws = openpyxl.load_workbook(path)["Antaganden"]
    assert ws.cell(5, 9).value == labels.label("source")
    # the xlsx log too: one row per log row, the rates after them, then a blank row
    end = 6 + len(rows) + len(taxes)
    sheet = [ws.cell(r, 9).value or "" for r in range(6, end + 1)]
    assert sheet == [*sources, *(c[2] for c in taxes), ""], "one row per log row and rate"
    assert [ws.cell(r, 4).value for r in range(6, 6 + len(rows))] == [row.value for row in rows]
    rates = [rate["value"] for rate in tax_rates(result)]
    assert [ws.cell(r, 4).value for r in range(6 + len(rows), end)] == pytest.approx(rates)
    # weak provenance stays visible: no mark reads "ej angiven", A reads "A: antagande"
    marks = [ws.cell(r, 10).value for r in range(6, end)]
    assert marks[: len(rows)] == [labels.confidence_label(row.confidence) for row in rows]
    assert [r[3] for r in table.rows] == marks == [*marks[: len(rows)], *(c[3] for c in taxes)]
