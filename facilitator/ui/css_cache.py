"""Stylesheets parsed at an earlier start, read back instead of parsed again.

Textual parses every stylesheet from its text at every start, and again at each `reparse`
(a new screen's stylesheet, a theme): ~15 ms of a 270 ms start at 10 activities, for the
same two dozen texts every time. `RuleCache` wraps Textual's `Stylesheet._parse_rules`: the
rules of a text come from memory, else from this device's cache file, else from Textual's
parse (then kept, and written to the file after the first frame and at exit).

The key is everything the parse reads: the text, where it was read from, whether it is a
widget's default CSS, its tie breaker and scope (Textual's own cache key), and the
stylesheet's variables (the theme's colours: the projector's theme gets rules of its own);
the file's header names the Textual that made them (`textual_fingerprint`), Python's version
and this format's. Textual replaces a stylesheet's variables (`set_variables`), never changes
them in place, so they are hashed once per dictionary.

The file is a pickle. That is acceptable for the same reason Python's own `.pyc` files are:
it lives in the user's private cache folder (0700, the file 0600), where only the user (who
can change their own programs anyway) can write. It is still read with care: the unpickler
builds only Textual's style classes (no other global; no module but Textual's style modules
imported; only a dictionary's `get` and `__contains__` looked up), so a planted file runs no
code of its own. It can still do harm within those classes: wrong styles, a style error, or
(pickle's BUILD sets attributes on whatever it is given, a class too) a style class changed
for the rest of the process, which is why the folder's privacy is the guarantee, not the
unpickler (found in review). A torn, empty, foreign or
unreadable file is a cache miss: the start parses as before and writes the file anew. A
plain structure rebuilt into rule sets would mean our own copy of every style value's type
(colours, scalars, spacing, layouts, borders, ...), to follow each Textual release; the
restricted unpickle reads the same rules at ~1/8 of the parse, ~10% slower than plain pickle.

If Textual's parse is not what this was written against (`usable`), nothing is wrapped and
every start parses as Textual does.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import io
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from facilitator.core.device import cache_folder
from facilitator.core.plain import PlainDataError, read_limited
from facilitator.core.store import atomic_write_text, make_private_folder

FILE_NAME = "css-rules.pickle"
FORMAT = b"facilitator css rules 1\n"
MAX_BYTES = 1_500_000
"""The file's bound: every stylesheet the app may show, in both themes, takes ~570 kB (a start
on the board reads ~60 kB of it). Rules used by the latest start that wrote the file come
first; the others are dropped from the end."""

TEXTUAL_FILES = ("__init__.py", "css/model.py", "css/parse.py", "css/styles.py", "css/_styles_builder.py")
PARSE_PARAMETERS = ("self", "css", "read_from", "is_default_rules", "tie_breaker", "scope")
_textual_parse = Stylesheet.__dict__.get("_parse_rules")
"""Textual's own parse, which `_parse_rules` below stands in for while a cache is active."""

STYLE_MODULES = ("textual.color", "textual.geometry", "textual.layout")
STYLE_PACKAGES = ("textual.css.", "textual.layouts.")
"""Where the classes of a parsed rule set come from: the only classes the unpickler builds."""

Key = tuple[str, CSSLocation, bool, int, str, bytes]
"""Textual's key of one parse (text, where read, default CSS, tie breaker, scope), then the
digest of the stylesheet's variables."""


def usable() -> bool:
    """Whether Textual's parse is the one this module was written against (textual 8)."""
    code = getattr(_textual_parse, "__code__", None)
    return code is not None and code.co_varnames[: len(PARSE_PARAMETERS)] == PARSE_PARAMETERS


def textual_fingerprint() -> bytes:
    """Which Textual makes the rules: where it is, and the time and size of the files that make
    rule sets (an install or upgrade writes them anew; their time is the install's, to the
    nanosecond). Asking Textual its version would import `importlib.metadata` (~10 ms); pickled
    rules are only read back by the code that made them. Empty if the files cannot be seen."""
    root = os.path.dirname(textual.__file__)
    parts: list[object] = [sys.version_info[:2], root]
    try:
        for name in TEXTUAL_FILES:
            info = os.stat(os.path.join(root, name))
            parts += [info.st_mtime_ns, info.st_size]
    except OSError:
        return b""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest().encode("ascii")


def _dict_method(owner: object, name: str) -> Any:
    """The one lookup a pickled `Styles` needs: its rules dictionary's `get` and `__contains__`."""
    if type(owner) is not dict or name not in ("get", "__contains__"):
        raise pickle.UnpicklingError(f"not a style's lookup: {name!r}")
    return getattr(owner, name)


def _style_global(module: str, name: str) -> Any:
    """A global a pickled rule set names, if it is one of Textual's style classes (or a selector's
    check, `functools.partial`, a dictionary's lookup); anything else is refused."""
    if (module, name) == ("builtins", "getattr"):
        return _dict_method
    if (module, name) == ("functools", "partial"):
        return functools.partial
    if module not in STYLE_MODULES and not module.startswith(STYLE_PACKAGES):
        raise pickle.UnpicklingError(f"not a style module: {module}")
    # Textual's own: imported as its parse would (a layout's module only when first used).
    found = getattr(importlib.import_module(module), name, None) if "." not in name else None
    if isinstance(found, type) and found.__module__ == module:
        return found
    if module == "textual.css.model" and name.startswith("_check_") and callable(found):
        return found  # a selector's check, partially applied to its name
    raise pickle.UnpicklingError(f"not a style class: {module}.{name}")


ALLOWED: dict[tuple[str, str], Any] = {}
"""The globals `_style_global` allowed so far: every entry of the file names the same dozen."""


