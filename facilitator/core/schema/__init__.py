"""The session's shape, declared once: every table's documents and every change's payload.

    fields.py      the words: Text, Ref, Known, Whole, Seconds, Day, Recorded (in Annotated[...])
    table.py       Table: a table's name, row class, document id, older shapes
    events.py      PAYLOADS: each kind of change's payload as a TypedDict
    vocabulary.py  the scenario's ids a Known(...) field names (rungs, roles, phases, ...)
    stored.py      a stored document checked against its declaration (the file validator)

The model (`model.Session.from_tables`), the validation of untrusted files (`validate`) and
the check of a change's payload before its handler applies it (`kinds.base`) are derived
from these declarations; nothing else describes a document's fields.

To add a table:
  1. declare its row as a frozen dataclass in `model.py`, each field annotated with its
     constraints (`party_id: PartyId`, `note: Annotated[str, Text(longest=4_000)]`); a field
     with a default may be missing from older files;
  2. declare `NAME = Table("name", Row, "what one is called", key=..., ordered=...)` below
     the rows and add it to `model.TABLES`;
  3. add `name: tuple[Row, ...] = ()` to `Session` (built for you from the table);
  4. a rule across fields or tables (a party involved in its activity) goes in
     `validate.RULES`; the file validator checks everything else from the declaration.

To add a kind of change:
  1. declare its payload as a TypedDict in `events.py` (derive it from `Payload`; `NotRequired`
     for optional fields, `Recorded()` for what the handler fills in for the log) and add it
     to `PAYLOADS` under the kind's name;
  2. write its handler in the `kinds` module of its subject with `@handles(Payload, ...)`:
     it receives the payload checked against the declaration (types, references, scenario
     ids, lengths) and decides only what the declaration can't (the room's rules);
  3. a stored event of that kind is checked against the same declaration when a file is read.
"""
