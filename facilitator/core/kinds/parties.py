"""Changes to who takes part: parties (organisations, groups) and their participants (people)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles, text


def _told_party_added(d: Mapping[str, Any], tell: Telling) -> str:
    tell.names.parties[str(d.get("id"))] = str(d.get("name", "")).strip()
    return tell.t("review.event.party.added", party=tell.party(d.get("id")))


def _told_party_updated(d: Mapping[str, Any], tell: Telling) -> str:
    old = tell.party(d.get("id"))
    if isinstance(d.get("name"), str) and d["name"].strip() != old:
        tell.names.parties[str(d.get("id"))] = d["name"].strip()
        return tell.t("review.event.party.renamed", old=old, party=d["name"].strip())
    return tell.t("review.event.party.updated", party=old)


def _told_party_removed(d: Mapping[str, Any], tell: Telling) -> str:
    party_id = str(d.get("id"))
    told = tell.t("review.event.party.removed", party=tell.party(party_id))
    for parties in tell.names.placed.values():
        parties.pop(party_id, None)
    return told


def _told_participant_added(d: Mapping[str, Any], tell: Telling) -> str:
    name = str(d.get("name", "")).strip()
    tell.names.participants[str(d.get("id"))] = (name, str(d.get("party_id")))
    return tell.t("review.event.participant.added", name=name, party=tell.party(d.get("party_id")))


def _told_participant_removed(d: Mapping[str, Any], tell: Telling) -> str:
    name, _party = tell.names.participants.get(str(d.get("id")), ("?", ""))
    return tell.t("review.event.participant.removed", name=name)


@handles("party.added", describe=_told_party_added)
def _party_added(ctx: Context, data: dict[str, Any]) -> None:
    name = text(data, "name").strip()
    for party in ctx.all("parties"):
        if party["name"].casefold() == name.casefold():
            raise ChangeRejected(
                f"there is already a party called {party['name']!r}",
                "error.duplicate_party",
                name=party["name"],
            )
    suggested = data.get("suggested_id")
    if suggested is not None and ctx.scenario.suggested_party(suggested) is None:
        raise ChangeRejected(f"no suggested party {suggested!r} in this scenario")
    affected = data.get("affected", False)
    if not isinstance(affected, bool):
        raise ChangeRejected("affected must be true or false")
    ctx.put(
        "parties",
        {
            "id": data["id"],
            "name": name,
            "order": ctx.next_order("parties"),
            "suggested_id": suggested,
            "affected": affected,
        },
    )


@handles("party.updated", describe=_told_party_updated)
def _party_updated(ctx: Context, data: dict[str, Any]) -> None:
    party = ctx.need("parties", data.get("id"), "party")
    if "name" in data:
        name = text(data, "name").strip()
        for other in ctx.all("parties"):
            if other["id"] != party["id"] and other["name"].casefold() == name.casefold():
                raise ChangeRejected(
                    f"there is already a party called {other['name']!r}",
                    "error.duplicate_party",
                    name=other["name"],
                )
        party["name"] = name
    if "affected" in data:
        if not isinstance(data["affected"], bool):
            raise ChangeRejected("affected must be true or false")
        party["affected"] = data["affected"]
    ctx.put("parties", party)


@handles("party.removed", describe=_told_party_removed)
def _party_removed(ctx: Context, data: dict[str, Any]) -> None:
    """Removes the party everywhere; the event log keeps what it had said."""
    party_id = ctx.need("parties", data.get("id"), "party")["id"]
    ctx.remove("parties", party_id)
    for activity in ctx.all("activities"):
        if party_id in activity["party_ids"] or party_id in activity.get("concerns", []):
            activity["party_ids"] = [p for p in activity["party_ids"] if p != party_id]
            activity["concerns"] = [p for p in activity.get("concerns", []) if p != party_id]
            ctx.put("activities", activity)
    ctx.delete_where("participants", lambda d: d["party_id"] != party_id)
    for table in ("placements", "roles", "commitments", "signoffs"):
        ctx.delete_where(table, lambda d: d["party_id"] != party_id)
    ctx.delete_where("expectations", lambda d: party_id not in (d["from_party"], d["to_party"]))
    ctx.delete_where("actions", lambda d: d["owner"] != party_id)


def _told_participant_moved(d: Mapping[str, Any], tell: Telling) -> str:
    name, _party = tell.names.participants.get(str(d.get("id")), ("?", ""))
    tell.names.participants[str(d.get("id"))] = (name, str(d.get("party_id")))
    return tell.t("review.event.participant.moved", name=name, party=tell.party(d.get("party_id")))


@handles("participant.added", describe=_told_participant_added)
def _participant_added(ctx: Context, data: dict[str, Any]) -> None:
    ctx.need("parties", data.get("party_id"), "party")
    ctx.put(
        "participants",
        {
            "id": data["id"],
            "name": text(data, "name").strip(),
            "party_id": data["party_id"],
            "order": ctx.next_order("participants"),
        },
    )


@handles("participant.removed", describe=_told_participant_removed)
def _participant_removed(ctx: Context, data: dict[str, Any]) -> None:
    ctx.need("participants", data.get("id"), "participant")
    ctx.remove("participants", data["id"])


@handles("participant.moved", describe=_told_participant_moved)
def _participant_moved(ctx: Context, data: dict[str, Any]) -> None:
    """A person put under the wrong party is moved, not removed and typed again."""
    person = ctx.need("participants", data.get("id"), "participant")
    person["party_id"] = ctx.need("parties", data.get("party_id"), "party")["id"]
    ctx.put("participants", person)
