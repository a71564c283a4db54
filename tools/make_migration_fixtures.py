#!/usr/bin/env python3
"""Make tests/migrations/fixtures/planmgr-<revision>.sqlite: a database file as each released
schema revision wrote it, with representative rows (STYLE.md, Tests: migration regression).

python tools/make_migration_fixtures.py            # (re)make every released revision
python tools/make_migration_fixtures.py 0003       # only that one

Each file is an empty database upgraded to exactly that revision, then filled with plain SQL
valid for that revision (not with today's models: a fixture must look like what the old
program wrote). tests/migrations/test_fixtures.py upgrades a copy of each to the newest
schema and checks every row survives. When a revision is released, add it to ``RELEASED``
and, if its schema differs, give it its own ``rows`` below; never change an existing file.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "migrations" / "fixtures"
RELEASED = ("0001", "0002", "0003")

T0 = "2025-03-01 08:00:00.000000"  # timestamps as the UTCDateTime columns store them (UTC)
T1 = "2025-04-15 09:30:00.000000"
CITY, TOWN, ENT = (f"00000000-0000-4000-8000-0000000001{i:02d}" for i in range(1, 4))
OVERALL, FLOOD, ENT_PLAN = (f"00000000-0000-4000-8000-0000000002{i:02d}" for i in range(1, 4))
V_FLOOD, V_ENT = "00000000-0000-4000-8000-000000000301", "00000000-0000-4000-8000-000000000302"
DOCUMENT = "开平市防汛、防台风应急预案（正文）".encode()
DOC_SHA = "5158bc992b0c47a4476646b781943b7e94febaec3454aa93ab2871583048baf8"  # sha256 of DOCUMENT

FLOOD_CONTENT = {
    "scope": "适用于开平市行政区域内洪涝、台风灾害的防御和应急处置。",
    "grading": [{"grade": "Ⅰ级", "criteria": "潭江水位超过警戒水位 2 米"}],
    "response_levels": [{"level": "一级响应", "condition": "发布台风红色预警", "lead": "市长"}],
    "work_groups": [
        {"name": "综合协调组", "lead": "市应急管理局", "members": "市府办", "duties": "信息汇总、协调调度"},
        {"name": "抢险救援组", "lead": "市消防救援大队", "members": "民兵应急排", "duties": "转移群众、抢险"},
    ],
    "procedure": [
        {"step": "信息报告", "action": "30 分钟内报告市防汛指挥部", "responsible": "各镇（街道）"},
        {"step": "先期处置", "action": "组织转移危险区域群众", "responsible": "镇村干部"},
    ],
    "measures": ["开放应急避护场所", "巡查山塘水库"],
    "contacts": [{"name": "市防汛办", "role": "值班", "phone": "0750-2212345"}],
    "resources": [{"name": "编织袋", "quantity": "5000 条", "location": "市物资仓库", "keeper": "应急局"}],
}
ENT_CONTENT = {
    "scope": "适用于本公司储罐区、装卸区的生产安全事故。",
    "work_groups": [{"name": "现场处置组", "lead": "生产部", "duties": "关阀、堵漏、警戒"}],
    "procedure": [{"step": "报警", "action": "发现泄漏立即报告中控室", "responsible": "当班操作工"}],
}


def rows(revision: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) in insertion order; the same tables and columns from 0001 to 0003."""
    del revision  # 0001-0003 share one table layout (0002 adds the search index, 0003 indexes)
    unit = {
        "region_code": None,
        "industry": None,
        "scale": None,
        "must_file": 0,
        "listed_for_review": 0,
        "key_enterprise": 0,
        "high_risk": 0,
        "address": None,
        "postcode": None,
        "legal_rep": None,
        "contact": None,
        "phone": None,
        "duty_phone": None,
        "created_at": T0,
        "updated_at": T0,
        "deleted_at": None,
        "row_version": 1,
        "uscc": None,
        "parent_id": None,
    }
    yield (
        "unit",
        unit
        | {
            "id": 1,
            "uid": CITY,
            "name": "开平市人民政府",
            "kind": "city",
            "region_code": "440783",
            "address": "开平市长沙街道幕沙路 1 号",
            "phone": "0750-2212345",
        },
    )
    yield (
        "unit",
        unit
        | {
            "id": 2,
            "uid": TOWN,
            "name": "赤坎镇人民政府",
            "kind": "town",
            "parent_id": 1,
            "region_code": "440783102",
            "contact": "关志明",
        },
    )
    yield (
        "unit",
        unit
        | {
            "id": 3,
            "uid": ENT,
            "name": "开平市华新化工有限公司",
            "kind": "enterprise",
            "parent_id": 2,
            "uscc": "91440783MA4UJ0X123",
            "industry": "hazchem",
            "scale": "medium",
            "must_file": 1,
            "listed_for_review": 1,
            "key_enterprise": 1,
            "high_risk": 1,
            "legal_rep": "李四",
            "phone": "13800138000",
            "updated_at": T1,
            "row_version": 3,
        },
    )
    plan = {
        "event_types": "[]",
        "parent_id": None,
        "current_version_id": None,
        "note": None,
        "pending_trigger": None,
        "created_at": T0,
        "updated_at": T0,
        "deleted_at": None,
        "row_version": 1,
    }
    yield (
        "plan",
        plan
        | {
            "id": 1,
            "uid": OVERALL,
            "owner_unit_id": 1,
            "title": "开平市突发事件总体应急预案",
            "category": "overall",
            "status": "drafting",
            "content": json.dumps({"scope": "本市行政区域内突发事件的应对工作。"}, ensure_ascii=False),
            "event_types": '["natural", "accident"]',
            "note": "征求意见稿",
        },
    )
    yield (
        "plan",
        plan
        | {
            "id": 2,
            "uid": FLOOD,
            "owner_unit_id": 1,
            "title": "开平市防汛、防台风应急预案",
            "category": "special",
            "status": "published",
            "parent_id": 1,
            "event_types": '["flood_drought", "meteorological"]',
            "content": json.dumps(FLOOD_CONTENT, ensure_ascii=False),
        },
    )
    yield (
        "plan",
        plan
        | {
            "id": 3,
            "uid": ENT_PLAN,
            "owner_unit_id": 3,
            "title": "华新化工生产安全事故综合应急预案",
            "category": "ent_comprehensive",
            "status": "revising",
            "pending_trigger": "law_change",
            "content": json.dumps(ENT_CONTENT, ensure_ascii=False),
            "row_version": 4,
        },
    )
    version = {
        "issued_date": None,
        "doc_number": None,
        "approver": None,
        "revision_trigger": None,
        "major": 0,
        "change_summary": None,
        "created_at": T0,
    }
    yield (
        "plan_version",
        version
        | {
            "id": 1,
            "uid": V_FLOOD,
            "plan_id": 2,
            "label": "2023版",
            "published_date": "2023-06-01",
            "doc_number": "开府办〔2023〕12号",
            "approver": "开平市人民政府",
            "title": "开平市防汛、防台风应急预案",
            "content": json.dumps(FLOOD_CONTENT, ensure_ascii=False),
            "major": 1,
        },
    )
    yield (
        "plan_version",
        version
        | {
            "id": 2,
            "uid": V_ENT,
            "plan_id": 3,
            "label": "1.0",
            "published_date": "2024-01-15",
            "title": "华新化工生产安全事故综合应急预案",
            "content": json.dumps(ENT_CONTENT, ensure_ascii=False),
            "change_summary": "首次发布",
        },
    )
    yield "plan_update", {"id": 2, "current_version_id": 1}
    yield "plan_update", {"id": 3, "current_version_id": 2}
    yield "plan_link", {"id": 1, "plan_id": 3, "linked_plan_id": 2, "note": "与市防汛预案衔接"}
    yield (
        "evaluation",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000000401",
            "plan_id": 2,
            "eval_date": "2025-02-20",
            "evaluators": "张三、李四",
            "method": "expert",
            "conclusion": "revise",
            "findings": "应急队伍联系方式需更新",
            "created_at": T0,
        },
    )
    yield (
        "drill",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000000501",
            "organiser_unit_id": 2,
            "title": "赤坎镇防汛综合演练",
            "start": "2024-06-01",
            "end": "2024-06-01",
            "location": "赤坎镇堤围",
            "form": "field",
            "scope": "comprehensive",
            "purpose": "demo",
            "tags": '["双盲", "联合"]',
            "participant_units": '["赤坎镇人民政府", "开平市应急管理局"]',
            "head_count": 120,
            "scenario": "潭江水位超警戒，堤围出现管涌。",
            "log": json.dumps([{"time": "09:00", "text": "发布转移指令"}], ensure_ascii=False),
            "status": "done",
            "evaluation": json.dumps({"conclusion": "预案可行", "score": 90}, ensure_ascii=False),
            "summary": json.dumps({"problems": ["通讯不畅"]}, ensure_ascii=False),
            "reported_to_authority": 1,
            "note": "市应急局观摩",
            "created_at": T0,
            "updated_at": T1,
            "deleted_at": None,
            "row_version": 2,
        },
    )
    yield "drill_plan", {"id": 1, "drill_id": 1, "plan_id": 2}
    yield (
        "finding",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000000601",
            "source": "drill",
            "drill_id": 1,
            "evaluation_id": None,
            "plan_id": 2,
            "text": "对讲机频道不统一",
            "created_at": T0,
        },
    )
    yield (
        "corrective_action",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000000701",
            "finding_id": 1,
            "text": "统一应急通讯频道",
            "owner": "镇应急办",
            "due": "2024-08-01",
            "status": "in_progress",
            "plan_id": 2,
            "plan_section": "contacts",
            "closed_by_version_id": None,
            "closed_at": None,
            "created_at": T0,
            "updated_at": T0,
            "row_version": 1,
        },
    )
    yield (
        "handling_card",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000000801",
            "plan_id": 3,
            "unit_id": 3,
            "number": "HX-01",
            "title": "储罐区泄漏应急处置卡",
            "post": "储罐区操作岗",
            "place": "罐区 A 区",
            "risks": "甲醇泄漏遇明火可能引发火灾爆炸。",
            "precautions": "佩戴防护用品；严禁使用铁质工具。",
            "version_label": "1.0",
            "issued_date": "2024-01-15",
            "based_on_version_id": 2,
            "created_at": T0,
            "updated_at": T0,
            "deleted_at": None,
            "row_version": 1,
        },
    )
    yield (
        "card_step",
        {"id": 1, "card_id": 1, "position": 1, "action": "关闭进料阀 ZV-101", "responsible": "操作工"},
    )
    yield (
        "card_step",
        {"id": 2, "card_id": 1, "position": 2, "action": "报告中控室，启动喷淋", "responsible": "班长"},
    )
    yield (
        "card_contact",
        {
            "id": 1,
            "card_id": 1,
            "position": 1,
            "name": "公司应急值班室",
            "phone": "0750-2612345",
            "external": 0,
        },
    )
    yield (
        "card_contact",
        {"id": 2, "card_id": 1, "position": 2, "name": "火警", "phone": "119", "external": 1},
    )
    yield "blob", {"sha256": DOC_SHA, "size": len(DOCUMENT), "data": DOCUMENT, "created_at": T0}
    yield (
        "attachment",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000000901",
            "blob_sha256": DOC_SHA,
            "filename": "防汛预案正文.pdf",
            "kind": "plan_document",
            "plan_id": 2,
            "plan_version_id": 1,
            "drill_id": None,
            "created_at": T0,
        },
    )
    yield (
        "filing",
        {
            "id": 1,
            "uid": "00000000-0000-4000-8000-000000001001",
            "plan_version_id": 2,
            "filing_unit_id": 3,
            "authority_unit_id": 2,
            "authority_name": "赤坎镇人民政府",
            "submitted_date": "2024-01-20",
            "status": "filed",
            "check_results": json.dumps({"封面": True, "批准页": True}, ensure_ascii=False),
            "return_notice": "{}",
            "returned_date": None,
            "filing_number": "440783-2024-0001",
            "registered_date": "2024-01-25",
            "fingerprint": "3F2A 9C41 0B7E 55D2",
            "package_uid": "00000000-0000-4000-8000-000000001101",
            "note": None,
            "created_at": T0,
            "updated_at": T1,
            "row_version": 2,
        },
    )
    yield (
        "filing_material",
        {
            "id": 1,
            "filing_id": 1,
            "item": "预案电子文档",
            "provided": 1,
            "blob_sha256": DOC_SHA,
            "filename": "综合应急预案.pdf",
        },
    )
    yield (
        "filing_material",
        {"id": 2, "filing_id": 1, "item": "评审意见", "provided": 0, "blob_sha256": None, "filename": None},
    )
    yield (
        "setting",
        {"key": "identity", "value": json.dumps({"unit_uid": CITY, "mode": "office"}), "updated_at": T0},
    )
    yield (
        "setting",
        {
            "key": "backup_policy",
            "value": json.dumps({"keep_daily": 5, "keep_weekly": 2, "second_folder": None}),
            "updated_at": T0,
        },
    )
    yield (
        "audit_entry",
        {
            "id": 1,
            "table_name": "unit",
            "row_uid": ENT,
            "row_id": 3,
            "action": "update",
            "changes": json.dumps({"phone": [None, "13800138000"]}),
            "os_user": "guanzm",
            "at": T1,
        },
    )
    yield (
        "audit_entry",
        {
            "id": 2,
            "table_name": "plan",
            "row_uid": ENT_PLAN,
            "row_id": 3,
            "action": "insert",
            "changes": json.dumps({"title": "华新化工生产安全事故综合应急预案"}, ensure_ascii=False),
            "os_user": "guanzm",
            "at": T0,
        },
    )


