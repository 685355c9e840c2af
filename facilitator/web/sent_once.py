"""A form a phone sends again is applied once.

The page's script keeps a sent form (in the browser's storage) until the server answers, and
sends it again when no answer came: on a slow Wi-Fi the change may have landed and only its
answer been lost, and a commitment or an expectation sent again would be there twice. Each
sending carries a random `once` of its own; the server remembers the last `KEEP` it applied
per device and answers such a sending as done, without applying it again. One still on its
way is waited for; one that was refused is tried again (the room may allow it now). The page
renders a `once` into each form that records something, so a double tap on one form (or a
browser without the script posting it twice) is one sending too; a new page (reload, or the
live part swapped in after an answer) has new ones. A sending is known by its `once` *and*
its values: the same form sent with other values (typed again on a page not yet swapped) is a
new sending, never swallowed. A form posted with no `once` is applied as it comes.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import secrets
from collections.abc import Callable, Mapping

KEEP = 100
"""Sendings remembered per device (a phone's queue of unsent forms is far shorter)."""
ONCE = re.compile(r"[0-9a-f]{8,32}")
"""What the script sends (16 hex digits); anything else is not remembered (no memory to fill)."""


def new_once() -> str:
    """A fresh `once` for one rendered form."""
    return secrets.token_hex(8)


def sending(data: Mapping[str, str]) -> str:
    """What a sending is known by: its `once` with its values ("" without a valid `once`)."""
    once = data.get("once", "")
    if not ONCE.fullmatch(once):
        return ""
    values = sorted((k, v) for k, v in data.items() if k not in ("once", "csrf"))
    return hashlib.sha256(repr((once, values)).encode("utf-8", "replace")).hexdigest()[:32]


class SentOnce:
    """Which sendings each device's changes were applied as (on the server's event loop only)."""

    def __init__(self) -> None:
        self._sent: dict[str, dict[str, asyncio.Future[bool]]] = {}

    async def take(self, device: str, once: str) -> asyncio.Future[bool] | None:
        """None if this sending was applied already; else the future that says, once `run` is
        done, whether it was (the same sending arriving meanwhile waits for it)."""
        once = once if ONCE.fullmatch(once) else ""
        sent = self._sent.setdefault(device, {})
        while once and (earlier := sent.get(once)) is not None:
            if await asyncio.shield(earlier):
                return None
        trying: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        if once:
            sent[once] = trying
            while len(sent) > KEEP:
                del sent[next(iter(sent))]
        return trying

    def run(
        self,
        device: str,
        once: str,  # as given to `take`
        trying: asyncio.Future[bool],
        start: Callable[[], asyncio.Future[None]],
    ) -> asyncio.Future[None]:
        """Start the change; `trying` is settled when it is done, even if its request was
        given up meanwhile (the phone's connection dropped: the change still lands)."""
        try:
            done = start()
        except BaseException:
            self._settle(device, once, trying, False)
            raise
        done.add_done_callback(
            lambda _: self._settle(device, once, trying, not done.cancelled() and done.exception() is None)
        )
        return done

    def _settle(self, device: str, once: str, trying: asyncio.Future[bool], applied: bool) -> None:
        """Applied, or not (refused, failed): then it is forgotten, to be tried again if sent again."""
        if not applied and self._sent.get(device, {}).get(once) is trying:
            del self._sent[device][once]
        trying.set_result(applied)
