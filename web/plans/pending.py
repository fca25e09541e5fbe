"""Plan uploads waiting for confirmation: one folder each, gone on confirm, cancel or expiry.

A plan upload is previewed before it is imported, so the file waits between two requests. Each
upload gets its own folder, ``media/pending/<token>/``, holding the file and a ``meta.json``
(the name the user knows, the region, who uploaded it, when): one record per upload, nothing to
pick among. The token is random, not derived from the content, so two uploads of one file never
share a folder. Confirming *claims* the folder by renaming it, which the file system does for
one request only: a second submit of the same form finds nothing and is told so, never a 500.
The folder goes on confirm, on cancel, at once when the file is refused, and after a day
(``pending_uploads_clean``, run by a periodic job).
"""

from __future__ import annotations

import datetime
import json
import logging
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

log = logging.getLogger(__name__)

PENDING_HOURS = 24
_CLAIMED = ".confirming"


@dataclass(frozen=True)
class PendingUpload:
    token: str
    folder: Path
    file: Path
    name: str  # as the user's computer called it
    region: str  # the region code it is previewed for
    user_id: int
    created: float  # seconds since the epoch


def pending_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "pending"


def pending_upload_create(*, uploaded: UploadedFile, region: str, user_id: int) -> PendingUpload:
    """Keep ``uploaded`` until it is confirmed, cancelled or expires; its metadata is written
    last, so a folder without it is a half-written upload that the cleaning removes."""
    token = secrets.token_hex(16)
    folder = pending_root() / token
    folder.mkdir(parents=True)
    suffix = Path(uploaded.name or "").suffix.lower()[:10]
    file = folder / f"upload{suffix if suffix[1:].isalnum() else ''}"
    with file.open("wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    pending = PendingUpload(token, folder, file, uploaded.name or file.name, region, user_id, time.time())
    meta = {
        "file": file.name,
        "name": pending.name,
        "region": region,
        "user": user_id,
        "created": pending.created,
    }
    temporary = folder / "meta.json.tmp"
    temporary.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    temporary.replace(folder / "meta.json")
    return pending


def _read(token: str, folder: Path) -> PendingUpload | None:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return PendingUpload(
            token,
            folder,
            folder / Path(meta["file"]).name,
            str(meta["name"]),
            str(meta["region"]),
            int(meta["user"]),
            float(meta["created"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _valid(token: str) -> bool:
    return len(token) == 32 and all(c in "0123456789abcdef" for c in token)


def pending_upload_claim(*, token: str, user_id: int) -> PendingUpload | None:
    """The upload ``token`` of ``user_id``, taken out of the waiting ones for this request only;
    None when it is not there (confirmed, cancelled, expired, someone else's, or a second submit)."""
    if not _valid(token):
        return None
    folder = pending_root() / token
    pending = _read(token, folder)
    if pending is None or pending.user_id != user_id:
        return None
    claimed = folder.with_name(token + _CLAIMED)
    try:
        folder.rename(claimed)  # atomic: of two submits at once, one gets it
    except OSError:
        return None
    return _read(token, claimed)


def pending_upload_release(*, pending: PendingUpload) -> None:
    """Put a claimed upload back (the import failed): the user may confirm again."""
    try:
        pending.folder.rename(pending.folder.with_name(pending.token))
    except OSError:
        log.warning("待确认的上传 %s 无法放回", pending.token)


def pending_upload_discard(*, pending: PendingUpload) -> None:
    """Delete the upload: confirmed, cancelled or refused."""
    shutil.rmtree(pending.folder, ignore_errors=True)


def pending_upload_cancel(*, token: str, user_id: int) -> bool:
    """Delete the user's waiting upload ``token``; False when there was none."""
    pending = pending_upload_claim(token=token, user_id=user_id)
    if pending is None:
        return False
    pending_upload_discard(pending=pending)
    return True


def pending_uploads_clean(*, hours: float = PENDING_HOURS, now: float | None = None) -> int:
    """Delete the uploads waiting longer than ``hours`` (and anything in the folder that is no
    upload, or half of one); the number deleted."""
    root = pending_root()
    if not root.is_dir():
        return 0
    cutoff = (now if now is not None else time.time()) - datetime.timedelta(hours=hours).total_seconds()
    removed = 0
    for entry in root.iterdir():
        token = entry.name.removesuffix(_CLAIMED)
        pending = _read(token, entry) if entry.is_dir() and _valid(token) else None
        started = pending.created if pending is not None else entry.stat().st_mtime
        if started >= cutoff:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    if removed:
        log.info("删除过期的待确认上传 %d 个", removed)
    return removed
