"""The one atomic file writer: scenario files, reports, the Excel template, caches."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from sociokalkyl.errors import InputError

__all__ = ["atomic_save", "shared_mode", "write_atomic"]


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

    Parameters
    ----------
    temporary
        The temporary file to change.
    target
        The file it will replace.

    Examples
    --------
    >>> import os, pathlib, stat, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> handle, name = tempfile.mkstemp(dir=folder); os.close(handle)
    >>> (folder / "old.txt").write_text("x") and os.chmod(folder / "old.txt", 0o640)
    >>> shared_mode(name, folder / "old.txt")
    >>> oct(stat.S_IMODE(os.stat(name).st_mode))
    '0o640'
    """
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(NotImplementedError):
        os.chmod(temporary, mode)


def write_atomic(path: str | Path, data: bytes, *, fsync: bool = False) -> None:
    """Write ``data`` to ``path`` atomically: all of it, or the earlier file as it was.

    The bytes go to a temporary file in the same directory, which is then renamed over
    ``path`` (:func:`os.replace`), so a reader never sees half a file. The new file gets
    the mode of an existing ``path`` or the usual ``0o666 & ~umask``
    (:func:`shared_mode`). The temporary file is removed on every way out: an error,
    a full disk, a KeyboardInterrupt.

    Parameters
    ----------
    path
        The file to write; its directory must exist.
    data
        The whole content [bytes].
    fsync
        Flush the content to disk before the rename (for caches that must survive a
        power cut).

    Raises
    ------
    OSError
        When the directory does not exist or cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "fil.txt"
    >>> write_atomic(path, "hej".encode())
    >>> path.read_text(), [p.name for p in path.parent.iterdir()]
    ('hej', ['fil.txt'])
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.resolve().parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if fsync:
                stream.flush()
                os.fsync(stream.fileno())
        shared_mode(temporary, target)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def atomic_save(workbook: Any, path: Path) -> None:
    """Save an openpyxl workbook to ``path`` atomically (see :func:`write_atomic`).

    Parameters
    ----------
    workbook
        An ``openpyxl.Workbook``; it is written to memory, then with :func:`write_atomic`.
    path
        The ``.xlsx`` file to write.

    Raises
    ------
    InputError
        When the directory does not exist.

    Examples
    --------
    >>> import pathlib, tempfile, openpyxl
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "bok.xlsx"
    >>> atomic_save(openpyxl.Workbook(), path)
    >>> openpyxl.load_workbook(path).sheetnames
    ['Sheet']
    """
    directory = path.resolve().parent
    if not directory.is_dir():
        raise InputError(
            "the directory does not exist",
            field="path",
            value=str(path),
            expected="a path in an existing directory, e.g. rapport.xlsx",
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(path, buffer.getvalue())
