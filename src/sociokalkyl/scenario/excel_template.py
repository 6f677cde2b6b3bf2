"""The Excel input template: write one (optionally pre-filled), read one back as a scenario.

The template has one sheet per part of a scenario, with Swedish headings a controller
knows: ``Läs mig``, ``Insats``, ``Kostnadsposter``, ``Baslinje``, ``Effekter``,
``Kostnader`` and ``Inställningar``. Amounts are a number cell plus a unit cell
(``7149`` and ``"kr/mån"``) so that Excel users type plain numbers. Cells carry data
validation: lists for kinds, payers and confidence marks, whole numbers for years,
decimals for shares.

:func:`read_template` returns a plain mapping shaped like a scenario file,
``{"intervention": {...}, "settings": {...}}``, and checks it against the models; any
problem is an :class:`~sociokalkyl.errors.InputError` whose ``field`` names the sheet
and the cell, e.g. ``"Effekter!C4"``. The reading lives in
:mod:`sociokalkyl.scenario.excel_read`; this module holds the layout and the writing.

Examples
--------
>>> import tempfile, pathlib
>>> from sociokalkyl.scenario.excel import read_template
>>> from sociokalkyl.model import Intervention
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mall.xlsx"
>>> write_template(path)
>>> scenario = read_template(path)
>>> Intervention.model_validate(scenario["intervention"]).name
'Servicetrainee'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pint
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from sociokalkyl._atomic import atomic_save
from sociokalkyl.errors import InputError
from sociokalkyl.model import STANDARD_PAYERS, CostItem, Intervention, Settings

__all__ = [
    "FIRST_ROW",
    "INTAKE_ROW",
    "INTERVENTION_FIELDS",
    "SETTINGS_FIELDS",
    "TABLES",
    "TEMPLATE_SHEETS",
    "Column",
    "make_column",
    "plain_number",
    "unit_text",
    "write_template",
]

FIRST_ROW = 3
"""Tables: headings in row 1, hints in row 2, data from row 3."""
MAX_ROWS = 200
"""Rows of each table that carry data validation."""
INTAKE_ROW = 13
"""First row of the intake table on the Insats sheet (its headings are one row above)."""

_HEAD = Font(bold=True)
_HINT = Font(italic=True, color="666666")
_INPUT = PatternFill("solid", fgColor="FFF2CC")

KINDS_COST = {"engång": "one_off", "per deltagare": "per_participant", "per år": "per_year"}
KINDS_EFFECT = {"relativ": "relative", "absolut": "absolute"}
UNITS_GROUP = {"person": "person", "hushåll": "household"}
CONFIDENCE = {"S": "S", "S2": "S2", "D": "D", "A": "A"}
PRESETS = {"asek": "asek", "green_book": "green_book", "denmark_2018": "denmark_2018"}


@dataclass(frozen=True)
class Column:
    """One column of a template table."""

    header: str
    key: str | None
    kind: str
    hint: str
    choices: Mapping[str, str] | None = None
    required: bool = False
    width: int = 16


def make_column(header: str, key: str | None, kind: str, hint: str, **kw: Any) -> Column:
    return Column(header, key, kind, hint, **kw)


COST_ITEM_COLUMNS = (
    make_column(
        "Nyckel", "key", "text", "kort id, t.ex. ekonomiskt_bistand", required=True, width=22
    ),
    make_column("Namn", "name", "text", "tom: hämtas ur katalogen", width=34),
    make_column("Enhetskostnad", "unit_cost", "amount", "tal, t.ex. 7149"),
    make_column("Enhet", None, "unit", "kr/mån, kr/dygn, kr (per händelse)", width=12),
    make_column("Prisår", "price_year", "int", "t.ex. 2012", width=10),
    make_column("Betalare", "payer", "payer_shares", "kommun, eller kommun=0,56; region=0,44"),
    make_column("Prisindex", "price_index", "text", "KPI eller OPI", width=10),
    make_column("Real kostnadsutveckling", "real_growth", "float", "per år, t.ex. 0,01"),
    make_column("Källa", "source", "text", "var siffran kommer ifrån", width=40),
    make_column("Säkerhet", "confidence", "choice", "S, S2, D, A", choices=CONFIDENCE, width=10),
    make_column("Geografi", "geography", "text", "t.ex. Riket"),
    make_column("Anmärkning", "note", "text", "", width=30),
)
BASELINE_COLUMNS = (
    make_column(
        "Kostnadspost", "cost_item", "text", "nyckel från Kostnadsposter", required=True, width=22
    ),
    make_column("Användning", "use", "amount", "per deltagare, t.ex. 10", required=True),
    make_column("Enhet", None, "unit", "mån/år, dygn/år, tim/vecka, /år", width=12),
    make_column("Utflöde per år", "exit_rate", "share", "andel 0-1, t.ex. 0,2"),
    make_column("Profil", "profile", "profile", "tom, eller t.ex. 1; 0,8; 0,6"),
    make_column("Antal år", "years", "int", "tom = till horisonten", width=10),
    make_column("Källa", "source", "text", "", width=40),
    make_column("Säkerhet", "confidence", "choice", "S, S2, D, A", choices=CONFIDENCE, width=10),
)
EFFECT_COLUMNS = (
    make_column(
        "Kostnadspost", "cost_item", "text", "nyckel från Baslinje", required=True, width=22
    ),
    make_column(
        "Typ", "kind", "choice", "relativ eller absolut", choices=KINDS_EFFECT, required=True
    ),
    make_column("Förändring", "change", "change", "relativ: andel (-0,49); absolut: t.ex. -4,9"),
    make_column("Enhet", None, "unit", "relativ: andel eller %; absolut: mån/år", width=12),
    make_column("Fördröjning (år)", "start_lag", "int", "år från intag till start", width=12),
    make_column("Upprampning (år)", "ramp_up_years", "int", "0 = full effekt direkt", width=12),
    make_column("Varaktighet (år)", "duration_years", "int", "tom = till horisonten", width=12),
    make_column("Avtagande per år", "drop_off", "share", "andel 0-1"),
    make_column("Dödvikt", "deadweight", "share", "andel 0-1", width=10),
    make_column("Tillskrivning", "attribution", "share", "andel 0-1", width=10),
    make_column("Undanträngning", "displacement", "share", "andel 0-1", width=10),
    make_column("Källa", "source", "text", "", width=40),
    make_column("Säkerhet", "confidence", "choice", "S, S2, D, A", choices=CONFIDENCE, width=10),
    make_column("Anmärkning", "note", "text", "", width=30),
)
COST_COLUMNS = (
    make_column("Namn", "name", "text", "vad pengarna köper", required=True, width=34),
    make_column(
        "Typ", "kind", "choice", "engång, per deltagare, per år", choices=KINDS_COST, required=True
    ),
    make_column("Belopp", "amount", "amount", "tal, t.ex. 26000", required=True),
    make_column("Enhet", None, "unit", "kr, kr/mån, kr/år", width=12),
    make_column(
        "Varaktighet", "duration", "amount", "per deltagare med kr/mån: t.ex. 12", width=12
    ),
    make_column("Varaktighetens enhet", None, "unit", "mån eller år", width=12),
    make_column("Från år", "year", "int", "0 = basåret", width=10),
    make_column("Antal år", "years", "int", "per år: tom = till horisonten", width=10),
    make_column("Prisår", "price_year", "int", "tom = analysens prisår", width=10),
    make_column("Prisindex", "price_index", "text", "KPI eller OPI", width=10),
    make_column("Betalare", "payer", "payer", "kommun, region, stat, individ", width=12),
    make_column("Källa", "source", "text", "", width=40),
    make_column("Säkerhet", "confidence", "choice", "S, S2, D, A", choices=CONFIDENCE, width=10),
)
INTERVENTION_FIELDS = (
    make_column("Namn", "name", "text", "insatsens namn", required=True),
    make_column("Beskrivning", "description", "text", ""),
    make_column("Källa", "source", "text", ""),
    make_column("Målgrupp", "target_group.name", "text", "vilka deltagarna är", required=True),
    make_column(
        "Deltagarenhet", "target_group.unit", "choice", "person eller hushåll", choices=UNITS_GROUP
    ),
    make_column("Målgruppens källa", "target_group.source", "text", ""),
    make_column(
        "Övriga betalare",
        "other_payers",
        "names",
        "utöver kommun, region, stat, individ; skilj med ;",
    ),
)
SETTINGS_FIELDS = (
    make_column("Basår", "base_year", "int", "kalenderåret för år 0 (odiskonterat)", required=True),
    make_column(
        "Prisår", "price_year", "int", "alla belopp räknas om till detta års priser", required=True
    ),
    make_column(
        "Horisont (år)", "horizon", "int", "antal år: år 0 till horisont - 1", required=True
    ),
    make_column("Diskonteringsränta", "discount_rate", "float", "real ränta, t.ex. 3,5 %"),
    make_column(
        "Diskonteringsschema",
        "discount_schedule",
        "choice",
        "tom, eller asek, green_book, denmark_2018 (ersätter räntan)",
        choices=PRESETS,
    ),
    make_column(
        "Optimism bias", "optimism_bias", "share", "påslag på insatsens kostnader, t.ex. 0,1"
    ),
)

TABLES: dict[str, tuple[str, tuple[Column, ...]]] = {
    "Kostnadsposter": ("cost_items", COST_ITEM_COLUMNS),
    "Baslinje": ("baseline", BASELINE_COLUMNS),
    "Effekter": ("effects", EFFECT_COLUMNS),
    "Kostnader": ("costs", COST_COLUMNS),
}
TEMPLATE_SHEETS = (
    "Läs mig",
    "Insats",
    "Kostnadsposter",
    "Baslinje",
    "Effekter",
    "Kostnader",
    "Inställningar",
)
"""The sheets of the template, in order."""

README = """Mall för en samhällsekonomisk kalkyl med sociokalkyl

