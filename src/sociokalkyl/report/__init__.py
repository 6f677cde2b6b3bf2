"""Reports: the numbers of a result written for people, in Swedish (default) or English.

:mod:`~sociokalkyl.report.summary` builds a :class:`~sociokalkyl.report.tables.Report`
(key figures, per payer, per cost item, year by year, assumptions);
:mod:`~sociokalkyl.report.render` writes it as text, Markdown, CSV or JSON;
:mod:`~sociokalkyl.report.assumptions` formats the one assumption log;
:mod:`~sociokalkyl.report.excel` writes the xlsx report with live formulas (and their
values); :mod:`~sociokalkyl.report.html` and :mod:`~sociokalkyl.report.pdf` the printable
report for the nämnd (self-contained HTML, A4 PDF), with the charts of
:mod:`~sociokalkyl.report.charts`. Every word comes from :mod:`sociokalkyl.language`.
"""
