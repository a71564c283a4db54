"""A plan's documents (attachments), and the read queries of the plan page.

Attachments (DESIGN.md §2): the plan text (docx, pdf), scans and images, stored once per
content as blobs inside the database. While a plan is edited its documents hang on the
plan (``Attachment.plan_id``); publishing copies them onto the new version
(``Attachment.plan_version_id``), which is what a filing package carries (ENT Art.27 ③:
预案电子文档). Each file is checked for type and size *before* it is read, so a 2 GB video
is refused at once with a message that names it.

Plan rows: the plan page's filtered list (unit with the units under it, category, status,
event type) and the rows behind search hits (a card hit shows its plan), one query each.
They live here only because this is the plan page's own service module; their natural
home is ``services.hierarchy``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, String, Table, and_, case, cast, func, literal
from sqlalchemy import select as core_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus, UnitKind
from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import N_, chinese, join, tr
from planmgr.services import blobs
from planmgr.services.blobs import MAX_BLOB_BYTES, BlobTooLarge, human_size
from planmgr.store import search
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Blob, HandlingCard, Plan, PlanVersion, Unit


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


# --------------------------------------------------------------------------- plan rows

_plan: Table = Plan.__table__  # type: ignore[attr-defined]
_unit: Table = Unit.__table__  # type: ignore[attr-defined]
_version: Table = PlanVersion.__table__  # type: ignore[attr-defined]
_card: Table = HandlingCard.__table__  # type: ignore[attr-defined]

MAX_ROWS = 500


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One plan as a row of the plan page's result list."""

    uid: str
    title: str
    category: str
    category_label: str
    status: str
    status_label: str
    owner_unit_uid: str
    owner_unit_name: str
    version_label: str | None
    event_types: tuple[str, ...]
    pending_trigger: str | None
    parent_uid: str | None
    parent_title: str | None


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """A unit as the plan page lists it (owner choice, unit filter)."""

    uid: str
    name: str
    kind: UnitKind
    parent_name: str | None


@dataclass(frozen=True)
class PlanFilter:
    """What the plan page narrows the plans to; ``None`` means any."""

    unit_uid: str | None = None  # the unit and every unit under it
    category: PlanCategory | None = None
    status: PlanStatus | None = None
    event_type: EventType | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.unit_uid, self.category, self.status, self.event_type))


@dataclass(frozen=True)
class SearchResult:
    row: PlanRow
    snippet: str
    card_title: str | None  # set when the plan was found through one of its handling cards


def _label(enum: Any, value: str) -> str:
    try:
        return str(enum(value).text)
    except ValueError:
        return value