Fyll i bladen Insats, Kostnadsposter, Baslinje, Effekter, Kostnader och Inställningar.
Rad 1 är rubriker och rad 2 ger exempel; skriv data från rad 3. Lägg till rader under,
och lämna inga tomma rader mitt i en tabell (de hoppas över). Gula celler är indata.

Belopp skrivs som ett tal i en cell och enheten i cellen bredvid: 7149 och kr/mån.
Enheter: kr, tkr, mnkr; per år, mån, vecka, dygn, tim (t.ex. kr/dygn, mån/år, tim/vecka).
Andelar skrivs som decimaltal (0,2) eller procent (20 %).

Insats: namn, målgrupp och intag (antal deltagare som börjar år 0, 1, 2, ...).
Kostnadsposter: enhetskostnader som insatsen påverkar, med prisår, betalare och källa.
  Betalare: kommun, region, stat, individ, eller andelar: kommun=0,56; region=0,44.
  En rad med bara en nyckel hämtar kostnadsposten ur sociokalkyls katalog.
Baslinje: vad en deltagare hade använt av varje kostnadspost utan insatsen.
Effekter: hur insatsen ändrar användningen. Relativ: andel av baslinjen (-0,49 = 49 %
  mindre). Absolut: användning per deltagare och år (-4,9 mån/år).
