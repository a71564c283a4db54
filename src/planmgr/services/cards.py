"""Handling cards (应急处置卡): create, edit, reorder, list, staleness.

A card belongs to a unit and usually to a plan (a 现场处置方案). It records the plan
version it was last brought in line with (``based_on_version_id``); when the plan
publishes a newer version the card is *stale* and every listing says so (ENT Art.19
wants cards that match the plan in force).

Every write is one short transaction that also updates the search index. Edits carry the
``row_version`` the user started from: if someone else saved in between, ``ConflictError``
says so and nothing is overwritten. Drafting a card from its plan and bringing a stale
card up to date is in ``card_drafts``; printing cards and the concise manual in
``card_printing``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Engine, and_, or_
from sqlmodel import Session, col, select

from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.i18n import join, semicolons, tr
from planmgr.domain.validators import validate_phone
from planmgr.reports.cards import PrintCard, PrintContact, PrintStep
from planmgr.store import search
from planmgr.store.base import utcnow
from planmgr.store.database import session_scope
from planmgr.store.models import CardContact, CardStep, HandlingCard, Plan, PlanVersion, Unit

MAX_TITLE = 200
MAX_POST = 100
MAX_PLACE = 200
MAX_RESPONSIBLE = 100
MAX_NAME = 100
MAX_LABEL = 40


# --- plain data ------------------------------------------------------------------------


@dataclass(frozen=True)
class CardStepData:
    action: str
    responsible: str = ""


@dataclass(frozen=True)
class CardContactData:
    name: str
    phone: str
    external: bool = False


@dataclass(frozen=True)
class CardInput:
    """What a user edits on a card."""

    title: str
    unit_uid: str
    plan_uid: str | None = None
    post: str = ""
    place: str = ""
    risks: str = ""
    precautions: str = ""
    steps: tuple[CardStepData, ...] = ()
    contacts: tuple[CardContactData, ...] = ()
    number: str | None = None
    version_label: str = "1.0"
    issued_date: date | None = None
    based_on_version_uid: str | None = None
    """The plan version the content was drawn from; None: the plan's version in force."""


@dataclass(frozen=True)
class CardData:
    uid: str
    title: str
    unit_uid: str
    unit_name: str
    plan_uid: str | None
    plan_title: str | None
    post: str
    place: str
    risks: str
    precautions: str
    steps: tuple[CardStepData, ...]
    contacts: tuple[CardContactData, ...]
    number: str | None
    version_label: str
    issued_date: date | None
    based_on_version_label: str | None
    plan_version_label: str | None
    """Label of the plan's version in force."""
    stale: bool
    row_version: int

    def to_input(self) -> CardInput:
        return CardInput(
            title=self.title,
            unit_uid=self.unit_uid,
            plan_uid=self.plan_uid,
            post=self.post,
            place=self.place,
            risks=self.risks,
            precautions=self.precautions,
            steps=self.steps,
            contacts=self.contacts,
            number=self.number,
            version_label=self.version_label,
            issued_date=self.issued_date,
        )

    def printable(self) -> PrintCard:
        return PrintCard(
            uid=self.uid,
            title=self.title,
            unit_name=self.unit_name,
            post=self.post,
            place=self.place,
            plan_title=self.plan_title or "",
            risks=self.risks,
            steps=tuple(PrintStep(s.action, s.responsible) for s in self.steps),
            precautions=self.precautions,
            contacts=tuple(PrintContact(c.name, c.phone, c.external) for c in self.contacts),
            number=self.number or "",
            version_label=self.version_label,
            issued_date=self.issued_date,
            stale=self.stale,
        )


@dataclass(frozen=True)
class CardSummary:
    """One row of a card listing (no steps or contacts loaded)."""

    uid: str
    title: str
    number: str | None
    post: str
    place: str
    unit_uid: str
    unit_name: str
    plan_uid: str | None
    plan_title: str | None
    version_label: str
    issued_date: date | None
    stale: bool
    row_version: int


# --- validation ------------------------------------------------------------------------


def one_line(text: str | None) -> str:
    """``text`` on one line, runs of white space as one space (also for ``card_drafts``)."""
    return " ".join((text or "").split())