class StyleUnpickler(pickle.Unpickler):
    """Builds Textual's style classes and nothing else: no module but Textual's style modules is
    imported, no function called but `functools.partial` over a selector's check and a style's
    dictionary lookup."""

    def find_class(self, module: str, name: str, /) -> Any:
        found = ALLOWED.get((module, name))
        if found is None:
            found = ALLOWED[module, name] = _style_global(module, name)
        return found


def _load(blob: bytes) -> Any:
    return StyleUnpickler(io.BytesIO(blob)).load()


class RuleCache:
    """Parsed rules by key, in memory and in one file of this device's cache folder."""

    def __init__(self, path: Path, fingerprint: bytes) -> None:
        self.path = path
        self.header = FORMAT + fingerprint + b"\n"
        self.kept = bool(fingerprint)
        """Whether the file is read and written (not when Textual's files could not be told apart)."""
        self._stored: dict[str, bytes] | None = None
        """Pickled rules by key digest, as the file had them (read when first needed)."""
        self._memory: dict[Key, list[RuleSet]] = {}
        self._used: dict[str, None] = {}
        """Digests of the rules this process used, first used first (kept first when written)."""
        self._new: dict[str, list[RuleSet]] = {}
        """Rules parsed here that the file does not have yet."""
        self._variables: tuple[dict[str, str], bytes] | None = None
        self.parsed = 0
        """How many texts this process parsed (for tests and the benchmark)."""
        self.read = 0
        """How many it read back from the file."""

    def rules(
        self, stylesheet: Stylesheet, css: str, read_from: CSSLocation, default: bool, tie: int, scope: str
    ) -> list[RuleSet]:
        """The rules of one text, parsed at most once per device (while the key holds)."""
        key: Key = (css, read_from, default, tie, scope, self._digest_of(stylesheet._variables))
        found = self._memory.get(key)
        if found is not None:
            return found
        digest = hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()
        found = self._from_file(digest)
        if found is None:
            assert _textual_parse is not None  # (installed only when `usable`)
            found = _textual_parse(stylesheet, css, read_from, default, tie, scope)
            self.parsed += 1
            if not any(rule.errors for rule in found):  # Textual refuses those: not kept
                self._new[digest] = found
        self._used[digest] = None
        self._memory[key] = found
        return found

    def _digest_of(self, variables: dict[str, str]) -> bytes:
        if self._variables is None or self._variables[0] is not variables:
            text = repr(sorted(variables.items())).encode("utf-8", "surrogatepass")
            self._variables = (variables, hashlib.sha256(text).digest())
        return self._variables[1]

    def _from_file(self, digest: str) -> list[RuleSet] | None:
        if self._stored is None:
            self._stored = self._read()
        blob = self._stored.get(digest)
        if blob is None:
            return None
        try:
            rules = _load(blob)
        except Exception:  # a damaged entry (any error unpickling can raise) is a miss, parsed again
            rules = None
        if not isinstance(rules, list) or not all(type(rule) is RuleSet for rule in rules):
            del self._stored[digest]
            return None
        self.read += 1
        return rules

    def _read(self) -> dict[str, bytes]:
        """The file's entries; none if it is missing, unreadable, torn or not this Textual's."""
        if not self.kept:
            return {}
        try:
            data = read_limited(self.path, MAX_BYTES + 64 * 1024)
        except (OSError, PlainDataError):
            return {}
        if not data.startswith(self.header):
            return {}
        try:
            entries = _load(data[len(self.header) :])
        except Exception:  # torn or corrupt: the start parses, and the file is written anew
            return {}
        if not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}

    def save(self) -> None:
        """Write the file if this process parsed something it lacks: the rules used here first,
        then the file's others while they fit in `MAX_BYTES`. Another start writing at the same
        moment is fine (the last one's file stays); a read-only folder only costs the next start."""
        if not self._new or not self.kept:
            return
        stored = self._stored if self._stored is not None else self._read()
        entries: dict[str, bytes] = {}
        total = 0
        for digest in _ordered(self._used, stored):
            blob = stored.get(digest) if digest not in self._new else _pickled(self._new[digest])
            if blob is None or total + len(blob) > MAX_BYTES:
                continue
            entries[digest] = blob
            total += len(blob)
        try:
            make_private_folder(self.path.parent)
            blob = self.header + pickle.dumps(entries, protocol=5)
            atomic_write_text(self.path, blob, mode=0o600, durable=False)
        except OSError:
            return
        self._stored, self._new = entries, {}


def _ordered(first: Iterable[str], then: Iterable[str]) -> dict[str, None]:
    return dict.fromkeys([*first, *then])


def _pickled(rules: list[RuleSet]) -> bytes | None:
    try:
        return pickle.dumps(rules, protocol=5)
    except Exception:  # a style value another Textual made unpicklable: that text is parsed each time
        return None


_active: RuleCache | None = None


def _parse_rules(
    self: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    """Textual's `Stylesheet._parse_rules`, through the active cache (one app at a time)."""
    cache = _active
    if cache is None or not isinstance(getattr(self, "_variables", None), dict):
        assert _textual_parse is not None
        rules: list[RuleSet] = _textual_parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules
    return cache.rules(self, css, read_from, is_default_rules, tie_breaker, scope)


def start(folder: Path | None = None) -> RuleCache | None:
    """The cache every stylesheet of this process reads through from now on; None if Textual's
    parse is not the one this was written for (then Textual parses as ever)."""
    global _active
    if not usable():
        return None
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    _active = RuleCache((folder or cache_folder()) / FILE_NAME, textual_fingerprint())
    return _active


def stop(cache: RuleCache) -> None:
    """Stylesheets parse as Textual does again (unless another app's cache took over)."""
    global _active
    if _active is cache:
        _active = None
