"""Each key goes where the keys before it left the focus.

Textual routes a key to the widget focused when the app takes the key off its queue, and hands
it over without waiting for it to be handled. Keys that arrive together (a paste without
bracketed paste, a fast typist's rolled keys, keys typed while the app was busy writing) were
all routed before the first was handled, so a key that moves the focus left the next ones at
the old widget: a name typed on setup's list lost its p, r, spaces and commas to the list's
commands; Tab between two fields put the second's text into the first; four digits typed on
the role grid all went into one cell. Here the app holds each key (and paste) until the one
before it is handled, with what it set going: the messages it sent up and what it asked the
app to do (a focus moved later, a screen pushed).

"Handled" is looked at, not assumed: a callback goes into the queue of the widget the key went
to, behind the key; from there to the app, which waits until no widget has a message waiting
(what the key sent up, what a binding it reached asked of a widget below, what bubbled) and
its own queue holds nothing from before (a focus moved later). A key the app takes itself (a
priority key: ctrl+e opens the export) is followed from the app's queue the same way, and a
click that comes while keys are held waits its turn behind them. What it does not see: a
handler still awaiting (a mount it started) has an empty queue, so the next key may go before
that handler ends; such handlers move the focus before they await.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.timer import Timer

HOLD_SECONDS = 2.0
"""At most this long a key waits for the one before it (a key that started long work): then it
goes as Textual would have sent it."""
LOOK_SECONDS = 0.1
"""How often a held key looks at how long it has waited."""
REQUEUES = 8
"""How often the app's look goes behind new messages in its own queue, and (`SPINS`) how often
it lets the widgets with messages work, before the next key goes anyway: a widget that never
runs dry (an animation) must not hold every key for `HOLD_SECONDS`."""
SPINS = 50


class KeysInOrder:
    """App mixin (before `App` in the bases): routes keys and pastes one at a time."""

    _held: deque[events.Key | events.Paste | events.MouseDown | events.MouseUp]
    _routing: events.Event | None
    _in_flight: object | None
    _waited: float
    _look: Timer | None

    def _init_key_order(self) -> None:
        self._held = deque()
        self._routing = None
        self._in_flight = None
        self._waited = 0.0
        self._look = None

    async def on_event(self, event: events.Event) -> None:
        busy = bool(self._held) or self._in_flight is not None
        # a click behind held keys waits its turn too (text typed before Save is in the form)
        held = isinstance(event, events.Key | events.Paste) or (
            busy and isinstance(event, events.MouseDown | events.MouseUp)
        )
        if held and not event.is_forwarded and event is not self._routing:
            self._held.append(event)  # type: ignore[arg-type]
            await self._route_held()
            return
        await super().on_event(event)  # type: ignore[misc]

    async def _route_held(self) -> None:
        app: App[Any] = self  # type: ignore[assignment]
        while self._held and self._in_flight is None:
            event = self._held.popleft()
            target: MessagePump = app.focused or app.screen
            self._routing = event
            try:
                await self.on_event(event)  # as Textual routes it, now
            finally:
                self._routing = None
            if isinstance(event, events.MouseEvent):
                target = app.screen  # (Textual hands a click to the screen, which finds the widget)
            elif not event.is_forwarded:
                target = app  # taken by the app itself (a priority key): what its action set going
            flight = self._in_flight = object()
            self._waited = 0.0
            if not target.call_later(self._follow, flight):
                self._in_flight = None  # (closing: nothing to wait for)
            if self._look is None:
                self._look = app.set_interval(LOOK_SECONDS, self._look_at_held)
            else:
                self._look.resume()

    def _follow(self, flight: object) -> None:
        """Run in the queue of the widget the key went to, after the key: on at the app."""
        if flight is self._in_flight:
            self.call_later(self._settle, flight, 0)  # type: ignore[attr-defined]

    async def _settle(self, flight: object, requeued: int) -> None:
        """Run in the app's queue: the next key goes once nothing the key set going is waiting."""
        app: App[Any] = self  # type: ignore[assignment]
        for _ in range(SPINS):
            if flight is not self._in_flight:
                return  # released meanwhile (waited too long)
            if not app._message_queue.empty() and requeued < REQUEUES:
                app.call_later(self._settle, flight, requeued + 1)  # behind what came in meanwhile
                return
            if not any(_waiting(node) for node in app._registry):
                break
            await asyncio.sleep(0)  # the widgets with messages handle them
        await self._release(flight)

    async def _release(self, flight: object) -> None:
        if flight is not self._in_flight:
            return
        self._in_flight = None
        if self._look is not None:
            self._look.pause()
        await self._route_held()

    def _look_at_held(self) -> None:
        """A key that took too long goes on without waiting for its follow."""
        if self._in_flight is None:
            return
        self._waited += LOOK_SECONDS
        if self._waited >= HOLD_SECONDS:  # routed from the app's own queue, not the timer's task
            app: App[Any] = self  # type: ignore[assignment]
            app.call_later(self._release, self._in_flight)


def _waiting(node: MessagePump) -> bool:
    """`node` has messages it has not handled yet (a closed one never will)."""
    return not (node._closed or node._closing or node._message_queue.empty())