def _text(text: str | None) -> str:
    # Keep the user's line breaks; trim each line end and the whole.
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def validate(data: CardInput) -> CardInput:
    """Normalised input, or ``ValidationError`` naming every problem at once."""
    problems: list[str] = []
    title = one_line(data.title)
    if not title:
        problems.append(tr("处置卡名称不能为空"))
    elif len(title) > MAX_TITLE:
        problems.append(tr("处置卡名称过长（最多 {limit} 字）", limit=MAX_TITLE))
    post, place, number = one_line(data.post), one_line(data.place), one_line(data.number) or None
    label = one_line(data.version_label)
    for value, limit, name in (
        (post, MAX_POST, tr("岗位")),
        (place, MAX_PLACE, tr("场所")),
        (number or "", MAX_LABEL, tr("编号")),
        (label, MAX_LABEL, tr("版本号")),
    ):
        if len(value) > limit:
            problems.append(tr("{field}过长（最多 {limit} 字）", field=name, limit=limit))
    if not label:
        problems.append(tr("版本号不能为空"))
    steps: list[CardStepData] = []
    for index, step in enumerate(data.steps, start=1):
        action, responsible = _text(step.action), one_line(step.responsible)
        if not action and not responsible:
            continue  # an empty row left in the editor
        if not action:
            problems.append(tr("第 {index} 步没有处置内容", index=index))
        if len(responsible) > MAX_RESPONSIBLE:
            problems.append(
                tr("第 {index} 步的负责岗位过长（最多 {limit} 字）", index=index, limit=MAX_RESPONSIBLE)
            )
        steps.append(CardStepData(action, responsible))
    contacts: list[CardContactData] = []
    for index, contact in enumerate(data.contacts, start=1):
        name, phone = one_line(contact.name), one_line(contact.phone)
        if not name and not phone:
            continue
        if not name:
            problems.append(tr("第 {index} 个联系人没有名称", index=index))
        elif len(name) > MAX_NAME:
            problems.append(tr("第 {index} 个联系人名称过长（最多 {limit} 字）", index=index, limit=MAX_NAME))
        try:
            phone = validate_phone(phone)
        except ValidationError:
            problems.append(
                tr(
                    "第 {index} 个联系人（{name}）的电话号码格式不正确：{phone}",
                    index=index,
                    name=name,
                    phone=phone or tr("空"),
                )
            )
        contacts.append(CardContactData(name, phone, contact.external))
    if problems:
        raise ValidationError(semicolons(problems))
    return replace(
        data,
        title=title,
        post=post,
        place=place,
        number=number,
        version_label=label,
        risks=_text(data.risks),
        precautions=_text(data.precautions),
        steps=tuple(steps),
        contacts=tuple(contacts),
    )


# --- reading ---------------------------------------------------------------------------


def _stale(card: HandlingCard, plan: Plan | None) -> bool:
    if plan is None or plan.current_version_id is None:
        return False
    return card.based_on_version_id is None or plan.current_version_id > card.based_on_version_id


def _stale_clause() -> Any:
    """SQL for ``_stale`` (cards joined to their plan)."""
    return and_(
        col(Plan.current_version_id).is_not(None),
        or_(
            col(HandlingCard.based_on_version_id).is_(None),
            col(Plan.current_version_id) > col(HandlingCard.based_on_version_id),
        ),
    )


def _live[R: (HandlingCard, Unit, Plan)](session: Session, model: type[R], uid: str) -> R:
    row = session.exec(select(model).where(model.uid == uid, col(model.deleted_at).is_(None))).first()
    if row is None:
        if model is HandlingCard:
            raise NotFoundError(tr("找不到处置卡：{uid}", uid=uid))
        if model is Unit:
            raise NotFoundError(tr("找不到单位：{uid}", uid=uid))
        raise NotFoundError(tr("找不到预案：{uid}", uid=uid))
    return row


def live_card(session: Session, uid: str) -> HandlingCard:
    """The card ``uid`` unless deleted, else ``NotFoundError`` (also for ``card_drafts``)."""
    return _live(session, HandlingCard, uid)


