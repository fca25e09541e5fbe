"""The monitoring pages' posted fields, read in one place.

The entry form: per indicator row ``value-<id>``, ``comment-<id>``, ``evidence-<id>`` and the
``version-<id>`` the row was loaded with (the template writes them), and ``submit`` (提交审核) or not.
The review queue (审核): the ticked ``pick`` rows or the one row's button ``one=approve-<id>``, each with
its ``version-<id>`` and reason ``comment-<id>``; one value's ``decide`` form; the workbook upload.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.translation import gettext

from web.monitoring.selectors import EntryRow
from web.parameters import id_of


@dataclass(frozen=True)
class PostedRow:
    row: EntryRow
    raw: str  # the value as typed
    comment: str
    upload: UploadedFile | None
    version: int | None  # None: the value was not in the database when the form was loaded
    noted: bool  # the 说明 differs from the stored one (on an approved value it is saved as a note)

    @property
    def touched(self) -> bool:
        return bool(self.raw) or self.upload is not None or self.noted


def posted_version(data: Mapping[str, str], pk: int) -> int | None:
    raw = data.get(f"version-{pk}", "")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


def posted_rows(
    rows: list[EntryRow], data: Mapping[str, str], files: Mapping[str, UploadedFile]
) -> list[PostedRow]:
    posted = []
    for row in rows:
        pk = row.indicator.pk
        comment = data.get(f"comment-{pk}", "")
        stored = row.observation
        posted.append(
            PostedRow(
                row=row,
                raw=data.get(f"value-{pk}", "").strip(),
                comment=comment,
                upload=files.get(f"evidence-{pk}"),
                version=posted_version(data, pk),
                noted=stored is not None and comment.strip() != stored.comment.strip(),
            )
        )
    return posted


@dataclass(frozen=True)
class PostedEntry:
    rows: list[PostedRow]
    submit: bool  # 提交审核; else 保存草稿


def posted_entry(
    rows: list[EntryRow], data: Mapping[str, str], files: Mapping[str, UploadedFile]
) -> PostedEntry:
    return PostedEntry(rows=posted_rows(rows, data, files), submit="submit" in data)


Decision = Literal["approve", "return"]


@dataclass(frozen=True)
class PickedValue:
    """One value ticked for 审核, with the version it was shown at and the reviewer's reason."""

    pk: int
    version: int  # 0 when none was posted: the service then reports a conflict
    comment: str


@dataclass(frozen=True)
class BatchReview:
    decision: Decision | None  # None: neither button, or a button the page never writes
    picked: dict[int, PickedValue]
    query: str  # the queue's filters, to go back to the same page

    @property
    def complete(self) -> bool:
        return self.decision is not None and bool(self.picked)


def _decision(raw: str) -> Decision | None:
    if raw == "approve":
        return "approve"
    if raw == "return":
        return "return"
    return None


def _picked_ids(data: QueryDict) -> tuple[str, list[str]]:
    one = data.get("one", "")
    if one:  # one row's own button: ``approve-<id>`` or ``return-<id>``
        decision, _, raw = one.partition("-")
        return decision, [raw]
    return data.get("decision", ""), data.getlist("pick")


def batch_review(data: QueryDict) -> BatchReview:
    """The queue's POST: a malformed id is a 400 naming the field, before anything is decided."""
    decision, raw_ids = _picked_ids(data)
    pks = [id_of(raw, gettext("所选的值")) for raw in raw_ids]
    picked = {
        pk: PickedValue(
            pk=pk,
            version=posted_version(data, pk) or 0,
            comment=data.get(f"comment-{pk}", "").strip(),
        )
        for pk in pks
    }
    return BatchReview(decision=_decision(decision), picked=picked, query=data.get("query", ""))


@dataclass(frozen=True)
class OneDecision:
    """The history page's 通过/退回 of one value."""

    approve: bool  # anything but ``approve`` returns the value, as the page's two buttons say
    version: int
    comment: str
    back: str  # the region code whose queue to go back to; "" for the value's own region


def one_decision(data: Mapping[str, str]) -> OneDecision:
    return OneDecision(
        approve=data.get("decision") == "approve",
        version=id_of(data.get("version", ""), gettext("版本号")),
        comment=data.get("comment", ""),
        back=data.get("back") or "",
    )


@dataclass(frozen=True)
class WorkbookPost:
    upload: UploadedFile | None
    submit: bool


def workbook_post(data: Mapping[str, str], files: Mapping[str, UploadedFile]) -> WorkbookPost:
    return WorkbookPost(upload=files.get("file"), submit="submit" in data)
