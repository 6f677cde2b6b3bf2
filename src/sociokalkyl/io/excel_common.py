"""Shared by the Excel template and report: atomic saving."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from sociokalkyl.errors import InputError

__all__ = ["atomic_save"]


def atomic_save(workbook: Any, path: Path) -> None:
    """Save an openpyxl workbook to ``path`` atomically.

    The workbook is written to a temporary file in the same directory and then renamed
    over ``path`` (:func:`os.replace`), so a reader never sees half a file and a failed
    write leaves any earlier file as it was.

    Raises
    ------
    InputError
        When the directory does not exist.
    """
    directory = path.resolve().parent
    if not directory.is_dir():
        raise InputError(
            "the directory does not exist",
            field="path",
            value=str(path),
            expected="a path in an existing directory, e.g. rapport.xlsx",
        )
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", prefix=f".{path.stem}-", dir=directory)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