Kostnader: vad insatsen kostar (engång, per deltagare, per år) och vem som betalar.
Inställningar: basår, prisår, horisont och diskonteringsränta (eller ett namngivet schema).
Säkerhet: S sett i källan, S2 andrahandskälla, D härlett, A antagande.

Kör sedan: sociokalkyl run mall.xlsx --out rapport.xlsx (en ny mall: sociokalkyl init mall.xlsx)
Fel i mallen anges med blad och cell, t.ex. Effekter!C4, och vad som förväntades."""


# --------------------------------------------------------------------------- writing


_UNIT_WORDS = {
    "SEK": "kr",
    "month": "mån",
    "year": "år",
    "day": "dygn",
    "week": "vecka",
    "hour": "tim",
    "minute": "min",
    "percent": "%",
    "household": "hushåll",
}


def unit_text(quantity: pint.Quantity[Any]) -> str:
    """A quantity's unit in Swedish, as a controller writes it: ``"kr/mån"``.

    Examples
    --------
    >>> from sociokalkyl.units import parse_quantity
    >>> unit_text(parse_quantity("9 135 SEK/month")), unit_text(parse_quantity("0,05 /år"))
    ('kr/mån', '1/år')
    """
    text = str(quantity.units)
    if text == "dimensionless":
        return ""
    text = re.sub(r"\b[A-Za-z]+\b", lambda m: _UNIT_WORDS.get(m.group(), m.group()), text)
    return text.replace(" / ", "/").replace(" * ", "*").replace(" ** ", "**")


def plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else float(value)


def _amount(quantity: pint.Quantity[Any] | None) -> list[Any]:
    if quantity is None:
        return [None, None]
    return [plain_number(float(quantity.magnitude)), unit_text(quantity)]


def _swedish(mapping: Mapping[str, str], value: str | None) -> str | None:
    return None if value is None else {v: k for k, v in mapping.items()}[value]


def _shares_text(payer: str | Mapping[str, float]) -> str:
    if isinstance(payer, str):
        return payer
    return "; ".join(f"{name}={share!r}" for name, share in payer.items())


def _cost_item_row(item: CostItem | str) -> list[Any]:
    if isinstance(item, str):
        return [item]
    return [
        item.key,
        item.name,
        *_amount(item.unit_cost),
        item.price_year,
        _shares_text(item.payer),
        item.price_index,
        plain_number(item.real_growth),
        item.source,
        item.confidence,
        item.geography,
        item.note,
    ]


def _rows(intervention: Intervention) -> dict[str, list[list[Any]]]:
    baseline = [
        [
            b.cost_item,
            *_amount(b.use),
            b.exit_rate,
            None if b.profile is None else "; ".join(repr(p) for p in b.profile),
            b.years,
            b.source,
            b.confidence,
        ]
        for b in intervention.baseline
    ]
    effects = []
    for e in intervention.effects:
        change = [e.change, "andel"] if isinstance(e.change, float) else _amount(e.change)
        effects.append(
            [
                e.cost_item,
                _swedish(KINDS_EFFECT, e.kind),
                *change,
                e.start_lag,
                e.ramp_up_years,
                e.duration_years,
                e.drop_off,
                e.deadweight,
                e.attribution,
                e.displacement,
                e.source,
                e.confidence,
                e.note,
            ]
        )
    costs = [
        [
            c.name,
            _swedish(KINDS_COST, c.kind),
            *_amount(c.amount),
            *_amount(c.duration),
            c.year,
            c.years,
            c.price_year,
            c.price_index,
            c.payer,
            c.source,
            c.confidence,
        ]
        for c in intervention.costs
    ]
    return {
        "Kostnadsposter": [_cost_item_row(item) for item in intervention.cost_items],
        "Baslinje": baseline,
        "Effekter": effects,
        "Kostnader": costs,
    }


def _list_validation(options: str, *, strict: bool = True) -> DataValidation:
    dv = DataValidation(type="list", formula1=options, allow_blank=True)
    dv.errorStyle = "stop" if strict else "warning"
    dv.error = "Välj ett värde ur listan"
    return dv


def _validation(column: Column) -> DataValidation | None:
    if column.kind == "choice" and column.choices:
        return _list_validation('"' + ",".join(column.choices) + '"')
    if column.kind == "payer":
        return _list_validation('"' + ",".join(STANDARD_PAYERS) + '"', strict=False)
    if column.kind == "int":
        dv = DataValidation(
            type="whole", operator="between", formula1="0", formula2="2200", allow_blank=True
        )
        dv.error = "Ett heltal (år), t.ex. 2012 eller 5"
        return dv
    if column.kind == "share":
        dv = DataValidation(
            type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True
        )
        dv.error = "En andel mellan 0 och 1, t.ex. 0,2 eller 20 %"
        return dv
    if column.kind in ("float", "amount", "change"):
        dv = DataValidation(
            type="decimal",
            operator="between",
            formula1="-1E+15",
            formula2="1E+15",
            allow_blank=True,
        )
        dv.error = "Ett tal, t.ex. 7149 (enheten skrivs i cellen bredvid)"
        return dv
    return None


def _add_validation(ws: Any, column: Column, ref: str) -> None:
    dv = _validation(column)
    if dv is not None:
        dv.showErrorMessage = True
        dv.errorTitle = column.header
        dv.prompt = column.hint
        dv.showInputMessage = bool(column.hint)
        ws.add_data_validation(dv)
        dv.add(ref)


def _write_table(ws: Any, columns: tuple[Column, ...], rows: list[list[Any]]) -> None:
    for j, column in enumerate(columns, start=1):
        letter = openpyxl.utils.get_column_letter(j)
        ws.cell(1, j, column.header).font = _HEAD
        ws.cell(2, j, column.hint).font = _HINT
        ws.column_dimensions[letter].width = column.width
        _add_validation(ws, column, f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + MAX_ROWS - 1}")
        for i in range(MAX_ROWS):
            ws.cell(FIRST_ROW + i, j).fill = _INPUT
    for i, row in enumerate(rows):
        for j, value in enumerate(row, start=1):
            ws.cell(FIRST_ROW + i, j, value)
        for j, column in enumerate(columns, start=1):
            if column.kind == "share":
                ws.cell(FIRST_ROW + i, j).number_format = "0.0 %"
    ws.freeze_panes = f"A{FIRST_ROW}"


def _write_fields(ws: Any, title: str, fields: tuple[Column, ...], values: list[Any]) -> None:
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 60
    for i, (column, value) in enumerate(zip(fields, values, strict=True)):
        row = FIRST_ROW + i
        ws.cell(row, 1, column.header).font = _HEAD
        ws.cell(row, 2, value).fill = _INPUT
        ws.cell(row, 3, column.hint).font = _HINT
        _add_validation(ws, column, f"B{row}")


def write_template(path: str | Path, example: str | None = "servicetrainee") -> None:
    """Write the Excel input template, pre-filled with an example or empty.

    Parameters
    ----------
    path
        Where to write the ``.xlsx`` file (atomically: a temporary file, then a rename).
    example
        ``"servicetrainee"`` (the default) pre-fills the worked example; ``None`` or
        ``""`` leaves the tables empty.

    Raises
    ------
    InputError
        For an unknown example.
    """
    from sociokalkyl import examples

    intervention: Intervention | None = None
    settings: Settings | None = None
    if example:
        factory: Callable[[], tuple[Intervention, Settings]] | None = getattr(
            examples, example, None
        )
        if factory is None or example not in examples.__all__:
            raise InputError(
                "is not a shipped example",
                field="example",
                value=example,
                expected=f"one of {', '.join(examples.__all__)} or None",
            )
        intervention, settings = factory()
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "Läs mig"
    readme.column_dimensions["A"].width = 100
    for i, line in enumerate(README.splitlines(), start=1):
        readme.cell(i, 1, line).font = Font(bold=True, size=14) if i == 1 else Font()
    ws = wb.create_sheet("Insats")
    tg = intervention.target_group if intervention else None
    _write_fields(
        ws,
        "Insats",
        INTERVENTION_FIELDS,
        [
            intervention.name if intervention else None,
            intervention.description if intervention else None,
            intervention.source if intervention else None,
            tg.name if tg else None,
            _swedish(UNITS_GROUP, tg.unit) if tg else "person",
            tg.source if tg else None,
            "; ".join(intervention.other_payers)
            if intervention and intervention.other_payers
            else None,
        ],
    )
    ws.cell(INTAKE_ROW - 1, 1, "Intag: år").font = _HEAD
    ws.cell(INTAKE_ROW - 1, 2, "Antal deltagare").font = _HEAD
    ws.cell(INTAKE_ROW - 1, 3, "år 0 = basåret; en rad per år med intag").font = _HINT
    intake = tg.intake if tg else []
    for i in range(max(len(intake), 10)):
        ws.cell(INTAKE_ROW + i, 1, i)
        ws.cell(
            INTAKE_ROW + i, 2, plain_number(intake[i]) if i < len(intake) else None
        ).fill = _INPUT
    _add_validation(
        ws,
        make_column("År", None, "int", "år 0, 1, 2, ..."),
        f"A{INTAKE_ROW}:A{INTAKE_ROW + MAX_ROWS}",
    )
    _add_validation(
        ws,
        make_column("Antal", None, "float", "antal deltagare som börjar detta år"),
        f"B{INTAKE_ROW}:B{INTAKE_ROW + MAX_ROWS}",
    )
    rows = _rows(intervention) if intervention else {}
    for sheet, (_, columns) in TABLES.items():
        _write_table(wb.create_sheet(sheet), columns, rows.get(sheet, []))
    ws = wb.create_sheet("Inställningar")
    rate = settings.discount_rate if settings else 0.035
    _write_fields(
        ws,
        "Inställningar",
        SETTINGS_FIELDS,
        [
            settings.base_year if settings else None,
            settings.price_year if settings else None,
            settings.horizon if settings else None,
            rate if isinstance(rate, float) else None,
            rate if isinstance(rate, str) else None,
            settings.optimism_bias if settings else 0.0,
        ],
    )
    ws.cell(FIRST_ROW + 3, 2).number_format = "0.00 %"
    atomic_save(wb, Path(path))
