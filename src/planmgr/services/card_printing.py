"""Printing handling cards and the concise manual: the use case behind ``planmgr print``
and the GUI's print actions (DESIGN.md §5, §7).

Collects the cards of a batch (one plan's, one unit's, all, or an explicit selection) in
listing order, with a batch title for the sheet footers; runs the PDF job as a Qt-free
generator yielding ``(done, total, text)`` with an optional ``cancelled()`` check
(closing it removes the partial file). The result lists stale cards — their plan has a
newer version than the one they follow (ENT Art.19) — for the caller to warn about.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import col, select

from planmgr.domain.enums import PlanCategory
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.reports.cards import CardOptions, CardsResult, Layout, Progress, run_to_end
from planmgr.reports.imposition import render_cards_job
from planmgr.reports.manual import ManualData, ManualResult, render_manual_job
from planmgr.services.card_drafts import content_in_force
from planmgr.services.cards import CardData, listing_order, live_plan, live_unit, load_cards, to_card_data
from planmgr.store.database import session_scope
from planmgr.store.models import HandlingCard, Unit


@dataclass(frozen=True)
class CardSelection:
    """Which cards to print: one plan's, one unit's, or all."""

    plan_uid: str | None = None
    unit_uid: str | None = None
    all_cards: bool = False
    uids: tuple[str, ...] = ()
    """Explicit cards (the GUI's selection); used when given."""


@dataclass(frozen=True)
class PrintRequest:
    out: Path
    selection: CardSelection
    layout: Layout = Layout.A4_4UP
    qr: bool = False
    print_date: date = field(default_factory=date.today)


def select_for_print(engine: Engine, selection: CardSelection) -> tuple[list[CardData], str]:
    """The cards to print and the batch title for the sheet footers (Chinese, as printed)."""
    if selection.uids:
        return load_cards(engine, selection.uids), "应急处置卡"  # zh-only: printed in the sheet footers
    with session_scope(engine) as session:
        query = (
            select(HandlingCard)
            .join(Unit, col(Unit.id) == col(HandlingCard.unit_id))
            .where(col(HandlingCard.deleted_at).is_(None))
        )
        if selection.plan_uid is not None:
            plan = live_plan(session, selection.plan_uid)
            query = query.where(HandlingCard.plan_id == plan.id)
            batch = f"《{plan.title}》应急处置卡"  # zh-only: printed in the sheet footers
        elif selection.unit_uid is not None:
            unit = live_unit(session, selection.unit_uid)
            query = query.where(HandlingCard.unit_id == unit.id)
            batch = f"{unit.name} 应急处置卡"  # zh-only: printed in the sheet footers
        elif selection.all_cards:
            batch = "全部应急处置卡"  # zh-only: printed in the sheet footers
        else:
            raise ValidationError(tr("请指定要打印的处置卡：按预案、按单位或全部"))
        cards = list(session.exec(query.order_by(*listing_order())))
        return to_card_data(session, cards), batch


def print_cards_job(
    engine: Engine, request: PrintRequest, cancelled: Callable[[], bool] | None = None
) -> Generator[Progress, None, CardsResult]:
    """Load the selected cards and write the PDF, yielding (done, total, title) per card.

    ``ValidationError`` when the selection holds no card. The PDF appears at ``out``
    only when complete (closing the generator removes the partial file).
    """
    cards, batch = select_for_print(engine, request.selection)
    if not cards:
        raise ValidationError(tr("没有可打印的处置卡"))
    options = CardOptions(
        layout=request.layout, qr=request.qr, batch_title=batch, print_date=request.print_date
    )
    return (yield from render_cards_job([c.printable() for c in cards], request.out, options, cancelled))


def print_cards(engine: Engine, request: PrintRequest) -> CardsResult:
    """``print_cards_job`` run to the end."""
    return run_to_end(print_cards_job(engine, request))


def manual_data(engine: Engine, plan_uid: str, *, layout_cards: bool = True) -> ManualData:
    """What the concise manual prints: the plan's version in force (else its draft) and its cards."""
    with session_scope(engine) as session:
        plan = live_plan(session, plan_uid)
        owner = session.get(Unit, plan.owner_unit_id)
        assert owner is not None
        content, version = content_in_force(session, plan)
        rows = list(
            session.exec(
                select(HandlingCard)
                .where(HandlingCard.plan_id == plan.id, col(HandlingCard.deleted_at).is_(None))
                .order_by(
                    col(HandlingCard.number).asc().nulls_first(),  # as SQLite does, on every engine
                    col(HandlingCard.title),
                    col(HandlingCard.id),
                )
            )
        )
        cards = to_card_data(session, rows) if layout_cards else []
        return ManualData(
            title=version.title or plan.title if version else plan.title,
            unit_name=owner.name,
            category_label=PlanCategory(plan.category).label,
            version_label=version.label if version else None,
            issued_date=(version.issued_date or version.published_date) if version else None,
            doc_number=version.doc_number if version else None,
            content=content,
            cards=tuple(c.printable() for c in cards),
            stale_cards=tuple(c.title for c in cards if c.stale),
        )


def print_manual_job(
    engine: Engine, plan_uid: str, out: Path, cancelled: Callable[[], bool] | None = None
) -> Generator[Progress, None, ManualResult]:
    """Load the plan and its cards and write the concise manual, yielding progress."""
    data = manual_data(engine, plan_uid)
    return (yield from render_manual_job(data, out, cancelled=cancelled))


def print_manual(engine: Engine, plan_uid: str, out: Path) -> ManualResult:
    """``print_manual_job`` run to the end."""
    return run_to_end(print_manual_job(engine, plan_uid, out))
