"""Untrusted files as plain data: size, nesting, text and numbers checked before anything else.

A session file or scenario may come from anywhere (an e-mail, a shared folder). Before its
content is looked at, it must be something every later step can handle: not bigger than
`MAX_FILE_BYTES`, a regular file (a FIFO would block the reader forever), nested at most
`MAX_DEPTH` deep (deeper JSON or TOML overflows Python's stack), text without lone
surrogates (it could not be written back as UTF-8), whole numbers a JSON reader anywhere
can hold, and no NaN or Infinity (not JSON, and never meaningful here).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from facilitator.core.errors import UserError, os_reason
from facilitator.core.i18n import Worded, size

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 48
MAX_INT = 2**53 - 1  # what JavaScript and most JSON readers hold exactly
MAX_INT64 = 2**63 - 1  # a file of ours that only we read: a file's signature holds nanoseconds


class PlainDataError(ValueError):
    """The data is not something we accept; the message says what, without the file name.

    Its reason is `Worded` (`problems` in the catalogue), so it is said in the reader's language."""

    def __init__(self, key: str, **values: object) -> None:
        self.reason = Worded(key, **values)
        super().__init__(self.reason)


class NotRegularFile(PlainDataError):
    """A device, pipe, socket, ...: not read (a FIFO would block, a device never end)."""


def unreadable(kind: type[UserError], path: object, error: OSError | PlainDataError) -> UserError:
    """`kind` of error saying `path` could not be read, worded by the catalogue."""
    if isinstance(error, NotRegularFile):
        return kind.worded("file.cannot_read_not_regular", path=str(path))
    reason = os_reason(error) if isinstance(error, OSError) else error.reason
    return kind.worded("file.cannot_read", path=str(path), reason=reason)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; refuses anything but a regular file and anything over `limit`.

    OSError (missing, unreadable, a folder) is left to the caller, which names the file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, os.strerror(21), str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile("plain.not_regular")
        if info.st_size > limit:
            raise PlainDataError("plain.too_big", size=size(info.st_size), limit=size(limit))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read
        raise PlainDataError("plain.grew", limit=size(limit))
    return data


NOTICES: list[str] = []
"""One line per small file of ours set aside since a front end last asked (`take_notices`)."""


def read_json_or_set_aside(path: Path, limit: int) -> Any:
    """A small file of this device (view state, settings) as plain JSON; None if there is none.

    The same limits as a session file: a regular file, at most `limit` bytes, nested at
    most `MAX_DEPTH` deep. One that breaks them is renamed to `<name>.bad` (losing it loses
    only positions on screen or a preference) with a one-line notice, so that it costs one
    notice, never a crash or a hang, and is not read again.
    """
    try:
        return loads_json(read_limited(path, limit), largest=MAX_INT64)
    except FileNotFoundError:
        return None
    except PlainDataError as error:
        set_aside(path, error.reason)
    except OSError:  # unreadable here (permissions, a folder): not ours to move
        pass
    return None


def set_aside(path: Path, reason: str) -> None:
    """Rename a bad file of ours to `<name>.bad` and keep a one-line notice saying so."""
    aside = path.with_name(path.name + ".bad")
    try:
        os.replace(path, aside)
        NOTICES.append(Worded("plain.set_aside", path=str(path), reason=reason, aside=str(aside)))
    except OSError:
        NOTICES.append(Worded("plain.ignored", path=str(path), reason=reason))


def take_notices() -> list[str]:
    """The notices kept since the last call (the CLI prints them, the app shows them)."""
    taken = list(NOTICES)
    NOTICES.clear()
    return taken


def _no_constants(name: str) -> Any:
    raise PlainDataError("plain.constant", name=name)


def _whole(text: str, largest: int = MAX_INT) -> int:
    if len(text.lstrip("-")) > len(str(largest)):  # more digits than the largest: no need to convert
        raise PlainDataError("plain.too_large", number=f"{text[:20]}...")
    value = int(text)
    if not -largest <= value <= largest:
        raise PlainDataError("plain.too_large", number=value)
    return value


def _decimal(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400
        raise PlainDataError("plain.too_large", number=text[:20])
    return value


# JSON text can only carry a lone surrogate as a \u escape: where there is none, no text
# needs checking one by one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def loads_json(raw: bytes, *, walk: bool = True, largest: int = MAX_INT) -> Any:
    """Decode and parse JSON text, then check it as `check` does; every failure is a `PlainDataError`.

    Numbers and constants are checked while parsing; `walk=False` leaves the walk over the
    whole value (depth, lone surrogates, numbers: `check`) to the caller, who checks only what
    is new, so the numbers are parsed at C speed (a Python call per number is some 40 % of
    re-reading a big session after another process's change).
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PlainDataError("plain.not_utf8", byte=error.start) from None
    try:
        whole = lambda digits: _whole(digits, largest)  # noqa: E731
        numbers: dict[str, Any] = {"parse_int": whole, "parse_float": _decimal}
        value = json.loads(text, parse_constant=_no_constants, **(numbers if walk else {}))
    except PlainDataError:
        raise
    except json.JSONDecodeError as error:
        raise PlainDataError("plain.not_json", line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise PlainDataError("plain.too_deep", depth=MAX_DEPTH) from None
    except ValueError:
        raise PlainDataError("plain.not_json_bare") from None
    if not walk:
        return value
    if _SURROGATE_ESCAPE.search(text):
        check(value, largest)
    else:  # numbers were checked while parsing; only the depth is left
        check_depth(value)
    return value


def check_depth(value: Any) -> None:
    """Refuse data nested deeper than `MAX_DEPTH`, walking containers only (fast on big files)."""
    containers = (dict, list)
    level: list[Any] = [value] if type(value) in containers else []
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise PlainDataError("plain.too_deep", depth=MAX_DEPTH)
        below: list[Any] = []
        for item in level:
            children = item.values() if type(item) is dict else item
            below.extend(child for child in children if type(child) in containers)
        level = below


def check(value: Any, largest: int = MAX_INT) -> None:
    """Walk decoded data (iteratively: no recursion on hostile depth) and refuse the first bad value."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise PlainDataError("plain.too_deep_here", where=_where(path), depth=MAX_DEPTH)
        if isinstance(item, str):
            _check_text(item, path)
        elif isinstance(item, bool | dt.date | dt.time) or item is None:
            continue  # TOML dates and times: the scenario validator says where they don't belong
        elif isinstance(item, int):
            if not -largest <= item <= largest:
                raise PlainDataError("plain.too_large_here", where=_where(path))
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise PlainDataError("plain.not_finite", where=_where(path), value=str(item))
        elif isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise PlainDataError("plain.key_not_text", where=_where(path))
                _check_text(key, path)
                stack.append((child, (*path, key)))
        elif isinstance(item, list):
            stack.extend((child, (*path, index)) for index, child in enumerate(item))
        else:
            raise PlainDataError("plain.unexpected", where=_where(path), kind=type(item).__name__)


def _check_text(text: str, path: tuple[str | int, ...]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise PlainDataError("plain.surrogates", where=_where(path)) from None


def _where(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or Worded("plain.top_level")
