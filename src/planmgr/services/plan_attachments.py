"""A plan's documents (attachments).

Attachments (DESIGN.md §2): the plan text (docx, pdf), scans and images, stored once per
content as blobs inside the database. While a plan is edited its documents hang on the
plan (``Attachment.plan_id``); publishing copies them onto the new version
(``Attachment.plan_version_id``), which is what a filing package carries (ENT Art.27 ③:
预案电子文档). Each file is checked for type and size *before* it is read, so a 2 GB video
is refused at once with a message that names it.

The plan page's list and search rows are in ``services.plan_queries``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Engine
from sqlmodel import Session, col, select

from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import N_, chinese, join, tr
from planmgr.services import blobs
from planmgr.services.blobs import MAX_BLOB_BYTES, BlobTooLarge, human_size
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Blob, Plan, PlanVersion


def attachment_kinds() -> dict[str, str]:
    """Kinds of plan document with the labels users see, in the interface language (filing
    materials, ENT Art.27)."""
    return {
        "text": tr("预案文本"),
        "drafting_note": tr("编制说明"),
        "review": tr("评审意见"),
        "risk": tr("风险评估报告"),
        "resources": tr("应急资源调查清单"),
        "image": tr("图片"),
        "other": tr("其他"),
    }


# The kinds with their Chinese labels (the keys are what is stored); ``attachment_kinds()``
# for what a user reads.
with chinese():
    ATTACHMENT_KINDS: dict[str, str] = attachment_kinds()

# File types a plan document may have: Word and PDF texts, scans and photos.
ALLOWED_SUFFIXES: dict[str, str] = {
    ".docx": N_("Word 文档"),
    ".doc": N_("Word 文档"),
    ".pdf": N_("PDF 文档"),
    ".png": N_("图片"),
    ".jpg": N_("图片"),
    ".jpeg": N_("图片"),
    ".gif": N_("图片"),
    ".bmp": N_("图片"),
    ".tif": N_("图片"),
    ".tiff": N_("图片"),
}

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"})


@dataclass(frozen=True)
class PlanAttachment:
    uid: str
    filename: str
    kind: str
    kind_label: str
    size: int
    sha256: str


@dataclass(frozen=True)
class NewAttachment:
    """A file the user added in the editor, read when the edit is saved."""

    filename: str
    data: bytes
    kind: str = "other"


# --------------------------------------------------------------------------- attachments


def kind_for(filename: str) -> str:
    """The kind a file most likely is: images are images, everything else the plan text."""
    return "image" if Path(filename).suffix.lower() in IMAGE_SUFFIXES else "text"


def check_file(filename: str, size: int, limit: int = MAX_BLOB_BYTES) -> str:
    """The clean file name, or ``ValidationError`` if its type or size is not accepted.

    Needs only the name and the size, so a file can be refused before it is read.
    """
    name = blobs.clean_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        kinds = join(sorted({s.lstrip(".") for s in ALLOWED_SUFFIXES}))
        raise ValidationError(
            tr("“{name}”不是可以附加的文件类型。预案附件可以是：{kinds}", name=name, kinds=kinds)
        )
    if size > limit:
        raise BlobTooLarge(
            tr(
                "附件“{name}”太大（{size}），每个文件最大 {limit}。请压缩图片或分成几个文件后再添加。",
                name=name,
                size=human_size(size),
                limit=human_size(limit),
            )
        )
    if size == 0:
        raise ValidationError(tr("附件“{name}”是空文件，没有内容可保存", name=name))
    return name


def read_file(path: Path, limit: int = MAX_BLOB_BYTES) -> NewAttachment:
    """Check ``path`` (type, size) and read it; the kind is guessed from its type."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise NotFoundError(tr("找不到文件：{path}", path=path)) from error
    name = check_file(path.name, size, limit)
    data = path.read_bytes()
    check_file(name, len(data), limit)  # it may have grown since
    return NewAttachment(name, data, kind_for(name))


def _info(attachment: Attachment, size: int) -> PlanAttachment:
    return PlanAttachment(
        attachment.uid,
        attachment.filename,
        attachment.kind,
        attachment_kinds().get(attachment.kind, attachment.kind),
        size,
        attachment.blob_sha256,
    )


