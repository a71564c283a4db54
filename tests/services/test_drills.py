"""Annual drill plan, month calendar, state changes, drill record, log, attachments, locking."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planmgr.domain.enums import DrillForm, DrillScope, DrillStatus
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.rules import DueKind
from planmgr.services import blobs, drill_lists, drill_records, drills
from planmgr.services.compliance import due_report
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Attachment, Blob, Drill, Plan, Unit
from tests.factories import make_plan, make_unit, soft_delete

TODAY = date(2025, 12, 1)


@pytest.fixture
def ent(any_database: Database) -> dict[str, str]:
    unit = make_unit(any_database, "开平市甲化工有限公司", high_risk=True, must_file=True)
    other = make_unit(any_database, "开平市乙纺织有限公司")
    comp = make_plan(any_database, unit, "甲公司综合应急预案", "ent_comprehensive", published=date(2024, 1, 5))
    onsite = make_plan(any_database, unit, "液氨泄漏现场处置方案", "ent_onsite", published=date(2024, 1, 5))
    other_plan = make_plan(any_database, other, "乙公司综合应急预案", published=date(2024, 2, 1))
    return {"unit": unit.uid, "other": other.uid, "comp": comp.uid, "onsite": onsite.uid,
            "other_plan": other_plan.uid}  # fmt: skip


def plan(database: Database, ent: dict[str, str], day: date, *plans: str, **kw: object) -> drill_lists.DrillSummary:
    draft = drills.DrillDraft(
        kw.pop("title", "液氨泄漏应急演练"), kw.pop("unit", ent["unit"]), day, list(plans) or [ent["comp"]], **kw  # type: ignore[arg-type]
    )
    return drills.plan_drill(database.engine, draft)


def test_annual_plan_lists_the_years_drills_and_the_plans_still_uncovered(
    any_database: Database, ent: dict[str, str]
) -> None:
    engine = any_database.engine
    field = plan(any_database, ent, date(2025, 6, 10), ent["comp"], ent["onsite"], title="综合实战演练",
                 form=DrillForm.FIELD, scope=DrillScope.COMPREHENSIVE, tags=[" 双盲 ", "联合", "双盲", ""])  # fmt: skip
    assert field.status is DrillStatus.PLANNED
    assert field.tags == ("双盲", "联合")
    assert [p.title for p in field.plans] == ["甲公司综合应急预案", "液氨泄漏现场处置方案"]
    assert field.report_required  # high-risk unit (ENT Art.33)
    plan(any_database, ent, date(2024, 11, 3), title="去年的演练")
    plan(any_database, ent, date(2025, 3, 1), ent["other_plan"], unit=ent["other"], title="乙公司演练")

    year = drill_lists.annual_plan(engine, ent["unit"], 2025)
    assert year.unit_name == "开平市甲化工有限公司"
    assert [d.title for d in year.drills] == ["综合实战演练"]
    assert year.plans_without_drill == []
    assert year.count(DrillStatus.PLANNED) == 1

    # A cancelled drill no longer covers its plans.
    drills.cancel(engine, field.uid, reason="台风预警，推迟")
    year = drill_lists.annual_plan(engine, ent["unit"], 2025)
    assert {p.title for p in year.plans_without_drill} == {"甲公司综合应急预案", "液氨泄漏现场处置方案"}
    assert year.count(DrillStatus.CANCELLED) == 1

    assert [d.title for d in drill_lists.list_drills(engine, year=2025)] == ["乙公司演练", "综合实战演练"]
    assert [d.title for d in drill_lists.list_drills(engine, unit_uid=ent["unit"])] == ["去年的演练", "综合实战演练"]
    assert [d.title for d in drill_lists.list_drills(engine, plan_uid=ent["onsite"])] == ["综合实战演练"]
    with pytest.raises(NotFoundError, match="找不到单位"):
        drill_lists.list_drills(engine, unit_uid="no-such-unit")


def test_month_calendar_puts_multi_day_drills_on_each_day(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    one_day = plan(any_database, ent, date(2025, 6, 10), title="桌面推演")
    spanning = plan(any_database, ent, date(2025, 6, 29), title="跨月综合演练", end=date(2025, 7, 2))
    plan(any_database, ent, date(2025, 6, 10), ent["other_plan"], unit=ent["other"], title="乙公司演练")

    june = drill_lists.drills_in_month(engine, 2025, 6)
    assert sorted(june) == [10, 29, 30]
    assert [d.title for d in june[10]] == ["桌面推演", "乙公司演练"]
    assert [d.uid for d in june[30]] == [spanning.uid]
    july = drill_lists.drills_in_month(engine, 2025, 7, unit_uid=ent["unit"])
    assert sorted(july) == [1, 2]
    assert drill_lists.drills_in_month(engine, 2025, 5) == {}
    assert [d.uid for d in drill_lists.drills_in_month(engine, 2025, 6, unit_uid=ent["unit"])[10]] == [one_day.uid]
    with pytest.raises(ValidationError, match="月份"):
        drill_lists.drills_in_month(engine, 2025, 13)
    # Held two days late, the four-day drill keeps its length.
    done = drills.mark_done(engine, spanning.uid, held_on=date(2025, 7, 1), today=TODAY)
    assert (done.start, done.end) == (date(2025, 7, 1), date(2025, 7, 4))
    assert 29 not in drill_lists.drills_in_month(engine, 2025, 6)


def test_mark_done_sets_the_actual_date_the_due_list_counts(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 3, 1), ent["onsite"])
    done = drills.mark_done(engine, drill.uid, held_on=date(2025, 3, 5), expected_row_version=drill.row_version,
                            today=TODAY)  # fmt: skip
    assert done.status is DrillStatus.DONE
    assert done.start == date(2025, 3, 5)  # the drill date is `start`
    assert done.row_version == drill.row_version + 1
    # 现场处置方案: every 6 months from the latest done drill (ENT Art.33).
    items = [i for i in due_report(engine, date(2025, 4, 1), plan_uid=ent["onsite"]).items if i.kind is DueKind.DRILL]
    assert items and items[0].due_date == date(2025, 9, 5)


def test_state_changes_allowed_and_refused(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    a = plan(any_database, ent, date(2025, 5, 1))
    b = plan(any_database, ent, date(2025, 5, 2))

    with pytest.raises(ValidationError, match="不能晚于今天"):
        drills.mark_done(engine, a.uid, held_on=date(2025, 12, 2), today=TODAY)
    drills.mark_done(engine, a.uid, held_on=date(2025, 5, 1), end=date(2025, 5, 2), today=TODAY)
    with pytest.raises(ValidationError, match="已是“已完成”状态，不能再次标记为已完成"):
        drills.mark_done(engine, a.uid, held_on=date(2025, 5, 1), today=TODAY)
    with pytest.raises(ValidationError, match="已完成的演练不能取消"):
        drills.cancel(engine, a.uid, reason="误操作")

    with pytest.raises(ValidationError, match="请填写取消原因"):
        drills.cancel(engine, b.uid, reason="  ")
    cancelled = drills.cancel(engine, b.uid, reason="上级检查，改期")
    assert cancelled.status is DrillStatus.CANCELLED
    assert "取消原因：上级检查，改期" in (drills.get_drill(engine, b.uid).note or "")
    with pytest.raises(ValidationError, match="已取消的演练不能再标记完成"):
        drills.mark_done(engine, b.uid, held_on=date(2025, 5, 2), today=TODAY)
    with pytest.raises(ValidationError, match="已是“已取消”状态"):
        drills.cancel(engine, b.uid, reason="再取消一次")
    with pytest.raises(ValidationError, match="已取消，不能修改"):
        drills.update_drill(engine, b.uid, expected_row_version=None, title="改个名")
    assert drills.get_drill(engine, b.uid).summary.title == "液氨泄漏应急演练"
    # A done drill's date may be corrected, but not into the future.
    with pytest.raises(ValidationError, match="已完成演练的日期不能晚于今天"):
        drills.update_drill(engine, a.uid, expected_row_version=None, start=date(2025, 12, 5), end=None, today=TODAY)


def test_planning_is_validated(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    with pytest.raises(ValidationError, match="至少选择一个"):
        drills.plan_drill(engine, drills.DrillDraft("演练", ent["unit"], date(2025, 5, 1), []))
    with pytest.raises(ValidationError, match="结束日期（2025-04-30）不能早于开始日期"):
        plan(any_database, ent, date(2025, 5, 1), end=date(2025, 4, 30))
    with pytest.raises(ValidationError, match="演练名称不能为空"):
        plan(any_database, ent, date(2025, 5, 1), title="   ")
    with pytest.raises(NotFoundError, match="找不到预案"):
        plan(any_database, ent, date(2025, 5, 1), "no-such-plan")
    with session_scope(any_database.engine) as s:
        row = s.execute(select(Plan).where(Plan.uid == ent["onsite"])).scalar_one()
        row.status = "abolished"
    with pytest.raises(ValidationError, match="已不再有效"):
        plan(any_database, ent, date(2025, 5, 1), ent["onsite"])


def test_edit_plans_and_fields(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 5, 1))
    changed = drills.update_drill(
        engine, drill.uid, expected_row_version=drill.row_version, plan_uids=[ent["onsite"]],
        start=date(2025, 5, 20), location="液氨罐区", tags=["数字化"], form=DrillForm.FIELD,
    )  # fmt: skip
    assert [p.uid for p in changed.plans] == [ent["onsite"]]
    assert (changed.start, changed.location, changed.tags, changed.form) == (
        date(2025, 5, 20), "液氨罐区", ("数字化",), DrillForm.FIELD)  # fmt: skip
    assert changed.row_version > drill.row_version


def test_stale_edits_are_refused_and_say_so(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 5, 1))
    opened_by_a = opened_by_b = drill.row_version
    drill_records.update_record(engine, drill.uid, expected_row_version=opened_by_a, head_count=40, scenario="A 写的情景")
    with pytest.raises(ConflictError, match="已被其他人修改"):
        drill_records.update_record(engine, drill.uid, expected_row_version=opened_by_b, scenario="B 写的情景")
    with pytest.raises(ConflictError):
        drill_records.add_log_entry(engine, drill.uid, datetime(2025, 5, 1, 9, 0), "B 的记录", expected_row_version=opened_by_b)
    with pytest.raises(ConflictError):
        drills.mark_done(engine, drill.uid, held_on=date(2025, 5, 1), expected_row_version=opened_by_b, today=TODAY)
    detail = drills.get_drill(engine, drill.uid)
    assert detail.scenario == "A 写的情景" and detail.log == () and detail.summary.status is DrillStatus.PLANNED


def test_record_and_time_stamped_log(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 6, 12))
    detail = drill_records.update_record(
        engine, drill.uid, expected_row_version=drill.row_version,
        participant_units=["开平市消防救援大队", " 赤坎镇应急办 ", "开平市消防救援大队", ""], head_count=86,
        scenario="2# 储罐法兰泄漏",
    )  # fmt: skip
    assert detail.participant_units == ("开平市消防救援大队", "赤坎镇应急办")
    assert detail.summary.head_count == 86
    with pytest.raises(ValidationError, match="参演人数"):
        drill_records.update_record(engine, drill.uid, expected_row_version=None, head_count=0)

    drill_records.add_log_entry(engine, drill.uid, datetime(2025, 6, 12, 9, 10, 42), "指挥部成立，下达疏散命令")
    detail = drill_records.add_log_entry(engine, drill.uid, datetime(2025, 6, 12, 9, 0), "巡检员发现泄漏并报警")
    assert [(e.at.strftime("%H:%M"), e.text) for e in detail.log] == [
        ("09:00", "巡检员发现泄漏并报警"), ("09:10", "指挥部成立，下达疏散命令")]  # fmt: skip
    first = detail.log[0]
    detail = drill_records.edit_log_entry(engine, drill.uid, first.id, at=datetime(2025, 6, 12, 9, 30), text="消防到场")
    assert [e.text for e in detail.log] == ["指挥部成立，下达疏散命令", "消防到场"]
    detail = drill_records.remove_log_entry(engine, drill.uid, first.id)
    assert [e.text for e in detail.log] == ["指挥部成立，下达疏散命令"]
    with pytest.raises(NotFoundError, match="找不到该条演练记录"):
        drill_records.remove_log_entry(engine, drill.uid, first.id)
    with pytest.raises(ValidationError, match="记录内容不能为空"):
        drill_records.add_log_entry(engine, drill.uid, datetime(2025, 6, 12, 9, 0), "  ")


def test_attachments_are_stored_once_and_limited_in_size(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    a = plan(any_database, ent, date(2025, 6, 12))
    b = plan(any_database, ent, date(2025, 7, 1))
    photo = b"\xff\xd8\xff" + b"photo" * 1000
    first = drill_records.add_attachment(engine, a.uid, photo, "D:\\演练\\现场1.jpg", "photo")
    assert (first.filename, first.kind_label, first.size) == ("现场1.jpg", "现场照片", len(photo))
    drill_records.add_attachment(engine, a.uid, b"sign-in sheet", "签到表.pdf", "sign_in")
    second = drill_records.add_attachment(engine, b.uid, photo, "同一张照片.jpg")
    assert second.sha256 == first.sha256
    assert [x.filename for x in drill_records.list_attachments(engine, a.uid)] == ["现场1.jpg", "签到表.pdf"]
    assert drill_records.attachment_data(engine, first.uid) == ("现场1.jpg", photo)

    with pytest.raises(blobs.BlobTooLarge, match="太大"):
        drill_records.add_attachment(engine, a.uid, b"x" * (blobs.MAX_BLOB_BYTES + 1), "录像.mp4", "other")
    with pytest.raises(ValidationError, match="未知的附件类别"):
        drill_records.add_attachment(engine, a.uid, b"x", "x.txt", "selfie")

    def counts() -> tuple[int, int]:
        with session_scope(engine) as s:
            return (int(s.execute(select(func.count()).select_from(Attachment)).scalar_one()),
                    int(s.execute(select(func.count()).select_from(Blob)).scalar_one()))  # fmt: skip

    assert counts() == (3, 2)
    drill_records.remove_attachment(engine, first.uid)
    assert counts() == (2, 2)  # the photo is still attached to drill b
    drill_records.remove_attachment(engine, second.uid)
    assert counts() == (1, 1)


def test_reporting_to_the_authority(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 5, 1))
    with pytest.raises(ValidationError, match="完成后才能登记为已报送"):
        drills.set_reported_to_authority(engine, drill.uid)
    drills.mark_done(engine, drill.uid, held_on=date(2025, 5, 1), today=TODAY)
    assert [d.uid for d in drill_lists.unreported_drills(engine)] == [drill.uid]
    reported = drills.set_reported_to_authority(engine, drill.uid)
    assert reported.reported_to_authority
    assert drill_lists.unreported_drills(engine) == []
    # A unit that is not high-risk has nothing to report.
    other = plan(any_database, ent, date(2025, 5, 1), ent["other_plan"], unit=ent["other"])
    drills.mark_done(engine, other.uid, held_on=date(2025, 5, 1), today=TODAY)
    assert not other.report_required and drill_lists.unreported_drills(engine) == []


def test_soft_delete_hides_the_drill(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 5, 1))
    drills.delete_drill(engine, drill.uid, expected_row_version=drill.row_version)
    assert drill_lists.list_drills(engine) == []
    with pytest.raises(NotFoundError, match="找不到演练"):
        drills.get_drill(engine, drill.uid)
    with session_scope(engine) as s:  # the row stays, with its history
        assert s.execute(select(Drill.deleted_at).where(Drill.uid == drill.uid)).scalar_one() is not None
        assert s.execute(select(func.count()).select_from(Unit)).scalar_one() == 2


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    any_database: Database, ent: dict[str, str], tmp_path: Path
) -> None:
    engine = any_database.engine
    drill = plan(any_database, ent, date(2025, 6, 12))
    big = tmp_path / "现场录像.mp4"
    with big.open("wb") as handle:  # sparse: the size is there, the bytes are not written
        handle.truncate(blobs.MAX_BLOB_BYTES + 1)
    with pytest.raises(blobs.BlobTooLarge, match="附件“现场录像.mp4”太大（20.0 MB），每个文件最大 20.0 MB"):
        drill_records.add_attachment_file(engine, drill.uid, big, "photo")
    sheet = tmp_path / "签到表.pdf"
    sheet.write_bytes(b"%PDF-1.4 sign-in")
    added = drill_records.add_attachment_file(engine, drill.uid, sheet, "sign_in")
    assert (added.filename, added.kind_label, added.size) == ("签到表.pdf", "签到表", 16)
    with pytest.raises(ValidationError, match="无法读取附件“不存在.jpg”"):
        drill_records.add_attachment_file(engine, drill.uid, tmp_path / "不存在.jpg")


def test_units_plans_and_years_the_drill_page_offers(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    assert drill_lists.drill_years(engine) is None
    idle = make_unit(any_database, "丙公司（没有预案）")
    retired_owner = make_unit(any_database, "丁公司（预案已废止）")
    make_plan(any_database, retired_owner, "丁公司旧预案", status="abolished", published=date(2020, 1, 1))
    gone = make_plan(any_database, ent_unit_id(any_database, ent["unit"]), "已删除的预案", published=date(2024, 1, 1))
    soft_delete(any_database, Plan, gone)

    units = drill_lists.drill_units(engine)
    assert [u.name for u in units] == sorted(["开平市甲化工有限公司", "开平市乙纺织有限公司"])
    assert {u.name: u.high_risk for u in units}["开平市甲化工有限公司"] is True
    assert idle.uid not in {u.uid for u in units}
    offered = drill_lists.drillable_plans(engine, ent["unit"])
    assert [p.title for p in offered] == sorted(["甲公司综合应急预案", "液氨泄漏现场处置方案"])
    with pytest.raises(NotFoundError):
        drill_lists.drillable_plans(engine, "no-such-unit")

    plan(any_database, ent, date(2024, 11, 3))
    plan(any_database, ent, date(2026, 2, 1))
    assert drill_lists.drill_years(engine) == (2024, 2026)


def test_unreported_drills_of_one_unit(any_database: Database, ent: dict[str, str]) -> None:
    engine = any_database.engine
    ours = plan(any_database, ent, date(2025, 5, 1))
    drills.mark_done(engine, ours.uid, held_on=date(2025, 5, 1), today=TODAY)
    risky = make_unit(any_database, "开平市丙燃气有限公司", high_risk=True)
    gas = make_plan(any_database, risky, "丙公司综合应急预案", published=date(2024, 1, 1))
    theirs = plan(any_database, ent, date(2025, 6, 1), gas.uid, unit=risky.uid)
    drills.mark_done(engine, theirs.uid, held_on=date(2025, 6, 1), today=TODAY)
    assert [d.uid for d in drill_lists.unreported_drills(engine)] == [ours.uid, theirs.uid]
    assert [d.uid for d in drill_lists.unreported_drills(engine, unit_uid=risky.uid)] == [theirs.uid]
    drills.delete_drill(engine, theirs.uid)
    assert [d.uid for d in drill_lists.unreported_drills(engine)] == [ours.uid]


def ent_unit_id(database: Database, uid: str) -> int:
    with session_scope(database.engine) as s:
        unit = s.execute(select(Unit).where(Unit.uid == uid)).scalar_one()
        assert unit.id is not None
        return unit.id
