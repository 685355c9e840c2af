"""A child process for the crash and concurrency tests: writes to one session in a loop.

    python tests/writer.py SESSION_FILE PREFIX [COUNT]

Opens the session, prints ``ready``, then adds activities titled PREFIX-0, PREFIX-1, ...
Each title is printed (and flushed) only after the service call has returned, so a
printed title is a write the service acknowledged. Without COUNT it writes until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator.core.service import SessionService


def main(argv: list[str]) -> int:
    path, prefix = Path(argv[1]), argv[2]
    count = int(argv[3]) if len(argv) > 3 else None
    service = SessionService(path, actor=prefix)
    service.session  # noqa: B018 - open (and check) the file before saying ready
    print("ready", flush=True)
    number = 0
    while count is None or number < count:
        title = f"{prefix}-{number}"
        service.add_activity(title)
        print(title, flush=True)
        number += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
