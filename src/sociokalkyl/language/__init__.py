"""The words: every label in Swedish and English, and numbers and units for people.

:mod:`~sociokalkyl.language.labels` is the one source of labels (``key: (svenska,
English)``) for the command line, every report format, the Excel template, plots and
the catalogue; :mod:`~sociokalkyl.language.numbers` writes numbers, amounts and unit keys
(``4 500 kr/dygn``, ``3,5 %``). It imports nothing from pint: quantities arrive as a
number and a unit key.
"""
