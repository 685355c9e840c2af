"""The two drawings: the ladder with the activities on it, and the partnership matrix.

Plain SVG 1.1 built as text: presentation attributes rather than a stylesheet (an inline
`<style>` would leak into the HTML page around it), generic font families only (no
fonts to fetch), no ids (two drawings share one HTML page). Every text is escaped and
cut to fit; meaning never rests on colour alone: rungs carry their number and name,
cells their numbers, and a legend explains both.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from facilitator.core.i18n import Translator
from facilitator.core.matrices import Pair, partnership_matrix, rung_counts
from facilitator.core.model import Activity, Session
from facilitator.core.reports.escape import markup, single_line
from facilitator.core.reports.labels import Labels

FONT = "'DejaVu Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
INK = "#1f2328"
SOFT = "#57606a"
FAINT = "#8c959f"
PANEL = "#f3f5f8"
LINE = "#d0d7de"
# Light to dark, one per rung; the number and the name are always written on top.
PALETTE = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")
MAX_ITEMS = 8  # activities listed per rung in the ladder; the rest are counted


# --------------------------------------------------------------------------- text


_NARROW = frozenset("iljIft.,:;'|!()[] ")
_WIDE = frozenset("mwMW@%#&")


def _char_width(char: str) -> float:
    """Advance of one character in ems, a little over DejaVu Sans (the widest common font)."""
    if char in _NARROW:
        return 0.36
    if char in _WIDE:
        return 0.86
    if char.isupper():
        return 0.74
    if char.isdigit():
        return 0.66
    if ord(char) >= 0x2E80 and (unicodedata.east_asian_width(char) in ("W", "F") or ord(char) >= 0x1F000):
        return 1.2
    return 0.62


def text_width(value: str, size: float, bold: bool = False) -> float:
    return sum(_char_width(c) for c in value) * size * (1.1 if bold else 1.0)


def fit(value: str, size: float, width: float) -> str:
    """One line of `value` cut with "…" so that it is at most `width` wide."""
    value = single_line(value)
    if text_width(value, size) <= width:
        return value
    room = width - text_width("…", size)
    out = []
    used = 0.0
    for char in value:
        used += _char_width(char) * size
        if used > room:
            break
        out.append(char)
    return "".join(out).rstrip() + "…"


def wrap(value: str, size: float, width: float, max_lines: int) -> list[str]:
    """Word-wrapped lines; the last one cut with "…" when the text doesn't fit."""
    words = single_line(value).split(" ")
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines:
            lines[-1] = fit(" ".join([lines[-1], *words[i:]]), size, width)
            return lines
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], fit(" ".join(lines[max_lines - 1 :]), size, width)]
    return [fit(line, size, width) for line in lines]


def _text(
    x: float,
    y: float,
    value: str,
    size: float = 13,
    *,
    fill: str = INK,
    weight: str = "normal",
    anchor: str = "start",
    extra: str = "",
) -> str:
    attrs = f'x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{fill}"'
    if weight != "normal":
        attrs += f' font-weight="{weight}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if extra:
        attrs += " " + extra
    return f"<text {attrs}>{markup(value)}</text>"


def _rect(x: float, y: float, width: float, height: float, fill: str, extra: str = "") -> str:
    attrs = f'x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{fill}"'
    return f"<rect {attrs} {extra}/>" if extra else f"<rect {attrs}/>"


