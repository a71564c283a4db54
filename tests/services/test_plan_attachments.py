"""Plan documents (type and size checked before reading, stored once, carried by the
published version) and the plan page's filtered list and search rows (services.plan_queries)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus
from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.services import blobs, cards, plan_queries, plans
from planmgr.services import plan_attachments as pa
from planmgr.services.plan_attachments import NewAttachment
from planmgr.services.plan_queries import PlanFilter
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Blob
from tests.factories import make_unit

PDF = b"%PDF-1.4 plan text"
PNG = b"\x89PNG\r\n\x1a\n image"


@pytest.fixture
def system(any_database: Database) -> dict[str, str]:
    engine = any_database.engine
    city = make_unit(any_database, "开平市人民政府", "city")
    town = make_unit(any_database, "赤坎镇人民政府", "town", parent=city)
    village = make_unit(any_database, "三家村", "village", parent=town)
    firm = make_unit(any_database, "开平市甲化工有限公司", "enterprise", parent=town)
    overall = plans.create_plan(
        engine,
        plans.PlanDraft(
            "开平市突发公共事件总体应急预案", PlanCategory.OVERALL, city.uid, event_types=["natural"]
        ),
    )
    quake = plans.create_plan(
        engine,
        plans.PlanDraft(
            "开平市地震应急预案",
            PlanCategory.SPECIAL,
            city.uid,
            parent_uid=overall.uid,
            event_types=["earthquake"],
            content={"scope": "本市行政区域内发生的地震灾害。"},
        ),
    )
    town_plan = plans.create_plan(
        engine,
        plans.PlanDraft("赤坎镇突发事件总体应急预案", PlanCategory.TOWN, town.uid, parent_uid=overall.uid),
    )
    village_plan = plans.create_plan(
        engine,
        plans.PlanDraft(
            "三家村突发事件应急预案", PlanCategory.VILLAGE, village.uid, parent_uid=town_plan.uid
        ),
    )
    firm_plan = plans.create_plan(
        engine,
        plans.PlanDraft(
            "甲化工综合应急预案",
            PlanCategory.ENT_COMPREHENSIVE,
            firm.uid,
            parent_uid=town_plan.uid,
            event_types=["forest_fire"],
        ),
    )
    return {
        "city": city.uid,
        "town": town.uid,
        "firm": firm.uid,
        "overall": overall.uid,
        "quake": quake.uid,
        "town_plan": town_plan.uid,
        "village_plan": village_plan.uid,
        "firm_plan": firm_plan.uid,
    }


# --------------------------------------------------------------------------- documents


def test_documents_are_added_listed_opened_and_removed(
    any_database: Database, system: dict[str, str]
) -> None:
    engine = any_database.engine
    text = pa.add_attachment(engine, system["town_plan"], PDF, "赤坎镇预案（2024）.pdf")
    photo = pa.add_attachment(engine, system["town_plan"], PNG, "C:\\扫描\\批准页.png")
    listed = pa.list_attachments(engine, system["town_plan"])
    assert [(a.filename, a.kind_label, a.size) for a in listed] == [
        ("赤坎镇预案（2024）.pdf", "预案文本", len(PDF)),
        ("批准页.png", "图片", len(PNG)),  # folders dropped, kind from the type
    ]
    assert pa.attachment_data(engine, photo.uid) == ("批准页.png", PNG)
    pa.remove_attachment(engine, system["town_plan"], text.uid)
    assert [a.uid for a in pa.list_attachments(engine, system["town_plan"])] == [photo.uid]
    assert not blobs.exists(engine, text.sha256)  # nothing refers to it any more


def test_same_content_twice_is_stored_once(any_database: Database, system: dict[str, str]) -> None:
    engine = any_database.engine
    pa.add_attachment(engine, system["town_plan"], PDF, "a.pdf")
    pa.add_attachment(engine, system["quake"], PDF, "b.pdf")
    with session_scope(engine) as session:
        assert len(session.exec(select(Blob)).all()) == 1
    first = pa.list_attachments(engine, system["town_plan"])[0]
    pa.remove_attachment(engine, system["town_plan"], first.uid)
    assert blobs.exists(engine, first.sha256)  # the other plan still has it


def test_wrong_type_and_oversize_are_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="不是可以附加的文件类型.*docx"):
        pa.check_file("演练视频.mp4", 10)
    with pytest.raises(blobs.BlobTooLarge) as too_big:
        pa.check_file("预案扫描件.pdf", 25 * 1024 * 1024)
    assert too_big.value.message == (
        "附件“预案扫描件.pdf”太大（25.0 MB），每个文件最大 20.0 MB。请压缩图片或分成几个文件后再添加。"
    )
    with pytest.raises(ValidationError, match="空文件"):
        pa.check_file("空白.docx", 0)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(blobs.BlobTooLarge, match="2.0 KB"):
        pa.read_file(big, limit=1024)
    small = tmp_path / "批准页.JPG"
    small.write_bytes(PNG)
    assert pa.read_file(small) == NewAttachment("批准页.JPG", PNG, "image")
    with pytest.raises(NotFoundError, match="找不到文件"):
        pa.read_file(tmp_path / "gone.pdf")


def test_changes_are_all_or_nothing(any_database: Database, system: dict[str, str]) -> None:
    engine = any_database.engine
    kept = pa.add_attachment(engine, system["town_plan"], PDF, "正文.pdf")
    with pytest.raises(ValidationError, match="视频.mp4"):
        pa.apply_changes(
            engine,
            system["town_plan"],
            [NewAttachment("说明.docx", b"doc", "drafting_note"), NewAttachment("视频.mp4", b"v")],
            [kept.uid],
        )
    assert [a.uid for a in pa.list_attachments(engine, system["town_plan"])] == [kept.uid]
    with pytest.raises(ValidationError, match="未知的附件类别"):
        pa.apply_changes(engine, system["town_plan"], [NewAttachment("a.pdf", b"a", "poster")])
    with pytest.raises(NotFoundError):  # another plan's document cannot be removed from this one
        pa.apply_changes(engine, system["quake"], removed_uids=[kept.uid])


def test_published_version_carries_the_documents(any_database: Database, system: dict[str, str]) -> None:
    engine = any_database.engine
    pa.add_attachment(engine, system["town_plan"], PDF, "正文.pdf")
    plans.send_for_review(engine, system["town_plan"])
    version = plans.publish(engine, system["town_plan"], plans.PublishInfo("1.0", date(2024, 5, 1)))
    (carried,) = pa.version_attachments(engine, version.uid)
    assert (carried.filename, carried.size) == ("正文.pdf", len(PDF))
    # editing the working documents later leaves the published ones alone
    (working,) = pa.list_attachments(engine, system["town_plan"])
    pa.remove_attachment(engine, system["town_plan"], working.uid)
    assert pa.attachment_data(engine, carried.uid) == ("正文.pdf", PDF)


# --------------------------------------------------------------------------- plan rows (plan_queries)


def titles(rows: list[plan_queries.PlanRow]) -> list[str]:
    return [r.title for r in rows]


def test_filters_narrow_the_plan_list(any_database: Database, system: dict[str, str]) -> None:
    engine = any_database.engine
    rows, total = plan_queries.find_plans(engine, PlanFilter(unit_uid=system["town"]))
    assert total == 3  # the town's own plan and those of the units under it
    assert titles(rows) == ["赤坎镇突发事件总体应急预案", "三家村突发事件应急预案", "甲化工综合应急预案"]
    town_row = rows[0]
    assert (town_row.category_label, town_row.status_label, town_row.owner_unit_name) == (
        "乡镇（街道）应急预案",
        "编制中",
        "赤坎镇人民政府",
    )
    assert town_row.parent_title == "开平市突发公共事件总体应急预案"
    rows, _ = plan_queries.find_plans(engine, PlanFilter(category=PlanCategory.SPECIAL))
    assert titles(rows) == ["开平市地震应急预案"]
    rows, _ = plan_queries.find_plans(engine, PlanFilter(event_type=EventType.EARTHQUAKE))
    assert titles(rows) == ["开平市地震应急预案"]
    rows, _ = plan_queries.find_plans(engine, PlanFilter(event_type=EventType.FIRE))
    assert rows == []  # forest_fire is not fire
    plans.send_for_review(engine, system["quake"])
    rows, _ = plan_queries.find_plans(engine, PlanFilter(status=PlanStatus.IN_REVIEW, unit_uid=system["city"]))
    assert titles(rows) == ["开平市地震应急预案"]
    rows, total = plan_queries.find_plans(engine, PlanFilter(), limit=2)
    assert (len(rows), total) == (2, 5)


def test_search_finds_one_and_two_character_terms_and_cards_show_their_plan(
    any_database: Database, system: dict[str, str]
) -> None:
    engine = any_database.engine
    (quake,) = plan_queries.search_plans(engine, "地震")
    assert quake.row.title == "开平市地震应急预案" and quake.card_title is None
    card = cards.create_card(
        engine,
        cards.CardInput(
            unit_uid=system["firm"],
            title="储罐区应急处置卡",
            post="储罐区操作工",
            risks="储罐泄漏引发火灾",
            plan_uid=system["firm_plan"],
            steps=(cards.CardStepData("发现泄漏立即报告", "操作工"),),
        ),
    )
    (fire,) = plan_queries.search_plans(engine, "火")
    assert fire.row.uid == system["firm_plan"]
    assert fire.card_title == card.title
    assert plan_queries.search_plans(engine, "火", PlanFilter(category=PlanCategory.TOWN)) == []
    assert plan_queries.search_plans(engine, "  ") == []


def test_unit_entries_list_every_live_unit_city_first(any_database: Database, system: dict[str, str]) -> None:
    entries = plan_queries.unit_entries(any_database.engine)
    assert [(e.name, e.kind.label, e.parent_name) for e in entries] == [
        ("开平市人民政府", "县级以上政府", None),
        ("赤坎镇人民政府", "乡镇（街道）", "开平市人民政府"),
        ("三家村", "村（社区）", "赤坎镇人民政府"),
        ("开平市甲化工有限公司", "企业", "赤坎镇人民政府"),
    ]
