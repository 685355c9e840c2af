"""WCAG contrast of what the terminal really shows: every text cell of a rendered screen.

Colours come from the rendered segments' styles (Textual has already blended alpha
into them); `reverse` swaps foreground and background, and `dim`, which terminals draw
as a colour halfway to the background, is blended the way Textual's own DimFilter does.
Block and box-drawing characters (borders, rules, scroll bars) are not text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.geometry import Region

DIM_FACTOR = 0.5
NOT_TEXT = range(0x2500, 0x25A0)  # box drawing and block elements: frames, rules, scroll bars
RGB = tuple[int, int, int]


def relative_luminance(rgb: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: RGB, background: RGB) -> float:
    """The WCAG contrast ratio, 1 to 21."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _triplet(color: RichColor | None, default: RGB, palette: TerminalTheme | None = None) -> RGB:
    if color is None or color.is_default:
        return default
    triplet = color.get_truecolor(palette)  # named colours as the app draws them
    return (triplet.red, triplet.green, triplet.blue)


def blend(background: RGB, foreground: RGB, factor: float) -> RGB:
    return tuple(round(b + (f - b) * factor) for b, f in zip(background, foreground, strict=True))  # type: ignore[return-value]


@dataclass(frozen=True)
class Cell:
    """One character drawn with too little contrast, and where."""

    x: int
    y: int
    text: str
    ratio: float
    foreground: RGB
    background: RGB
    widget: str

    def __str__(self) -> str:
        fg = "#{:02X}{:02X}{:02X}".format(*self.foreground)
        bg = "#{:02X}{:02X}{:02X}".format(*self.background)
        return f"{self.widget} ({self.x},{self.y}) {self.text!r} {fg} on {bg}: {self.ratio:.2f}"


def segment_colors(
    segment: Segment, default_fg: RGB, default_bg: RGB, palette: TerminalTheme | None = None
) -> tuple[RGB, RGB]:
    style = segment.style
    if style is None:
        return default_fg, default_bg
    foreground = _triplet(style.color, default_fg, palette)
    background = _triplet(style.bgcolor, default_bg, palette)
    if style.reverse:
        foreground, background = background, foreground
    if style.dim:
        foreground = blend(background, foreground, DIM_FACTOR)
    return foreground, background


def low_contrast(app: App[object], minimum: float, region: Region | None = None) -> list[Cell]:
    """Every text cell of the current screen (within `region`) below `minimum`, one per run."""
    screen = app.screen
    theme = app.current_theme
    default_fg = _triplet(RichColor.parse(theme.foreground or "#FFFFFF"), (255, 255, 255))
    default_bg = _triplet(RichColor.parse(theme.background or "#000000"), (0, 0, 0))
    area = region or screen.region
    found: list[Cell] = []
    for y, strip in enumerate(screen._compositor.render_strips()):
        if not area.y <= y < area.bottom:
            continue
        x = 0
        for segment in strip:
            text = segment.text
            start = x
            x += segment.cell_length
            if segment.control or not text.strip():
                continue
            visible = [c for c in text if not c.isspace() and ord(c) not in NOT_TEXT]
            if not visible or start >= area.right or x <= area.x:
                continue
            foreground, background = segment_colors(segment, default_fg, default_bg, app.ansi_theme)
            ratio = contrast(foreground, background)
            if ratio < minimum:
                try:
                    widget, _ = screen.get_widget_at(start, y)
                    name = f"{type(widget).__name__}#{widget.id}" if widget.id else type(widget).__name__
                except Exception:
                    name = "?"
                found.append(Cell(start, y, text.strip()[:30], round(ratio, 2), foreground, background, name))
    return found
