"""The `__init__` of `@record` classes whose fields are all parameters, no `__post_init__`
(most rows and rules), for 0 to 20 fields, written out: they come compiled from the module's
cache, where compiling one at each start for each number of fields was ~15 M instructions
of importing the CLI (issue 21). Each is `record._shape_source` of its number of fields
(`tests/test_record.py` checks the compiled code is the same); `record` renames the
placeholders `_p0`, `_p1`, ... to the class's fields. Other shapes are compiled by `record`.
"""

from __future__ import annotations

from typing import Any

_set = object.__setattr__


def _0(self: Any) -> None:
    pass


def _1(self: Any, _p0: Any) -> None:
    _set(self, "_p0", _p0)


def _2(self: Any, _p0: Any, _p1: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)


def _3(self: Any, _p0: Any, _p1: Any, _p2: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)


def _4(self: Any, _p0: Any, _p1: Any, _p2: Any, _p3: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)


def _5(self: Any, _p0: Any, _p1: Any, _p2: Any, _p3: Any, _p4: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)


def _6(self: Any, _p0: Any, _p1: Any, _p2: Any, _p3: Any, _p4: Any, _p5: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)


def _7(self: Any, _p0: Any, _p1: Any, _p2: Any, _p3: Any, _p4: Any, _p5: Any, _p6: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)


def _8(self: Any, _p0: Any, _p1: Any, _p2: Any, _p3: Any, _p4: Any, _p5: Any, _p6: Any, _p7: Any) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)


def _9(
    self: Any, _p0: Any, _p1: Any, _p2: Any, _p3: Any, _p4: Any, _p5: Any, _p6: Any, _p7: Any, _p8: Any
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)


def _10(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)


def _11(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)


def _12(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)


def _13(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)


def _14(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)


def _15(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
    _p14: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)
    _set(self, "_p14", _p14)


def _16(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
    _p14: Any,
    _p15: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)
    _set(self, "_p14", _p14)
    _set(self, "_p15", _p15)


def _17(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
    _p14: Any,
    _p15: Any,
    _p16: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)
    _set(self, "_p14", _p14)
    _set(self, "_p15", _p15)
    _set(self, "_p16", _p16)


def _18(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
    _p14: Any,
    _p15: Any,
    _p16: Any,
    _p17: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)
    _set(self, "_p14", _p14)
    _set(self, "_p15", _p15)
    _set(self, "_p16", _p16)
    _set(self, "_p17", _p17)


def _19(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
    _p14: Any,
    _p15: Any,
    _p16: Any,
    _p17: Any,
    _p18: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)
    _set(self, "_p14", _p14)
    _set(self, "_p15", _p15)
    _set(self, "_p16", _p16)
    _set(self, "_p17", _p17)
    _set(self, "_p18", _p18)


def _20(
    self: Any,
    _p0: Any,
    _p1: Any,
    _p2: Any,
    _p3: Any,
    _p4: Any,
    _p5: Any,
    _p6: Any,
    _p7: Any,
    _p8: Any,
    _p9: Any,
    _p10: Any,
    _p11: Any,
    _p12: Any,
    _p13: Any,
    _p14: Any,
    _p15: Any,
    _p16: Any,
    _p17: Any,
    _p18: Any,
    _p19: Any,
) -> None:
    _set(self, "_p0", _p0)
    _set(self, "_p1", _p1)
    _set(self, "_p2", _p2)
    _set(self, "_p3", _p3)
    _set(self, "_p4", _p4)
    _set(self, "_p5", _p5)
    _set(self, "_p6", _p6)
    _set(self, "_p7", _p7)
    _set(self, "_p8", _p8)
    _set(self, "_p9", _p9)
    _set(self, "_p10", _p10)
    _set(self, "_p11", _p11)
    _set(self, "_p12", _p12)
    _set(self, "_p13", _p13)
    _set(self, "_p14", _p14)
    _set(self, "_p15", _p15)
    _set(self, "_p16", _p16)
    _set(self, "_p17", _p17)
    _set(self, "_p18", _p18)
    _set(self, "_p19", _p19)
