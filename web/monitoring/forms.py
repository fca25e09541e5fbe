"""The entry form's fields, read in one place: per indicator row ``value-<id>``, ``comment-<id>``,
``evidence-<id>`` and the ``version-<id>`` the row was loaded with (the template writes them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile

from web.monitoring.selectors import EntryRow


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
