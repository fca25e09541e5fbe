"""佐证材料 on observations: which files are accepted, and attaching one (kept in the history)."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext

from web.monitoring.models import Evidence, Observation, ObservationChange
from web.monitoring.services import ObservationError

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

# Extension → (content type served back, the first bytes a real file of that kind starts with).
_ZIP = b"PK\x03\x04"
ALLOWED_TYPES: dict[str, tuple[str, bytes]] = {
    ".pdf": ("application/pdf", b"%PDF"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
}


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def evidence_check(upload: UploadedFile) -> str:
    """The content type to store for ``upload``; :class:`ObservationError` in Chinese when it is refused."""
    name = upload.name or gettext("未命名文件")
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise ObservationError(
            gettext(
                "佐证材料「%(name)s」的类型不允许：只能上传 PDF、JPG、PNG、Word（.docx）或 Excel（.xlsx）文件"
            )
            % {"name": name}
        )
    size = upload.size or 0
    if size > MAX_EVIDENCE_BYTES:
        raise ObservationError(
            gettext("佐证材料「%(name)s」过大（%(size)s），单个文件不能超过%(limit)s")
            % {"name": name, "size": _megabytes(size), "limit": _megabytes(MAX_EVIDENCE_BYTES)}
        )
    if size == 0:
        raise ObservationError(gettext("佐证材料「%(name)s」是空文件") % {"name": name})
    content_type, magic = ALLOWED_TYPES[suffix]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise ObservationError(
            gettext("佐证材料「%(name)s」的内容与扩展名%(suffix)s不符，文件可能已损坏或改过扩展名")
            % {"name": name, "suffix": suffix}
        )
    return content_type


@transaction.atomic
def evidence_attach(*, observation: Observation, upload: UploadedFile, user: User) -> Evidence:
    """Keep ``upload`` as evidence of ``observation`` and write the upload into its history."""
    content_type = evidence_check(upload)
    name = PurePath(upload.name or "未命名文件").name
    evidence = Evidence(
        observation=observation,
        original_name=name,
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=user,
    )
    evidence.file.save(name, upload, save=False)
    evidence.save()
    ObservationChange.objects.create(
        observation=observation,
        user=user,
        action="上传佐证",
        old_value=observation.value,
        new_value=observation.value,
        old_state=observation.state,
        new_state=observation.state,
        reason=f"佐证材料「{name}」（{_megabytes(evidence.size)}）",
    )
    return evidence
