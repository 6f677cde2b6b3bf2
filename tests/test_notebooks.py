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

Time: the three notebooks take about 7-11 s each on the 2-core development machine
(most of it starting the kernel and importing matplotlib and pandas); each Monte Carlo
run is 4 000 draws.
"""

from __future__ import annotations

import json
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
    assert {"servicetrainee.ipynb", "skolfam.ipynb", "seniorer-ostersund.ipynb"} <= names


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
