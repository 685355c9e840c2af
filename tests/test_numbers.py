"""Numbers as the reader's language writes them: 31 000 and 1,5 in Estonian, 31,000 and 1.5 in
English, from one formatter (`i18n.numbers`) that every catalogue sentence goes through.

Before, a text over its limit said „märke 31,000; lubatud kuni 20,000“ on an Estonian screen:
the numbers were formatted the English way before the sentence was chosen.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator, explain, size
from facilitator.core.i18n.numbers import NBSP, Decimals, number, percent, spelled
from facilitator.core.text import LONG, clean_change

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "et", "en"),
    [
        (31000, "31 000", "31,000"),
        (1234567, "1 234 567", "1,234,567"),
        (999, "999", "999"),
        (-4500, "-4 500", "-4,500"),
        (1.5, "1,5", "1.5"),
        (2.0, "2", "2"),
        (12345.678, "12 345,68", "12,345.68"),
        (0, "0", "0"),
    ],
)
def test_a_number_as_each_language_writes_it(value: float, et: str, en: str) -> None:
    assert number(value, "et") == et.replace(" ", NBSP)
    assert number(value, "en") == en


def test_estonian_uses_one_space_everywhere_the_no_break_one() -> None:
    """One choice: the no-break space (U+00A0), in numbers, before % and before a unit."""
    samples = [number(31000, "et"), percent(0.5, "et"), Translator("et").size(50 * 1024 * 1024)]
    samples.append(Translator("et").size(31000))
    for sample in samples:
        assert " " not in sample and "\u202f" not in sample, repr(sample)
        assert NBSP in sample, repr(sample)


def test_a_small_count_is_spelled_in_running_text() -> None:
    """The intro's "Four forms of joint activity" counts the scenario's rungs in words."""
    assert [spelled(n, "et") for n in (1, 4, 10)] == ["üks", "neli", "kümme"]
    assert [spelled(n, "en") for n in (1, 4, 10)] == ["one", "four", "ten"]
    assert spelled(12, "en") == "12" and spelled(1200, "et") == f"1{NBSP}200" and spelled(0, "et") == "0"


def test_percentages_and_sizes() -> None:
    assert percent(0.5, "et") == f"50{NBSP}%" and percent(0.5, "en") == "50%"
    assert percent(0.125, "et", 1) == f"12,5{NBSP}%"
    assert Translator("et").size(int(1.5 * 1024 * 1024)) == f"1,5{NBSP}MB"
    assert Translator("en").size(50 * 1024 * 1024) == "50.0 MB"
    assert Translator("et").size(31000) == f"31{NBSP}000{NBSP}baiti"
    assert Translator("en").text(size(31000)) == "31,000 bytes"
    assert number(Decimals(50, 1).value, "et", 1) == "50,0"


def test_the_translator_formats_every_number_it_is_given() -> None:
    """A sentence never formats its own numbers: an int or float in, the language's form out."""
    et, en = Translator("et"), Translator("en")
    assert "märke 31\u00a0000; lubatud kuni 20\u00a0000" in et(
        "error.too_long_here", length=31000, limit=20000
    )
    assert "(31,000 characters; at most 20,000)" in en("error.too_long_here", length=31000, limit=20000)
    assert et("unit.megabytes", n=Decimals(1.25, 1)) == f"1,2{NBSP}MB"


def test_a_text_over_its_limit_is_refused_with_estonian_numbers() -> None:
    with pytest.raises(ChangeRejected) as caught:
        clean_change("commitment.added", {"text": "ä" * 31000})
    said = explain(caught.value, Translator("et"))
    assert "31,000" not in said and "20,000" not in said
    assert re.search(r"märke 31\u00a0000; lubatud kuni \d+\u00a0000", said), said
    assert "31,000 characters" in explain(caught.value, Translator("en"))
    assert LONG  # the kind of the field refused


def test_a_file_over_the_size_limit_is_said_in_estonian_numbers(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    out, err = io.StringIO(), io.StringIO()
    main(["--lang", "et", "--data-dir", str(tmp_path / "data"), "import", str(huge)], out=out, err=err)
    assert f"liiga suur (50,0{NBSP}MB; lubatud kuni 50,0{NBSP}MB)" in err.getvalue(), err.getvalue()


GROUPING = re.compile(r"""\{[^{}'"]*:[<>^]?\d*,""")
"""A format spec that groups digits the English way ({n:,}, {n:>8,}): only the formatter may."""


def test_no_number_is_grouped_the_english_way_outside_the_formatter() -> None:
    found = [
        f"{path.relative_to(REPO)}:{n}"
        for path in (REPO / "facilitator").rglob("*.py")
        if path.name != "numbers.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if GROUPING.search(line)
    ]
    assert found == [], "format numbers for a reader with Translator.number (i18n.numbers)"


def test_the_grouping_check_finds_what_it_looks_for() -> None:
    assert GROUPING.search('f"{length:,} characters"') and GROUPING.search('f"{n:>8,}"')
    assert not GROUPING.search('f"{x:.1f},{y:.1f}"') and not GROUPING.search('", ".join(x)')


def test_a_place_or_a_name_is_not_grouped_like_a_quantity(tmp_path: Path) -> None:
    """A JSON error said "veerg 4 975", a port "8 080": a line, a column, a port or a process
    number names something; only quantities are grouped."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"meta": "' + "x" * 4962 + '" oops}', encoding="utf-8")
    for lang, words in (("et", "rida 1, veerg 4975"), ("en", "line 1, column 4975")):
        err = io.StringIO()
        assert main(["--lang", lang, "import", str(broken)], out=io.StringIO(), err=err) == 2
        assert words in err.getvalue(), err.getvalue()
    et = Translator("et")
    assert "127.0.0.1:8080" in et("cli.serve.cannot_listen", host="127.0.0.1", port=8080, reason="x")
    assert "protsess 12345" in et("room.taken", url="http://x", pid=12345)
    assert "märke 31\u00a0000" in et("error.too_long_here", length=31000, limit=20000)  # a quantity still is
