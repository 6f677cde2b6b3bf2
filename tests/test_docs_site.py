"""The documentation site builds with ``mkdocs build --strict``, and its pages are complete.

The build runs in a subprocess into a temporary directory, so the README's test command
covers it (CI runs that command). Strict mode turns every warning (a broken link, a
docstring mkdocstrings cannot read, a missing page) into a failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name`` tags; they are not needed to read the nav."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _nav_files(nav: object) -> list[str]:
    """Every page file named in the nav, depth first."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    return []


def _config() -> dict[str, object]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert isinstance(config, dict)
    return config


def test_every_nav_page_exists() -> None:
    pages = _nav_files(_config()["nav"])
    missing = [p for p in pages if not (DOCS / p).is_file()]
    assert not missing, f"nav names pages that do not exist: {missing}"
    assert len(pages) == len(set(pages)), "a page is in the nav twice"


def test_the_pages_the_issue_asks_for_are_in_the_nav() -> None:
    pages = set(_nav_files(_config()["nav"]))
    for page in (
        "index.md",
        "getting-started/controller.md",
        "getting-started/economist.md",
        "getting-started/developer.md",
        "conventions.md",
        "from-excel.md",
        "glossary.md",
        "api/index.md",
        "benchmarks.md",
        "gallery.md",
    ):
        assert page in pages, page


def test_formulas_are_mathematics() -> None:
    """The method page writes its formulas for arithmatex, not as plain text."""
    text = (DOCS / "conventions.md").read_text(encoding="utf-8")
    assert "pymdownx.arithmatex" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    display = re.findall(r"^\$\$", text, flags=re.MULTILINE)
    assert len(display) >= 2 * 15, "fewer display formulas than topics of the method"
    for plain in ("Σ_", "Π_", "f_t = 1 /"):
        assert plain not in text, f"a formula is still plain text: {plain!r}"


@pytest.mark.slow
def test_site_builds_strict(tmp_path: Path) -> None:
    """``mkdocs build --strict``: no warnings.

    Measured on the 2-core development machine: 3.5 s of CPU, 10-20 s of wall clock
    while other jobs shared the machine.
    """
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # material's notice about its future
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert (site / "index.html").is_file()
    # the API reference is rendered from the docstrings: a known function and its formula
    finance = (site / "api" / "finance" / "index.html").read_text(encoding="utf-8")
    assert "npv_excel" in finance
    assert "payback_period" in finance
    result = (site / "api" / "analysis" / "index.html").read_text(encoding="utf-8")
    assert "benefit_cost_ratio" in result
    # the docstrings' reST math and roles are Markdown on the page (docs/_griffe_rst.py)
    for page in site.glob("api/*/index.html"):
        html = page.read_text(encoding="utf-8")
        for rest in (".. math::", ":math:`", ":func:`", ":class:`"):
            assert rest not in html, f"{page.parent.name}: {rest}"
    assert finance.count('class="arithmatex"') >= 10
    # the method's formulas reach the page as arithmatex blocks for MathJax
    method = (site / "conventions" / "index.html").read_text(encoding="utf-8")
    assert method.count('class="arithmatex"') >= 15


def _sek(value: float) -> str:
    """Whole kronor with a space between thousands and a true minus: −5 735 373."""
    text = f"{abs(value):,.0f}".replace(",", " ")
    return ("−" if value < 0 else "") + text


def _mnkr(value: float) -> str:
    """Million kronor, two decimals, Swedish comma: −5,75 mnkr."""
    text = f"{abs(value) / 1e6:.2f}".replace(".", ",") + " mnkr"
    return ("−" if value < 0 else "") + text


