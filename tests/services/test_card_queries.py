"""What the card page asks besides the card CRUD: units and plans to choose from, the
content proposed to bring a stale card up to date, and updating many cards as a job."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.reports.cards import run_to_end
from planmgr.services import card_drafts, card_queries, cards
from planmgr.services.cards import CardContactData, CardInput, CardStepData
from planmgr.store.database import Database
from tests.factories import add_version, make_plan, make_unit, soft_delete

V1 = {
    "scope": "储罐区储存甲醇，泄漏可能引发火灾。",
    "procedure": [{"step": "报警", "action": "报告班长", "responsible": "发现人", "time_limit": "1分钟内"}],
    "precautions": ["佩戴呼吸器"],
}
V2 = {
    "risks": "甲醇、液氨泄漏，可能中毒",
    "procedure": [
        {"step": "报警", "action": "报告班长和调度", "responsible": "发现人", "time_limit": ""},
        {"step": "关阀", "action": "关闭ZV-101", "responsible": "操作工", "time_limit": ""},
    ],
    "precautions": ["佩戴正压式空气呼吸器", "严禁铁质工具"],
}


@pytest.fixture
def world(database: Database) -> dict[str, object]:
    company = make_unit(database, "某化工有限公司", duty_phone="0750-2288001")
    other = make_unit(database, "另一家公司")
    gone = make_unit(database, "已注销公司")
    soft_delete(database, type(gone), gone)
    onsite = make_plan(database, company, "储罐区泄漏现场处置方案", "ent_onsite", content=V1)
    add_version(database, onsite, label="1.0", published=date(2025, 1, 1), content=V1)
    comp = make_plan(database, company, "A 综合应急预案", "ent_comprehensive")
    make_plan(database, company, "旧预案", "ent_special", status="abolished")
    return {"company": company, "other": other, "onsite": onsite, "comp": comp}


def new_card(
    database: Database, world: dict[str, object], title: str = "储罐区泄漏应急处置卡"
) -> cards.CardData:
    return cards.create_card(
        database.engine,
        CardInput(
            title=title,
            unit_uid=world["company"].uid,  # type: ignore[attr-defined]
            plan_uid=world["onsite"].uid,  # type: ignore[attr-defined]
            post="储罐区操作工",
            risks="旧风险",
            steps=(CardStepData("我自己写的步骤", "操作工"),),
            precautions="旧注意事项",
            contacts=(CardContactData("调度室", "0750-2288002"),),
            number="CZK-1",
            version_label="1.0",
        ),
    )


def test_unit_choices_are_the_live_units_by_name(database: Database, world: dict[str, object]) -> None:
    names = [choice.name for choice in card_queries.unit_choices(database.engine)]
    assert names == sorted(["某化工有限公司", "另一家公司"])


def test_plan_choices_put_onsite_plans_first_and_leave_out_abolished(
    database: Database, world: dict[str, object]
) -> None:
    choices = card_queries.plan_choices(database.engine, world["company"].uid)  # type: ignore[attr-defined]
    assert [(c.title, c.category_label, c.in_force) for c in choices] == [
        ("储罐区泄漏现场处置方案", "现场处置方案", True),
        ("A 综合应急预案", "综合应急预案", False),
    ]
    assert card_queries.plan_choices(database.engine, world["other"].uid) == []  # type: ignore[attr-defined]
    with pytest.raises(NotFoundError):
        card_queries.plan_choices(database.engine, "no-such-unit")


def test_update_proposal_redraws_from_the_new_version_and_keeps_the_post(
    database: Database, world: dict[str, object]
) -> None:
    card = new_card(database, world)
    add_version(database, world["onsite"], label="2.0", published=date(2025, 6, 1), content=V2)
    saved, proposal = card_queries.update_proposal(database.engine, card.uid, today=date(2025, 6, 2))
    assert saved.stale and saved.uid == card.uid
    assert proposal.risks == "甲醇、液氨泄漏，可能中毒"
    assert [s.action for s in proposal.steps] == ["报警：报告班长和调度", "关阀：关闭ZV-101"]
    assert proposal.precautions == "佩戴正压式空气呼吸器\n严禁铁质工具"
    assert (proposal.version_label, proposal.issued_date) == ("2.0", date(2025, 6, 2))
    # What the user set for the post stays.
    assert (proposal.title, proposal.post, proposal.number) == (
        "储罐区泄漏应急处置卡",
        "储罐区操作工",
        "CZK-1",
    )
    assert proposal.contacts == (CardContactData("调度室", "0750-2288002"),)
    # Saving the proposal makes the card current.
    updated = cards.update_card(database.engine, card.uid, proposal, expected_row_version=saved.row_version)
    assert not updated.stale and updated.based_on_version_label == "2.0"


def test_update_proposal_refuses_a_card_without_plan(database: Database, world: dict[str, object]) -> None:
    card = new_card(database, world)
    plain = cards.update_card(
        database.engine,
        card.uid,
        replace(card.to_input(), plan_uid=None),
        expected_row_version=card.row_version,
    )
    with pytest.raises(ValidationError, match="没有关联预案"):
        card_queries.update_proposal(database.engine, plain.uid)


def test_bring_up_to_date_job_updates_stale_cards_and_reports_progress(
    database: Database, world: dict[str, object]
) -> None:
    first, second = new_card(database, world, "一号卡"), new_card(database, world, "二号卡")
    add_version(database, world["onsite"], label="2.0", published=date(2025, 6, 1), content=V2)
    current = card_drafts.bring_up_to_date(database.engine, second.uid)  # second is current again
    job = card_queries.bring_up_to_date_job(database.engine, [first.uid, second.uid], today=date(2025, 6, 3))
    progress = []
    while True:
        try:
            progress.append(next(job))
        except StopIteration as stop:
            updated = stop.value
            break
    assert progress == [(0, 2, ""), (1, 2, "一号卡"), (2, 2, "二号卡")]
    assert [card.uid for card in updated] == [first.uid]
    again = cards.get_card(database.engine, first.uid)
    assert not again.stale and again.version_label == "2.0" and again.issued_date == date(2025, 6, 3)
    assert [s.action for s in again.steps] == ["报警：报告班长和调度", "关阀：关闭ZV-101"]
    assert cards.get_card(database.engine, second.uid).row_version == current.row_version  # untouched


def test_bring_up_to_date_job_stops_when_cancelled(database: Database, world: dict[str, object]) -> None:
    first, second = new_card(database, world, "一号卡"), new_card(database, world, "二号卡")
    add_version(database, world["onsite"], label="2.0", published=date(2025, 6, 1), content=V2)
    calls = iter([False, True])
    updated = run_to_end(
        card_queries.bring_up_to_date_job(
            database.engine, [first.uid, second.uid], cancelled=lambda: next(calls)
        )
    )
    assert [card.uid for card in updated] == [first.uid]
    assert cards.is_stale(database.engine, second.uid)


def test_card_listing_matches_list_cards(database: Database, world: dict[str, object]) -> None:
    """Same rows, order and staleness as ``cards.list_cards``: a current card, a stale one,
    one without plan, one on a plan never published, and a deleted one (left out)."""
    current, stale = new_card(database, world, "乙卡"), new_card(database, world, "甲卡")
    add_version(database, world["onsite"], label="2.0", published=date(2025, 6, 1), content=V2)
    card_drafts.bring_up_to_date(database.engine, current.uid)
    cards.create_card(
        database.engine,
        CardInput(title="无预案卡", unit_uid=world["other"].uid, number="A-1"),  # type: ignore[attr-defined]
    )
    cards.create_card(
        database.engine,
        CardInput(title="草稿预案卡", unit_uid=world["company"].uid, plan_uid=world["comp"].uid),  # type: ignore[attr-defined]
    )
    gone = new_card(database, world, "已删卡")
    cards.delete_card(database.engine, gone.uid)
    listing = card_queries.card_listing(database.engine)
    assert listing == cards.list_cards(database.engine)
    assert {c.title: c.stale for c in listing} == {
        "乙卡": False,
        "甲卡": True,
        "无预案卡": False,
        "草稿预案卡": False,
    }
    assert stale.uid in {c.uid for c in listing if c.stale}
