"""Handling cards: editing, order of steps, stale-edit refusal, drafting from a 现场处置方案,
staleness when the plan publishes a new version, search, and batch printing as a job."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest

from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.reports.cards import Layout, PrintCancelled, run_to_end
from planmgr.services import card_drafts, card_printing, cards
from planmgr.services.card_printing import CardSelection, PrintRequest
from planmgr.services.cards import CardContactData, CardInput, CardStepData
from planmgr.store import search
from planmgr.store.database import Database, session_scope
from planmgr.store.models import HandlingCard
from tests.factories import add_version, make_plan, make_unit, soft_delete

ONSITE = {
    "scope": "储罐区储存甲醇、液氨，阀门法兰泄漏可能引发火灾爆炸和中毒。",
    "work_groups": [
        {"name": "现场处置组", "lead": "当班班长", "members": "操作工", "duties": "关阀堵漏"},
        {"name": "警戒疏散组", "lead": "安全员", "members": "保安", "duties": "设警戒区、疏散人员"},
    ],
    "procedure": [
        {
            "step": "报警",
            "action": "发现泄漏立即报告当班班长",
            "responsible": "发现人",
            "time_limit": "1分钟内",
        },
        {"step": "关阀", "action": "关闭进料阀ZV-101", "responsible": "现场处置组", "time_limit": ""},
        {"step": "疏散", "action": "疏散下风向人员", "responsible": "警戒疏散组", "time_limit": "5分钟内"},
    ],
    "measures": ["用吸附棉围堵泄漏物"],
    "precautions": ["佩戴正压式空气呼吸器", "严禁使用铁质工具"],
    "contacts": [
        {"name": "公司应急办", "role": "值班", "phone": "0750-2212345"},
        {"name": "消防", "role": "", "phone": "119"},
    ],
}


@pytest.fixture
def database(any_database: Database) -> Database:
    """Every test here runs on SQLite and, where the test server is up, PostgreSQL."""
    return any_database


@pytest.fixture
def setup(database: Database) -> dict[str, object]:
    town = make_unit(database, "赤坎镇人民政府", "town", duty_phone="0750-2612345")
    company = make_unit(database, "开平市某化工有限公司", parent=town, duty_phone="0750-2288001")
    plan = make_plan(database, company, "储罐区泄漏现场处置方案", "ent_onsite", content=ONSITE)
    add_version(database, plan, label="1.0", published=date(2025, 3, 1), content=ONSITE)
    return {"town": town, "company": company, "plan": plan}


def card_input(setup: dict[str, object], **changes: object) -> CardInput:
    data = CardInput(
        title="储罐区泄漏应急处置卡",
        unit_uid=setup["company"].uid,  # type: ignore[attr-defined]
        plan_uid=setup["plan"].uid,  # type: ignore[attr-defined]
        post="储罐区操作岗",
        risks="甲醇泄漏",
        precautions="佩戴呼吸器\n不得单独行动",
        steps=(
            CardStepData("报告班长", "操作工"),
            CardStepData("关闭进料阀", "操作工"),
            CardStepData("疏散人员", "安全员"),
        ),
        contacts=(CardContactData("火警", "119", True), CardContactData("应急办", "0750-2212345")),
        number="KP-001",
        issued_date=date(2025, 3, 2),
    )
    return CardInput(**{**data.__dict__, **changes})


def test_create_and_read_back_keeps_steps_contacts_and_text(
    database: Database, setup: dict[str, object]
) -> None:
    card = cards.create_card(database.engine, card_input(setup, precautions="  第一行\r\n第二行  "))
    again = cards.get_card(database.engine, card.uid)
    assert again == card
    assert [s.action for s in again.steps] == ["报告班长", "关闭进料阀", "疏散人员"]
    assert again.contacts[0] == CardContactData("火警", "119", True)
    assert again.precautions == "第一行\n第二行"
    assert again.unit_name == "开平市某化工有限公司" and again.plan_title == "储罐区泄漏现场处置方案"
    assert again.stale is False and again.based_on_version_label == "1.0"


def test_every_problem_is_named_at_once(database: Database, setup: dict[str, object]) -> None:
    bad = card_input(
        setup,
        title="  ",
        steps=(CardStepData("", "操作工"), CardStepData("", "")),
        contacts=(CardContactData("值班室", "12-34"),),
    )
    with pytest.raises(ValidationError) as caught:
        cards.create_card(database.engine, bad)
    message = caught.value.message
    assert "处置卡名称不能为空" in message
    assert "第 1 步没有处置内容" in message
    assert "值班室" in message and "电话号码格式不正确" in message
    assert cards.list_cards(database.engine) == []


def test_an_edit_from_a_stale_copy_is_refused(database: Database, setup: dict[str, object]) -> None:
    card = cards.create_card(database.engine, card_input(setup))
    first = cards.update_card(
        database.engine, card.uid, card_input(setup, title="新名称"), expected_row_version=card.row_version
    )
    assert first.row_version > card.row_version
    with pytest.raises(ConflictError) as caught:
        cards.update_card(
            database.engine,
            card.uid,
            card_input(setup, title="旧副本"),
            expected_row_version=card.row_version,
        )
    assert "已被其他人修改" in caught.value.message
    assert cards.get_card(database.engine, card.uid).title == "新名称"


def test_changing_only_the_steps_still_counts_as_an_edit(
    database: Database, setup: dict[str, object]
) -> None:
    card = cards.create_card(database.engine, card_input(setup))
    edited = cards.update_card(
        database.engine,
        card.uid,
        card_input(setup, steps=(CardStepData("只有一步"),)),
        expected_row_version=card.row_version,
    )
    assert edited.row_version == card.row_version + 1
    assert [s.action for s in edited.steps] == ["只有一步"]


def test_reorder_steps(database: Database, setup: dict[str, object]) -> None:
    card = cards.create_card(database.engine, card_input(setup))
    moved = cards.reorder_steps(database.engine, card.uid, [2, 0, 1], expected_row_version=card.row_version)
    assert [s.action for s in moved.steps] == ["疏散人员", "报告班长", "关闭进料阀"]
    assert [s.responsible for s in moved.steps] == ["安全员", "操作工", "操作工"]
    assert cards.get_card(database.engine, card.uid).steps == moved.steps
    with pytest.raises(ConflictError):
        cards.reorder_steps(database.engine, card.uid, [0, 1, 2], expected_row_version=card.row_version)
    with pytest.raises(ValidationError, match="步骤顺序无效"):
        cards.reorder_steps(database.engine, card.uid, [0, 0, 1], expected_row_version=moved.row_version)


def test_default_contacts(database: Database, setup: dict[str, object]) -> None:
    contacts = card_drafts.default_contacts(database.engine, setup["company"].uid)  # type: ignore[attr-defined]
    assert [(c.name, c.phone) for c in contacts[:4]] == [
        ("火警", "119"),
        ("急救", "120"),
        ("报警", "110"),
        ("交通事故", "122"),
    ]
    assert CardContactData("开平市某化工有限公司值班电话", "0750-2288001", False) in contacts
    assert CardContactData("赤坎镇人民政府（上级）", "0750-2612345", True) in contacts


def test_draft_from_an_onsite_plan_follows_gb29639_section_8(
    database: Database, setup: dict[str, object]
) -> None:
    draft = card_drafts.draft_from_plan(database.engine, setup["plan"].uid, post="储罐区操作岗")  # type: ignore[attr-defined]
    assert draft.title == "储罐区泄漏应急处置卡"
    assert draft.risks == ONSITE["scope"]
    assert [s.action for s in draft.steps] == [
        "报警：发现泄漏立即报告当班班长（时限：1分钟内）",
        "关阀：关闭进料阀ZV-101",
        "疏散：疏散下风向人员（时限：5分钟内）",
        "用吸附棉围堵泄漏物",
    ]
    assert [s.responsible for s in draft.steps] == [
        "发现人",
        "现场处置组（当班班长）",
        "警戒疏散组（安全员）",
        "",
    ]
    assert draft.precautions == "佩戴正压式空气呼吸器\n严禁使用铁质工具"
    phones = [c.phone for c in draft.contacts]
    assert phones[:2] == ["0750-2212345", "119"]
    assert phones.count("119") == 1 and "120" in phones and "0750-2612345" in phones
    saved = cards.create_card(database.engine, draft)
    assert saved.stale is False and saved.based_on_version_label == "1.0"


def test_a_new_plan_version_makes_the_card_stale_until_brought_up_to_date(
    database: Database, setup: dict[str, object]
) -> None:
    plan = setup["plan"]
    card = cards.create_card(database.engine, card_drafts.draft_from_plan(database.engine, plan.uid))  # type: ignore[attr-defined]
    other = cards.create_card(database.engine, card_input(setup, plan_uid=None, title="无关联预案的卡"))
    assert not cards.is_stale(database.engine, card.uid)
    changed = {**ONSITE, "procedure": [{"step": "新步骤", "action": "按新版本处置", "responsible": "班长"}]}
    add_version(database, plan, label="2.0", published=date(2025, 9, 1), content=changed)  # type: ignore[arg-type]
    assert cards.is_stale(database.engine, card.uid)
    listed = {c.uid: c.stale for c in cards.list_cards(database.engine)}
    assert listed == {card.uid: True, other.uid: False}
    assert [c.uid for c in cards.list_cards(database.engine, stale=True)] == [card.uid]
    assert [c.uid for c in cards.list_cards(database.engine, stale=False)] == [other.uid]
    assert cards.get_card(database.engine, card.uid).plan_version_label == "2.0"

    fresh = card_drafts.bring_up_to_date(
        database.engine, card.uid, expected_row_version=card.row_version, redraft=True, version_label="2.0"
    )
    assert fresh.stale is False and fresh.based_on_version_label == "2.0" and fresh.version_label == "2.0"
    assert [s.action for s in fresh.steps] == ["新步骤：按新版本处置", "用吸附棉围堵泄漏物"]
    assert fresh.contacts == card.contacts  # the user's contacts stay


def test_listing_filters_by_plan_unit_and_post(database: Database, setup: dict[str, object]) -> None:
    a = cards.create_card(database.engine, card_input(setup, post="储罐区操作岗", number="1"))
    b = cards.create_card(database.engine, card_input(setup, post="装卸站", plan_uid=None, number="2"))
    town_uid = setup["town"].uid  # type: ignore[attr-defined]
    c = cards.create_card(database.engine, card_input(setup, unit_uid=town_uid, plan_uid=None, post="值班室"))
    engine = database.engine
    assert [x.uid for x in cards.list_cards(engine, plan_uid=setup["plan"].uid)] == [a.uid]  # type: ignore[attr-defined]
    assert {x.uid for x in cards.list_cards(engine, unit_uid=setup["company"].uid)} == {a.uid, b.uid}  # type: ignore[attr-defined]
    assert [x.uid for x in cards.list_cards(engine, post="装卸")] == [b.uid]
    assert [x.uid for x in cards.list_cards(engine, unit_uid=town_uid)] == [c.uid]
    with pytest.raises(NotFoundError, match="找不到预案"):
        cards.list_cards(engine, plan_uid="no-such-plan")


def test_search_index_follows_every_change(database: Database, setup: dict[str, object]) -> None:
    def found(term: str) -> list[str]:
        with database.engine.connect() as conn:
            return [hit.uid for hit in search.search(conn, term) if hit.kind == "card"]

    card = cards.create_card(database.engine, card_input(setup))
    assert found("进料阀") == [card.uid]
    edited = cards.update_card(
        database.engine,
        card.uid,
        card_input(setup, steps=(CardStepData("启动喷淋"),)),
        expected_row_version=card.row_version,
    )
    assert found("进料阀") == [] and found("喷淋") == [card.uid]
    cards.delete_card(database.engine, card.uid, expected_row_version=edited.row_version)
    assert found("喷淋") == []
    with pytest.raises(NotFoundError):
        cards.get_card(database.engine, card.uid)
    with session_scope(database.engine) as session:  # soft delete: the row stays
        assert session.get(HandlingCard, 1) is not None


def _make_cards(database: Database, setup: dict[str, object], count: int) -> list[str]:
    return [
        cards.create_card(database.engine, card_input(setup, number=f"{i:03d}", title=f"第{i}号卡")).uid
        for i in range(count)
    ]


def test_print_job_reports_progress_and_writes_the_pdf(
    database: Database, setup: dict[str, object], tmp_path: Path
) -> None:
    _make_cards(database, setup, 5)
    out = tmp_path / "cards.pdf"
    request = PrintRequest(out, CardSelection(plan_uid=setup["plan"].uid), layout=Layout.A4_4UP)  # type: ignore[attr-defined]
    job = card_printing.print_cards_job(database.engine, request)
    progress = []
    while True:
        try:
            progress.append(next(job))
        except StopIteration as stop:
            result = stop.value
            break
    assert [(done, total) for done, total, _ in progress] == [(i, 5) for i in range(6)]
    assert result.pages == 2 and result.faces == 5 and out.exists()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert text.index("第0号卡") < text.index("第4号卡")


def test_closing_the_job_leaves_no_file(database: Database, setup: dict[str, object], tmp_path: Path) -> None:
    _make_cards(database, setup, 3)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cards.pdf"
    job = card_printing.print_cards_job(database.engine, PrintRequest(out, CardSelection(all_cards=True)))
    next(job)
    next(job)
    assert len(list(folder.iterdir())) == 1  # the partial file, under another name
    job.close()  # what the GUI's cancel button does
    assert list(folder.iterdir()) == []
    with pytest.raises(PrintCancelled):
        run_to_end(
            card_printing.print_cards_job(
                database.engine, PrintRequest(out, CardSelection(all_cards=True)), cancelled=lambda: True
            )
        )
    assert list(folder.iterdir()) == []


def test_nothing_to_print_is_an_input_error(
    database: Database, setup: dict[str, object], tmp_path: Path
) -> None:
    request = PrintRequest(tmp_path / "x.pdf", CardSelection(plan_uid=setup["plan"].uid))  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="没有可打印的处置卡"):
        card_printing.print_cards(database.engine, request)
    uid = _make_cards(database, setup, 1)[0]
    soft_delete(database, HandlingCard, 1)
    with pytest.raises(ValidationError):
        card_printing.print_cards(database.engine, request)
    with pytest.raises(NotFoundError):
        cards.load_cards(database.engine, [uid])


def test_drafted_steps_list_each_action_once_without_numbering_prefix() -> None:
    content = {
        "procedure": [
            {"step": "第1步", "action": "停止坑边堆载和机械作业", "responsible": "现场负责人", "time_limit": ""},
            {"step": "报警", "action": "拨打119并报告值班室", "responsible": "班组长", "time_limit": "5分钟"},
        ],
        "measures": ["停止坑边堆载和机械作业", "设置警戒区，禁止无关人员进入"],
    }
    steps = [s.action for s in card_drafts.steps_from_content(content)]
    assert steps == ["停止坑边堆载和机械作业", "报警：拨打119并报告值班室（时限：5分钟）", "设置警戒区，禁止无关人员进入"]
