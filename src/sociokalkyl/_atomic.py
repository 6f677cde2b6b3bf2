"""The one atomic file writer: scenario files, reports, the Excel template, caches."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sociokalkyl.errors import InputError

__all__ = ["STALE_TEMP_SECONDS", "atomic_save", "replaceable_path", "shared_mode", "write_atomic"]


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


STALE_TEMP_SECONDS = 3600.0
"""A temporary file of an earlier write (``.NAME.sk-XXXX.tmp``) older than this [s] was
left by a killed process (SIGKILL, a power cut); the next write to NAME removes it."""

_TEMP_MARK = ".sk-"
_TEMP_SUFFIX = ".tmp"


def _temp_prefix(name: str) -> str:
    return f".{name[:40]}{_TEMP_MARK}"


def replaceable_path(path: str | Path) -> Path:
    """The real file to write for ``path``; an error when what is there is not a regular file.

    A symbolic link is followed (the file it points at is written, the link stays);
    a directory, a device node, a pipe or a socket, a link to one of them, or a link to
    nothing is never replaced, whoever runs the program.

    Parameters
    ----------
    path
        The file about to be written.

    Returns
    -------
    pathlib.Path
        The resolved path: a regular file or a name that does not exist yet.

    Raises
    ------
    InputError
        When ``path`` exists and is not a regular file (or a link to one).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> replaceable_path(folder / "ny.csv").name
    'ny.csv'
    >>> try:
    ...     replaceable_path(folder)
    ... except InputError as exc:
    ...     print(str(exc).split(":")[0])
    path
    """
    target = Path(path)
    if os.path.islink(target) and not os.path.exists(target):
        raise InputError(
            "is a symbolic link to nothing; refusing to write through it",
            field="path",
            value=str(path),
            expected="a new file name or an existing regular file, e.g. resultat.csv",
        )
    real = target.resolve()
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real
    if not stat.S_ISREG(mode):
        raise InputError(
            "is not a regular file (a directory, device, pipe or socket); refusing to replace it",
            field="path",
            value=str(path),
            expected="a new file name or an existing regular file, e.g. resultat.csv",
        )
    return real


def _refuse_existing(path: str | Path) -> None:
    raise InputError(
        "already exists; refusing to overwrite it",
        field="path",
        value=str(path),
        expected="a new file name, or overwrite=True (on the command line: --force)",
    )


def _remove_stale(directory: Path, name: str) -> None:
    """Remove temporary files of earlier writes of ``name`` left by a killed process."""
    prefix, now = _temp_prefix(name), time.time()
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(_TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)


class _Terminated(BaseException):
    """Raised by the signal handler of :func:`_signals_clean_up`, to run the clean-up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_clean_up() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP raise (so the temporary file is removed), then the
    process dies of the same signal as it would have. Only in the main thread and only
    for a signal that has its default action (a program's own handler is kept)."""
    installed: dict[int, Any] = {}

    def handler(signum: int, frame: Any) -> None:
        raise _Terminated(signum)

    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) is signal.SIG_DFL:
                installed[number] = signal.signal(number, handler)
    try:
        yield
    except _Terminated as exc:
        for number, previous in installed.items():
            signal.signal(number, previous)
        installed.clear()
        os.kill(os.getpid(), exc.signum)
        raise  # pragma: no cover - the signal ends the process first
    finally:
        for number, previous in installed.items():
            signal.signal(number, previous)


def write_atomic(
    path: str | Path, data: bytes, *, fsync: bool = False, overwrite: bool = True
) -> None:
    """Write ``data`` to ``path`` atomically: all of it, or the earlier file as it was.

    The bytes go to a temporary file ``.NAME.sk-XXXX.tmp`` in the same directory, which
    is then renamed over ``path`` (:func:`os.replace`), so a reader never sees half a
    file. The new file gets the mode of an existing ``path`` or the usual
    ``0o666 & ~umask`` (:func:`shared_mode`). Only a regular file is ever replaced
    (:func:`replaceable_path`); a symbolic link to one is followed.

    The temporary file is removed on every way out the process sees: an error, a full
    disk, a KeyboardInterrupt, and SIGTERM or SIGHUP (a handler is installed during the
    write, in the main thread, when the signal has its default action; the process then
    dies of the signal as usual). A write killed by SIGKILL or a power cut leaves its
    temporary file; the next write to the same file removes such files once they are
    older than :data:`STALE_TEMP_SECONDS`.

    Parameters
    ----------
    path
        The file to write; its directory must exist.
    data
        The whole content [bytes].
    fsync
        Flush the content to disk before the rename (for caches that must survive a
        power cut).
    overwrite
        Replace an existing file (the default); False refuses one, also when it
        appears while writing (the rename is then a hard link, which fails on a clash).

    Raises
    ------
    InputError
        When ``path`` is not a regular file, or exists and ``overwrite`` is False.
    OSError
        When the directory does not exist or cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "fil.txt"
    >>> write_atomic(path, "hej".encode())
    >>> path.read_text(), [p.name for p in path.parent.iterdir()]
    ('hej', ['fil.txt'])
    >>> try:
    ...     write_atomic(path, b"nytt", overwrite=False)
    ... except InputError as exc:
    ...     print("already exists" in str(exc), path.read_text())
    True hej
    """
    real = replaceable_path(path)
    if not overwrite and os.path.lexists(path):
        _refuse_existing(path)
    _remove_stale(real.parent, real.name)
    with _signals_clean_up():
        _write_and_rename(path, real, data, fsync=fsync, overwrite=overwrite)


def _write_and_rename(
    path: str | Path, real: Path, data: bytes, *, fsync: bool, overwrite: bool
) -> None:
    """The temporary file written, then renamed (or linked) to ``real``; removed on error."""
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=_temp_prefix(real.name), suffix=_TEMP_SUFFIX, dir=real.parent
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if fsync:
                stream.flush()
                os.fsync(stream.fileno())
        shared_mode(temporary, real)
        replaceable_path(path)  # again, just before the rename
        if overwrite:
            os.replace(temporary, real)
        else:
            _link_new(path, temporary, real)
    except BaseException:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise


def _link_new(path: str | Path, temporary: str, real: Path) -> None:
    """Give the temporary file the name ``real`` only if no file has it (a hard link fails
    on a clash); where hard links are not supported, check, then rename."""
    try:
        os.link(temporary, real)
    except FileExistsError:
        _refuse_existing(path)
    except (OSError, NotImplementedError):
        if os.path.lexists(real):
            _refuse_existing(path)
        os.replace(temporary, real)
        return
    os.unlink(temporary)


def atomic_save(workbook: Any, path: Path, *, overwrite: bool = True) -> None:
    """Save an openpyxl workbook to ``path`` atomically (see :func:`write_atomic`).

    Parameters
    ----------
    workbook
        An ``openpyxl.Workbook``; it is written to memory, then with :func:`write_atomic`.
    path
        The ``.xlsx`` file to write.
    overwrite
        Replace an existing regular file (the default); False refuses one.

    Raises
    ------
    InputError
        When the directory does not exist, ``path`` is not a regular file, or it exists
        and ``overwrite`` is False.

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
    write_atomic(path, buffer.getvalue(), overwrite=overwrite)
