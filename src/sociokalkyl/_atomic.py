"""Shared by the Excel template and report: atomic saving."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from sociokalkyl.errors import InputError

__all__ = ["atomic_save", "shared_mode"]


def _umask() -> int:
    """The process umask, read without changing it where the platform allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # os.umask can only be read by setting it; set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def shared_mode(temporary: str | Path, target: Path) -> None:
    """Give a temporary file the mode a normally created ``target`` would get.

    :func:`tempfile.mkstemp` creates files readable only by their owner (0600); a
    report on a shared drive must be readable by colleagues. Keep the mode of an
    existing ``target``; otherwise use ``0o666 & ~umask``.
    """
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(NotImplementedError):
        os.chmod(temporary, mode)


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
        shared_mode(temporary, path)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
