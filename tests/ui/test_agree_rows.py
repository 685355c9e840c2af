"""The roles-and-expectations view's rows, built without an app: the pure functions of
`agree_rows` take the session, the activity and the translator and return the lines."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.core.i18n import Translator
from facilitator.core.mismatches import mismatches
from facilitator.core.service import SessionService
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.agree_rows import (
    action_rows,
    activity_option,
    activity_rows,
    expectation_rows,
    field_rows,
    gap_option,
    item_layout,
    item_options,
    party_rows,
    reopened_parties,
    status_line,
)

T = Translator("en")
MARKUP = "[@click=app.quit]x [b]bold[/b]"


def plain(option: Option | Content) -> str:
    """An option's (or a label's) text as the list shows it, white space squeezed."""
    value = option.prompt if isinstance(option, Option) else option
    if isinstance(value, Text | Content):
        return " ".join(value.plain.split())
    console = Console(width=300, force_terminal=False, color_system=None)
    with console.capture() as captured:
        console.print(value)
    return " ".join(captured.get().split())


def kinds(options: list[Option]) -> list[str]:
    return [item.kind for o in options if (item := Item.parse(o.id)) is not None]


def workshop(service: SessionService) -> tuple[str, str, str]:
    """Police and Town on an activity agreed at collaboration; returns (activity, police, town)."""
    police = service.add_party("Police")
    town = service.add_party("Town")
    activity = service.add_activity("Joint plan", party_ids=[police, town])
    service.agree(activity, current="collaboration", wished="collaboration")
    return activity, police, town


def test_item_options_are_the_panels_in_order(service: SessionService) -> None:
    activity, police, town = workshop(service)
    service.add_commitment(activity, police, "We patrol")
    service.add_expectation(activity, town, police, "Tell us first")
    service.add_action("Book the hall", town, activity_id=activity, due="2026-01-05")
    session = service.session
    options = list(item_options(session, session.activity(activity), {}, t=T, width=100, projector=False))
    assert kinds(options)[:2] == ["party", "party"]
    order = [k for k in kinds(options) if k != "field"]
    assert order == ["party", "party", "commitment", "expectation", "action"]
    assert "field" in kinds(options)  # collaboration has agreement fields
    assert plain(options[0]) == " ".join(T("agree.section.parties", count=2).split())
    assert all(not o.disabled for o in options if Item.parse(o.id) is not None)


def test_party_rows_say_who_signed_and_why_a_sign_off_was_reopened(service: SessionService) -> None:
    activity, police, town = workshop(service)
    service.sign_off(activity, police)
    service.sign_off(activity, town)
    service.add_commitment(activity, police, "We patrol")  # voids both sign-offs
    service.sign_off(activity, town)
    session = service.session
    reopened = reopened_parties(session, activity)
    assert reopened == {police: "commitment.added"}
    act = session.activity(activity)
    layout = item_layout(session, act, T, 100, False, reopened)  # as item_options passes it
    rows = [plain(o) for o in party_rows(session, act, reopened, T, layout)]
    police_row = next(r for r in rows if r.startswith("Police"))
    town_row = next(r for r in rows if r.startswith("Town"))
    assert T("agree.signed.reopened") in police_row
    assert T("agree.signed.yes") in town_row
    reason = T("agree.reopened.line", parties="Police", reason=T("agree.reason.commitments"))
    assert " ".join(reason.split()) in rows


def test_expectation_rows_show_the_answer_beside_or_in_a_column(service: SessionService) -> None:
    activity, police, town = workshop(service)
    expectation = service.add_expectation(activity, town, police, MARKUP)
    service.answer_expectation(expectation, "amended", "Tell us a day before")
    session = service.session
    act = session.activity(activity)
    wide = [plain(o) for o in expectation_rows(session, act, T, item_layout(session, act, T, 100, False))]
    narrow = [plain(o) for o in expectation_rows(session, act, T, item_layout(session, act, T, 60, False))]
    state = T("agree.state.amended")
    assert any(r.startswith(f"✎ {state}") and "Town → Police" in r for r in wide)
    assert any(f"{state} · Town → Police" in r for r in narrow)
    line = next(r for r in wide if "Town → Police" in r)
    assert line.index("Tell us a day before") < line.index(MARKUP)  # the new text over the old, literal


def test_field_rows_before_a_rung_is_agreed_lead_to_the_placing_phase(service: SessionService) -> None:
    police = service.add_party("Police")
    activity = service.add_activity("Round table", party_ids=[police])
    session = service.session
    act = session.activity(activity)
    options = list(field_rows(session, act, T, item_layout(session, act, T, 100, False)))
    place = next(p for p in session.scenario.agenda if p.kind == "place")
    assert options[0].disabled  # the heading
    assert options[1].id == Item("goto", place.id).option_id


def test_field_rows_show_values_and_empty_fields(service: SessionService) -> None:
    activity, _police, _town = workshop(service)
    session = service.session
    rung = session.scenario.rung("collaboration")
    service.set_field(activity, rung.fields[0].id, "Every Monday")
    session = service.session
    act = session.activity(activity)
    options = list(field_rows(session, act, T, item_layout(session, act, T, 100, False)))
    by_id = {o.id: plain(o) for o in options if o.id}
    assert "Every Monday" in by_id[Item("field", rung.fields[0].id).option_id]
    if len(rung.fields) > 1:
        assert T("agree.field.empty") in by_id[Item("field", rung.fields[1].id).option_id]


def test_action_rows_mark_an_overdue_action_against_the_given_day(service: SessionService) -> None:
    activity, police, town = workshop(service)
    late = service.add_action("Book the hall", town, activity_id=activity, due="2026-01-05")
    done = service.add_action("Send minutes", police, activity_id=activity, due="2026-01-01")
    service.update_action(done, done=True)
    session = service.session
    act = session.activity(activity)
    layout = item_layout(session, act, T, 100, False)
    before = {o.id: plain(o) for o in action_rows(session, act, T, layout, today="2026-01-02")}
    after = {o.id: plain(o) for o in action_rows(session, act, T, layout, today="2026-02-01")}
    overdue = T("agree.action.overdue")
    assert overdue not in before[Item("action", late).option_id]
    assert overdue in after[Item("action", late).option_id]
    assert overdue not in after[Item("action", done).option_id]  # done is never overdue
    assert after[Item("action", done).option_id].startswith("☑")


def test_empty_panels_offer_to_add_the_first_entry(service: SessionService) -> None:
    activity, _police, _town = workshop(service)
    session = service.session
    options = list(item_options(session, session.activity(activity), {}, t=T, width=100, projector=False))
    adds = [Item.parse(o.id) for o in options if o.id and o.id.startswith("add:")]
    assert [a.key for a in adds if a is not None] == ["commitment", "expectation", "action"]
    room = list(item_options(session, session.activity(activity), {}, t=T, width=100, projector=True))
    assert plain(next(o for o in room if o.id == "add:commitment")) == T("agree.none_yet")


def test_activity_option_and_status_line(service: SessionService) -> None:
    activity, police, town = workshop(service)
    service.sign_off(activity, police)
    service.sign_off(activity, town)
    session = service.session
    gaps = {}
    for gap in mismatches(session):
        gaps.setdefault(gap.activity_id, []).append(gap)
    (row,) = activity_rows(session, gaps)
    assert (row.signed, row.total) == (2, 2)
    wide = plain(activity_option(session, row, T, None))
    assert wide.startswith("Joint plan")
    assert session.scenario.rung_title("collaboration") in wide
    narrow = activity_option(session, row, T, 12)
    assert all(len(line) <= 12 for line in narrow.prompt.plain.split("\n"))  # type: ignore[union-attr]
    status = plain(status_line(session, session.activity(activity), T))
    assert " ".join(T("agree.header.all_signed", total=2).split()) in status
    for index, gap in enumerate(gaps.get(activity, [])):
        assert plain(gap_option(gap, index, T)).startswith("⚠")


def test_party_names_keep_their_words_at_80_columns(service: SessionService) -> None:
    """At 80×24 the roles list is some 51 cells wide: the sign-off column kept room for
    "↺ kinnita uuesti" that no party needed, and "Kaasiku Noortekeskus" broke as
    "Noorteke/skus". The column is that wide only when a party must sign again."""
    et = Translator("et")
    police = service.add_party("Politsei")
    youth = service.add_party("Kaasiku Noortekeskus")
    activity = service.add_activity("Teemaõhtud", party_ids=[police, youth])
    service.agree(activity, current="communication", wished="communication")
    session = service.session
    act = session.activity(activity)
    layout = item_layout(session, act, et, 51, False)
    assert layout.name_width >= len("Noortekeskus")
    assert layout.sign_width < len(et("agree.signed.reopened"))
    service.sign_off(activity, police)
    service.add_commitment(activity, police, "Peame loenguid")  # voids the sign-off
    session = service.session
    reopened = reopened_parties(session, activity)
    layout = item_layout(session, session.activity(activity), et, 51, False, reopened)
    assert layout.sign_width >= len(et("agree.signed.reopened"))


def test_a_long_one_word_party_name_keeps_its_word_at_80_columns(service: SessionService) -> None:
    """The demo's roles view at 80×24 showed "Sotsiaaltööta/jad": the sign-off column kept 14
    cells for 12-cell texts, and two cells between columns left the name 15. The columns take
    what their texts need, and the gaps narrow to one cell before a word is broken."""
    et = Translator("et")
    police = service.add_party("Politsei")
    social = service.add_party("Sotsiaaltöötajad")
    activity = service.add_activity("Ümarlaud", party_ids=[police, social])
    service.agree(activity, current="cooperation", wished="cooperation")
    session = service.session
    layout = item_layout(session, session.activity(activity), et, 51, False)
    assert layout.name_width >= len("Sotsiaaltöötajad")
    text = "\n".join(plain(o) for o in party_rows(session, session.activity(activity), {}, et, layout))
    assert "Sotsiaaltöötajad" in text
    wide = item_layout(session, session.activity(activity), et, 100, False)
    assert wide.gap == 2 and wide.name_width >= len("Sotsiaaltöötajad")
