"""The history chart: each activity's agreed and wished rung over a series, as small multiples.

One small panel per activity, all on the same axes (the rungs up, the sessions across,
numbered 1, 2, 3 … and named in the key), so ten years of twenty activities stay
readable. The agreed rung is a solid line with filled dots, the wished one a dashed line
with hollow squares: the two differ by shape, not colour alone. A session without the
activity, or without an agreed rung for it, leaves a gap. Plain SVG like the report's
drawings: no script, no fonts to fetch, every text escaped and cut to fit.
"""

from __future__ import annotations

from facilitator.core.dates import shown_date
from facilitator.core.history import ActivityLine, History, session_label
from facilitator.core.i18n import Translator
from facilitator.core.reports.escape import single_line
from facilitator.core.reports.svg import FAINT, LINE, SOFT, _open, _rect, _text, fit, wrap

WIDTH = 960.0
COLUMNS = 3
GAP = 18.0
PANEL_W = (WIDTH - 2 * 24 - (COLUMNS - 1) * GAP) / COLUMNS
PANEL_H = 168.0
AGREED = "#08519c"
WISHED = "#9a4a00"


def _x(left: float, width: float, i: int, count: int) -> float:
    if count == 1:
        return left + width / 2
    return left + i * width / (count - 1)


def _segments(values: list[float | None], xs: list[float]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive points: a gap where a value is missing."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(xs, values, strict=True):
        if y is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((x, y))
    return [run for run in runs if run]


def _series(points: list[float | None], xs: list[float], colour: str, dashed: bool) -> list[str]:
    out = []
    dash = ' stroke-dasharray="5 3"' if dashed else ""
    for run in _segments(points, xs):
        if len(run) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
    for x, y in ((x, y) for x, y in zip(xs, points, strict=True) if y is not None):
        if dashed:
            out.append(
                f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#ffffff" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        else:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>')
    return out


def _panel(
    line: ActivityLine, number: int, history: History, x0: float, y0: float, t: Translator
) -> list[str]:
    rungs = len(history.rungs)
    count = len(history.sessions)
    out = [_rect(x0, y0, PANEL_W, PANEL_H, "#ffffff", f'stroke="{LINE}"')]
    for i, title_line in enumerate(wrap(f"{number}. {line.title}", 12, PANEL_W - 16, 2)):
        out.append(_text(x0 + 8, y0 + 17 + i * 15, title_line, 12, weight="bold"))
    left, right = x0 + 26, x0 + PANEL_W - 12
    top, bottom = y0 + 48, y0 + PANEL_H - 24
    step = (bottom - top) / max(rungs - 1, 1)

    def y_of(index: int | None) -> float | None:
        return None if index is None else bottom - index * step

    for r in range(rungs):
        y = bottom - r * step
        out.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="{LINE}"/>')
        out.append(_text(x0 + 10, y + 4, str(r + 1), 10, fill=SOFT))
    xs = [_x(left, right - left, i, count) for i in range(count)]
    for i, x in enumerate(xs):
        present = line.points[i] is not None
        out.append(_text(x, bottom + 16, str(i + 1), 10, fill=SOFT if present else FAINT, anchor="middle"))
    agreed = [y_of(p.current) if p else None for p in line.points]
    wished = [y_of(p.wished) if p else None for p in line.points]
    out += _series(wished, xs, WISHED, True)
    out += _series(agreed, xs, AGREED, False)
    if all(p is None or p.current is None for p in line.points):
        out.append(
            _text(
                x0 + PANEL_W / 2,
                top + (bottom - top) / 2,
                t("history.chart.none"),
                11,
                fill=SOFT,
                anchor="middle",
            )
        )
    return out


def _key(history: History, t: Translator, y: float) -> tuple[list[str], float]:
    out = [
        f'<line x1="24" y1="{y - 4:.1f}" x2="52" y2="{y - 4:.1f}" stroke="{AGREED}" stroke-width="2"/>',
        f'<circle cx="38" cy="{y - 4:.1f}" r="4" fill="{AGREED}"/>',
        _text(60, y, t("history.chart.agreed"), 12),
        f'<line x1="260" y1="{y - 4:.1f}" x2="288" y2="{y - 4:.1f}" stroke="{WISHED}" stroke-width="2" '
        'stroke-dasharray="5 3"/>',
        f'<rect x="270" y="{y - 8:.1f}" width="8" height="8" fill="#ffffff" '
        f'stroke="{WISHED}" stroke-width="2"/>',
        _text(296, y, t("history.chart.wished"), 12),
    ]
    y += 20
    out.append(
        _text(
            24,
            y,
            fit(t("history.chart.rungs") + " " + " · ".join(history.rungs), 12, WIDTH - 48),
            12,
            fill=SOFT,
        )
    )
    language = t.language
    names = [f"{i + 1} = {shown_date(session_label(s), language)}" for i, s in enumerate(history.sessions)]
    for line in wrap(t("history.chart.sessions") + " " + " · ".join(names), 12, WIDTH - 48, 3):
        y += 18
        out.append(_text(24, y, line, 12, fill=SOFT))
    return out, y + 16


def history_svg(history: History, t: Translator, *, standalone: bool = True) -> str:
    """The small multiples of every activity of the series; a standalone file unless inside HTML."""
    newest = history.sessions[-1]
    y = 84.0 if standalone else 16.0
    body: list[str] = []
    if standalone:
        body.append(_text(24, 38, t("history.chart.title"), 22, weight="bold"))
        body.append(_text(24, 62, fit(single_line(newest.info.title), 14, WIDTH - 48), 14, fill=SOFT))
    key, y = _key(history, t, y + 8)
    body += key
    if not history.activities:
        body.append(_text(24, y + 10, t("history.activities.none"), 14, fill=SOFT))
        y += 30
    for n, line in enumerate(history.activities):
        column, row = n % COLUMNS, n // COLUMNS
        x0 = 24 + column * (PANEL_W + GAP)
        body += _panel(line, n + 1, history, x0, y + row * (PANEL_H + GAP), t)
    rows = -(-len(history.activities) // COLUMNS)
    height = y + rows * (PANEL_H + GAP) + 8
    label = f"{t('history.chart.title')}: {single_line(newest.info.title)}"
    description = "; ".join(
        f"{line.title}: "
        + ", ".join(
            "–"
            if p is None or p.current is None
            else f"{p.current + 1}" + (f"→{p.wished + 1}" if p.wished is not None else "")
            for p in line.points
        )
        for line in history.activities
    )
    parts = [*_open(WIDTH, height, label, description, standalone), *body, "</svg>"]
    return "\n".join(parts) + "\n"