def _event_types(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        import json

        value = json.loads(value or "[]")
    return tuple(str(v) for v in value or ())


def _conditions(flt: PlanFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [_plan.c.deleted_at.is_(None)]
    if flt.unit_uid is not None:
        start = core_select(_unit.c.id).where(_unit.c.uid == flt.unit_uid, _unit.c.deleted_at.is_(None))
        tree = start.cte("unit_tree", recursive=True)
        below = aliased(_unit, name="below")
        tree = tree.union_all(
            core_select(below.c.id).where(below.c.parent_id == tree.c.id, below.c.deleted_at.is_(None))
        )
        where.append(_plan.c.owner_unit_id.in_(core_select(tree.c.id)))
    if flt.category is not None:
        where.append(_plan.c.category == flt.category.value)
    if flt.status is not None:
        where.append(_plan.c.status == flt.status.value)
    if flt.event_type is not None:
        # A JSON list of ASCII ids: the quoted id matches one element exactly (fire ≠ forest_fire).
        pattern = f'%"{flt.event_type.value}"%'
        where.append(cast(_plan.c.event_types, String).like(literal(pattern)))
    return where


def _rows_query(where: Sequence[ColumnElement[bool]]) -> Any:
    parent = aliased(_plan, name="parent")
    return (
        core_select(
            _plan.c.uid,
            _plan.c.title,
            _plan.c.category,
            _plan.c.status,
            _unit.c.uid,
            _unit.c.name,
            _version.c.label,
            _plan.c.event_types,
            _plan.c.pending_trigger,
            parent.c.uid,
            parent.c.title,
        )
        .select_from(_plan)
        .join(_unit, _unit.c.id == _plan.c.owner_unit_id)
        .outerjoin(_version, _version.c.id == _plan.c.current_version_id)
        .outerjoin(parent, and_(parent.c.id == _plan.c.parent_id, parent.c.deleted_at.is_(None)))
        .where(*where)
    )


def _row(values: Sequence[Any]) -> PlanRow:
    uid, title, category, status, unit_uid, unit_name, version, events, pending, parent_uid, parent_title = (
        values
    )
    return PlanRow(
        uid=uid,
        title=title,
        category=category,
        category_label=_label(PlanCategory, category),
        status=status,
        status_label=_label(PlanStatus, status),
        owner_unit_uid=unit_uid,
        owner_unit_name=unit_name,
        version_label=version,
        event_types=_event_types(events),
        pending_trigger=pending,
        parent_uid=parent_uid,
        parent_title=parent_title,
    )


def _rank(column: Any, members: Sequence[Any]) -> ColumnElement[int]:
    return case({m.value: i for i, m in enumerate(members)}, value=column, else_=len(members))


def unit_entries(engine: Engine) -> list[UnitEntry]:
    """Every live unit with its kind and parent's name, by kind (city first) then name.

    One Core query: 5,000 units in ~20 ms, where loading them as records takes ~0.5 s.
    """
    parent = aliased(_unit, name="parent_unit")
    query = (
        core_select(_unit.c.uid, _unit.c.name, _unit.c.kind, parent.c.name)
        .outerjoin(parent, parent.c.id == _unit.c.parent_id)
        .where(_unit.c.deleted_at.is_(None))
        .order_by(_rank(_unit.c.kind, list(UnitKind)), _unit.c.name, _unit.c.id)
    )
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    entries = []
    for uid, name, kind, parent_name in rows:
        try:
            unit_kind = UnitKind(kind)
        except ValueError:  # written by a newer version
            unit_kind = UnitKind.OTHER
        entries.append(UnitEntry(uid, name, unit_kind, parent_name))
    return entries


def find_plans(engine: Engine, flt: PlanFilter, *, limit: int = MAX_ROWS) -> tuple[list[PlanRow], int]:
    """Live plans matching ``flt`` in tree order (category, then title), at most ``limit``;
    and how many match in all."""
    where = _conditions(flt)
    query = _rows_query(where).order_by(
        _rank(_plan.c.category, list(PlanCategory)), _plan.c.title, _plan.c.id
    )
    with session_scope(engine) as session:
        total = int(session.execute(core_select(func.count()).select_from(_plan).where(*where)).scalar_one())
        rows = session.execute(query.limit(limit)).all()
    return [_row(r) for r in rows], total


def plan_rows(engine: Engine, uids: Sequence[str], flt: PlanFilter | None = None) -> list[PlanRow]:
    """The live plans among ``uids`` that match ``flt``, in the order of ``uids``."""
    if not uids:
        return []
    where = [*_conditions(flt or PlanFilter()), _plan.c.uid.in_(list(dict.fromkeys(uids)))]
    with session_scope(engine) as session:
        found = {r[0]: _row(r) for r in session.execute(_rows_query(where)).all()}
    return [found[uid] for uid in dict.fromkeys(uids) if uid in found]


def get_row(engine: Engine, uid: str) -> PlanRow:
    rows = plan_rows(engine, [uid])
    if not rows:
        raise NotFoundError(tr("找不到预案：{uid}", uid=uid))
    return rows[0]


def search_plans(
    engine: Engine, query: str, flt: PlanFilter | None = None, *, limit: int = 200
) -> list[SearchResult]:
    """Plans whose title, structured content or handling cards match ``query`` (FTS5:
    one- and two-character Chinese terms too), best first, each plan once; a card hit
    stands for the plan the card belongs to."""
    with engine.connect() as conn:
        hits = search.search(conn, query, limit=limit)
    card_uids = [h.uid for h in hits if h.kind == "card"]
    card_plan: dict[str, str] = {}
    if card_uids:
        with session_scope(engine) as session:
            rows = session.execute(
                core_select(_card.c.uid, _plan.c.uid)
                .join(_plan, _plan.c.id == _card.c.plan_id)
                .where(_card.c.uid.in_(card_uids), _card.c.deleted_at.is_(None))
            ).all()
        card_plan = {card: plan for card, plan in rows}
    ordered: dict[str, tuple[str, str | None]] = {}
    for hit in hits:
        plan_uid = hit.uid if hit.kind == "plan" else card_plan.get(hit.uid)
        if plan_uid is None or plan_uid in ordered:
            continue
        ordered[plan_uid] = (hit.snippet, hit.title if hit.kind == "card" else None)
    rows_by_uid = {row.uid: row for row in plan_rows(engine, list(ordered), flt)}
    return [
        SearchResult(rows_by_uid[uid], snippet, card)
        for uid, (snippet, card) in ordered.items()
        if uid in rows_by_uid
    ]
