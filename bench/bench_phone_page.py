"""The phone page on a slow network: page weight, time to a usable page, time to an update.

`facilitator serve` on loopback over bench_phones' session (500 activities, 40 parties on
one activity opened for placement); Chromium (Playwright, the distribution's browser) at a
phone's size, 390x844, with Chromium's own network emulation (CDP
`Network.emulateNetworkConditions`) at a slow-3G-like profile: 400 ms round trip,
400 kbit/s down and up. The browser cache is off, so every load fetches everything.

* first visit: the join page opened from the QR code's address until it is usable (the
  join form shown and the page's script loaded: the `load` event);
* party page: after joining, the party's page reloaded until usable (its placing form);
* update: another party places (this script writes through the service, as another
  phone's server would) until this phone's page shows it ("Placed: n of 40"), through
  the server's watcher, the event stream and the live part's fetch;
* weight: the bytes that crossed the network for each page (CDP's encoded lengths).

Targets (issue 21): usable in <= 2 s; an update in <= 1 s. Loopback only. Run:
`python bench/bench_phone_page.py [--repeats 5] [--size 500]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_phones import LOOPBACK, prepare
from playwright.async_api import CDPSession, Page, async_playwright

from facilitator.core.library import ENV_DATA_DIR, SessionLibrary

PHONE = {"width": 390, "height": 844}
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
"""Slow-3G-like: 400 ms round trip, 400 kbit/s each way (bytes per second for CDP)."""


def chromium() -> str:
    found = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)
    found = found or shutil.which("chromium")
    if found is None:
        raise SystemExit("no Chromium found: install it with 'apt-get install -y chromium'")
    return found


class Weight:
    """Bytes received over the (emulated) network, counted from CDP's loading events."""

    def __init__(self, cdp: CDPSession) -> None:
        self.bytes = 0
        cdp.on("Network.loadingFinished", self._finished)

    def _finished(self, event: dict[str, Any]) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))


async def usable(page: Page, weight: Weight, url: str, ready: str) -> tuple[float, int]:
    """Seconds from asking for `url` until `ready` is visible and the page has loaded; its bytes."""
    weight.bytes = 0
    started = time.perf_counter()
    await page.goto(url, wait_until="load")
    await page.locator(ready).first.wait_for(state="visible")
    took = time.perf_counter() - started
    await asyncio.sleep(0.3)  # the event stream's first bytes, the icon: counted, not timed
    return took, weight.bytes


async def measure(
    base: str, code: str, party: str, others: list[str], activity: str, path: Path, repeats: int
) -> dict[str, list[float]]:
    from facilitator.core.service import SessionService

    service = SessionService(path)
    out: dict[str, list[float]] = {
        "first visit": [],
        "party page": [],
        "update": [],
        "kB first": [],
        "kB party": [],
    }
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium())
        try:
            for n in range(repeats):
                context = await browser.new_context(
                    viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB"
                )
                page = await context.new_page()
                cdp = await context.new_cdp_session(page)
                await cdp.send("Network.enable")
                await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                await cdp.send("Network.emulateNetworkConditions", SLOW)
                weight = Weight(cdp)
                took, size = await usable(page, weight, f"{base}/?code={code}", "form[action='/join'] button")
                out["first visit"].append(took)
                out["kB first"].append(size / 1000)
                await page.locator("form[action='/join'] button").click()
                await page.locator(f"label:has(input[name='party'][value='{party}'])").click()
                await page.locator("form[action='/party'] button[type='submit']").first.click()
                await page.locator("form[action='/place']").first.wait_for(state="visible")
                took, size = await usable(page, weight, f"{base}/", "form[action='/place'] button")
                out["party page"].append(took)
                out["kB party"].append(size / 1000)
                await asyncio.sleep(1.0)  # the event stream is open
                count = len(service.session.placements_for(activity))
                started = time.perf_counter()
                service.place(activity, others[n], "cooperation", "coordination")
                await page.get_by_text(f"Placed: {count + 1} of").wait_for(state="visible", timeout=10_000)
                out["update"].append(time.perf_counter() - started)
                await context.close()
        finally:
            await browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--size", type=int, default=500, help="activities in the session")
    args = parser.parse_args(argv)
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="bench-page-") as folder:
        data_dir = Path(folder)
        session_id, path, activity, parties = prepare(data_dir, args.size, max(40, args.repeats + 1))
        SessionLibrary(data_dir)  # (the server opens it by id)
        env = {**os.environ, ENV_DATA_DIR: str(data_dir)}
        server = subprocess.Popen(
            [sys.executable, "-m", "facilitator", "serve", session_id, "--host", LOOPBACK, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert server.stdout is not None
            lines = [server.stdout.readline() for _ in range(3)]
            base = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Address"))
            code = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Join code"))
            assert base.startswith(f"http://{LOOPBACK}:"), base  # loopback only, ever
            results = asyncio.run(
                measure(base.rstrip("/"), code, parties[0], parties[1:], activity, path, args.repeats)
            )
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"phone page, 390x844 Chromium, slow-3G-like network (400 ms RTT, 400 kbit/s), cache off; "
        f"{args.size}-activity session, {args.repeats} phones; "
        f"load average {load_before} before, {load_after} after"
    )
    targets = {"first visit": 2.0, "party page": 2.0, "update": 1.0}
    ok = True
    for name, target in targets.items():
        values = results[name]
        median, worst = statistics.median(values), max(values)
        ok = ok and median <= target
        print(
            f"  {name:<12} median {median * 1000:6.0f} ms   max {worst * 1000:6.0f} ms   "
            f"(target <= {target * 1000:.0f} ms)"
        )
    print(
        f"  weight: first visit {statistics.median(results['kB first']):.1f} kB, "
        f"party page {statistics.median(results['kB party']):.1f} kB (over the network, compressed if so)"
    )
    print("  verdict:", "PASS" if ok else "over")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
