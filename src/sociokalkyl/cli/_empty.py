"""``init --tom``: an empty Excel template, or a TOML skeleton with every part named.

The skeleton holds the tables a calculation needs, each field commented in Swedish with
an example; its values are left for the user (``validate`` lists what is still missing).
"""

from __future__ import annotations

from pathlib import Path

from sociokalkyl._atomic import write_atomic
from sociokalkyl.cli._lang import UsageError, say
from sociokalkyl.language.labels import Lang

__all__ = ["TOML_SKELETON", "write_empty"]

TOML_SKELETON = """\
# En tom kalkyl för sociokalkyl. Fyll i värdena (ersätt ...) och kör:
#   sociokalkyl validate {name}
#   sociokalkyl run {name}
# Belopp skrivs med enhet och svensk form: "7 149 kr/mån", "4 500 kr/dygn", "3,5 %".
# Exempel med alla delar ifyllda: sociokalkyl init --example servicetrainee exempel.toml

[settings]
base_year = 2026              # år 0 ("nu", diskonteras inte)
price_year = 2023             # alla belopp i det här årets priser (KPI)
horizon = 10                  # antal år i kalkylen
discount_rate = "3,5 %"       # real kalkylränta

[intervention]
name = ""                     # insatsens namn, t.ex. "Servicetrainee"

[intervention.target_group]
name = ""                     # vilka som deltar, t.ex. "Hushåll med långvarigt bistånd"
unit = "person"               # "person" eller "household"
intake = []                   # antal som börjar år 0, 1, ...: t.ex. [30] eller [20, 20]

# En enhetskostnad som insatsen kan påverka (upprepa blocket för fler):
# [[intervention.cost_items]]
# key = "ekonomiskt_bistand"  # eller en nyckel ur katalogen: sociokalkyl catalogue
# name = "Ekonomiskt bistånd per hushåll och månad"
# unit_cost = "7 149 kr/mån"
# price_year = 2012
# payer = "kommun"

# Användningen utan insats:
# [[intervention.baseline]]
# cost_item = "ekonomiskt_bistand"
# use = "10 mån/år"

# Effekten av insatsen (relativ "-30 %" eller absolut "-4,9 mån/år"):
# [[intervention.effects]]
# cost_item = "ekonomiskt_bistand"
# change = "-30 %"

# Insatsens egna kostnader:
# [[intervention.costs]]
# name = "Lön"
# amount = "26 000 kr/mån"
# payer = "kommun"
"""
"""The TOML skeleton; ``{name}`` is the file's own name."""


def write_empty(path: Path, fmt: str, lang: Lang, *, overwrite: bool) -> None:
    """Write an empty template (``xlsx``) or the TOML skeleton (``toml``) to ``path``.

    Parameters
    ----------
    path
        The file to write (checked by the caller: absent, or ``overwrite``).
    fmt
        ``"xlsx"`` or ``"toml"``; other formats are refused.
    lang
        The language of the messages (the skeleton's comments are Swedish).
    overwrite
        Whether an existing file may be replaced (``--force``).

    Raises
    ------
    UsageError
        For ``yaml`` or ``json``.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "tom.toml"
    >>> write_empty(path, "toml", "sv", overwrite=False)
    >>> "sociokalkyl run tom.toml" in path.read_text("utf-8")
    True
    """
    if fmt == "xlsx":
        from sociokalkyl.scenario.excel import write_template

        write_template(path)
    elif fmt == "toml":
        text = TOML_SKELETON.format(name=path.name)
        write_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    else:
        raise UsageError(say("empty_formats", fmt=fmt))
