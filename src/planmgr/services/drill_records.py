"""The drill record (演练记录): who took part, the scenario, the time-stamped log, attachments.

What the 演练记录表 prints (``services.drill_printing.record_form``), written here and read
with the drill (``services.drills.get_drill``). Record edits carry the ``row_version`` the user
started from (``ConflictError`` if someone saved in between) and are refused once the drill
is cancelled.

``Drill.log``: ``[{"id", "at": "YYYY-MM-DDTHH:MM", "text"}]`` sorted by time; ``at`` is the
wall-clock time at the drill site as written on the record sheet (not UTC).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import select

from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import join, tr
from planmgr.services import blobs, drills
from planmgr.services.drills import ATTACHMENT_KINDS, AttachmentInfo, DrillDetail, check_version, get_drill
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Drill

MAX_LOG_TEXT = 2000
MAX_HEAD_COUNT = 100_000

_UNSET: Any = object()


def _change(
    engine: Engine, uid: str, expected_row_version: int | None, change: Callable[[Drill], None]
) -> DrillDetail:
    """Apply ``change`` to the record of a drill that is not cancelled and was not saved since."""
    with session_scope(engine) as session:
        drill = drills._drill(session, uid)
        check_version(drill, expected_row_version)
        drills._editable(drill)
        change(drill)
        session.add(drill)
        session.flush()
        return drills._detail(session, drill)


# --- participants, head count, scenario ------------------------------------------------


def update_record(
    engine: Engine,
    uid: str,
    *,
    expected_row_version: int | None,
    participant_units: Sequence[str] | None = None,
    head_count: int | None = _UNSET,
    scenario: str | None = _UNSET,
) -> DrillDetail:
    """The drill record (演练记录): participating units, head count, scenario."""

    def change(drill: Drill) -> None:
        if participant_units is not None:
            drill.participant_units = clean_names(participant_units)
        if head_count is not _UNSET:
            if head_count is not None and not 0 < head_count <= MAX_HEAD_COUNT:
                raise ValidationError(tr("参演人数应为 1–{limit} 之间的整数", limit=MAX_HEAD_COUNT))
            drill.head_count = head_count
        if scenario is not _UNSET:
            drill.scenario = drills._text(scenario, tr("演练情景"))

    return _change(engine, uid, expected_row_version, change)


def clean_names(names: Iterable[str]) -> list[str]:
    """Participating unit names: trimmed, no blanks or repeats (up to 200 characters each)."""
    result: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if not name or name in result:
            continue
        if len(name) > 200:
            raise ValidationError(
                tr("参演单位名称过长（最多 {limit} 字）：{name}…", limit=200, name=name[:20])
            )
        result.append(name)
    return result


# --- the drill log ---------------------------------------------------------------------


def _entry_time(at: datetime) -> str:
    return at.replace(tzinfo=None, second=0, microsecond=0).isoformat(timespec="minutes")


def _entry_text(text: str) -> str:
    cleaned = drills._text(text, tr("记录内容"), MAX_LOG_TEXT) or ""
    if not cleaned:
        raise ValidationError(tr("记录内容不能为空"))
    return cleaned


def _sorted_log(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(entries, key=lambda e: str(e["at"]))


def _find_entry(drill: Drill, entry_id: str) -> int:
    for i, entry in enumerate(drill.log or ()):
        if entry.get("id") == entry_id:
            return i
    raise NotFoundError(tr("找不到该条演练记录，可能已被其他人删除"))


def add_log_entry(
    engine: Engine, uid: str, at: datetime, text: str, *, expected_row_version: int | None = None
) -> DrillDetail:
    """A time-stamped line of the drill record (e.g. 09:05 指挥部下达疏散命令)."""
    entry = {"id": uuid.uuid4().hex[:12], "at": _entry_time(at), "text": _entry_text(text)}

    def change(drill: Drill) -> None:
        # A new list: the JSON column only sees a change when the value is replaced.
        drill.log = _sorted_log([*(drill.log or ()), entry])

    return _change(engine, uid, expected_row_version, change)


def edit_log_entry(
    engine: Engine,
    uid: str,
    entry_id: str,
    *,
    at: datetime | None = None,
    text: str | None = None,
    expected_row_version: int | None = None,
) -> DrillDetail:
    def change(drill: Drill) -> None:
        entries = [dict(e) for e in drill.log or ()]
        i = _find_entry(drill, entry_id)
        if at is not None:
            entries[i]["at"] = _entry_time(at)
        if text is not None:
            entries[i]["text"] = _entry_text(text)
        drill.log = _sorted_log(entries)

    return _change(engine, uid, expected_row_version, change)


def remove_log_entry(
    engine: Engine, uid: str, entry_id: str, *, expected_row_version: int | None = None
) -> DrillDetail:
    def change(drill: Drill) -> None:
        i = _find_entry(drill, entry_id)
        drill.log = [dict(e) for j, e in enumerate(drill.log or ()) if j != i]

    return _change(engine, uid, expected_row_version, change)


# --- attachments -----------------------------------------------------------------------


def add_attachment(
    engine: Engine, drill_uid: str, data: bytes, filename: str, kind: str = "photo"
) -> AttachmentInfo:
    """Attach a file (photo, sign-in sheet, scheme, report); content stored once per hash."""
    if kind not in ATTACHMENT_KINDS:
        raise ValidationError(
            tr(
                "未知的附件类别：{kind}（可选：{choices}）",
                kind=kind,
                choices=join(ATTACHMENT_KINDS.values()),
            )
        )
    name = blobs.clean_filename(filename)
    blobs.check_size(data, name)
    with session_scope(engine) as session:
        drill = drills._drill(session, drill_uid)
        sha = blobs.put_in_session(session, data, name)
        attachment = Attachment(blob_sha256=sha, filename=name, kind=kind, drill_id=drill.id)
        session.add(attachment)
        session.flush()
        return drills._attachment(attachment, drill.uid, len(data))


def _unreadable(name: str, error: OSError) -> str:
    return tr("无法读取附件“{name}”：{error}", name=name, error=error.strerror or error)


def add_attachment_file(engine: Engine, drill_uid: str, path: Path, kind: str = "photo") -> AttachmentInfo:
    """Attach a file from disk; one over the size limit is refused before it is read."""
    name = blobs.clean_filename(path.name)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(_unreadable(name, error)) from None
    if size > blobs.MAX_BLOB_BYTES:
        raise blobs.BlobTooLarge(blobs.too_large(name, size))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(_unreadable(name, error)) from None
    return add_attachment(engine, drill_uid, data, name, kind)


def list_attachments(engine: Engine, drill_uid: str) -> list[AttachmentInfo]:
    return list(get_drill(engine, drill_uid).attachments)


def attachment_data(engine: Engine, attachment_uid: str) -> tuple[str, bytes]:
    """(file name, content) of a drill attachment, e.g. to save or open it."""
    with session_scope(engine) as session:
        attachment = session.exec(select(Attachment).where(Attachment.uid == attachment_uid)).first()
        if attachment is None:
            raise NotFoundError(tr("找不到附件：{uid}", uid=attachment_uid))
        return attachment.filename, blobs.get_in_session(session, attachment.blob_sha256)


def remove_attachment(engine: Engine, attachment_uid: str) -> None:
    """Detach a file; its content goes when nothing else refers to it."""
    with session_scope(engine) as session:
        attachment = session.exec(select(Attachment).where(Attachment.uid == attachment_uid)).first()
        if attachment is None or attachment.drill_id is None:
            raise NotFoundError(tr("找不到附件：{uid}", uid=attachment_uid))
        sha = attachment.blob_sha256
        session.delete(attachment)
        session.flush()
        blobs.release_in_session(session, sha)
