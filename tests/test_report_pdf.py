"""The printable report: A4 PDF in Swedish (WeasyPrint) and self-contained HTML.

The PDF is read back with pypdfium2 (pip-only, no poppler): page count and size, the
key figures in the extracted text, and page 1 drawn to PNG to prove it is drawable.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from sociokalkyl import evaluate
from sociokalkyl.analysis.result import Result
from sociokalkyl.errors import InputError
from sociokalkyl.examples import servicetrainee
from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
from sociokalkyl.language.numbers import format_sek, format_years
from sociokalkyl.model import Settings
from sociokalkyl.report.charts import MissingDependency
from sociokalkyl.report.html import WEAK_MARK, render_html
from sociokalkyl.report.pdf import html_to_pdf, write_document
from sociokalkyl.report.tables import Table
from sociokalkyl.uncertainty import simulate
from sociokalkyl.uncertainty.sensitivity import tornado
from test_excel import paying_back

pytestmark = pytest.mark.slow
pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("weasyprint")

A4 = (595, 842)  # points, portrait


def pdf_text(data: bytes) -> tuple[Any, list[str]]:
    document = pdfium.PdfDocument(data)
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    return document, [page.replace("\xa0", " ").replace("\r\n", "\n") for page in pages]


@pytest.fixture(scope="module")
def servicetrainee_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, bytes]:
    """Servicetrainee with a Monte Carlo (500 draws) and a tornado: every section."""
    intervention, settings = servicetrainee()
    uncertainty = servicetrainee_uncertainty()
    result = evaluate(intervention, settings)
    simulation = simulate(intervention, settings, uncertainty, draws=500, seed=1)
    sensitivity = tornado(intervention, settings, uncertainty)
    path = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    write_document(result, path, simulation=simulation, tornado=sensitivity)
    return result, path.read_bytes()


def test_pdf_is_a4_with_the_key_figures_in_swedish(servicetrainee_pdf: Any) -> None:
    result, data = servicetrainee_pdf
    assert data.startswith(b"%PDF-")
    document, pages = pdf_text(data)
    # summary and perspectives, charts, Monte Carlo and tornado, the assumption log
    # (with the tax rates of a model with work): a handful of pages, not 18
    assert 2 <= len(document) <= 6, len(document)
    for i in range(len(document)):
        width, height = document[i].get_size()
        assert (round(width), round(height)) == A4
    first = pages[0]
    # NPV in Swedish format, by hand: -3 839 870,05 kr (JSON report: -3839870.05)
    assert format_sek(result.npv) == "-3 839 870 kr"
    assert "Nettonuvärde" in first
    assert "-3 839 870 kr" in first
    assert "Återbetalningstid" in first
    assert "inte inom horisonten" in first  # Servicetrainee does not pay back in 10 years
    assert "Sammanfattning" in first
    assert "Sannolikhet för nettonuvärde > 0" in first
    everything = "\n".join(pages)
    for heading in ("Diagram", "Osäkerhet (Monte Carlo)", "Rimlighetsvarningar",
                    "Antaganden och källor"):  # fmt: skip
        assert heading in everything, heading
    assert "Socialstyrelsen" in everything  # a source in the assumption log
    assert "svag källa" in everything  # weak provenance is visible
    assert "Effekter som inte värderats" not in everything  # none given: no heading


def test_pdf_page_one_draws_to_png(servicetrainee_pdf: Any) -> None:
    _, data = servicetrainee_pdf
    document = pdfium.PdfDocument(data)
    image = document[0].render(scale=1).to_pil()
    assert image.size[0] == pytest.approx(A4[0], abs=1)  # [pixels at 72 dpi]
    assert image.size[1] == pytest.approx(A4[1], abs=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    assert buffer.getvalue().startswith(b"\x89PNG")
    histogram = image.convert("L").histogram()  # pixels per gray level 0..255
    dark = sum(histogram[:128])
    assert dark > 1000  # text and a chart were drawn, not a blank page


def test_a_paying_back_intervention_shows_its_payback(tmp_path: Path) -> None:
    settings = Settings(base_year=2024, price_year=2023, horizon=10, discount_rate=0.035)
    result = evaluate(paying_back(), settings)
    assert 3 < result.payback < 4  # the last crossing, after the dip in year 3
    path = tmp_path / "r.pdf"
    write_document(result, path)
    _, pages = pdf_text(path.read_bytes())
    payback = format_years(result.payback)  # "3,x år"
    assert payback in pages[0]
    assert format_sek(result.npv) in pages[0]
    assert "region" in pages[0]  # the second payer's row


def test_user_text_is_escaped_and_inert(tmp_path: Path) -> None:
    intervention, settings = servicetrainee()
    name = '<script>alert("x")</script><img src="http://example.invalid/x.png">'
    result = evaluate(intervention.model_copy(update={"name": name}), settings)
    page = render_html(result, charts=False)
    assert "<script" not in page
    assert "http://example.invalid" not in page.replace("&quot;http://example.invalid", "")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    refused: list[str] = []
    _, pages = pdf_text(html_to_pdf(page, refused=refused))
    assert refused == []  # the escaped <img> is text, not an image to fetch
    assert '<script>alert("x")</script>' in pages[0]  # shown as the user wrote it


def test_html_is_self_contained(tmp_path: Path) -> None:
    path = tmp_path / "rapport.html"
    write_document(evaluate(*servicetrainee()), path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in page
    assert "<script" not in page
    assert "<link" not in page
    assert "http://" not in page
    assert "https://" not in page
    assert page.count('src="data:image/svg+xml;base64,') == 2  # the two charts
    assert "default-src 'none'" in page  # a browser fetches nothing either
    assert "-3 839 870 kr" in page
    assert WEAK_MARK in page


def test_the_pdf_engine_refuses_every_address_but_data(tmp_path: Path) -> None:
    secret = tmp_path / "hemlig.css"
    secret.write_text("body { color: red }")
    refused: list[str] = []
    page = (
        f'<link rel="stylesheet" href="{secret.as_uri()}">'
        '<img src="http://127.0.0.1:9/bild.png"><p>Hej</p>'
    )
    assert html_to_pdf(page, refused=refused).startswith(b"%PDF-")
    assert sorted(refused) == sorted([secret.as_uri(), "http://127.0.0.1:9/bild.png"])


def test_unpriced_effects_and_perspectives_get_their_sections() -> None:
    result = evaluate(*servicetrainee())
    perspective = Table("perspectives", "Kommunens perspektiv", ["Betalare", "NPV"],
                        [["kommun", result.npv]], [["text", "sek"]])  # fmt: skip
    page = render_html(result, charts=False, perspectives=[perspective],
                       unpriced=[("Livskvalitet", "Bättre hälsa <mätt> i enkät")])  # fmt: skip
    assert "<h2>Perspektiv</h2>" in page
    assert "Kommunens perspektiv" in page
    assert "<h2>Ej värderade effekter</h2>" in page
    assert "Bättre hälsa &lt;mätt&gt; i enkät" in page
    english = render_html(result, "en", charts=False)
    assert "<h2>Summary</h2>" in english
    assert "-3,839,870 SEK" in english


def test_a_missing_weasyprint_is_a_clear_swedish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
    with pytest.raises(MissingDependency) as info:
        write_document(evaluate(*servicetrainee()), tmp_path / "r.pdf")
    assert "WeasyPrint" in str(info.value)
    assert "pip install 'sociokalkyl[pdf]'" in str(info.value)
    assert "som inte är installerat" in str(info.value)
    assert not (tmp_path / "r.pdf").exists()
    # the HTML version does not need it
    write_document(evaluate(*servicetrainee()), tmp_path / "r.html", charts=False)


def test_write_document_keeps_the_projects_file_rules(tmp_path: Path) -> None:
    result = evaluate(*servicetrainee())
    path = tmp_path / "r.html"
    path.write_text("min egen fil")
    with pytest.raises(InputError, match="already exists"):
        write_document(result, path, charts=False, overwrite=False)
    assert path.read_text() == "min egen fil"
    with pytest.raises(InputError, match="directory"):
        write_document(result, tmp_path / "saknas" / "r.html", charts=False)
    with pytest.raises(InputError, match=r"\.pdf, \.html"):
        write_document(result, tmp_path / "r.docx")


def test_distribution_chart_states_the_probability() -> None:
    from sociokalkyl.report.charts import distribution_chart

    # 3 of 4 draws above zero: P(NPV > 0) = 75,0 %
    svg = distribution_chart([-1e6, 1e6, 2e6, 3e6])
    assert "P(NPV &gt; 0) = 75,0 %" in svg  # matplotlib keeps the text as a comment


def test_a_missing_pango_is_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint installed but the system's Pango missing: cffi raises OSError on import."""
    import builtins

    real_import = builtins.__import__

    def without_pango(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'pango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint")
    monkeypatch.setattr(builtins, "__import__", without_pango)
    with pytest.raises(MissingDependency, match="Pango") as info:
        write_document(evaluate(*servicetrainee()), tmp_path / "r.pdf")
    assert "pango-1.0-0" in str(info.value)


def test_write_file_picks_the_writer_by_suffix(tmp_path: Path) -> None:
    """``write_file`` (what ``run --out`` needs): a SimulationResult serves every format,
    the xlsx report takes its summary, the HTML its NPV draws."""
    import openpyxl

    from sociokalkyl.report.formats import FILE_FORMATS, write_file

    intervention, settings = servicetrainee()
    result = evaluate(intervention, settings)
    mc = simulate(intervention, settings, servicetrainee_uncertainty(), draws=200, seed=2)
    assert write_file(result, tmp_path / "r.xlsx", simulation=mc) == "xlsx"
    sheets = openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames
    assert sheets[-1] == "Osäkerhet"
    assert write_file(result, tmp_path / "r.HTML", "en", simulation=mc) == "html"
    page = (tmp_path / "r.HTML").read_text(encoding="utf-8")
    assert page.count('src="data:image/svg+xml;base64,') == 3  # with the distribution
    assert "Probability of NPV &gt; 0" in page
    assert set(FILE_FORMATS.values()) == {"xlsx", "pdf", "html"}
    with pytest.raises(InputError, match=r"\.xlsx, \.pdf or \.html"):
        write_file(result, tmp_path / "r.txt")


def test_every_report_label_has_both_languages_and_no_page_mixes_them() -> None:
    from sociokalkyl.language.report import REPORT_LABELS

    for key, (sv, en) in REPORT_LABELS.items():
        assert sv.strip(), key
        assert en.strip(), key
    result = evaluate(*servicetrainee())
    english = render_html(result, "en", charts=False, unpriced=[("x", "y")])
    swedish = render_html(result, "sv", charts=False, unpriced=[("x", "y")])
    keys = ("summary", "key_figures", "warnings", "warnings_none", "unpriced", "weak", "figure")
    for key in keys:
        sv, en = REPORT_LABELS[key]
        assert sv in swedish, key
        assert sv not in english, key
        assert en in english, key
        assert en not in swedish, key
