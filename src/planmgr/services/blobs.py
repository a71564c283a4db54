"""Attachment content, addressed by its SHA-256, kept inside the database (DESIGN.md §2).

One database file holds everything, so a photo attached to two drills is stored once
(same bytes, same hash). Each file has a size limit, checked before anything is hashed
or written, with a message that names the file and both sizes.

``put``/``get`` open their own short session; the ``*_in_session`` variants let a service
store the blob in the same transaction as the row that refers to it.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath, PureWindowsPath

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import tr
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Blob, FilingMaterial

MAX_BLOB_BYTES = 20 * 1024 * 1024
"""Largest file accepted (20 MB): a phone photo or a scanned sign-in sheet fits easily."""

MAX_FILENAME = 260


class BlobTooLarge(ValidationError):
    """The file is over ``MAX_BLOB_BYTES`` (CLI exit 2)."""


def human_size(size: int) -> str:
    """Size as people read it: 512 字节, 3.4 KB, 20.0 MB."""
    if size < 1024:
        return tr("{count} 字节", count=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def clean_filename(filename: str) -> str:
    """The bare file name (no folders, either slash), trimmed; refused if empty or too long."""
    given = filename.strip()
    name = PureWindowsPath(PurePosixPath(given).name).name.strip()
    if not name or name in (".", "..") or given.endswith(("/", "\\")):
        raise ValidationError(tr("附件文件名不能为空"))
    if len(name) > MAX_FILENAME:
        raise ValidationError(
            tr("附件文件名过长（最多 {limit} 个字符）：{name}…", limit=MAX_FILENAME, name=name[:40])
        )
    return name


def too_large(filename: str, size: int, limit: int = MAX_BLOB_BYTES) -> str:
    """Why a file over the limit is refused, naming the file and both sizes."""
    return tr(
        "附件“{name}”太大（{size}），每个文件最大 {limit}。请压缩图片或分成几个文件后再添加。",
        name=filename,
        size=human_size(size),
        limit=human_size(limit),
    )


def check_size(data: bytes, filename: str, limit: int = MAX_BLOB_BYTES) -> None:
    if len(data) > limit:
        raise BlobTooLarge(too_large(filename, len(data), limit))
    if not data:
        raise ValidationError(tr("附件“{name}”是空文件，没有内容可保存", name=filename))


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def put_in_session(session: Session, data: bytes, filename: str, limit: int = MAX_BLOB_BYTES) -> str:
    """Store ``data`` (once per content) in the caller's transaction; returns its SHA-256."""
    check_size(data, filename, limit)
    sha = sha256_of(data)
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=len(data), data=data))
        session.flush()
    return sha


def put(engine: Engine, data: bytes, filename: str, limit: int = MAX_BLOB_BYTES) -> str:
    """Store ``data`` once per content; returns its SHA-256 (hex, 64 characters)."""
    with session_scope(engine) as session:
        return put_in_session(session, data, filename, limit)


def get_in_session(session: Session, sha: str) -> bytes:
    blob = session.get(Blob, sha)
    if blob is None:
        raise NotFoundError(tr("找不到附件内容（{sha}…），数据库中可能已被清理", sha=sha[:12]))
    return bytes(blob.data)


def get(engine: Engine, sha: str) -> bytes:
    with session_scope(engine) as session:
        return get_in_session(session, sha)


def exists(engine: Engine, sha: str) -> bool:
    with session_scope(engine) as session:
        return session.get(Blob, sha) is not None


def release_in_session(session: Session, sha: str) -> bool:
    """Delete the blob if no attachment or filing material refers to it any more.

    Call after deleting the referring row (and flushing); returns whether it was deleted.
    """
    refs = session.exec(
        select(func.count()).select_from(Attachment).where(Attachment.blob_sha256 == sha)
    ).one()
    refs += session.exec(
        select(func.count()).select_from(FilingMaterial).where(FilingMaterial.blob_sha256 == sha)
    ).one()
    if refs:
        return False
    blob = session.get(Blob, sha)
    if blob is None:
        return False
    session.delete(blob)
    session.flush()
    return True
