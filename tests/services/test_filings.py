"""Filing between an enterprise database and a town office database, with a USB stick in
between: package → import → register or return → answer file → the enterprise's status.
Every refused package leaves the office database byte-identical."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func
from sqlmodel import col, select

from planmgr.domain.enums import FilingStatus, PlanCategory, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.exchange.package_schema import REASONS, Declaration, PackageRejected
from planmgr.services import blobs, plans
from planmgr.services.filing_form_data import form_pdf
from planmgr.services.filing_import import import_package, import_package_steps
from planmgr.services.filing_reply import (
    apply_reply,
    export_reply,
    record_formal_check,
    register_filing,
    return_filing,
    suggested_missing,
)
from planmgr.services.filing_stats import diff_with_previous, get_filing, list_filings
from planmgr.services.filings import (
    MATERIAL_DECLARATION,
    MATERIAL_DOCUMENT,
    MATERIAL_REVIEW,
    MATERIAL_RISK,
    ExportResult,
    MaterialInput,
    export_filing_package,
    filing_candidates,
    materials_checklist,
)
from planmgr.services.settings import set_setting
from planmgr.store.database import open_database, session_scope
from planmgr.store.models import Filing, FilingMaterial, Plan, PlanVersion, Unit
from tests.exchange.test_package_fuzz import mutate
from tests.services.filing_builders import (
    CONTENT_V1,
    ENTERPRISE_NAME,
    TOWN_NAME,
    Site,
    enterprise_site,
    file_digest,
    json_entry,
    office_site,
    publish,
    rezip,
    valid_uscc,
)

PLAN_PDF = b"%PDF-1.4 plan text"
RISK_PDF = b"%PDF-1.4 risk assessment"
SUBMITTED = date(2025, 3, 10)


@contextmanager
def opened(path: Path) -> Iterator[Engine]:
    database = open_database(path)
    try:
        yield database.engine
    finally:
        database.dispose()


def export(site: Site, target: Path, **kwargs: Any) -> ExportResult:
    with opened(site.path) as engine:
        return export_filing_package(engine, target, authority_name=TOWN_NAME, today=SUBMITTED, **kwargs)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


MATERIALS = [
    MaterialInput(MATERIAL_DOCUMENT, "预案.pdf", PLAN_PDF),
    MaterialInput(MATERIAL_RISK, "风险评估.pdf", RISK_PDF),
]


# --------------------------------------------------------------------------- the round trips


def test_register_round_trip(tmp_path: Path) -> None:
    ent, (plan_uid,) = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    package = tmp_path / "usb" / "恒达化工.planpkg"
    result = export(ent, package, materials=MATERIALS)
    assert result.missing_items == (MATERIAL_REVIEW,)
    with opened(ent.path) as engine:
        sent = get_filing(engine, result.filing_uids[0])
    assert sent.status is FilingStatus.SUBMITTED and sent.fingerprint == result.fingerprint
    assert sent.submitted_date == SUBMITTED and sent.plan_uid == plan_uid

    with opened(office.path) as engine:
        imported = import_package(engine, package, today=date(2025, 3, 11))
        assert imported.unit_created and imported.town_name == TOWN_NAME
        assert imported.filing_uids == result.filing_uids
        with session_scope(engine) as session:
            unit = session.exec(select(Unit).where(Unit.uscc == valid_uscc())).one()
            town = session.get(Unit, unit.parent_id)
            plan = session.exec(select(Plan).where(Plan.uid == plan_uid)).one()
            parent = session.get(Plan, plan.parent_id)
            materials = session.exec(select(FilingMaterial)).all()
            assert (unit.name, unit.kind, town.name if town else None) == (
                ENTERPRISE_NAME,
                "enterprise",
                TOWN_NAME,
            )
            assert (
                parent is not None and parent.category == PlanCategory.TOWN.value
            )  # linked under the town's plan
            assert plan.owner_unit_id == unit.id and plan.status == "published" and plan.content == CONTENT_V1
        provided = {m.item: m.provided for m in materials}
        assert provided == {
            MATERIAL_DECLARATION: True,
            MATERIAL_REVIEW: False,
            MATERIAL_DOCUMENT: True,
            MATERIAL_RISK: True,
        }
        assert blobs.get(engine, blobs.sha256_of(PLAN_PDF)) == PLAN_PDF
        row = get_filing(engine, imported.filing_uids[0], as_of=date(2025, 3, 11))
        assert row.status is FilingStatus.SUBMITTED and row.fingerprint == result.fingerprint

        registered = register_filing(engine, row.uid, today=date(2025, 3, 12))
        assert [r.filing_number for r in registered] == ["440783-2025-0001"]
        text = pdf_text(form_pdf(engine, "registration", row.uid))
        for expected in (
            "应急预案备案登记表",
            "440783-2025-0001",
            ENTERPRISE_NAME,
            "生产安全事故综合应急预案",
            "经形式审查，符合要求，予以备案",
            TOWN_NAME,
            "第 1 页 共 1 页",
            "王芳",
        ):
            assert expected in text
        export_reply(engine, row.uid, tmp_path / "usb" / "答复.planreply")

    with opened(ent.path) as engine:
        answer = apply_reply(engine, tmp_path / "usb" / "答复.planreply")
        assert answer.changed and answer.status is FilingStatus.FILED
        row = get_filing(engine, sent.uid)
        assert (row.status, row.filing_number, row.registered_date) == (
            FilingStatus.FILED,
            "440783-2025-0001",
            date(2025, 3, 12),
        )
        again = apply_reply(engine, tmp_path / "usb" / "答复.planreply")
        assert not again.changed


def test_return_round_trip_and_resubmission(tmp_path: Path) -> None:
    ent, (plan_uid,) = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    first = export(ent, tmp_path / "first.planpkg", materials=MATERIALS[:1])
    with opened(office.path) as engine:
        uid = import_package(engine, tmp_path / "first.planpkg").filing_uids[0]
        record_formal_check(
            engine,
            uid,
            {"封面": True, "批准页": False, "目录": True},
            notes={"批准页": "缺少主要负责人签发"},
            checker="陈主任",
            today=date(2025, 3, 12),
        )
        assert suggested_missing(engine, uid) == [
            MATERIAL_REVIEW,
            MATERIAL_RISK,
            "批准页：缺少主要负责人签发",
        ]
        returned = return_filing(engine, uid, today=date(2025, 3, 13))
        assert returned[0].status is FilingStatus.RETURNED
        assert returned[0].return_notice == (MATERIAL_REVIEW, MATERIAL_RISK, "批准页：缺少主要负责人签发")
        notice = pdf_text(form_pdf(engine, "notice", uid))
        for expected in (
            "一次性告知书",
            ENTERPRISE_NAME,
            MATERIAL_REVIEW,
            MATERIAL_RISK,
            "缺少主要负责人签发",
            first.fingerprint,
            "第 1 页 共 1 页",
        ):
            assert expected in notice
        check = pdf_text(form_pdf(engine, "check", uid))
        assert "不符合" in check and "陈主任" in check and "未审查" in check  # 正文 etc. were not checked
        with pytest.raises(ValidationError, match="只有“已报送”的备案才能登记备案"):
            register_filing(engine, uid)
        export_reply(engine, uid, tmp_path / "answer.planreply")

    with opened(ent.path) as engine:
        answer = apply_reply(engine, tmp_path / "answer.planreply")
        assert answer.status is FilingStatus.RETURNED and answer.missing_items == returned[0].return_notice
        assert get_filing(engine, first.filing_uids[0]).status is FilingStatus.RETURNED
        assert [(c.plan_uid, c.returned) for c in filing_candidates(engine)] == [(plan_uid, True)]
    second = export(
        ent,
        tmp_path / "second.planpkg",
        materials=[*MATERIALS, MaterialInput(MATERIAL_REVIEW, "评审意见.pdf", b"%PDF review")],
    )
    assert second.previous_package_uid == first.package_uid and second.missing_items == ()
    data = json_entry((tmp_path / "second.planpkg").read_bytes(), "data.json")
    assert [p["uid"] for p in data["plans"]] == [plan_uid]  # the same plan travels again
    assert data["filings"][0]["previous_filing_uid"] == first.filing_uids[0]

    with opened(office.path) as engine:
        again = import_package(engine, tmp_path / "second.planpkg")
        assert not again.unit_created and again.previous_package_uid == first.package_uid
        with session_scope(engine) as session:
            assert session.exec(select(func.count()).select_from(Plan).where(Plan.uid == plan_uid)).one() == 1
            assert (
                session.exec(select(func.count()).select_from(PlanVersion)).one() == 1
            )  # the version is reused
            statuses = sorted(session.exec(select(Filing.status)).all())
        assert statuses == ["returned", "submitted"]
        assert register_filing(engine, again.filing_uids[0])[0].status is FilingStatus.FILED


def test_a_package_of_several_plans_is_answered_as_a_whole(tmp_path: Path) -> None:
    ent, uids = enterprise_site(tmp_path / "ent.sqlite", plans_=())
    with opened(ent.path) as engine:
        main = publish(engine, ent.unit_uid, "综合应急预案", PlanCategory.ENT_COMPREHENSIVE)
        onsite = publish(
            engine, ent.unit_uid, "储罐区泄漏现场处置方案", PlanCategory.ENT_ONSITE, parent_uid=main
        )
    office = office_site(tmp_path / "office.sqlite")
    result = export(ent, tmp_path / "a.planpkg")
    assert len(result.filing_uids) == 2
    with opened(office.path) as engine:
        imported = import_package(engine, tmp_path / "a.planpkg")
        with session_scope(engine) as session:
            onsite_row = session.exec(select(Plan).where(Plan.uid == onsite)).one()
            main_row = session.exec(select(Plan).where(Plan.uid == main)).one()
            assert onsite_row.parent_id == main_row.id  # its own parent travelled with it
        rows = register_filing(engine, imported.filing_uids[1], number="赤坎应急备〔2025〕7号")
        assert {r.plan_title for r in rows} == {"综合应急预案", "储罐区泄漏现场处置方案"}
        assert {r.filing_number for r in rows} == {"赤坎应急备〔2025〕7号"}
        text = pdf_text(form_pdf(engine, "registration", imported.filing_uids[0]))
        assert "综合应急预案" in text and "储罐区泄漏现场处置方案" in text
        export_reply(engine, imported.filing_uids[0], tmp_path / "a.planreply")
    with opened(ent.path) as engine:
        answer = apply_reply(engine, tmp_path / "a.planreply")
        assert len(answer.filing_uids) == 2
        assert {r.status for r in list_filings(engine)} == {FilingStatus.FILED}


def test_checklist_follows_the_art21_list_and_region_extras(tmp_path: Path) -> None:
    listed, _ = enterprise_site(tmp_path / "listed.sqlite", plans_=())
    from planmgr.domain.enums import Industry

    plain, _ = enterprise_site(
        tmp_path / "plain.sqlite", industry=Industry.OTHER, plans_=(), uscc=valid_uscc("MA4UHD002")
    )
    with opened(listed.path) as engine:
        assert materials_checklist(engine) == [
            MATERIAL_DECLARATION,
            MATERIAL_REVIEW,
            MATERIAL_DOCUMENT,
            MATERIAL_RISK,
        ]
    with opened(plain.path) as engine:
        set_setting(engine, "filing_materials_extra", ["应急预案自评表", "评审签到表"])
        assert materials_checklist(engine) == [
            MATERIAL_DECLARATION,
            MATERIAL_DOCUMENT,
            MATERIAL_RISK,
            "应急预案自评表",
            "评审签到表",
        ]


def test_nothing_to_file_and_no_double_submission(tmp_path: Path) -> None:
    ent, (plan_uid,) = enterprise_site(tmp_path / "ent.sqlite")
    with opened(ent.path) as engine:
        (candidate,) = filing_candidates(engine)
    assert (candidate.plan_uid, candidate.version_label, candidate.returned) == (plan_uid, "1.0", False)
    export(ent, tmp_path / "a.planpkg")
    with opened(ent.path) as engine:
        assert filing_candidates(engine) == []
    with pytest.raises(ValidationError, match="没有需要报送备案的预案"):
        export(ent, tmp_path / "b.planpkg")
    with pytest.raises(ValidationError, match="备案状态为“已报送”，无需重复报送"):
        export(ent, tmp_path / "b.planpkg", plan_uids=[plan_uid])
    assert not (tmp_path / "b.planpkg").exists()


# --------------------------------------------------------------------------- refusals change nothing


@pytest.fixture(scope="module")
def good_package(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("pkg")
    ent, _ = enterprise_site(folder / "ent.sqlite")
    with opened(ent.path) as engine:
        export_filing_package(engine, folder / "good.planpkg", materials=MATERIALS, today=SUBMITTED)
    return (folder / "good.planpkg").read_bytes()


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return office_site(tmp_path_factory.mktemp("office") / "office.sqlite").path


@pytest.fixture
def office_copy(office_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.sqlite"
    shutil.copyfile(office_template, target)
    return target


def _with_data(good: bytes, change: Callable[[dict[str, object]], None]) -> bytes:
    data = json_entry(good, "data.json")
    change(data)
    return rezip(
        good, replace={"data.json": json.dumps(data, ensure_ascii=False).encode()}, fix_manifest=True
    )


def _bad_uscc(good: bytes) -> bytes:
    bad = valid_uscc()[:-1] + ("0" if valid_uscc()[-1] != "0" else "1")
    manifest = json_entry(good, "manifest.json")
    manifest["sender"]["uscc"] = bad
    data = json_entry(good, "data.json")
    data["sender"]["uscc"] = bad
    return rezip(good, replace={"data.json": json.dumps(data).encode()}, manifest=manifest, fix_manifest=True)


def _bomb(good: bytes) -> bytes:
    import hashlib

    zeros = bytes(6 * 1024 * 1024)
    sha = hashlib.sha256(zeros).hexdigest()
    manifest = json_entry(good, "manifest.json")
    manifest["files"].append({"path": f"files/{sha}", "sha256": sha, "size": len(zeros)})
    return rezip(good, add=[(f"files/{sha}", zeros)], manifest=manifest)


def _symlink(good: bytes) -> bytes:
    import stat
    import zipfile

    info = zipfile.ZipInfo("files/" + "a" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return rezip(good, add=[(info, b"/etc/passwd")])


def _wrong_hash(good: bytes) -> bytes:
    name = f"files/{blobs.sha256_of(PLAN_PDF)}"
    return rezip(good, replace={name: bytes(reversed(PLAN_PDF))})


def _version(good: bytes) -> bytes:
    manifest = json_entry(good, "manifest.json")
    manifest["format_version"] = 7
    return rezip(good, manifest=manifest)


BAD_PACKAGES: dict[str, tuple[Callable[[bytes], bytes], str, str]] = {
    "truncated": (lambda g: g[: len(g) * 2 // 3], "truncated_zip", "文件不完整"),
    "random bytes": (lambda g: bytes(range(256)) * 8, "not_a_zip", "不是 ZIP"),
    "wrong hash": (_wrong_hash, "bad_hash", "校验值"),
    "missing manifest": (lambda g: rezip(g, drop=["manifest.json"]), "missing_manifest", "manifest.json"),
    "dot-dot path": (lambda g: rezip(g, add=[("../../evil.bat", b"x")]), "path_traversal", "“..”"),
    "absolute path": (lambda g: rezip(g, add=[("/tmp/evil", b"x")]), "path_traversal", "绝对路径"),
    "symlink": (_symlink, "symlink", "符号链接"),
    "zip bomb": (_bomb, "zip_bomb", "压缩炸弹"),
    "unknown version": (_version, "unknown_version", "版本为 7"),
    "malformed json": (
        lambda g: rezip(g, replace={"data.json": b"{'sender':"}, fix_manifest=True),
        "bad_json",
        "data.json",
    ),
    "bad schema": (lambda g: _with_data(g, lambda d: d.update(plans="none")), "bad_schema", "plans"),
    "invalid uscc": (_bad_uscc, "invalid_uscc", "统一社会信用代码"),
}


@pytest.mark.parametrize("case", list(BAD_PACKAGES))
def test_bad_package_is_refused_and_the_office_database_is_unchanged(
    case: str, good_package: bytes, office_copy: Path
) -> None:
    make, reason, fragment = BAD_PACKAGES[case]
    before = file_digest(office_copy)
    with opened(office_copy) as engine, pytest.raises(PackageRejected) as caught:
        import_package(engine, make(good_package))
    assert caught.value.reason == reason
    assert fragment in caught.value.message
    assert REASONS[reason] in caught.value.message
    assert file_digest(office_copy) == before


def test_same_package_twice(good_package: bytes, office_copy: Path) -> None:
    with opened(office_copy) as engine:
        import_package(engine, good_package)
    before = file_digest(office_copy)
    with opened(office_copy) as engine, pytest.raises(PackageRejected) as caught:
        import_package(engine, good_package)
    assert caught.value.reason == "already_imported"
    assert "已于" in caught.value.message and "不能重复导入" in caught.value.message
    assert file_digest(office_copy) == before


def test_a_published_version_cannot_come_back_changed(good_package: bytes, office_copy: Path) -> None:
    with opened(office_copy) as engine:
        import_package(engine, good_package)
    manifest = json_entry(good_package, "manifest.json")
    manifest["package_uid"] = "0f0e0d0c-0b0a-4908-8706-050403020100"
    data = json_entry(good_package, "data.json")
    data["versions"][0]["content"]["scope"] = "悄悄改过的适用范围"
    data["filings"][0]["uid"] = "0f0e0d0c-0b0a-4908-8706-050403020101"
    changed = rezip(
        good_package, replace={"data.json": json.dumps(data).encode()}, manifest=manifest, fix_manifest=True
    )
    before = file_digest(office_copy)
    with opened(office_copy) as engine, pytest.raises(PackageRejected) as caught:
        import_package(engine, changed)
    assert caught.value.reason == "conflict" and "发布后的版本不能修改" in caught.value.message
    assert file_digest(office_copy) == before


def test_enterprise_database_does_not_import_packages(good_package: bytes, tmp_path: Path) -> None:
    ent, _ = enterprise_site(tmp_path / "other.sqlite", uscc=valid_uscc("MA4UHD003"), plans_=())
    before = file_digest(ent.path)
    with opened(ent.path) as engine, pytest.raises(PackageRejected) as caught:
        import_package(engine, good_package)
    assert caught.value.reason == "not_office"
    assert file_digest(ent.path) == before


def test_town_must_be_known_or_chosen(good_package: bytes, tmp_path: Path) -> None:
    from planmgr.services.setup import init_database

    county = init_database(tmp_path / "county.sqlite", unit_name="开平市应急管理局", unit_kind=UnitKind.CITY)
    before = file_digest(tmp_path / "county.sqlite")
    with opened(tmp_path / "county.sqlite") as engine:
        with pytest.raises(PackageRejected) as caught:
            import_package(engine, good_package)
        assert caught.value.reason == "town_required" and TOWN_NAME in caught.value.message
    assert file_digest(tmp_path / "county.sqlite") == before
    with opened(tmp_path / "county.sqlite") as engine:
        with session_scope(engine) as session:
            town = Unit(
                name="赤坎镇",
                kind="town",
                parent_id=session.exec(select(Unit.id).where(Unit.uid == county.unit_uid)).one(),
            )
            session.add(town)
            session.flush()
            town_uid = town.uid
        result = import_package(engine, good_package, town_uid=town_uid)
        assert result.town_name == "赤坎镇"


# --------------------------------------------------------------------------- office rules


def test_filing_numbers_follow_the_pattern_and_are_unique(
    good_package: bytes, office_copy: Path, tmp_path: Path
) -> None:
    second, _ = enterprise_site(
        tmp_path / "b.sqlite", name="开平市顺安烟花有限公司", uscc=valid_uscc("MA4UHD004")
    )
    export(second, tmp_path / "b.planpkg")
    with opened(office_copy) as engine:
        a = import_package(engine, good_package).filing_uids[0]
        b = import_package(engine, tmp_path / "b.planpkg").filing_uids[0]
        set_setting(engine, "filing_number_pattern", "赤坎应急备〔{year}〕{seq}号")
        assert register_filing(engine, a, today=date(2025, 4, 1))[0].filing_number == "赤坎应急备〔2025〕1号"
        with pytest.raises(ValidationError, match="备案编号“赤坎应急备〔2025〕1号”已被使用"):
            register_filing(engine, b, number=" 赤坎应急备〔2025〕1号 ")
        assert get_filing(engine, b).status is FilingStatus.SUBMITTED
        set_setting(engine, "filing_number_pattern", "{regoin}-{seq}")
        with pytest.raises(ValidationError, match="备案编号格式“{regoin}-{seq}”无效"):
            register_filing(engine, b)
        set_setting(engine, "filing_number_pattern", "{region}-{year}-{seq:04d}")
        assert register_filing(engine, b, today=date(2025, 4, 2))[0].filing_number == "440783-2025-0002"


def test_unanswered_after_five_working_days_is_deemed_filed(good_package: bytes, office_copy: Path) -> None:
    data = json_entry(good_package, "data.json")
    data["submitted_date"] = "2025-09-29"  # Monday before the National Day holidays (1–8 Oct 2025)
    package = rezip(good_package, replace={"data.json": json.dumps(data).encode()}, fix_manifest=True)
    with opened(office_copy) as engine:
        uid = import_package(engine, package).filing_uids[0]
        on_deadline = get_filing(engine, uid, as_of=date(2025, 10, 13))
        # 30 Sep, 9 Oct, 10 Oct, Sat 11 Oct (make-up working day), 13 Oct (ENT Art.28)
        assert on_deadline.check_due == date(2025, 10, 13)
        assert on_deadline.effective_status is FilingStatus.SUBMITTED
        after = get_filing(engine, uid, as_of=date(2025, 10, 14))
        assert after.effective_status is FilingStatus.DEEMED_FILED and after.status is FilingStatus.SUBMITTED
        assert [
            r.uid for r in list_filings(engine, as_of=date(2025, 10, 14), status=FilingStatus.DEEMED_FILED)
        ] == [uid]


def test_diff_against_the_last_filing_of_the_plan(tmp_path: Path) -> None:
    ent, (plan_uid,) = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    first = export(ent, tmp_path / "v1.planpkg", materials=MATERIALS)
    with opened(office.path) as engine:
        import_package(engine, tmp_path / "v1.planpkg")
        register_filing(engine, first.filing_uids[0], today=date(2025, 3, 12))
    with opened(ent.path) as engine:
        plans.start_revision(engine, plan_uid)
        content = json.loads(json.dumps(CONTENT_V1))
        content["contacts"][0]["phone"] = "13911112222"
        content["response_levels"][1]["condition"] = "少量泄漏，可在 15分钟 内控制"
        plans.update_plan(engine, plan_uid, expected_row_version=None, content=content)
        plans.publish(engine, plan_uid, plans.PublishInfo("2.0", date(2025, 6, 1)))
        second = export_filing_package(
            engine, tmp_path / "v2.planpkg", authority_name=TOWN_NAME, today=date(2025, 6, 5)
        )
    with opened(office.path) as engine:
        uid = import_package(engine, tmp_path / "v2.planpkg").filing_uids[0]
        diff = diff_with_previous(engine, uid)
        assert diff.previous is not None and diff.previous.uid == first.filing_uids[0]
        changed = {s.label: s.flags for s in diff.changed}
        assert set(changed) == {"联系方式", "响应分级"}
        assert "电话" in changed["联系方式"] and {"响应级别", "时限"} <= changed["响应分级"]
        with session_scope(engine) as session:
            plan = session.exec(select(Plan).where(Plan.uid == plan_uid)).one()
            current = session.get(PlanVersion, plan.current_version_id)
            assert current is not None and current.label == "2.0"  # the filed revision is in force
        assert diff_with_previous(engine, first.filing_uids[0]).previous is None
    assert second.previous_package_uid is None


# --------------------------------------------------------------------------- fuzzing through the database


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_data_json_is_imported_or_refused_cleanly(
    good_package: bytes, office_template: Path, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    document = mutate(json_entry(good_package, "data.json"), data)
    package = rezip(good_package, replace={"data.json": json.dumps(document).encode()}, fix_manifest=True)
    target = tmp_path_factory.mktemp("fuzz") / "office.sqlite"
    shutil.copyfile(office_template, target)
    before = file_digest(target)
    try:
        with opened(target) as engine:
            result = import_package(engine, package)
            with session_scope(engine) as session:
                assert session.exec(
                    select(func.count()).select_from(Filing).where(col(Filing.uid).in_(result.filing_uids))
                ).one() == len(result.filing_uids)
    except PackageRejected as error:
        assert error.reason in REASONS
        assert file_digest(target) == before


def test_import_is_a_generator_with_progress(good_package: bytes, office_copy: Path) -> None:
    with opened(office_copy) as engine:
        steps = import_package_steps(engine, good_package)
        progress = []
        while True:
            try:
                progress.append(next(steps))
            except StopIteration as done:
                result = done.value
                break
    assert result.filing_uids and progress[-1].stage == "检查数据库"
    done_bytes = [p.done for p in progress if p.stage == "校验文件"]
    assert done_bytes == sorted(done_bytes) and done_bytes[-1] == progress[0].total > 0


def test_authority_and_declaration_are_remembered(tmp_path: Path) -> None:
    ent, _ = enterprise_site(tmp_path / "ent.sqlite", town=None)
    with opened(ent.path) as engine:
        with pytest.raises(ValidationError, match="请指定受理备案的部门"):
            export_filing_package(engine, tmp_path / "a.planpkg")
        statement = Declaration(
            fax="0750-2210000", email="safety@hengda.cn", total_assets="3200", employees=120
        )
        export_filing_package(
            engine, tmp_path / "a.planpkg", authority_name="赤坎镇应急办", declaration=statement
        )
        publish(engine, ent.unit_uid, "危险化学品泄漏专项应急预案", PlanCategory.ENT_COMPREHENSIVE)
        export_filing_package(engine, tmp_path / "b.planpkg")
    data = json_entry((tmp_path / "b.planpkg").read_bytes(), "data.json")
    assert data["authority"]["name"] == "赤坎镇应急办"
    assert data["declaration"]["fax"] == "0750-2210000" and data["declaration"]["employees"] == 120
    assert data["declaration"]["contact"] == "王芳"  # from the unit record
