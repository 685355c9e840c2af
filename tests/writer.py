"""A child process for the crash and concurrency tests: writes to one session in a loop.

    python tests/writer.py SESSION_FILE PREFIX [COUNT] [THREADS]

Opens the session, prints ``ready``, then adds activities titled PREFIX-0, PREFIX-1, ...
Each title is printed (and flushed) only after the service call has returned, so a
printed title is a write the service acknowledged. Without COUNT (or with 0) it writes
until killed. With THREADS, that many threads share one service (their changes go in
batches, as a server's phones do), titled PREFIX-tK-0, PREFIX-tK-1, ...
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from facilitator.core.service import SessionService

PRINTING = threading.Lock()


def write(service: SessionService, prefix: str, count: int | None) -> None:
    number = 0
    while count is None or number < count:
        title = f"{prefix}-{number}"
        service.add_activity(title)
        with PRINTING:  # one whole line per acknowledged title
            print(title, flush=True)
        number += 1


def main(argv: list[str]) -> int:
    path, prefix = Path(argv[1]), argv[2]
    count = int(argv[3]) if len(argv) > 3 and int(argv[3]) > 0 else None
    threads = int(argv[4]) if len(argv) > 4 else 0
    service = SessionService(path, actor=prefix)
    service.session  # noqa: B018 - open (and check) the file before saying ready
    print("ready", flush=True)
    if not threads:
        write(service, prefix, count)
        return 0
    workers = [
        threading.Thread(target=write, args=(service, f"{prefix}-t{k}", count)) for k in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
