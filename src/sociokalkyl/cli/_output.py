"""How wide the commands' tables may be: ``--width``, else the terminal's width.

Output to a terminal fits it (:func:`shutil.get_terminal_size`, which also reads
``COLUMNS``); output to a file or a pipe keeps its full width unless ``--width`` is given,
so a saved table never depends on the window it was made in.
"""

from __future__ import annotations

import shutil
from typing import TextIO

__all__ = ["screen_width"]


def screen_width(width: int | None, stream: TextIO) -> int | None:
    """The width [characters] the tables on ``stream`` should fit, or None for no limit.

    Parameters
    ----------
    width
        ``--width`` as given, or None.
    stream
        Where the output goes.

    Returns
    -------
    int or None
        ``width`` when given; the terminal's width when ``stream`` is a terminal; else
        None.

    Examples
    --------
    >>> import io
    >>> screen_width(80, io.StringIO()), screen_width(None, io.StringIO())
    (80, None)
    """
    if width is not None:
        return width
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        return shutil.get_terminal_size().columns
    return None
