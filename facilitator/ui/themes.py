"""The app's two looks: a calm dark theme for the laptop and a high-contrast one for projectors.

Every text colour is chosen for its contrast against every background it is drawn on
(WCAG: at least 4.5:1 in the dark theme, 7:1 in projector mode), muted, disabled and
highlighted text included; `tests/ui/test_contrast.py` measures the rendered screens.
Named terminal colours ("green", "yellow", ...) are drawn from the ANSI palettes below,
so they pass too.
"""

from __future__ import annotations

from rich.terminal_theme import TerminalTheme
from textual.theme import Theme

NORMAL = "facilitator"
PROJECTOR = "facilitator-projector"

THEMES = (
    Theme(
        name=NORMAL,
        primary="#4EA8DE",
        secondary="#80CBC4",
        accent="#FFB454",
        warning="#FFB454",
        error="#FF8F8F",
        success="#7BD88F",
        foreground="#E6E6E6",
        background="#15191E",
        surface="#1E242B",
        panel="#27303A",
        dark=True,
        variables={
            "text-muted": "#B8BCC2",
            "text-disabled": "#9DA3AA",
            "block-cursor-background": "#1A4D70",
            "block-cursor-foreground": "#FFFFFF",
            "block-cursor-blurred-background": "#24384A",
            "block-cursor-blurred-foreground": "#E6E6E6",
            "block-hover-background": "#2A3440",
            "footer-key-foreground": "#FFB454",
            "button-color-foreground": "#15191E",
            "input-cursor-foreground": "#15191E",
        },
    ),
    # Black on white with saturated, dark accents: projected in a lit room, light
    # backgrounds wash out least; every colour also passes for text on white.
    Theme(
        name=PROJECTOR,
        primary="#003F88",
        secondary="#00454C",
        accent="#7A2E00",
        warning="#5E3300",
        error="#8B0000",
        success="#004414",
        foreground="#000000",
        background="#FFFFFF",
        surface="#FFFFFF",
        panel="#E8E8E8",
        dark=False,
        variables={
            "text-muted": "#404040",
            "text-disabled": "#404040",
            "footer-key-foreground": "#003F88",
            "block-cursor-background": "#CCE0FF",
            "block-cursor-foreground": "#000000",
            "block-cursor-blurred-background": "#E6EEF8",
            "block-cursor-blurred-foreground": "#000000",
            "block-hover-background": "#F0F0F0",
            "button-color-foreground": "#FFFFFF",
        },
    ),
)

# The terminal's named colours, as Textual draws them with each theme (rich: black, red,
# green, yellow, blue, magenta, cyan, white, then the bright ones).
ANSI_DARK = TerminalTheme(
    (0x15, 0x19, 0x1E),
    (0xE6, 0xE6, 0xE6),
    [
        (0x15, 0x19, 0x1E),
        (0xFF, 0xB3, 0xB3),
        (0x8F, 0xE3, 0xA1),
        (0xFF, 0xD8, 0x66),
        (0x8C, 0xC8, 0xF0),
        (0xF0, 0xA8, 0xE8),
        (0x8F, 0xE0, 0xD8),
        (0xE6, 0xE6, 0xE6),
    ],
    [
        (0xB8, 0xBC, 0xC2),
        (0xFF, 0xC4, 0xC4),
        (0xA8, 0xEC, 0xB6),
        (0xFF, 0xE0, 0x8A),
        (0xA8, 0xD6, 0xF5),
        (0xF5, 0xBE, 0xEE),
        (0xA8, 0xEA, 0xE3),
        (0xFF, 0xFF, 0xFF),
    ],
)
ANSI_LIGHT = TerminalTheme(
    (0xFF, 0xFF, 0xFF),
    (0x00, 0x00, 0x00),
    [
        (0x00, 0x00, 0x00),
        (0x8B, 0x00, 0x00),
        (0x00, 0x44, 0x14),
        (0x5E, 0x33, 0x00),
        (0x00, 0x3F, 0x88),
        (0x5C, 0x00, 0x5C),
        (0x00, 0x45, 0x4C),
        (0x40, 0x40, 0x40),
    ],
    [
        (0x40, 0x40, 0x40),
        (0x8B, 0x00, 0x00),
        (0x00, 0x44, 0x14),
        (0x5E, 0x33, 0x00),
        (0x00, 0x3F, 0x88),
        (0x5C, 0x00, 0x5C),
        (0x00, 0x45, 0x4C),
        (0x00, 0x00, 0x00),
    ],
)
