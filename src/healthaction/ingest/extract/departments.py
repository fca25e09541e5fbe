"""Department lists as written in a plan: "区卫健局、区委宣传部、各乡镇街道".

Split on 、 ， , ； and spaces; drop trailing phrases that are not a department
(按职责分工负责, 等, 等单位); keep a shared prefix as written ("区教体局、民政局");
join a fragment that cannot stand alone to the one before ("生态环境 分局" →
"生态环境分局"), because a space inside a table cell only wraps a name.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[、，,；;\s]+")
_TRAILING = re.compile(r"(等单位|等部门|等)?(按职责分工负责|按照职责分工负责|按职责负责|分工负责|负责|参与)?$")
# A name ends like a department; anything else is the first half of a wrapped name.
DEPARTMENT_ENDINGS = tuple("局办委部会联协街队位心院所站组团处室司厅校馆社行")


def split_departments(text: str | None) -> list[str]:
    if not text:
        return []
    text = text.strip().rstrip("。.）)")
    items: list[str] = []
    pending = ""
    for raw in _SEPARATORS.split(text):
        part = _TRAILING.sub("", raw.strip()) if raw else ""
        if not part:
            continue
        if pending:
            part = pending + part
            pending = ""
        if not part.endswith(DEPARTMENT_ENDINGS) and raw is not _SEPARATORS.split(text)[-1]:
            pending = part
            continue
        items.append(part)
    if pending:
        items.append(pending)
    return items