def _open(width: float, height: float, label: str, description: str, standalone: bool) -> list[str]:
    # Inside HTML the parser puts <svg> in the SVG namespace itself: no URL needed there.
    head = "<svg"
    if standalone:
        head = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'
    return [
        f'{head} version="1.1" width="{width:.0f}" '
        f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="{markup(single_line(label))}" font-family="{FONT}">',
        f"<title>{markup(single_line(label))}</title>",
        f"<desc>{markup(single_line(description))}</desc>",
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _ink_on(fill: str) -> str:
    r, g, b = _rgb(fill)
    return INK if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def rung_colours(count: int) -> list[tuple[str, str]]:
    """(fill, text colour) for each rung, light to dark, for any number of rungs."""
    if count <= 0:
        return []
    if count <= len(PALETTE):
        fills = [PALETTE[round(i * (len(PALETTE) - 1) / max(count - 1, 1))] for i in range(count)]
    else:  # a scenario with a longer ladder: blend the ends
        (r1, g1, b1), (r2, g2, b2) = _rgb(PALETTE[0]), _rgb(PALETTE[-1])
        fills = []
        for i in range(count):
            f = i / (count - 1)
            r, g, b = (round(lo + (hi - lo) * f) for lo, hi in ((r1, r2), (g1, g2), (b1, b2)))
            fills.append(f"#{r:02x}{g:02x}{b:02x}")
    return [(fill, _ink_on(fill)) for fill in fills]


def _heading(t: Translator, title_key: str, session: Session, width: float) -> list[str]:
    info = session.info
    subtitle = info.title if not info.date else f"{single_line(info.title)} · {info.date}"
    return [
        _text(24, 38, t(title_key), 22, weight="bold"),
        _text(24, 62, fit(subtitle, 14, width - 48), 14, fill=SOFT),
    ]


# --------------------------------------------------------------------------- ladder


# Where the ladder's parts go, in SVG units: the drawing is always this wide.
_LADDER_WIDTH = 960.0
_RAIL_LEFT, _RAIL_RIGHT = 58.0, 110.0
_ITEMS_X = 430.0
_WISH_X = _LADDER_WIDTH - 36
_LINE_H = 22.0


def _ladder_items(
    t: Translator, labels: Labels, shown: Sequence[Activity], ly: float, title_x: float
) -> list[str]:
    """The activities agreed on one rung: number, title, and the rung they wish to reach."""
    out: list[str] = []
    for a in shown:
        number = f"#{labels.number[a.id]}"
        out.append(_text(title_x - 8, ly, number, 13, weight="bold", anchor="end"))
        if a.agreed_wished is None:
            wish, wish_fill = "", FAINT
        elif a.agreed_wished == a.agreed_current:
            wish, wish_fill = t("report.svg.stays"), FAINT
        else:
            wish, wish_fill = f"→ {labels.rung(a.agreed_wished)}", INK
        wish = fit(wish, 12, 170)
        room = _WISH_X - title_x - (text_width(wish, 12) + 12 if wish else 0)
        out.append(_text(title_x, ly, fit(a.title, 13, room), 13))
        if wish:
            out.append(_text(_WISH_X, ly, wish, 12, fill=wish_fill, anchor="end"))
        ly += _LINE_H
    return out


def _ladder_rung(
    t: Translator,
    labels: Labels,
    index: int,
    here: list[Activity],
    y: float,
    title_x: float,
    max_items: int,
) -> tuple[list[str], list[str], float]:
    """One rung's row at `y`: its panel and texts, its step on the rails, and the row's height."""
    rung = labels.scenario.rungs[index]
    fill, ink = rung_colours(len(labels.scenario.rungs))[index]
    body: list[str] = []
    bars: list[str] = []
    shown = here[:max_items]
    lines = max(len(shown) + (1 if len(here) > len(shown) else 0), 1)
    summary = wrap(rung.summary, 12, _ITEMS_X - 160, 3)
    row_h = max(34 + lines * _LINE_H, 62 + len(summary) * 16 + 8, 96)
    body.append(
        f'<rect x="24" y="{y:.1f}" width="{_LADDER_WIDTH - 48:.0f}" height="{row_h:.1f}" rx="8" '
        f'fill="{PANEL}" stroke="{LINE}"/>'
    )
    mid = y + row_h / 2
    bars.append(
        f'<rect x="{_RAIL_LEFT:.0f}" y="{mid - 6:.1f}" width="{_RAIL_RIGHT - _RAIL_LEFT:.0f}" height="12" '
        f'rx="3" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>'
    )
    cx = (_RAIL_LEFT + _RAIL_RIGHT) / 2
    bars.append(
        f'<circle cx="{cx:.0f}" cy="{mid:.1f}" r="17" fill="{fill}" stroke="{INK}" stroke-width="1.5"/>'
    )
    bars.append(_text(cx, mid + 6, str(index + 1), 17, fill=ink, weight="bold", anchor="middle"))
    body.append(_text(138, y + 28, fit(labels.rung(rung.id), 17, _ITEMS_X - 160), 17, weight="bold"))
    for k, line in enumerate(summary):
        body.append(_text(138, y + 48 + k * 16, line, 12, fill=SOFT))
    now_n, wished_n = rung_counts(labels.session).get(rung.id, (0, 0))
    counts = t("report.svg.counts", now=now_n, wished=wished_n)
    body.append(_text(138, y + 56 + len(summary) * 16, counts, 12, weight="bold"))
    ly = y + 28
    if not here:
        body.append(_text(_ITEMS_X, ly, t("report.svg.empty_rung"), 13, fill=FAINT))
    body.extend(_ladder_items(t, labels, shown, ly, title_x))
    if len(here) > len(shown):
        more = t("report.svg.more", count=len(here) - len(shown))
        body.append(_text(_ITEMS_X, ly + len(shown) * _LINE_H, more, 12, fill=SOFT))
    return body, bars, row_h


def _ladder_tail(
    t: Translator, labels: Labels, not_agreed: list[Activity], y: float
) -> tuple[list[str], float]:
    """Under the ladder: the activities not agreed yet (by number), then the legend."""
    width = _LADDER_WIDTH
    tail: list[str] = []
    if not_agreed:
        numbers = ", ".join(f"#{labels.number[a.id]}" for a in not_agreed)
        tail.append(_text(24, y, t("report.svg.not_agreed", count=len(not_agreed)), 13, weight="bold"))
        y += 18
        for line in wrap(numbers, 12, width - 48, 3):
            tail.append(_text(24, y, line, 12, fill=SOFT))
            y += 16
    else:
        tail.append(_text(24, y, t("report.svg.all_agreed"), 13, fill=SOFT))
        y += 16
    y += 8
    for line in wrap(t("report.svg.ladder.legend"), 11, width - 48, 3):
        tail.append(_text(24, y, line, 11, fill=SOFT))
        y += 15
    return tail, y


def ladder_svg(
    session: Session, t: Translator, *, standalone: bool = True, max_items: int = MAX_ITEMS
) -> str:
    """The ladder, highest rung on top, with the activities agreed on each rung.

    Each activity shows its number, its title and the rung the parties wish it to
    reach; activities not yet agreed are listed by number underneath.
    """
    labels = Labels(session, t)
    scenario = session.scenario
    width = _LADDER_WIDTH
    on: dict[str, list[Activity]] = {r.id: [] for r in scenario.rungs}
    not_agreed: list[Activity] = []
    for a in session.activities:
        if a.agreed_current in on:
            on[a.agreed_current].append(a)
        else:
            not_agreed.append(a)

    body: list[str] = []
    bars: list[str] = []
    # Standalone files carry their own title; inside the HTML report the heading does.
    y = 88.0 if standalone else 22.0
    top = y
    # Numbers right-aligned in their own column, so that the titles line up.
    widest = max((labels.number[a.id] for a in session.activities), default=1)
    title_x = _ITEMS_X + text_width(f"#{widest}", 13, bold=True) + 8
    for index, rung in list(enumerate(scenario.rungs))[::-1]:
        rung_body, rung_bars, row_h = _ladder_rung(t, labels, index, on[rung.id], y, title_x, max_items)
        body.extend(rung_body)
        bars.extend(rung_bars)
        y += row_h + 10
    bottom = y - 10
    rails = [
        f'<line x1="{x:.0f}" y1="{top - 14:.1f}" x2="{x:.0f}" y2="{bottom + 14:.1f}" stroke="{SOFT}" '
        f'stroke-width="7" stroke-linecap="round"/>'
        for x in (_RAIL_LEFT, _RAIL_RIGHT)
    ]
    tail, y = _ladder_tail(t, labels, not_agreed, y + 34)
    height = y + 10
    label = f"{t('report.svg.ladder.title')}: {single_line(session.info.title)}"
    description = (
        "; ".join(f"{labels.rung(r.id)}: {len(on[r.id])}" for r in scenario.rungs)
        + f"; {t('report.svg.not_agreed', count=len(not_agreed))}"
    )
    parts = [
        *_open(width, height, label, description, standalone),
        *(_heading(t, "report.svg.ladder.title", session, width) if standalone else []),
        *body,
        *rails,
        *bars,
        *tail,
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- partnership matrix


def pair_cell(pair: Pair, labels: Labels) -> str:
    """A matrix cell as text: highest agreed rung number and agreed/together, e.g. "3 (2/3)"."""
    number = labels.rung_number(pair.highest)
    return f"{number if number is not None else '–'} ({pair.agreed}/{pair.activities})"


def _legend(
    t: Translator, labels: Labels, colours: Sequence[tuple[str, str]], x0: float, y: float, width: float
) -> tuple[list[str], float]:
    out: list[str] = []
    x = x0
    for index, rung in enumerate(labels.scenario.rungs):
        fill, ink = colours[index]
        name = fit(labels.rung(rung.id), 12, 180)
        item_w = 30 + text_width(name, 12) + 20
        if x + item_w > width - 24 and x > x0:
            x = x0
            y += 28
        out.append(
            f'<rect x="{x:.1f}" y="{y - 15:.1f}" width="22" height="22" rx="3" fill="{fill}" stroke="{INK}"/>'
        )
        out.append(_text(x + 11, y + 1, str(index + 1), 12, fill=ink, weight="bold", anchor="middle"))
        out.append(_text(x + 30, y + 1, name, 12))
        x += item_w
    none_label = t("report.svg.pair.none")
    item_w = 30 + text_width(none_label, 12)
    if x + item_w > width - 24 and x > x0:
        x = x0
        y += 28
    out.append(
        f'<rect x="{x:.1f}" y="{y - 15:.1f}" width="22" height="22" rx="3" fill="#ffffff" '
        f'stroke="{SOFT}" stroke-dasharray="3 2"/>'
    )
    out.append(_text(x + 11, y + 1, "–", 12, anchor="middle"))
    out.append(_text(x + 30, y + 1, none_label, 12))
    y += 28
    for line in wrap(t("report.svg.partners.legend"), 11, width - 48, 4):
        out.append(_text(x0, y, line, 11, fill=SOFT))
        y += 15
    return out, y


_CELL = 50.0  # a matrix cell's side
_NAME_SIZE = 13.0  # font size of the party names around the matrix


def _matrix_cell(labels: Labels, pair: Pair | None, x: float, yy: float, diagonal: bool) -> list[str]:
    """One cell: the highest agreed rung's number on its colour, and "agreed/together"."""
    cell = _CELL
    if diagonal:
        return [_rect(x, yy, cell, cell, LINE, 'stroke="#ffffff" stroke-width="2"')]
    if pair is None:
        return [_rect(x, yy, cell, cell, "#fafbfc", f'stroke="{LINE}" stroke-width="1"')]
    out: list[str] = []
    number = labels.rung_number(pair.highest)
    if number is None:
        dashed = f'stroke="{SOFT}" stroke-dasharray="3 2"'
        out.append(_rect(x + 2, yy + 2, cell - 4, cell - 4, "#ffffff", dashed))
        ink = INK
        big = "–"
    else:
        fill, ink = rung_colours(len(labels.scenario.rungs))[number - 1]
        out.append(_rect(x, yy, cell, cell, fill, 'stroke="#ffffff" stroke-width="2"'))
        big = str(number)
    out.append(_text(x + cell / 2, yy + 24, big, 18, fill=ink, weight="bold", anchor="middle"))
    together = f"{pair.agreed}/{pair.activities}"
    out.append(_text(x + cell / 2, yy + 41, together, 11, fill=ink, anchor="middle"))
    return out


def _matrix(
    labels: Labels, matrix: Mapping[tuple[str, str], Pair], names: list[str], x0: float, y0: float
) -> list[str]:
    """The names along the top (slanted) and the side, the cells, and a frame around them."""
    cell, size = _CELL, _NAME_SIZE
    parties = labels.session.parties
    count = len(parties)
    body: list[str] = []
    for j, name in enumerate(names):
        cx = x0 + j * cell + cell / 2
        cy = y0 - 10
        body.append(_text(cx, cy, name, size, extra=f'transform="rotate(-45 {cx:.1f} {cy:.1f})"'))
    for i, name in enumerate(names):
        body.append(_text(x0 - 10, y0 + i * cell + cell / 2 + 5, name, size, anchor="end"))
    for i, a in enumerate(parties):
        for j, b in enumerate(parties):
            key = (a.id, b.id) if i < j else (b.id, a.id)
            body.extend(_matrix_cell(labels, matrix.get(key), x0 + j * cell, y0 + i * cell, i == j))
    body.append(
        f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{count * cell:.0f}" height="{count * cell:.0f}" '
        f'fill="none" stroke="{SOFT}" stroke-width="1"/>'
    )
    return body


def partnership_svg(session: Session, t: Translator, *, standalone: bool = True) -> str:
    """Every party against every other: the highest agreed rung of their shared activities.

    A cell shows that rung's number (its colour repeats it) and "agreed/together":
    how many of the activities the two share have an agreed rung, out of all of them.
    """
    labels = Labels(session, t)
    parties = session.parties
    matrix = partnership_matrix(session)
    colours = rung_colours(len(session.scenario.rungs))
    cell, size = _CELL, _NAME_SIZE
    names = [f"{i + 1}. {single_line(p.name)}" for i, p in enumerate(parties)]
    label_w = min(max((text_width(n, size) for n in names), default=80.0) + 4, 260.0)
    names = [fit(n, size, label_w) for n in names]
    count = len(parties)
    x0 = 36 + label_w + 12
    diagonal = 0.7071
    header_h = max((text_width(n, size) for n in names), default=40.0) * diagonal + 24
    y0 = (84 if standalone else 16) + header_h
    grid_right = x0 + count * cell
    reach = max(
        (x0 + j * cell + cell / 2 + text_width(n, size) * diagonal for j, n in enumerate(names)),
        default=x0,
    )
    width = max(grid_right + 24, reach + 24, 560.0)
    body: list[str] = []
    if count < 2:
        body.append(_text(24, y0 - header_h + 26, t("report.partners.none"), 14, fill=SOFT))
        y = y0 - header_h + 56
    else:
        body.extend(_matrix(labels, matrix, names, x0, y0))
        y = y0 + count * cell + 34
    legend, y = _legend(t, labels, colours, 24, y, width)
    height = y + 10
    label = f"{t('report.svg.partners.title')}: {single_line(session.info.title)}"
    description = "; ".join(
        f"{labels.party(p.a)} – {labels.party(p.b)}: {pair_cell(p, labels)}" for p in matrix.values()
    )
    parts = [
        *_open(width, height, label, description, standalone),
        *(_heading(t, "report.svg.partners.title", session, width) if standalone else []),
        *body,
        *legend,
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