def live_unit(session: Session, uid: str) -> Unit:
    """The unit ``uid`` unless deleted, else ``NotFoundError`` (also for ``card_printing``)."""
    return _live(session, Unit, uid)


def live_plan(session: Session, uid: str) -> Plan:
    """The plan ``uid`` unless deleted, else ``NotFoundError`` (also for ``card_printing``)."""
    return _live(session, Plan, uid)


def listing_order() -> tuple[Any, ...]:
    """Cards by unit, number, title (query joined to ``Unit``): listings and print batches.
    Cards without a number come first on every engine (PostgreSQL sorts NULLs last)."""
    number = col(HandlingCard.number).asc().nulls_first()
    return col(Unit.name), number, col(HandlingCard.title), col(HandlingCard.id)


def _children[C: (CardStep, CardContact)](
    session: Session, model: type[C], ids: Sequence[int | None]
) -> dict[int, list[C]]:
    """The steps or the contacts of the cards ``ids`` in their order, by card id."""
    rows: dict[int, list[C]] = {}
    query = select(model).where(col(model.card_id).in_(ids)).order_by(col(model.card_id), col(model.position))
    for row in session.exec(query):
        rows.setdefault(row.card_id, []).append(row)
    return rows


def to_card_data(session: Session, cards: Sequence[HandlingCard]) -> list[CardData]:
    """Full data of ``cards`` in five queries per 500 cards (printing loads thousands)."""
    result: list[CardData] = []
    for start in range(0, len(cards), 500):
        chunk = cards[start : start + 500]
        ids = [c.id for c in chunk]
        steps = _children(session, CardStep, ids)
        contacts = _children(session, CardContact, ids)
        units = {
            u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_({c.unit_id for c in chunk})))
        }
        plan_ids = {c.plan_id for c in chunk if c.plan_id is not None}
        plans = (
            {p.id: p for p in session.exec(select(Plan).where(col(Plan.id).in_(plan_ids)))}
            if plan_ids
            else {}
        )
        version_ids = {p.current_version_id for p in plans.values()} | {c.based_on_version_id for c in chunk}
        version_ids.discard(None)
        labels: dict[int | None, str] = {}
        if version_ids:
            for version_id, label in session.exec(
                select(PlanVersion.id, PlanVersion.label).where(col(PlanVersion.id).in_(version_ids))
            ):
                labels[version_id] = label
        for card in chunk:
            assert card.id is not None
            unit = units[card.unit_id]
            plan = plans.get(card.plan_id) if card.plan_id is not None else None
            result.append(
                CardData(
                    uid=card.uid,
                    title=card.title,
                    unit_uid=unit.uid,
                    unit_name=unit.name,
                    plan_uid=plan.uid if plan else None,
                    plan_title=plan.title if plan else None,
                    post=card.post or "",
                    place=card.place or "",
                    risks=card.risks or "",
                    precautions=card.precautions or "",
                    steps=tuple(CardStepData(s.action, s.responsible or "") for s in steps.get(card.id, ())),
                    contacts=tuple(
                        CardContactData(c.name, c.phone, c.external) for c in contacts.get(card.id, ())
                    ),
                    number=card.number,
                    version_label=card.version_label,
                    issued_date=card.issued_date,
                    based_on_version_label=labels.get(card.based_on_version_id),
                    plan_version_label=labels.get(plan.current_version_id) if plan else None,
                    stale=_stale(card, plan),
                    row_version=card.row_version,
                )
            )
    return result


def get_card(engine: Engine, uid: str) -> CardData:
    with session_scope(engine) as session:
        return to_card_data(session, [live_card(session, uid)])[0]


def load_cards(engine: Engine, uids: Sequence[str]) -> list[CardData]:
    """Cards in the order of ``uids``; an unknown or deleted uid is an error."""
    with session_scope(engine) as session:
        rows: dict[str, HandlingCard] = {}
        for start in range(0, len(uids), 500):
            chunk = list(uids[start : start + 500])
            for card in session.exec(
                select(HandlingCard).where(
                    col(HandlingCard.uid).in_(chunk), col(HandlingCard.deleted_at).is_(None)
                )
            ):
                rows[card.uid] = card
        missing = [uid for uid in uids if uid not in rows]
        if missing:
            raise NotFoundError(tr("找不到处置卡：{uid}", uid=join(missing[:5])))
        return to_card_data(session, [rows[uid] for uid in uids])


