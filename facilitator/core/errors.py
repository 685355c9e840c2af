"""Errors a user can cause and fix; the CLI turns them into one line and exit code 2."""

from __future__ import annotations

import errno


class UserError(Exception):
    """Something the user can fix: bad input, a missing session, an unreadable file.

    The message is English (for logs); a `key` with `values`, where given, says the same
    from the catalogue in the reader's language (see `i18n.explain`).
    """

    def __init__(self, message: str = "", key: str | None = None, **values: object) -> None:
        super().__init__(message)
        if key is None and hasattr(message, "key"):  # a `Worded` reason: the catalogue says it
            key, values = message.key, dict(getattr(message, "values", {}))
        self.key = key
        self.values = values

    @classmethod
    def worded(cls, key: str, **values: object) -> UserError:
        """The error the catalogue words: its English for the message (logs), the key for readers."""
        from facilitator.core.i18n import Translator

        return cls(Translator("en")(key, **values), key, **values)


class ScenarioError(UserError):
    """A scenario file is invalid. Carries every problem found, one line each."""

    def __init__(self, problems: list[str], key: str | None = None, **values: object) -> None:
        from facilitator.core.i18n import Worded

        self.problems = problems
        first = problems[0] if problems else "invalid scenario"
        message = (
            Worded("scenario.more", first=first, count=len(problems) - 1) if len(problems) > 1 else first
        )
        super().__init__(message, key, **values)


class SessionFileError(UserError):
    """A session file can't be used: corrupt, not a session, or from a newer version."""


class SessionWriteError(SessionFileError):
    """A session file could not be written (disk full, read-only folder, size limit, ...).

    The file on disk is the one from before the failed write: writes are atomic. `key` and
    `values` let the app say so in the interface language, as `ChangeRejected` does.
    """

    def __init__(self, path: object, reason: str, *, creating: bool = False) -> None:
        verb = "cannot create" if creating else "cannot save"
        tail = "" if creating else "; the file on disk is unchanged"
        super().__init__(f"{path}: {verb}: {reason}{tail}")
        self.key = "error.create_failed" if creating else "error.write_failed"
        self.values = {"path": str(path), "reason": reason}
        self.reason = reason


def os_reason(error: OSError) -> str:
    """An OS error's reason without the errno and path noise: "No space left on device".

    The common ones are `Worded` (`os.*` in the catalogue), so they are said in the reader's
    language; any other as the OS words it."""
    from facilitator.core.i18n import CATALOGUE, Worded

    key = f"os.{errno.errorcode.get(error.errno or 0, '')}"
    if key in CATALOGUE:
        return Worded(key)
    return error.strerror or str(error) or type(error).__name__


class SessionNotFound(UserError):
    """No session matches the id the user gave."""


class ChangeRejected(UserError):
    """A change to a session is invalid (unknown party, empty title, ...).

    The message is English (for the CLI and logs); `key` and `values` let the app
    say the same in the interface language from the catalogue.
    """


class SignedMeanwhile(ChangeRejected):
    """A change would void a sign-off the facilitator was not asked about: given on a phone
    after the question (seen under the lock, `core.reopening.reopening_at_most`). The app
    asks again with what holds now; nothing was changed."""


class AgreementChanged(ChangeRejected):
    """A sign-off on an agreement that changed after it was shown (its `seen_mark` is not the
    agreement's mark under the lock): nobody is signed off on what they did not see. The app
    asks again with what holds now; the phone shows the agreement as it is now."""


class AlreadySigned(ChangeRejected):
    """A sign-off (with a `seen_mark`) for a party that has signed already: nothing to record,
    so the log has no second sign-off. Sign-all leaves the party out; a phone is answered done."""


class LockTimeout(UserError):
    """Another process held the session's lock for too long."""


class NotAllowed(ChangeRejected):
    """A participant's device asked for something only the facilitator (or another party) may do."""
