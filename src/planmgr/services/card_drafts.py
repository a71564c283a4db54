"""Handling cards drawn from their plan: drafting a card from a plan's content, the
contacts every card lists, and bringing a stale card back in line with its plan.

A 现场处置方案 is written in the sections of GB/T 29639-2020 §8 (事故风险描述, 应急工作职责,
应急处置, 注意事项); a card drawn from it carries those as risks, responsible posts, steps
and precautions, and records the plan version it follows. When the plan publishes a newer
version the card is stale (ENT Art.19 wants cards that match the plan in force) until
``bring_up_to_date`` marks it current again, redrawing its content if asked. The card CRUD
is in ``cards``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.services.cards import (
    MAX_LABEL,
    MAX_NAME,
    MAX_RESPONSIBLE,
    MAX_TITLE,
    CardContactData,
    CardData,
    CardInput,
    CardStepData,
    check_row_version,
    live_card,
    live_plan,
    live_unit,
    one_line,
    reindex,
    replace_steps,
    to_card_data,
)
from planmgr.store.base import utcnow
from planmgr.store.database import session_scope
from planmgr.store.models import Plan, PlanVersion, Unit

# External numbers every card lists (DOMAIN.md §6: 119/120/110/122 and the upper authority).
EMERGENCY_NUMBERS = (  # zh-only: contact names saved on the card and printed on it
    ("火警", "119"),
    ("急救", "120"),
    ("报警", "110"),
    ("交通事故", "122"),
)


def default_contacts(engine: Engine, unit_uid: str) -> list[CardContactData]:
    """119, 120, 110, 122, the unit's duty phone and the upper authority's (DOMAIN.md §6)."""
    with session_scope(engine) as session:
        return _default_contacts(session, live_unit(session, unit_uid))


def _default_contacts(session: Session, unit: Unit) -> list[CardContactData]:
    contacts = [CardContactData(name, phone, True) for name, phone in EMERGENCY_NUMBERS]
    own = unit.duty_phone or unit.phone
    if own:
        contacts.append(CardContactData(f"{unit.name}值班电话", own, False))  # zh-only: printed on the card
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    if parent is not None and (parent.duty_phone or parent.phone):
        name = f"{parent.name}（上级）"  # zh-only: printed on the card
        contacts.append(CardContactData(name, parent.duty_phone or parent.phone or "", True))
    return contacts


_TITLE_SUFFIXES = ("现场处置方案", "处置方案", "应急预案", "预案")  # zh-only: matched in plan titles (data)


def _card_title(plan_title: str) -> str:
    base = plan_title.strip()
    for suffix in _TITLE_SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
            break
    return f"{base}应急处置卡"  # zh-only: the card's title, printed on it


def _rows(content: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = content.get(key) or []
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _strings(content: dict[str, Any], key: str) -> list[str]:
    value = content.get(key) or []
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return [str(item).strip() for item in value if str(item).strip()] if isinstance(value, list) else []


def _field(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


_STEP_NUMBER = re.compile(r"^\s*第?\s*\d+\s*步?\s*$")


def steps_from_content(content: dict[str, Any]) -> tuple[CardStepData, ...]:
    """应急处置 of GB/T 29639-2020 §8.3: the procedure steps, then the measures.

    Responsible posts come from 应急工作职责 (§8.2): a step's 负责 that names a work group
    gets the group's lead added, so the card says who acts.
    """
    leads = {_field(g, "name"): _field(g, "lead") for g in _rows(content, "work_groups") if _field(g, "name")}
    steps = []
    for row in _rows(content, "procedure"):
        name, action, limit = _field(row, "step"), _field(row, "action"), _field(row, "time_limit")
        text = action or name
        if name and action and not _STEP_NUMBER.match(name):  # "1" / "第1步" is numbering, not a name
            text = f"{name}：{action}"  # zh-only: card content (printed)
        if limit:
            text += f"（时限：{limit}）"  # zh-only: card content (printed)
        responsible = _field(row, "responsible")
        if leads.get(responsible):
            responsible = f"{responsible}（{leads[responsible]}）"  # zh-only: card content (printed)
        if text:
            steps.append(CardStepData(text, responsible[:MAX_RESPONSIBLE]))
    # Measures often restate a procedure step; a card lists each action once.
    for measure in _strings(content, "measures"):
        if not any(measure in step.action or step.action in measure for step in steps):
            steps.append(CardStepData(measure))
    return tuple(steps)


def content_in_force(session: Session, plan: Plan) -> tuple[dict[str, Any], PlanVersion | None]:
    """The plan's version in force and a copy of its content; without one, the draft's."""
    version = session.get(PlanVersion, plan.current_version_id) if plan.current_version_id else None
    return dict((version.content if version else plan.content) or {}), version


def draft_from_plan(engine: Engine, plan_uid: str, *, post: str = "", place: str = "") -> CardInput:
    """An unsaved card filled from a plan's structured content (the version in force, else
    the draft), following GB/T 29639-2020 §8 for a 现场处置方案:
    事故风险描述 → risks, 应急工作职责 → responsible posts, 应急处置 → steps,
    注意事项 → precautions; contacts from the plan, then the default ones."""
    with session_scope(engine) as session:
        plan = live_plan(session, plan_uid)
        owner = session.get(Unit, plan.owner_unit_id)
        assert owner is not None
        content, version = content_in_force(session, plan)
        risks = _field(content, "risks") or _field(content, "risk_description") or _field(content, "scope")
        contacts: list[CardContactData] = []
        for row in _rows(content, "contacts"):
            name, role, phone = _field(row, "name"), _field(row, "role"), _field(row, "phone")
            if name and phone:
                label = f"{name}（{role}）" if role and len(name) + len(role) <= 20 else name
                contacts.append(
                    CardContactData(label[:MAX_NAME], phone, phone in {n for _, n in EMERGENCY_NUMBERS})
                )
        phones = {c.phone for c in contacts}
        contacts += [c for c in _default_contacts(session, owner) if c.phone not in phones]
        return CardInput(
            title=_card_title(plan.title)[:MAX_TITLE],
            unit_uid=owner.uid,
            plan_uid=plan.uid,
            post=post,
            place=place,
            risks=risks,
            precautions="\n".join(_strings(content, "precautions")),
            steps=steps_from_content(content),
            contacts=tuple(contacts),
            version_label=version.label if version else "1.0",
            issued_date=date.today(),
            based_on_version_uid=version.uid if version else None,
        )


def bring_up_to_date(
    engine: Engine,
    uid: str,
    *,
    expected_row_version: int | None = None,
    redraft: bool = False,
    version_label: str | None = None,
    issued_date: date | None = None,
) -> CardData:
    """Mark the card as following its plan's version in force.

    ``redraft`` also replaces risks, steps and precautions with those drawn from that
    version (title, post, place, number and contacts stay as the user set them).
    """
    with session_scope(engine) as session:
        card = live_card(session, uid)
        check_row_version(card, expected_row_version)
        plan = session.get(Plan, card.plan_id) if card.plan_id else None
        if plan is None or plan.deleted_at is not None:
            raise ValidationError(tr("处置卡“{title}”没有关联预案，无需更新", title=card.title))
        if redraft:
            content, _ = content_in_force(session, plan)
            card.risks = (_field(content, "risks") or _field(content, "scope")) or None
            card.precautions = "\n".join(_strings(content, "precautions")) or None
            replace_steps(session, card, steps_from_content(content))
        if version_label is not None:
            label = one_line(version_label)
            if not label or len(label) > MAX_LABEL:
                raise ValidationError(tr("版本号不能为空，最多 {limit} 字", limit=MAX_LABEL))
            card.version_label = label
        if issued_date is not None:
            card.issued_date = issued_date
        card.based_on_version_id = plan.current_version_id
        card.updated_at = utcnow()
        session.add(card)
        session.flush()
        data = to_card_data(session, [card])[0]
        reindex(session, card, data.steps)
        return data
