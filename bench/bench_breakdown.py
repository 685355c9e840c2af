"""Where the time of one phone's placement goes, at 500 activities (before changing the format).

The session is bench_phones': bench_store's realistic 500-activity session plus 40 parties
on one activity opened for placement. Each measured placement goes through the real
service (`SessionService.place`, the path a phone's change takes), with the stages timed
by wrapping the real functions:

    apply      the change handler and the event (apply_change + append_event)
    serialise  the session to JSON bytes (SessionEncoder.encode, incremental)
    write      temp file, write, rename (atomic_write_text without its fsyncs)
    fsync      the file's and the folder's fsync
    other      the rest of the call: lock, batch bookkeeping, clock
    rebuild    the service's new Session after the change (build_session, reusing tables)
    re-read    another process's watcher: stat, read + parse + check the file (reusing what
               it had), rebuild its Session: what the app pays for each phone's change
    page       the answer pages in-process through aiohttp's test client: the 303 of
               POST /place, then GET / (what the browser loads after it) and GET /live (what
               every other phone fetches after a change)

Run: `python bench/bench_breakdown.py [--changes 30] [--size 500]`. Medians in ms, and each
stage's share of a placement's write path. Loopback only; the temp folder is removed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp
from aiohttp.test_utils import TestClient, TestServer
from bench_phones import prepare

from facilitator.core import service as service_module
from facilitator.core import store
from facilitator.core.library import SessionLibrary
from facilitator.core.party import party_view
from facilitator.core.service import SessionService
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
SPENT: dict[str, float] = defaultdict(float)


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - started

    return wrapper


def instrument() -> None:
    """Time the write path's stages where they are called (the real functions, wrapped)."""
    for owner, name, stage in (
        (service_module, "apply_change", "apply"),
        (service_module, "append_event", "apply"),
        (store.SessionEncoder, "encode", "serialise"),
        (store, "atomic_write_text", "write"),
        (os, "fsync", "fsync"),
    ):
        setattr(owner, name, timed(stage, getattr(owner, name)))


async def pages(
    service: SessionService, activity: str, parties: list[str], changes: int
) -> dict[str, list[float]]:
    """The answer pages through the real server, in-process (one phone per party)."""
    desk = JoinDesk(code="BENCH2", max_devices=len(parties) + 5)
    client = TestClient(TestServer(make_app(service, desk)))
    await client.start_server()
    base = str(client.make_url("")).rstrip("/")
    out: dict[str, list[float]] = defaultdict(list)
    rungs = ("communication", "cooperation", "coordination", "collaboration")
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    try:

        async def get(path: str) -> str:
            async with http.get(base + path) as response:
                return await response.text()

        text = await get("/")
        csrf = CSRF.search(text).group(1)  # type: ignore[union-attr]
        async with http.post(base + "/join", data={"code": "BENCH2", "csrf": csrf}) as response:
            text = await response.text()
        csrf = CSRF.search(text).group(1)  # type: ignore[union-attr]
        async with http.post(base + "/party", data={"party": parties[0], "csrf": csrf}) as response:
            text = await response.text()
        csrf = CSRF.search(text).group(1)  # type: ignore[union-attr]
        for n in range(changes):
            data = {"activity": activity, "current": rungs[n % 4], "wished": rungs[(n + 1) % 4], "csrf": csrf}
            started = time.perf_counter()
            async with http.post(base + "/place", data=data, allow_redirects=False) as response:
                await response.read()
                assert response.status == 303, response.status
            out["POST /place (303)"].append(time.perf_counter() - started)
            for path in ("/", "/live"):
                started = time.perf_counter()
                page = await get(path)
                out[f"GET {path}"].append(time.perf_counter() - started)
            out["page bytes (GET /)"].append(len(page.encode()) / 1000)  # (kB, not ms)
    finally:
        await http.close()
        await client.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--size", type=int, default=500)
    args = parser.parse_args(argv)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="bench-breakdown-") as folder:
        data_dir = Path(folder)
        _session_id, path, activity, parties = prepare(data_dir, args.size, 40)
        size_mb = path.stat().st_size / 1e6
        service = SessionLibrary(data_dir).open(path.stem)
        other = SessionService(path)  # another process's watcher (its own cache)
        service.session  # noqa: B018 - both open and warm
        other.session  # noqa: B018
        instrument()
        stages: dict[str, list[float]] = defaultdict(list)
        rungs = ("communication", "cooperation", "coordination", "collaboration")
        for n in range(args.changes):
            SPENT.clear()
            party = parties[n % len(parties)]
            started = time.perf_counter()
            service.for_party(party).place(activity, rungs[n % 4], rungs[(n + 1) % 4])
            total = time.perf_counter() - started
            write = SPENT["write"] - SPENT["fsync"]
            for name, value in (
                ("apply", SPENT["apply"]),
                ("serialise", SPENT["serialise"]),
                ("write", write),
                ("fsync", SPENT["fsync"]),
                ("other", total - SPENT["apply"] - SPENT["serialise"] - SPENT["write"]),
            ):
                stages[name].append(value)
            stages["= placement, on disk"].append(total)
            started = time.perf_counter()
            session = service.session
            party_view(session, None)
            stages["rebuild (+ room view)"].append(time.perf_counter() - started)
            started = time.perf_counter()
            other.session  # noqa: B018
            stages["re-read (other process)"].append(time.perf_counter() - started)
        web = asyncio.run(pages(service, activity, parties, args.changes))
    print(
        f"One phone's placement, {args.size}-activity session ({size_mb:.2f} MB file), "
        f"{args.changes} changes; load average {load}"
    )
    total = statistics.median(stages["= placement, on disk"])
    for name, values in stages.items():
        median = statistics.median(values) * 1000
        share = (
            f"{statistics.median(values) / total:6.0%}" if not name.startswith(("=", "re", "rebuild")) else ""
        )
        print(f"  {name:<26} median {median:7.2f} ms  {share}")
    for name, values in web.items():
        if name.startswith("page bytes"):
            print(f"  {name:<26} {statistics.median(values):7.1f} kB")
        else:
            print(f"  {name:<26} median {statistics.median(values) * 1000:7.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