def _live_plan(session: Session, uid: str) -> Plan:
    plan = session.exec(select(Plan).where(Plan.uid == uid, col(Plan.deleted_at).is_(None))).first()
    if plan is None:
        raise NotFoundError(tr("找不到预案：{uid}", uid=uid))
    return plan


def _attachment(session: Session, uid: str) -> Attachment | None:
    return session.exec(select(Attachment).where(Attachment.uid == uid)).first()


def _listed(session: Session, where: ColumnElement[bool]) -> list[PlanAttachment]:
    rows = session.exec(
        select(Attachment, Blob.size)
        .join(Blob, col(Blob.sha256) == col(Attachment.blob_sha256))
        .where(where)
        .order_by(col(Attachment.id))
    ).all()
    return [_info(attachment, size) for attachment, size in rows]


def list_attachments(engine: Engine, plan_uid: str) -> list[PlanAttachment]:
    """The documents of the plan's working text (what the next publication carries)."""
    with session_scope(engine) as session:
        plan = _live_plan(session, plan_uid)
        return _listed(session, col(Attachment.plan_id) == plan.id)


def version_attachments(engine: Engine, version_uid: str) -> list[PlanAttachment]:
    """The documents published with a version."""
    with session_scope(engine) as session:
        version = session.exec(select(PlanVersion).where(PlanVersion.uid == version_uid)).first()
        if version is None:
            raise NotFoundError(tr("找不到预案版本：{uid}", uid=version_uid))
        return _listed(session, col(Attachment.plan_version_id) == version.id)


def _check_kind(kind: str) -> None:
    if kind not in ATTACHMENT_KINDS:
        choices = join(attachment_kinds().values())
        raise ValidationError(tr("未知的附件类别：{kind}（可选：{choices}）", kind=kind, choices=choices))


def apply_changes(
    engine: Engine,
    plan_uid: str,
    added: Sequence[NewAttachment] = (),
    removed_uids: Sequence[str] = (),
    limit: int = MAX_BLOB_BYTES,
) -> list[PlanAttachment]:
    """Add and remove documents of a plan in one transaction; returns its documents after.

    Every new file is checked before anything is written, so either all go in or none.
    A removed document's content goes when nothing else (a version, a filing) refers to it.
    """
    checked: list[NewAttachment] = []
    for item in added:
        _check_kind(item.kind)
        name = check_file(item.filename, len(item.data), limit)
        checked.append(NewAttachment(name, item.data, item.kind))
    with session_scope(engine) as session:
        plan = _live_plan(session, plan_uid)
        for uid in removed_uids:
            attachment = _attachment(session, uid)
            if attachment is None or attachment.plan_id != plan.id:
                raise NotFoundError(tr("找不到附件：{uid}", uid=uid))
            sha = attachment.blob_sha256
            session.delete(attachment)
            session.flush()
            blobs.release_in_session(session, sha)
        for item in checked:
            sha = blobs.put_in_session(session, item.data, item.filename, limit)
            session.add(Attachment(blob_sha256=sha, filename=item.filename, kind=item.kind, plan_id=plan.id))
        session.flush()
        return _listed(session, col(Attachment.plan_id) == plan.id)


def add_attachment(
    engine: Engine, plan_uid: str, data: bytes, filename: str, kind: str | None = None
) -> PlanAttachment:
    """Attach one file to the plan's working text."""
    item = NewAttachment(filename, data, kind or kind_for(filename))
    before = {a.uid for a in list_attachments(engine, plan_uid)}
    after = apply_changes(engine, plan_uid, [item])
    return next(a for a in after if a.uid not in before)


def remove_attachment(engine: Engine, plan_uid: str, attachment_uid: str) -> None:
    apply_changes(engine, plan_uid, removed_uids=[attachment_uid])


def attachment_data(engine: Engine, attachment_uid: str) -> tuple[str, bytes]:
    """(file name, content) of a plan or version document, e.g. to open it."""
    with session_scope(engine) as session:
        attachment = _attachment(session, attachment_uid)
        if attachment is None or (attachment.plan_id is None and attachment.plan_version_id is None):
            raise NotFoundError(tr("找不到附件：{uid}", uid=attachment_uid))
        return attachment.filename, blobs.get_in_session(session, attachment.blob_sha256)
