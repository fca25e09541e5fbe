"""Which 专项行动 a task serves, read from its 工程 and wording (pure string rules).

"实施健康素养提升工程 / 开展健康知识普及" shares 健康、知识、普及 with 健康知识普及行动: the action
whose name shares the most character pairs with the task's words wins, if it shares enough.
The office can correct the link; a corrected link is never re-matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, TypeVar

# Words every action or 工程 carries: they tell nothing about which one.
_FILLER: Final = re.compile(r"实施|开展|推进|加强|提升|专项|行动|工程|建设|工作|全面|持续|深入")
MIN_SHARED: Final = 2

T = TypeVar("T")


def _pairs(text: str) -> set[str]:
    core = _FILLER.sub("|", text)
    return {core[i : i + 2] for i in range(len(core) - 1) if "|" not in core[i : i + 2]}


def action_match(words: str, actions: Sequence[tuple[str, T]]) -> T | None:
    """The action (given as (name, value)) whose name best matches ``words``, or None.

    >>> action_match("实施健康素养提升工程 开展健康知识普及", [("控烟行动", 1), ("健康知识普及行动", 2)])
    2
    """
    wanted = _pairs(words)
    best: tuple[int, T] | None = None
    for name, value in actions:
        shared = len(wanted & _pairs(name))
        if shared >= MIN_SHARED and (best is None or shared > best[0]):
            best = (shared, value)
    return best[1] if best else None
