"""The app's two looks: a calm dark theme for the laptop and a high-contrast one for projectors."""

from __future__ import annotations

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
        error="#FF6B6B",
        success="#7BD88F",
        foreground="#E6E6E6",
        background="#15191E",
        surface="#1E242B",
        panel="#27303A",
        dark=True,
    ),
    # Black on white with saturated, dark accents: projected in a lit room, light
    # backgrounds wash out least; every colour also passes for text on white.
    Theme(
        name=PROJECTOR,
        primary="#003F88",
        secondary="#00545C",
        accent="#7A2E00",
        warning="#8A4B00",
        error="#A00000",
        success="#005C1A",
        foreground="#000000",
        background="#FFFFFF",
        surface="#FFFFFF",
        panel="#E8E8E8",
        dark=False,
        variables={"footer-key-foreground": "#003F88", "block-cursor-background": "#003F88"},
    ),
)
