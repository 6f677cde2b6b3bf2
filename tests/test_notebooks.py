"""The notebooks run top to bottom in a Jupyter kernel, and are stored without outputs.

Each notebook checks its own numbers in ``assert`` cells against an independent
calculation (by hand or with numpy-financial), so a notebook that runs is a notebook
whose numbers are right.

Why nbclient (and not nbmake): nbclient is the library Jupyter itself uses to execute a
notebook (nbconvert --execute and nbmake both run on it). Called from an ordinary
parametrised test it needs no pytest plugin and no extra command-line flag, so the
README's test command runs the notebooks as it stands, and the test chooses the kernel,
the working directory and the timeout itself. A real kernel (not ``exec`` of the cells)
runs the notebook as a user's Jupyter does, magics such as ``%matplotlib inline`` included.

Time: each notebook takes 4-7 s on the shared 2-core development machine (most of it
starting the kernel and importing matplotlib and pandas); each Monte Carlo run is 4 000
draws. Measured twice in one process at load 5-8: the three together 16.0 and 16.7 s,
against 14.4 and 11.5 s for the versions before the plots, frames, comparison groups and
value of information were added (Servicetrainee, which runs two simulations, +1.3 to
+3.1 s). The two tests of the economist pages add about 3 s.

The economist's pages (``docs/getting-started/economist.md``, ``docs/gallery.md``) show
the same calls as the notebooks; their ``python`` blocks run here too, and the gallery's
Monte Carlo figures are counted from the draws.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

NOTEBOOK_DIR = Path(__file__).parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def _cells(path: Path) -> list[dict[str, object]]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert isinstance(cells, list)
    return cells


def test_there_are_the_three_example_notebooks() -> None:
    names = {p.name for p in NOTEBOOKS}
    assert {
        "servicetrainee.ipynb",
        "skolfam.ipynb",
        "seniorer-ostersund.ipynb",
        "fond-och-uppfoljning.ipynb",
    } <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    """Outputs would go stale as the code changes; the test run is the output that counts."""
    nbformat = pytest.importorskip("nbformat")
    nbformat.validate(nbformat.read(path, as_version=4))  # a notebook Jupyter can open
    for number, cell in enumerate(_cells(path)):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{path.name}: cell {number} has outputs"
            assert cell.get("execution_count") is None, f"{path.name}: cell {number} ran"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_checks_its_numbers(path: Path) -> None:
    """Every notebook holds assert cells, and compares with an independent calculation."""
    sources = ["".join(c["source"]) for c in _cells(path) if c["cell_type"] == "code"]
    asserts = sum(src.count("assert ") for src in sources)
    assert asserts >= 5, f"{path.name}: only {asserts} asserts"
    assert any("npf." in src or "by_hand" in src for src in sources)


KERNEL = "sociokalkyl-tests"


@pytest.fixture
def this_python_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec that runs this interpreter, found first (JUPYTER_PATH).

    So the notebooks run against the sociokalkyl under test, whatever ``python3`` kernel
    a user or the system may have installed elsewhere.
    """
    spec = tmp_path / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": KERNEL, "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    return KERNEL


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path: Path, this_python_kernel: str) -> None:
    """Execute every cell in order in a fresh kernel; a failing assert fails here."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name=this_python_kernel,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    client.execute()  # raises CellExecutionError naming the cell and the traceback
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors


PAGES = Path(__file__).parent.parent / "docs"
FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", ["getting-started/economist.md", "gallery.md"])
def test_python_on_the_economist_pages_runs(page: str) -> None:
    """The calls the economist's pages show run as written, in order, in one namespace.

    So the pages cannot drift from the notebooks' API (a renamed ``kind=`` or a frame that
    lost a column fails here). Headless: matplotlib's Agg backend, figures closed after.
    """
    pytest.importorskip("pandas")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    blocks = FENCE.findall((PAGES / page).read_text(encoding="utf-8"))
    assert len(blocks) >= 3, f"{page}: only {len(blocks)} python blocks"
    namespace: dict[str, object] = {}
    try:
        for block in blocks:
            exec(compile(block, f"{page} block", "exec"), namespace)
    finally:
        plt.close("all")


def test_gallery_monte_carlo_figures_come_from_the_draws() -> None:
    """The gallery's Monte Carlo figures (4 000 draws, seed 1) counted from the draws."""
    import numpy as np

    import sociokalkyl as sk
    from sociokalkyl.uncertainty.measure_next import value_of_information

    text = " ".join((PAGES / "gallery.md").read_text(encoding="utf-8").replace("**", "").split())

    def percent(share: float) -> str:
        return f"{100 * share:.1f} %".replace(".", ",")

    intervention, settings = sk.examples.servicetrainee()
    uncertainty = sk.examples.servicetrainee_uncertainty()
    data = intervention.model_dump()
    data["costs"].append(  # the variant: the state pays the kommun half the gross wage
        {
            "name": "Lönestöd från staten (hypotetiskt)",
            "kind": "per_participant",
            "amount": "9892 SEK/month",
            "duration": "12 month",
            "price_year": 2012,
            "payer": "stat",
            "flow": "transfer",
            "recipient": "kommun/arbetsmarknadsnämnd",
            "source": "Hypotetisk variant: staten betalar halva bruttolönen",
            "confidence": "A",
        }
    )
    half_wage = sk.Intervention.model_validate(data)
    variant = sk.evaluate(half_wage, settings)
    mc = sk.simulate(half_wage, settings, uncertainty, draws=4_000, seed=1)
    voi = value_of_information(mc, uncertainty, perspective="kommun")
    seniors = sk.examples.scenario("seniorer_ostersund")
    mc_seniors = sk.simulate(
        seniors.intervention, seniors.settings, seniors.uncertainty, draws=4_000, seed=1
    )
    skolfam = sk.examples.skolfam()
    mc_skolfam = sk.simulate(*skolfam, sk.examples.skolfam_uncertainty(), draws=4_000, seed=1)
    as_years = np.nan_to_num(mc_seniors.payback, nan=np.inf)  # never: later than any year
    for figure in (
        f"nettonuvärdet +{variant.npv / 1e6:.2f} mnkr".replace(".", ","),
        f"efter {variant.payback:.1f} år ({variant.payback_discounted:.1f} år".replace(".", ","),
        f"positivt i {percent(np.count_nonzero(mc.npv > 0) / 4_000)}",
        f"{percent(np.count_nonzero(np.isnan(mc.payback)) / 4_000)} betalar inte tillbaka",
        f"omkring {round(voi.rows[0].evppi, -3):,.0f} kr".replace(",", " "),
        f"osäkert {round(voi.evpi, -3):,.0f} kr".replace(",", " "),
        f"positivt i {percent(np.count_nonzero(mc_seniors.npv > 0) / 4_000)}",
        f"{percent(np.count_nonzero(as_years <= seniors.settings.horizon) / 4_000)} betalar",
        f"är {np.median(as_years):.1f} år".replace(".", ","),
        f"positivt i {percent(np.count_nonzero(mc_skolfam.npv > 0) / 4_000)}",
    ):
        assert figure in text, f"gallery: expected {figure!r}"
    assert voi.rows[0].parameter == "effects[1].drop_off"  # "hur snabbt effekten avtar"
