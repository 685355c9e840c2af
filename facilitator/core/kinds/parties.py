"""Changes to who takes part: parties (organisations, groups) and their participants (people)."""

from __future__ import annotations

import dataclasses
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles
from facilitator.core.model import (
    ACTIONS,
    ACTIVITIES,
    COMMITMENTS,
    EXPECTATIONS,
    PARTICIPANTS,
    PARTIES,
    PLACEMENTS,
    ROLES,
    SIGNOFFS,
    Participant,
    Party,
)
from facilitator.core.schema.events import (
    ParticipantAdded,
    ParticipantMoved,
    ParticipantRemoved,
    PartyAdded,
    PartyRemoved,
    PartyUpdated,
)
from facilitator.core.schema.table import Table


def _told_party_added(d: PartyAdded, tell: Telling) -> str:
    tell.names.parties[d["id"]] = d["name"].strip()
    return tell.t("review.event.party.added", party=tell.party(d["id"]))


def _told_party_updated(d: PartyUpdated, tell: Telling) -> str:
    old = tell.party(d["id"])
    if "name" in d and d["name"].strip() != old:
        tell.names.parties[d["id"]] = d["name"].strip()
        return tell.t("review.event.party.renamed", old=old, party=d["name"].strip())
    return tell.t("review.event.party.updated", party=old)


def _told_party_removed(d: PartyRemoved, tell: Telling) -> str:
    party_id = d["id"]
    told = tell.t("review.event.party.removed", party=tell.party(party_id))
    for parties in tell.names.placed.values():
        parties.pop(party_id, None)
    return told


def _told_participant_added(d: ParticipantAdded, tell: Telling) -> str:
    name = d["name"].strip()
    tell.names.participants[d["id"]] = (name, d["party_id"])
    return tell.t("review.event.participant.added", name=name, party=tell.party(d["party_id"]))


def _told_participant_removed(d: ParticipantRemoved, tell: Telling) -> str:
    name, _party = tell.names.participants.get(d["id"], ("?", ""))
    return tell.t("review.event.participant.removed", name=name)


def _same_name(ctx: Context, name: str, party_id: str | None = None) -> None:
    for other in ctx.rows(PARTIES):
        if other.id != party_id and other.name.casefold() == name.casefold():
            raise ChangeRejected(
                f"there is already a party called {other.name!r}", "error.duplicate_party", name=other.name
            )


@handles("party.added", describe=_told_party_added)
def _party_added(ctx: Context, data: PartyAdded) -> None:
    name = data["name"].strip()
    _same_name(ctx, name)
    ctx.add(
        PARTIES,
        Party(
            data["id"], name, ctx.next_order("parties"), data.get("suggested_id"), data.get("affected", False)
        ),
    )


@handles("party.updated", describe=_told_party_updated)
def _party_updated(ctx: Context, data: PartyUpdated) -> None:
    party = ctx.need(PARTIES, data["id"])
    if "name" in data:
        name = data["name"].strip()
        _same_name(ctx, name, party.id)
        party = dataclasses.replace(party, name=name)
    if "affected" in data:
        party = dataclasses.replace(party, affected=data["affected"])
    ctx.put(PARTIES, party)


@handles("party.removed", describe=_told_party_removed)
def _party_removed(ctx: Context, data: PartyRemoved) -> None:
    """Removes the party everywhere; the event log keeps what it had said."""
    party_id = data["id"]
    ctx.remove(PARTIES, party_id)
    for activity in ctx.rows(ACTIVITIES):
        if party_id in activity.party_ids or party_id in activity.concerns:
            ctx.put(
                ACTIVITIES,
                dataclasses.replace(
                    activity,
                    party_ids=tuple(p for p in activity.party_ids if p != party_id),
                    concerns=tuple(p for p in activity.concerns if p != party_id),
                ),
            )
    spoken_for: tuple[Table[Any], ...] = (PARTICIPANTS, PLACEMENTS, ROLES, COMMITMENTS, SIGNOFFS)
    for table in spoken_for:
        ctx.delete_where(table, "party_id", party_id)
    ctx.delete_where(EXPECTATIONS, "from_party", party_id)
    ctx.delete_where(EXPECTATIONS, "to_party", party_id)
    ctx.delete_where(ACTIONS, "owner", party_id)


def _told_participant_moved(d: ParticipantMoved, tell: Telling) -> str:
    name, _party = tell.names.participants.get(d["id"], ("?", ""))
    tell.names.participants[d["id"]] = (name, d["party_id"])
    return tell.t("review.event.participant.moved", name=name, party=tell.party(d["party_id"]))


@handles("participant.added", describe=_told_participant_added)
def _participant_added(ctx: Context, data: ParticipantAdded) -> None:
    ctx.add(PARTICIPANTS, Participant(data["id"], data["name"].strip(), data["party_id"]))


@handles("participant.removed", describe=_told_participant_removed)
def _participant_removed(ctx: Context, data: ParticipantRemoved) -> None:
    ctx.remove(PARTICIPANTS, data["id"])


@handles("participant.moved", describe=_told_participant_moved)
def _participant_moved(ctx: Context, data: ParticipantMoved) -> None:
    """A person put under the wrong party is moved, not removed and typed again."""
    person = ctx.need(PARTICIPANTS, data["id"])
    ctx.put(PARTICIPANTS, dataclasses.replace(person, party_id=data["party_id"]))