# The search index as 0002 keeps it (a space around each CJK character; copied on purpose:
# the fixture must not change when the application code does).
_CJK = re.compile(
    "([\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff])"
)


def _flatten(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item)


def _search_rows(conn: sqlite3.Connection) -> None:
    for uid, title, content, note in conn.execute("SELECT uid, title, content, note FROM plan").fetchall():
        body = "\n".join([*_flatten(json.loads(content)), note or ""])
        conn.execute(
            "INSERT INTO search_index (uid, kind, title, body) VALUES (?, 'plan', ?, ?)",
            (uid, _CJK.sub(r" \1 ", title), _CJK.sub(r" \1 ", body)),
        )


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    if table == "plan_update":
        conn.execute("UPDATE plan SET current_version_id = :current_version_id WHERE id = :id", row)
        return
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join(f":{c}" for c in row)
    conn.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', row)


def build(revision: str, path: Path) -> Path:
    """A database at ``revision`` with the representative rows, written to ``path``."""
    sys.path.insert(0, str(REPO / "src"))
    from planmgr.store import migrate
    from planmgr.store.engine import database_url, make_engine

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size=1024")  # small files in the repository
    conn.execute("VACUUM")
    conn.close()
    engine = make_engine(database_url(path))
    try:
        migrate.upgrade(engine, revision)
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        with conn:
            for table, row in rows(revision):
                _insert(conn, table, row)
            if revision >= "0002":
                _search_rows(conn)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert not problems, problems
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode=WAL")  # as the program leaves its files
    finally:
        conn.close()
    return path


def fixture_path(revision: str) -> Path:
    return FIXTURES / f"planmgr-{revision}.sqlite"


def main(argv: list[str]) -> int:
    chosen = argv or list(RELEASED)
    unknown = [r for r in chosen if r not in RELEASED]
    if unknown:
        print(f"not released: {unknown} (known: {RELEASED})", file=sys.stderr)
        return 2
    for revision in chosen:
        path = build(revision, fixture_path(revision))
        print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
