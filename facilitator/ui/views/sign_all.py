""" "All present parties sign off": one confirmation instead of one key per party.

Present means: the party has at least one participant in the session (the people in the
room are entered in setup), or a phone joined for it to the session's running participants'
server, the app's own or `facilitator serve`'s in another process (a party whose only
person is on a phone is in the room too). A session with no
participants at all counts every party of the activity as present, since nobody was
entered. The confirmation names who signs, and who does not because nobody of theirs is
present; each sign-off goes through `SessionService.sign_off`, so the session records them
one by one, as if given in turn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection

from facilitator.core.model import Session
from facilitator.core.text import one_line
from facilitator.ui.views.base import PhaseView

NAME_LIMIT = 60


def present_parties(
    session: Session, activity_id: str, on_phones: Collection[str] = ()
) -> tuple[list[str], list[str]]:
    """(present parties who have not signed yet, parties not present), in the activity's order.

    `on_phones`: the parties with a joined device (they count as present too)."""
    activity = session.activity(activity_id)
    with_people = {p.party_id for p in session.participants}
    if with_people:
        with_people |= set(on_phones)
    signed = {s.party_id for s in session.signoffs_for(activity_id)}
    present = [p for p in activity.party_ids if not with_people or p in with_people]
    absent = [p for p in activity.party_ids if p not in present]
    return [p for p in present if p not in signed], absent


def parties_on_phones(view: PhaseView) -> set[str]:
    """The parties with an admitted device joined to the session's participants' server."""
    return set(phones_by_party(view))


def phones_by_party(view: PhaseView) -> Counter[str]:
    """How many admitted devices each party has joined to the session's participants' server
    while it runs: the app's own, else one another process runs (its room file keeps its
    devices)."""
    server = view.fapp.participants
    if server is not None and server.running and server.service.path == view.service.path:
        return Counter(d.party_id for d in server.desk.devices.values() if d.party_id and d.admitted)
    from facilitator.web import room_file

    room = room_file.RoomFile(view.service.path)
    return room_file.phones_by_party(room.desk()) if room.served_elsewhere() else Counter()


def sign_all(view: PhaseView, activity_id: str | None) -> None:
    """Ask once, then sign the activity off for every present party that has not yet."""
    session = view.session
    if activity_id is None or not session.has_activity(activity_id):
        return
    if not present_parties(session, activity_id, parties_on_phones(view))[0]:
        view.notify(view.t("signall.none"), timeout=4)
        return
    view.run_worker(_sign_all(view, activity_id), group="sign-all", exclusive=True)


async def _sign_all(view: PhaseView, activity_id: str) -> None:
    """Decided on the session as it is at the write (`reopen.change_asked`): a party that
    signed meanwhile is left out, and an agreement changed meanwhile (another device) is
    asked about again, so nobody is signed off on what the room did not see."""
    from facilitator.core.reopening import agreement_mark
    from facilitator.ui.dialogs.reopen import change_asked

    t, phones = view.t, parties_on_phones(view)
    signing: list[str] = []  # the parties the question names, as last asked

    def question(session: Session) -> str:
        to_sign, absent = present_parties(session, activity_id, phones)
        signing[:] = to_sign
        title = one_line(session.activity(activity_id).title, 120)
        names = ", ".join(one_line(session.party_name(p), NAME_LIMIT) for p in to_sign)
        message = t("signall.confirm", activity=title, count=len(to_sign), parties=names)
        if absent:
            away = ", ".join(one_line(session.party_name(p), NAME_LIMIT) for p in absent)
            message += "\n" + t("signall.absent", parties=away)
        return message

    seen: list[int] = [0]  # the agreement the plan (and so the question) was on

    async def plan(session: Session) -> Callable[[], int] | None:
        if session.has_activity(activity_id) and present_parties(session, activity_id, phones)[0]:
            seen[0] = agreement_mark(session, activity_id)
            return write
        view.notify(t("signall.none"), timeout=4)  # signed meanwhile (or gone): nothing left
        return None

    def write() -> int:
        """Each sign-off on the agreement asked about, checked under the lock (`AgreementChanged`
        when it changed meanwhile: asked again); a party signed meanwhile is left out."""
        from facilitator.core.errors import AlreadySigned

        signed = 0
        for party_id in signing:
            try:
                view.service.sign_off(activity_id, party_id, mark=seen[0])
            except AlreadySigned:
                continue  # on its phone, since the question: no second sign-off in the log
            signed += 1
        return signed

    done = await change_asked(
        view.app,
        view.service,
        activity_id,
        "signoff.given",
        "",
        plan,
        question=question,
        about=lambda session: agreement_mark(session, activity_id),
        yes_key="signall.button",
        alone=("signall.button", True),
    )
    if done:
        title = one_line(view.session.activity(activity_id).title, 120)
        view.notify(t("signall.done", count=done, activity=title), markup=False, timeout=4)
