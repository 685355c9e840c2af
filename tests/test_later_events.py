"""A session file this device left is read without its event log, which is parsed when first
asked for (`store.LaterTable`): the start at 500 activities skips half the file's bytes.

What must hold: the data and the model are the same as an eager read's; every change, and
every whole read, sees the whole log (nothing lost, nothing written without it); a file that
changed since, or a note that doesn't frame the log exactly, falls back to the full read; a log
that does not parse is a clear error, never an empty log.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.errors import SessionFileError
from facilitator.core.service import SessionService, build_session
from facilitator.core.store import SessionEncoder, SessionFile, _encode


def left_by_this_device(service: SessionService) -> SessionService:
    """A session with a few changes, as the app leaves it when it closes; then a fresh start."""
    police = service.add_party("Police")
    school = service.add_party("School")
    for title in ("Talks", "Patrols", "Lights"):
        service.add_activity(title, party_ids=[police, school])
    service.remember_trust()
    return SessionService(service.path)


def eager(path: Path) -> Any:
    return json.loads(path.read_bytes())


def test_the_log_waits_and_then_equals_an_eager_read(service: SessionService) -> None:
    started = left_by_this_device(service)
    assert started.file.events_at is not None  # the note was made with the signature
    session = started.session
    later = started.file._later
    assert later is not None and not later.parsed  # the board did not need the log
    full = eager(started.path)
    expected = build_session(full, "x")
    assert session.last_seq == expected.last_seq == len(full["events"])
    assert session.events == expected.events
    assert later.parsed
    assert started.file.read() == full  # the whole data, key order too
    assert list(started.file.read()) == list(full)


def test_a_whole_read_parses_the_log_first(service: SessionService) -> None:
    started = left_by_this_device(service)
    _ = started.session
    assert started.file.read()["events"] == eager(started.path)["events"]


def test_a_change_after_a_later_start_keeps_every_event(service: SessionService) -> None:
    started = left_by_this_device(service)
    before = eager(started.path)["events"]
    _ = started.session  # the log not parsed yet
    started.add_party("Youth club")
    after = eager(started.path)["events"]
    assert isinstance(before, dict) and isinstance(after, dict)
    assert len(after) == len(before) + 1
    assert all(after[key] == doc for key, doc in before.items())
    assert started.session.last_seq == len(after)


def test_the_note_follows_a_write_and_serves_the_next_start(service: SessionService) -> None:
    started = left_by_this_device(service)
    started.add_party("Youth club")
    started.remember_trust()
    state = started.device.get()
    sig = list(started.file.trust_signature() or ())
    assert state["trusted"] == sig and state["trusted_events"][:3] == sig
    start, end, last_seq = state["trusted_events"][3:]
    raw = started.path.read_bytes()
    assert json.loads(raw[start:end]) == eager(started.path)["events"]
    assert last_seq == started.session.last_seq
    again = SessionService(started.path)
    assert again.session.last_seq == last_seq and again.file._later is not None


def test_a_file_changed_since_is_read_whole_and_checked(service: SessionService) -> None:
    started = left_by_this_device(service)
    data = eager(started.path)
    data["meta"]["session"]["title"] = "Edited by hand"
    started.path.write_text(json.dumps(data, indent=1), encoding="utf-8")  # other offsets too
    again = SessionService(started.path)
    assert again.session.info.title == "Edited by hand"
    assert again.file._later is None
    assert again.session.events == build_session(data, "x").events


@pytest.mark.parametrize("shift", [-1, 1])
def test_a_note_that_does_not_frame_the_log_falls_back_to_the_full_read(
    service: SessionService, shift: int
) -> None:
    started = left_by_this_device(service)
    state = started.device.get()
    note = list(state["trusted_events"])
    note[4] += shift  # the end one byte off
    started.device.update(trusted_events=note)
    again = SessionService(started.path)
    assert again.file.events_at is not None
    assert again.session.events == build_session(eager(started.path), "x").events
    assert again.file._later is None  # read whole


def test_a_note_of_another_signature_is_not_used(service: SessionService) -> None:
    started = left_by_this_device(service)
    note = list(started.device.get()["trusted_events"])
    note[1] += 1  # made with another file
    started.device.update(trusted_events=note)
    assert SessionService(started.path).file.events_at is None


def test_a_log_that_does_not_parse_is_an_error_and_nothing_is_written(service: SessionService) -> None:
    """The same signature (same inode, size and stamp) over broken log bytes: only a broken
    disk or a deliberate edit does this. The log is refused, never taken as empty."""
    started = left_by_this_device(service)
    start = started.device.get()["trusted_events"][3]
    stat = started.path.stat()
    with started.path.open("r+b") as handle:  # in place: the inode stays
        handle.seek(start + 1)
        handle.write(b"!")  # `{!1":...`: not JSON
    os.utime(started.path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    broken = started.path.read_bytes()
    again = SessionService(started.path)
    assert again.session.info.title  # the board opens
    with pytest.raises(SessionFileError):
        _ = again.session.events
    with pytest.raises(SessionFileError):
        again.add_party("Youth club")
    assert started.path.read_bytes() == broken  # nothing written over it


def test_remember_trust_after_a_read_without_the_span_notes_none(service: SessionService) -> None:
    started = left_by_this_device(service)
    started.device.update(trusted_events=None)
    again = SessionService(started.path)
    _ = again.session  # read whole: where the log lies is not known
    again.remember_trust()
    state = again.device.get()
    assert state["trusted"] and state["trusted_events"] is None


def test_the_encoder_knows_where_each_table_lies(service: SessionService) -> None:
    left_by_this_device(service)
    data = eager(service.path)
    encoder = SessionEncoder()
    blob = encoder.encode(data)
    assert list(encoder.spans) == list(data)
    for name, (start, end) in encoder.spans.items():
        assert blob[start:end] == _encode(data[name]).encode()


def test_a_change_by_another_process_is_read_keeping_the_log_as_parsed(service: SessionService) -> None:
    """The re-read after another process's change keeps every unchanged document as it was
    (only the new ones are checked): the log left for later is parsed first, not taken as empty."""
    started = left_by_this_device(service)
    _ = started.session
    held = started.file._later
    assert held is not None and not held.parsed
    SessionService(started.path).add_party("Youth club")  # another process
    assert started.session.last_seq == len(eager(started.path)["events"])  # re-read
    assert held.parsed and started.file._later is None
    log = started.file.read()["events"]
    assert all(log[key] is doc for key, doc in held.data["events"].items())  # kept, not checked again
    assert started.session.events == build_session(eager(started.path), "x").events


def test_two_first_reads_at_once_load_the_file_once_and_keep_the_whole_log(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A viewer and a writer reading a trusted file for the first time at once: each built its
    own data with the log held for later, the cache kept one and the held log was the other's,
    so the log was never parsed and the write saved it empty (found in review)."""
    left_by_this_device(service)
    before = len(eager(service.path)["events"])
    again = SessionService(service.path)
    inside: list[int] = []
    most = [0]
    load = SessionFile._load_trusted

    def slow_load(file: SessionFile) -> Any:
        inside.append(1)
        most[0] = max(most[0], len(inside))
        time.sleep(0.05)  # the other thread arrives meanwhile
        try:
            return load(file)
        finally:
            inside.pop()

    monkeypatch.setattr(SessionFile, "_load_trusted", slow_load)
    seen: list[int] = []
    viewer = threading.Thread(target=lambda: seen.append(len(again.session.events)))
    writer = threading.Thread(target=lambda: again.add_party("Youth club"))
    for thread in (viewer, writer):
        thread.start()
    for thread in (viewer, writer):
        thread.join()
    assert most[0] == 1  # one load; the other thread waited for it and took it
    assert len(eager(service.path)["events"]) == before + 1  # the log whole, and the new change
    assert seen and seen[0] >= before
