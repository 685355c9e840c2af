"""The join code in letters a room can read: a 5×7 dot font drawn with block characters.

Textual's `Digits` (the timer's) knows digits and A–F only; a join code uses letters up
to Z. Two dots share a character cell (▀ ▄ █), so a letter is five cells wide and four
tall; `scale` 2 draws each dot as a full cell two wide (seven rows), for a large screen.
"""

from __future__ import annotations

from rich.text import Text

GLYPHS: dict[str, str] = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
}
BLANK = "..... ..... ..... ..... ..... ..... ....."
GAP = 2  # dots between letters


def dot_rows(code: str) -> list[list[bool]]:
    """The code as rows of dots (seven), letters side by side with a gap."""
    rows: list[list[bool]] = [[] for _ in range(7)]
    for index, char in enumerate(code.upper()):
        glyph = GLYPHS.get(char, BLANK).split()
        for row, line in zip(rows, glyph, strict=True):
            if index:
                row.extend([False] * GAP)
            row.extend(ch == "#" for ch in line)
    return rows


def big_code(code: str, scale: int = 1) -> Text:
    """The code drawn large: half blocks (scale 1, four rows) or full blocks (scale 2, seven)."""
    rows = dot_rows(code)
    if scale >= 2:
        lines = ["".join("██" if dot else "  " for dot in row) for row in rows]
    else:
        rows.append([False] * len(rows[0]))
        lines = [
            "".join(" ▀▄█"[top + 2 * bottom] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(rows[::2], rows[1::2], strict=True)
        ]
    return Text("\n".join(lines), no_wrap=True, end="")