def is_stale(engine: Engine, uid: str) -> bool:
    """The card's plan has a version in force newer than the one the card follows."""
    with session_scope(engine) as session:
        card = live_card(session, uid)
        plan = session.get(Plan, card.plan_id) if card.plan_id else None
        return _stale(card, plan)


def list_cards(
    engine: Engine,
    *,
    plan_uid: str | None = None,
    unit_uid: str | None = None,
    post: str | None = None,
    stale: bool | None = None,
) -> list[CardSummary]:
    """Cards filtered by plan, unit, post (part of the name) and staleness; by unit, number, title."""
    with session_scope(engine) as session:
        query = (
            select(HandlingCard, Unit, Plan)
            .join(Unit, col(Unit.id) == col(HandlingCard.unit_id))
            .outerjoin(Plan, col(Plan.id) == col(HandlingCard.plan_id))
            .where(col(HandlingCard.deleted_at).is_(None))
        )
        if plan_uid is not None:
            query = query.where(HandlingCard.plan_id == live_plan(session, plan_uid).id)
        if unit_uid is not None:
            query = query.where(HandlingCard.unit_id == live_unit(session, unit_uid).id)
        if post:
            query = query.where(col(HandlingCard.post).contains(post.strip()))
        if stale is True:
            query = query.where(_stale_clause())
        elif stale is False:
            query = query.where(or_(col(Plan.id).is_(None), ~_stale_clause()))
        query = query.order_by(*listing_order())
        return [
            CardSummary(
                card.uid,
                card.title,
                card.number,
                card.post or "",
                card.place or "",
                unit.uid,
                unit.name,
                plan.uid if plan else None,
                plan.title if plan else None,
                card.version_label,
                card.issued_date,
                _stale(card, plan),
                card.row_version,
            )
            for card, unit, plan in session.exec(query)
        ]


# --- writing ---------------------------------------------------------------------------


def check_row_version(card: HandlingCard, expected_row_version: int | None) -> None:
    """``ConflictError`` when someone saved the card since the user opened it."""
    if expected_row_version is not None and card.row_version != expected_row_version:
        raise ConflictError(
            tr(
                "处置卡“{title}”已被其他人修改（您打开的是第 {expected} 版，"
                "现在是第 {current} 版）。您的修改没有保存，请重新打开后再改。",
                title=card.title,
                expected=expected_row_version,
                current=card.row_version,
            )
        )


def reindex(session: Session, card: HandlingCard, steps: Iterable[CardStepData]) -> None:
    """Update the card's search entry (every write does, in its own transaction)."""
    actions = "\n".join(step.action for step in steps)
    title, body = search.card_document(
        card.title, [card.post, card.place, card.risks, card.precautions, actions]
    )
    search.index_rows(session.connection(), [(card.uid, "card", title, body)])


def replace_steps(session: Session, card: HandlingCard, steps: Iterable[CardStepData]) -> None:
    """Put ``steps`` in place of the card's steps, in this order."""
    assert card.id is not None
    for old_step in session.exec(select(CardStep).where(CardStep.card_id == card.id)):
        session.delete(old_step)
    session.flush()
    for position, step in enumerate(steps, start=1):
        session.add(
            CardStep(
                card_id=card.id, position=position, action=step.action, responsible=step.responsible or None
            )
        )


def _replace_children(session: Session, card: HandlingCard, data: CardInput) -> None:
    assert card.id is not None
    replace_steps(session, card, data.steps)
    for old_contact in session.exec(select(CardContact).where(CardContact.card_id == card.id)):
        session.delete(old_contact)
    session.flush()
    for position, contact in enumerate(data.contacts, start=1):
        session.add(
            CardContact(
                card_id=card.id,
                position=position,
                name=contact.name,
                phone=contact.phone,
                external=contact.external,
            )
        )


