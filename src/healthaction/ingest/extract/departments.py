"""Department lists as written in a plan: "区卫健局、区委宣传部、各乡镇街道".

``split_departments`` splits on 、 ， , ； and spaces and drops what is not a
department (按职责分工负责, 等, 等单位). A shared prefix written once
("区教体局、民政局") is kept as written, and 及 is not a separator
("教体局及区传染病防控领导小组其他有关成员单位" stays one item). A space only wraps a
name inside a table cell when the piece before it does not end like a department
(局 办 委 …) or the piece after it cannot stand alone (分局, 中心 …): "生态环境 分局"
→ 生态环境分局, while "文化旅游体育局 广电局" stays two departments.

``responsibility`` reads who leads and who cooperates from the ways plans say it:
"牵头部门：X；配合部门：Y", "（X负责）", "（X牵头，Y按职责分工负责）", "（X牵头，Y参与）".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from healthaction.ingest.chinese import simplified

_SEPARATORS = re.compile(r"[、，,；;]")
_SPACES = re.compile(r"\s+")
# Phrases after the last department that say how it takes part, not who.
_TRAILING = re.compile(
    r"(?:等(?:单位|部门|有关单位|相关单位|有关部门|相关部门)?)?"
    r"(?:按照?(?:各自)?职责分工负责|按照?职责(?:分工)?(?:负责|配合|落实)|分工负责|分别负责|共同负责"
    r"|负责|参与|配合|协助|协同)?[。.]?$"
)
_TRAILING_ETC = re.compile(r"等(?:单位|部门|有关单位|相关单位|有关部门|相关部门)?$")
# A name ends like a department; a piece that does not is the first half of a wrapped name.
DEPARTMENT_ENDINGS = tuple("局办委部会联协街队位心院所站组团处室厅司校馆社行台")
# Pieces that cannot stand alone: they finish the name before them.
FRAGMENTS = ("分局", "支局", "中心", "服务中心", "委员会", "办公室", "大队", "支队", "工作站")


def _join_wrapped(pieces: list[str]) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        form = simplified(piece)
        if joined and (not simplified(joined[-1]).endswith(DEPARTMENT_ENDINGS) or form.startswith(FRAGMENTS)):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def split_departments(text: str | None) -> list[str]:
    """ "区卫健委、区委宣传部，各办事处等按职责分工负责" → [区卫健委, 区委宣传部, 各办事处]."""
    if not text:
        return []
    text = text.strip().strip("（）()").strip()
    form = simplified(text)
    trailing = _TRAILING.search(form)
    if trailing and trailing.start() > 0:
        text = text[: trailing.start()]
    items: list[str] = []
    for part in _SEPARATORS.split(text):
        pieces = [p for p in _SPACES.split(part.strip()) if p]
        for item in _join_wrapped(pieces):
            etc = _TRAILING_ETC.search(simplified(item))
            if etc and etc.start() > 0:
                item = item[: etc.start()]
            if item:
                items.append(item)
    return items


@dataclass(slots=True)
class Responsibility:
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)

    def add(self, other: Responsibility) -> None:
        self.lead += [d for d in other.lead if d not in self.lead]
        self.cooperating += [d for d in other.cooperating if d not in self.cooperating]

    def __bool__(self) -> bool:
        return bool(self.lead or self.cooperating)


LEAD_LABEL = r"(?:牵头|主办|主责|责任)(?:部门|单位)"
COOPERATING_LABEL = r"(?:配合|协办|参与|协同|协助)(?:部门|单位)"
_LABEL_RE = re.compile(rf"(?:(?P<lead>{LEAD_LABEL})|(?P<cooperating>{COOPERATING_LABEL}))\s*[:：]?")
_LABELLED_RE = re.compile(rf"^\s*(?:{LEAD_LABEL}|{COOPERATING_LABEL})\s*[:：]")
_LED_BY_RE = re.compile(
    r"^(?P<lead>[^（）():：]+?)牵头(?:[,，;；、]\s*(?P<others>[^（）():：]+?))?"
    r"(?:按照?(?:各自)?职责分工负责|按照?职责(?:分工)?负责|分工负责|分别负责|共同负责|负责|参与|配合|协助|协同|落实)?$"
)
_RESPONSIBLE_RE = re.compile(r"^由?(?P<lead>[^（）():：牵]+?)(?:按照?(?:各自)?职责分工|分别|共同)?负责$")


def labelled(text: str) -> Responsibility:
    """ "牵头部门：X；配合部门：Y" (in brackets or not) → lead X, cooperating Y."""
    form = simplified(text)
    found = list(_LABEL_RE.finditer(form))
    result = Responsibility()
    for i, label in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        value = text[label.end() : end].strip(" \t:：;；,，。（）()")
        departments = split_departments(value)
        if label.group("lead") and not (result.lead and simplified(label.group()).startswith("责任")):
            result.lead += departments
        else:
            result.cooperating += departments
    return result


def is_labelled(text: str) -> bool:
    """A line that starts with a 牵头部门/配合单位 label."""
    return bool(_LABELLED_RE.match(simplified(text)))


def bracketed(inner: str) -> Responsibility | None:
    """The words inside a closing bracket: "X牵头，Y参与", "X负责", "牵头部门：X；…"."""
    inner = inner.strip()
    form = simplified(inner)
    if _LABEL_RE.search(form) and re.search(r"[:：]", form):
        return labelled(inner) or None
    led = _LED_BY_RE.match(form)
    if led:
        lead = split_departments(inner[led.start("lead") : led.end("lead")])
        others = led.group("others")
        cooperating = split_departments(inner[led.start("others") : led.end("others")]) if others else []
        return Responsibility(lead, cooperating) if lead else None
    responsible = _RESPONSIBLE_RE.match(form)
    if responsible:
        lead = split_departments(inner[responsible.start("lead") : responsible.end("lead")])
        return Responsibility(lead) if lead else None
    return None
