"""The documentation site builds with ``mkdocs build --strict``, and its pages are complete.

The build runs in a subprocess into a temporary directory, so the README's test command
covers it (CI runs that command). Strict mode turns every warning (a broken link, a
docstring mkdocstrings cannot read, a missing page) into a failure.
"""

from __future__ import annotations

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
    """``mkdocs build --strict``: no warnings (about 5 s on the 2-core development machine)."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
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
    # the method's formulas reach the page as arithmatex blocks for MathJax
    method = (site / "conventions" / "index.html").read_text(encoding="utf-8")
    assert method.count('class="arithmatex"') >= 15
