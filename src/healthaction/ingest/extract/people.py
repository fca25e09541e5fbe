"""Names and positions of people in committee and working-group lists.

A list line is written in one of a few ways: "张  涛  区卫健局局长" (name first, layout
spaces inside a two-character name), "区政府副区长 周万成" (position first),
"张涛（区卫健局局长）" (position in brackets), "于振顺（兼）" (a concurrent post on a
name), or several such people separated by 、. Matching is done on the simplified text
(traditional documents work the same way); names and positions keep the text as written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from healthaction.ingest.chinese import simplified


class Person(NamedTuple):
    name: str
    position: str | None


_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,6}[·•．][\u3400-\u9fff]{1,8}")
# A name never ends like a title or an office, nor starts like one. Single characters that
# end offices but also end given names (科 院 会 部 …) are left out: 韩耀科 is a name.
_NOT_NAME_END = re.compile(
    r"(长|主任|书记|主席|员|局|委|办|厅|府|中心|干部|代表|专家|事项|职责|人员|单位|同志|秘书|干事|"
    r"领导|负责人|成员|编辑|若干名)$"
)
_NOT_NAME_START = re.compile(r"^(副|市|区|县|省|州|镇|乡|团|党|全|各|相关|其他|有关|驻|由|以|及|和)")
_CONCURRENT = re.compile(r"\s*[（(]\s*兼\s*[）)]\s*$")
_BRACKETED = re.compile(r"^(?P<name>[^（(]+?)\s*[（(](?P<position>.*)[）)]$")
_SEPARATORS = "、，,；;"
_OPEN, _CLOSE = "（(“《", "）)”》"
# Where an office name starts inside "张正儒区教育局局长" written without a space.
_OFFICE_START = re.compile(r"^(区|市|县|省|州|盟|旗|镇|乡|街道|团|共青团|中共)")
_LONGEST = 120  # a person's line is short; longer text is prose
_PERSON_TITLE_END = re.compile(r"(长|主任|书记|主席|员|干部|委员|秘书|理事|调研员|经理|主管|专干|院长|馆长)$")


def compact(text: str) -> str:
    """Remove every white space: "张  涛" → "张涛"."""
    return "".join(text.split())


def looks_like_name(text: str) -> bool:
    """A personal name: two to four Chinese characters (or a name with ·), not an office."""
    name = simplified(compact(text))
    if not _CJK_NAME.fullmatch(name):
        return False
    return not (_NOT_NAME_END.search(name) or _NOT_NAME_START.search(name))


def _single_char(token: str) -> bool:
    return len(token) == 1 and "\u3400" <= token <= "\u9fff"


def _join_name_pairs(tokens: list[str]) -> list[str]:
    """Two single characters side by side are one name with a layout space: 张 涛 → 张涛."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and _single_char(tokens[i]) and _single_char(tokens[i + 1]):
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def _strip_concurrent(name: str) -> str:
    return _CONCURRENT.sub("", name)


def _glued(text: str) -> Person | None:
    """ "张正儒区教育局局长": a name followed directly by an office."""
    plain = simplified(text)
    for size in (3, 2):
        rest = plain[size:]
        if (
            len(rest) >= 3
            and looks_like_name(text[:size])
            and _OFFICE_START.match(rest)
            and _PERSON_TITLE_END.search(rest)
        ):
            return Person(text[:size], text[size:])
    return None


def split_person(text: str) -> Person | None:
    """One person from a list line, or None when the text names no one."""
    text = text.strip().strip("；;。，,、").strip()
    if not text or len(text) > _LONGEST:
        return None
    tokens = _join_name_pairs(text.split())
    if len(tokens) == 1:
        token = tokens[0]
        bare = _strip_concurrent(token)
        if looks_like_name(bare):
            return Person(compact(bare), None)
        bracketed = _BRACKETED.match(token)
        if bracketed and looks_like_name(bracketed["name"]):
            position = bracketed["position"].strip()
            return Person(compact(bracketed["name"]), position if position and position != "兼" else None)
        return _glued(token) or split_title_and_name(token, set())
    first, last = _strip_concurrent(tokens[0]), tokens[-1]
    if looks_like_name(first):
        return Person(compact(first), "".join(tokens[1:]))
    bracketed = _BRACKETED.match(text)
    if bracketed and looks_like_name(bracketed["name"]):
        return Person(compact(bracketed["name"]), bracketed["position"].strip() or None)
    if looks_like_name(_strip_concurrent(last)):
        return Person(compact(_strip_concurrent(last)), "".join(tokens[:-1]))
    return None


def _top_level_pieces(text: str) -> list[str]:
    """Split on 、，； outside brackets and quotes."""
    pieces: list[str] = []
    depth = 0
    start = 0
    for i, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in _SEPARATORS and depth == 0:
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [piece for piece in (p.strip() for p in pieces) if piece]


def split_people(text: str) -> list[Person] | None:
    """Everyone on a list line: one person, or several separated by 、 when every piece
    names someone (a position such as "党组书记、常务副主席" stays whole). None when the
    line names no one."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        people: list[Person] = []
        for line in lines:
            found = split_people(line)
            if found is None:
                return None
            people.extend(found)
        return people
    pieces = _top_level_pieces(text)
    if len(pieces) > 1:
        each = [split_person(piece) for piece in pieces]
        if all(person is not None for person in each):
            return [person for person in each if person is not None]
    person = split_person(text)
    return [person] if person else None


def split_title_and_name(phrase: str, known: set[str]) -> Person | None:
    """ "卫生健康局局长张涛" → (张涛, 卫生健康局局长): the prose form "办公室主任由…兼任".

    A name already met in the same list wins; otherwise the name is the last two or
    three characters after a person's title.
    """
    phrase = re.sub(r"同志$", "", phrase.strip())
    plain = simplified(phrase)
    for name in sorted(known, key=len, reverse=True):
        if plain.endswith(simplified(name)) and len(plain) > len(name):
            return Person(phrase[-len(name) :], phrase[: -len(name)].strip() or None)
    for size in (3, 2):
        head, tail = phrase[:-size], phrase[-size:]
        if len(head) >= 2 and looks_like_name(tail) and _PERSON_TITLE_END.search(simplified(head)):
            return Person(tail, head.strip())
    return None