def test_worked_numbers_of_the_method_come_from_the_code() -> None:
    """Each worked number on the method page is what sociokalkyl computes today."""
    import numpy as np

    import sociokalkyl as sk

    text = (DOCS / "conventions.md").read_text(encoding="utf-8")
    servicetrainee = sk.examples.servicetrainee()
    seniors = sk.examples.seniorer_ostersund()
    result = sk.evaluate(*seniors)
    biased = sk.evaluate(seniors[0], seniors[1].model_copy(update={"optimism_bias": 0.2}))
    uncertainty = sk.examples.servicetrainee_uncertainty()
    mc1 = sk.simulate(*servicetrainee, uncertainty, draws=4000, seed=1)
    mc2 = sk.simulate(*servicetrainee, uncertainty, draws=4000, seed=2)
    table = {row["year"]: row for row in result.table()}
    flows = [-100, 30, 30, 30, 30]
    expected = {
        "f_3 = 1/1.035^3 = ": f"{sk.discount_factors(0.035, 4)[3]:.5f}",
        "f_{31} = 1.035^{-30} \\cdot 1.03^{-1} = ": (
            f"{sk.discount_factors(sk.DiscountSchedule.green_book(), 32)[31]:.5f}"
        ),
        "f_{36} = 1.04^{-35} \\cdot 1.03^{-1} = ": (
            f"{sk.discount_factors(sk.DiscountSchedule.denmark_2018(), 37)[36]:.5f}"
        ),
        "0.87144) = ": f"{float(sk.npv(0.035, flows)):.3f}",
        "$[-100, 39, 59, 55, 20]$ has IRR ": f"{100 * float(sk.irr([-100, 39, 59, 55, 20])):.3f}",
        "payback is $3 + 10/40 = ": f"{float(sk.payback_period([-100, 120, -50, 20, 40])):.2f}",
        "at 3.5 % pays back at ": f"{float(sk.payback_period(flows, 0.035)):.2f}",
        "$110.192 / 100 = ": (
            f"{float(sk.benefit_cost_ratio([0, 30, 30, 30, 30], [100, 0, 0, 0, 0], 0.035)):.3f}"
        ),
        "2\\,828\\,969 = ": f"{result.break_even_effect:.3f}",
        "= 9\\,185.40$": "",
        "$2\\,495\\,203 \\cdot 1.2 = 2\\,994\\,243$": "",
        "+333 766 to\n−": _sek(biased.npv)[1:],
        "602.18 = 474\\,755$": "",
        "kr: ": _sek(table[2]["avoided"]),
        "mean\nNPV ": _sek(mc1.mean()),
        "standard deviation ": _sek(mc1.std()),
        "`seed=2` gives\n": _sek(mc2.mean()),
        "in 2012 prices, which is\n$9\\,860\\,047.81 \\cdot 403.70 / 314.20 = ": (
            _sek(sk.rebase(9_860_047.81, 2012, 2023)).replace(" ", "\\,")
        ),
        "breaks even at ": _sek(sk.break_even(*servicetrainee, "costs[0].amount").value),
    }
    for before, number in expected.items():
        assert before + number in text, f"method page: expected {before + number!r}"
    assert f"{sk.rebase(7149, 2012, 2023):.2f}" == "9185.40"
    assert round(sk.rebase(472, 2016, 2023), 2) == 602.18
    assert round(table[2]["avoided"] - 551_055.1, 0) == 474_755
    assert np.isclose(biased.pv_costs, 1.2 * result.pv_costs)
    assert _sek(biased.pv_costs) == "2 994 243"


def test_worked_numbers_of_the_gallery_come_from_the_code() -> None:
    """The gallery's key figures (Swedish format) are the examples' results today."""
    import sociokalkyl as sk

    text = (DOCS / "gallery.md").read_text(encoding="utf-8")
    names = ("servicetrainee", "skolfam", "seniorer_ostersund")
    servicetrainee, skolfam, seniors = (sk.evaluate(*sk.examples.load(n)) for n in names)
    for figure in (
        _mnkr(servicetrainee.pv_costs),
        _mnkr(servicetrainee.pv_avoided),
        "nettonuvärde " + _mnkr(servicetrainee.npv),
        "Nettonuvärde " + _mnkr(skolfam.npv),
        _mnkr(skolfam.pv_avoided),
        _mnkr(skolfam.pv_costs),
        "Nettonuvärde +" + _mnkr(seniors.npv),
        f"internränta {100 * seniors.irr:.1f} %".replace(".", ","),
        f"{skolfam.break_even_effect:.2f} × 30 %".replace(".", ","),
        f"efter {seniors.payback:.1f} år".replace(".", ","),
    ):
        assert figure in text.replace("**", ""), f"gallery: expected {figure!r}"


def test_griffe_extension_turns_rest_into_markdown() -> None:
    """The reST of the numpydoc docstrings becomes Markdown the site can render."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_griffe_rst", DOCS / "_griffe_rst.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    to_markdown = module.to_markdown
    assert to_markdown("see :func:`~sociokalkyl.finance.npv` and :class:`Result`") == (
        "see `npv` and `Result`"
    )
    assert to_markdown("with :math:`f_t = 1`.") == "with $f_t = 1$."
    one_line = to_markdown("Notes\n.. math:: PV = x\n\nMore.")
    assert one_line == "Notes\n\n$$\nPV = x\n$$\n\nMore."
    block = to_markdown("    .. math::\n\n        a = b\n        c = d\n\n    After.")
    assert block == "\n    $$\n    a = b\n    c = d\n    $$\n\n    After."
    assert to_markdown(".. [1] numpy-financial") == "[1] numpy-financial"