def _based_on(session: Session, plan: Plan | None, version_uid: str | None) -> int | None:
    if plan is None:
        return None
    if version_uid is None:
        return plan.current_version_id
    version = session.exec(
        select(PlanVersion).where(PlanVersion.uid == version_uid, PlanVersion.plan_id == plan.id)
    ).first()
    if version is None:
        raise NotFoundError(tr("找不到预案“{title}”的版本：{uid}", title=plan.title, uid=version_uid))
    return version.id


def _apply(session: Session, card: HandlingCard, data: CardInput, unit: Unit, plan: Plan | None) -> None:
    card.title = data.title
    card.unit_id = unit.id  # type: ignore[assignment]
    card.plan_id = plan.id if plan else None
    card.post = data.post
    card.place = data.place or None
    card.risks = data.risks or None
    card.precautions = data.precautions or None
    card.number = data.number
    card.version_label = data.version_label
    card.issued_date = data.issued_date
    card.updated_at = utcnow()  # also bumps row_version when only steps or contacts changed


def create_card(engine: Engine, data: CardInput) -> CardData:
    data = validate(data)
    with session_scope(engine) as session:
        unit = live_unit(session, data.unit_uid)
        plan = live_plan(session, data.plan_uid) if data.plan_uid else None
        card = HandlingCard(title=data.title, unit_id=unit.id)  # type: ignore[arg-type]
        _apply(session, card, data, unit, plan)
        card.based_on_version_id = _based_on(session, plan, data.based_on_version_uid)
        session.add(card)
        session.flush()
        _replace_children(session, card, data)
        session.flush()
        reindex(session, card, data.steps)
        return to_card_data(session, [card])[0]


def update_card(engine: Engine, uid: str, data: CardInput, *, expected_row_version: int | None) -> CardData:
    """Replace the card's content (steps and contacts in the given order)."""
    data = validate(data)
    with session_scope(engine) as session:
        card = live_card(session, uid)
        check_row_version(card, expected_row_version)
        unit = live_unit(session, data.unit_uid)
        plan = live_plan(session, data.plan_uid) if data.plan_uid else None
        if (plan.id if plan else None) != card.plan_id or data.based_on_version_uid is not None:
            card.based_on_version_id = _based_on(session, plan, data.based_on_version_uid)
        _apply(session, card, data, unit, plan)
        session.add(card)
        _replace_children(session, card, data)
        session.flush()
        reindex(session, card, data.steps)
        return to_card_data(session, [card])[0]


def delete_card(engine: Engine, uid: str, *, expected_row_version: int | None = None) -> None:
    """Soft delete (the row stays, with ``deleted_at``); it leaves listings and search."""
    with session_scope(engine) as session:
        card = live_card(session, uid)
        check_row_version(card, expected_row_version)
        card.deleted_at = utcnow()
        session.add(card)
        session.flush()
        search.remove(session.connection(), card.uid)


def reorder_steps(
    engine: Engine, uid: str, order: Sequence[int], *, expected_row_version: int | None
) -> CardData:
    """Put the steps in a new order: ``order[i]`` is the current index (0-based) of the
    step that becomes step i + 1."""
    with session_scope(engine) as session:
        card = live_card(session, uid)
        check_row_version(card, expected_row_version)
        steps = list(
            session.exec(select(CardStep).where(CardStep.card_id == card.id).order_by(col(CardStep.position)))
        )
        if sorted(order) != list(range(len(steps))):
            raise ValidationError(
                tr(
                    "步骤顺序无效：应为 0 到 {last} 的一个排列，收到 {order}",
                    last=len(steps) - 1,
                    order=list(order),
                )
            )
        # Two passes so no two steps ever share a position mid-way.
        for step in steps:
            step.position = -step.position
            session.add(step)
        session.flush()
        for position, index in enumerate(order, start=1):
            steps[index].position = position
            session.add(steps[index])
        card.updated_at = utcnow()
        session.add(card)
        session.flush()
        ordered = [CardStepData(steps[i].action, steps[i].responsible or "") for i in order]
        reindex(session, card, ordered)
        return to_card_data(session, [card])[0]
