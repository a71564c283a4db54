"""The demo database: Kaiping's plan system, its invariants and the intended due items."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from planmgr.domain.enums import EnterpriseScale, Industry
from planmgr.domain.errors import ValidationError
from planmgr.domain.flags import flags_for
from planmgr.domain.validators import is_valid_uscc
from planmgr.services import demo, demo_rows
from planmgr.services.demo import create_demo
from planmgr.services.demo_large import add_months
from planmgr.services.settings import get_identity
from planmgr.store import search
from planmgr.store.database import check_database, open_database

TODAY = date(2025, 6, 16)
# Month ends and the Spring Festival weeks are where date arithmetic goes wrong.
OTHER_TODAY = date(2026, 2, 28)
CONTENT_KEYS = {
    "scope": None,
    "grading": {"grade", "criteria"},
    "response_levels": {"level", "condition", "lead"},
    "work_groups": {"name", "lead", "members", "duties"},
    "procedure": {"step", "action", "responsible", "time_limit"},
    "measures": None,
    "precautions": None,
    "contacts": {"name", "role", "phone"},
    "resources": {"name", "quantity", "location", "keeper"},
}


class Demo:
    """Read-only queries over a demo file."""

    def __init__(self, path: Path, today: date, summary: demo.DemoSummary) -> None:
        self.path = path
        self.today = today
        self.summary = summary
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.conn.row_factory = sqlite3.Row

    def all(self, sql: str, *args: Any) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()

    def one(self, sql: str, *args: Any) -> Any:
        row = self.conn.execute(sql, args).fetchone()
        return None if row is None else row[0]

    def unit(self, name: str) -> int:
        unit_id = self.one("SELECT id FROM unit WHERE name = ?", name)
        assert unit_id is not None, name
        return int(unit_id)

    def plan(self, title_end: str, unit: str | None = None) -> sqlite3.Row:
        rows = self.all("SELECT * FROM plan WHERE title LIKE ?", f"%{title_end}")
        if unit is not None:
            rows = [r for r in rows if r["owner_unit_id"] == self.unit(unit)]
        assert len(rows) == 1, (title_end, unit, len(rows))
        return rows[0]

    def last_done_drill(self, plan_ids: list[int]) -> date | None:
        marks = ",".join("?" * len(plan_ids))
        value = self.one(
            f"SELECT max(d.start) FROM drill d JOIN drill_plan dp ON dp.drill_id = d.id "
            f"WHERE d.status = 'done' AND dp.plan_id IN ({marks})",
            *plan_ids,
        )
        return None if value is None else date.fromisoformat(value)

    def published(self, version_id: int) -> date:
        return date.fromisoformat(
            self.one("SELECT published_date FROM plan_version WHERE id = ?", version_id)
        )

    def filing(self, version_id: int) -> sqlite3.Row:
        rows = self.all("SELECT * FROM filing WHERE plan_version_id = ?", version_id)
        assert len(rows) == 1
        return rows[0]


def _build(path: Path, today: date) -> Iterator[Demo]:
    summary = create_demo(path, today=today)
    small = Demo(path, today, summary)
    yield small
    small.conn.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    yield from _build(tmp_path_factory.mktemp("demo") / "demo.sqlite", TODAY)


@pytest.fixture(scope="module", params=[TODAY, OTHER_TODAY], ids=["2025-06-16", "2026-02-28"])
def dated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    today: date = request.param
    if today == TODAY:
        yield request.getfixturevalue("small")
    else:
        yield from _build(tmp_path_factory.mktemp("demo-other") / "demo.sqlite", today)


# --- structure -----------------------------------------------------------------------------


def test_counts_reported_match_the_file(small: Demo) -> None:
    counts = small.summary.counts
    assert counts["单位"] == small.one("SELECT count(*) FROM unit")
    assert counts["预案"] == small.one("SELECT count(*) FROM plan")
    assert counts["演练"] == small.one("SELECT count(*) FROM drill")
    assert counts["处置卡"] == small.one("SELECT count(*) FROM handling_card")
    assert counts["备案"] == small.one("SELECT count(*) FROM filing")
    assert counts["企业"] == 40
    kinds = dict(small.all("SELECT kind, count(*) FROM unit GROUP BY kind"))  # type: ignore[arg-type]
    assert kinds["city"] == 1
    assert kinds["town"] == 15
    assert kinds["department"] >= 5
    assert kinds["village"] >= 10
    assert counts["预案"] > 150
    assert counts["演练"] > 150


def test_kaiping_towns_and_city_departments(small: Demo) -> None:
    city = small.unit("开平市人民政府")
    towns = {
        r["name"] for r in small.all("SELECT name FROM unit WHERE kind = 'town' AND parent_id = ?", city)
    }
    assert {"长沙街道", "三埠街道", "赤坎镇", "月山镇", "水口镇", "赤水镇"} <= towns
    for dept in (
        "开平市应急管理局",
        "开平市自然资源局",
        "开平市水利局",
        "开平市林业局",
        "开平市住房和城乡建设局",
    ):
        assert small.one("SELECT parent_id FROM unit WHERE name = ? AND kind = 'department'", dept) == city


def test_identity_is_the_city_emergency_bureau_in_office_mode(small: Demo) -> None:
    database = open_database(small.path, read_only=True)
    try:
        identity = get_identity(database.engine)
    finally:
        database.dispose()
    assert identity is not None
    assert identity.unit_name == "开平市应急管理局"
    assert identity.mode.value == "office"


def test_every_uscc_is_valid_and_unique(small: Demo) -> None:
    codes = [r["uscc"] for r in small.all("SELECT uscc FROM unit WHERE kind = 'enterprise'")]
    assert len(codes) == 40
    assert all(code is not None and is_valid_uscc(code) for code in codes)
    assert len(set(codes)) == len(codes)


def test_enterprise_flags_follow_industry_and_scale(small: Demo) -> None:
    industries = set()
    for row in small.all("SELECT * FROM unit WHERE kind = 'enterprise'"):
        flags = flags_for(Industry(row["industry"]), EnterpriseScale(row["scale"]))
        assert (bool(row["must_file"]), bool(row["high_risk"]), bool(row["listed_for_review"])) == (
            flags.must_file,
            flags.high_risk,
            flags.listed_for_review,
        ), row["name"]
        industries.add(row["industry"])
    assert len(industries) >= 7
    assert small.one("SELECT count(*) FROM unit WHERE kind = 'enterprise' AND key_enterprise") >= 15


def test_every_town_has_a_town_plan_under_the_city_overall_plan(small: Demo) -> None:
    overall = small.plan("开平市突发公共事件总体应急预案")
    assert overall["category"] == "overall"
    for town in small.all("SELECT id, name FROM unit WHERE kind = 'town'"):
        plans = small.all("SELECT * FROM plan WHERE owner_unit_id = ? AND category = 'town'", town["id"])
        assert len(plans) == 1, town["name"]
        assert plans[0]["parent_id"] == overall["id"]
        assert plans[0]["title"] == f"{town['name']}突发事件总体应急预案"


def test_city_special_plans_are_owned_by_lead_departments_under_the_overall_plan(small: Demo) -> None:
    overall = small.plan("开平市突发公共事件总体应急预案")
    for title, owner in [
        ("开平市森林火灾应急预案", "开平市林业局"),
        ("开平市地震应急预案", "开平市应急管理局"),
        ("开平市生产安全事故应急预案", "开平市应急管理局"),
        ("开平市突发地质灾害应急预案", "开平市自然资源局"),
        ("开平市防汛防旱防风防冻应急预案", "开平市应急管理局"),
        ("开平市自然灾害救助应急预案", "开平市应急管理局"),
    ]:
        plan = small.plan(title)
        assert (plan["category"], plan["parent_id"], plan["owner_unit_id"]) == (
            "special",
            overall["id"],
            small.unit(owner),
        )


def test_village_plans_sit_under_their_towns_plan(small: Demo) -> None:
    rows = small.all(
        "SELECT p.parent_id, tp.owner_unit_id AS town_of_parent, u.parent_id AS town "
        "FROM plan p JOIN unit u ON u.id = p.owner_unit_id JOIN plan tp ON tp.id = p.parent_id "
        "WHERE p.category = 'village'"
    )
    assert len(rows) >= 10
    assert all(r["town_of_parent"] == r["town"] for r in rows)


def test_every_enterprise_has_a_comprehensive_plan_under_its_towns_plan(small: Demo) -> None:
    for ent in small.all("SELECT id, name, parent_id FROM unit WHERE kind = 'enterprise'"):
        comp = small.all(
            "SELECT * FROM plan WHERE owner_unit_id = ? AND category = 'ent_comprehensive'", ent["id"]
        )
        assert len(comp) == 1, ent["name"]
        parent = small.all("SELECT * FROM plan WHERE id = ?", comp[0]["parent_id"])[0]
        assert (parent["category"], parent["owner_unit_id"]) == ("town", ent["parent_id"])
        others = small.all(
            "SELECT category, parent_id, status FROM plan WHERE owner_unit_id = ? AND category != 'ent_comprehensive'",
            ent["id"],
        )
        assert all(o["parent_id"] == comp[0]["id"] for o in others)
        onsite = [o for o in others if o["category"] == "ent_onsite"]
        assert 1 <= len(onsite) <= 3


def test_plan_statuses_and_version_histories(small: Demo) -> None:
    statuses = dict(small.all("SELECT status, count(*) FROM plan GROUP BY status"))  # type: ignore[arg-type]
    assert statuses["published"] > 100
    for status in ("drafting", "in_review", "revising", "abolished", "superseded"):
        assert statuses.get(status, 0) >= 1, status
    flood = small.plan("开平市防汛防旱防风防冻应急预案")
    versions = small.all("SELECT * FROM plan_version WHERE plan_id = ? ORDER BY published_date", flood["id"])
    assert len(versions) == 3
    assert flood["current_version_id"] == versions[-1]["id"]
    assert all(re.fullmatch(r"\d{4}版", v["label"]) for v in versions)
    assert all(re.fullmatch(r"开府办〔\d{4}〕\d+号", v["doc_number"]) for v in versions)
    assert versions[-1]["major"] and versions[-1]["revision_trigger"] and versions[-1]["change_summary"]
    # Older snapshots are the text they had, so a diff between versions shows the change.
    assert json.loads(versions[0]["content"]) != json.loads(versions[-1]["content"])
    # Plans without a published version have no current version.
    assert (
        small.one("SELECT count(*) FROM plan WHERE status IN ('drafting','in_review') AND current_version_id")
        == 0
    )


def _check_content(content: dict[str, Any]) -> None:
    assert set(content) == set(CONTENT_KEYS)
    assert isinstance(content["scope"], str) and content["scope"]
    for key, fields in CONTENT_KEYS.items():
        if key == "scope":
            continue
        assert isinstance(content[key], list), key
        for item in content[key]:
            if fields is None:
                assert isinstance(item, str) and item
            else:
                assert set(item) == fields, (key, item)


def test_plan_content_follows_the_documented_keys(small: Demo) -> None:
    for row in small.all("SELECT content FROM plan"):
        _check_content(json.loads(row["content"]))
    for row in small.all("SELECT content FROM plan_version"):
        _check_content(json.loads(row["content"]))
    # A published plan's content is its current version's snapshot.
    mismatched = small.one(
        "SELECT count(*) FROM plan p JOIN plan_version v ON v.id = p.current_version_id "
        "WHERE p.status = 'published' AND p.content != v.content"
    )
    assert mismatched == 0
    overall = json.loads(small.plan("开平市突发公共事件总体应急预案")["content"])
    assert len(overall["response_levels"]) == 4 and len(overall["work_groups"]) >= 5
    assert any(c["phone"] == "0750-2288110" for c in overall["contacts"])


def test_cards_follow_onsite_plans_with_steps_and_emergency_numbers(small: Demo) -> None:
    cards = small.all(
        "SELECT c.*, p.category, p.current_version_id, u.duty_phone FROM handling_card c "
        "JOIN plan p ON p.id = c.plan_id JOIN unit u ON u.id = c.unit_id"
    )
    assert len(cards) >= 40
    stale = 0
    for card in cards:
        assert card["category"] == "ent_onsite"
        steps = [
            r["position"] for r in small.all("SELECT position FROM card_step WHERE card_id = ?", card["id"])
        ]
        assert steps == list(range(1, len(steps) + 1)) and 4 <= len(steps) <= 8
        phones = {
            r["phone"] for r in small.all("SELECT phone FROM card_contact WHERE card_id = ?", card["id"])
        }
        assert {"119", "120", "110", card["duty_phone"]} <= phones
        version_plan = small.one("SELECT plan_id FROM plan_version WHERE id = ?", card["based_on_version_id"])
        assert version_plan == card["plan_id"]
        stale += card["based_on_version_id"] != card["current_version_id"]
    assert 2 <= stale <= 4


def test_filings_exist_in_every_status(small: Demo) -> None:
    by_status: dict[str, list[sqlite3.Row]] = {}
    for row in small.all("SELECT * FROM filing"):
        by_status.setdefault(row["status"], []).append(row)
    assert set(by_status) == {"to_submit", "submitted", "returned", "filed", "deemed_filed"}
    for row in by_status["filed"]:
        # region code of the registering authority (city bureau, Jiangmen, or a town) + year + serial
        assert re.fullmatch(r"\d{6}(\d{3})?-\d{4}-\d{4}", row["filing_number"])
        assert row["registered_date"] >= row["submitted_date"]
    numbers = [r["filing_number"] for r in by_status["filed"]]
    assert len(set(numbers)) == len(numbers)
    for row in by_status["returned"]:
        assert json.loads(row["return_notice"]) and row["returned_date"]
    assert all(r["submitted_date"] is None for r in by_status["to_submit"])
    # Enterprises file only where the law says so (ENT Art.26).
    assert (
        small.one(
            "SELECT count(*) FROM filing f JOIN unit u ON u.id = f.filing_unit_id "
            "WHERE u.kind = 'enterprise' AND NOT u.must_file"
        )
        == 0
    )


def test_drills_have_forms_statuses_and_evaluations(small: Demo) -> None:
    statuses = dict(small.all("SELECT status, count(*) FROM drill GROUP BY status"))  # type: ignore[arg-type]
    assert statuses["done"] > 100 and statuses["planned"] >= 3 and statuses["cancelled"] >= 1
    assert small.one("SELECT count(*) FROM drill WHERE status = 'done' AND start > ?", TODAY.isoformat()) == 0
    assert (
        small.one("SELECT count(*) FROM drill WHERE status = 'planned' AND start <= ?", TODAY.isoformat())
        == 0
    )
    assert {r[0] for r in small.all("SELECT DISTINCT form FROM drill")} == {"tabletop", "field"}
    assert small.one("SELECT count(*) FROM drill WHERE json_array_length(tags) > 0") >= 3
    assert (
        small.one(
            "SELECT count(*) FROM drill d LEFT JOIN drill_plan dp ON dp.drill_id = d.id WHERE dp.id IS NULL"
        )
        == 0
    )
    evaluation = json.loads(small.one("SELECT evaluation FROM drill WHERE evaluation != '{}' LIMIT 1"))
    assert set(evaluation) == {
        "template_key", "template_name", "template_source", "sections", "grades", "scores", "score_percent",
        "grade", "eval_date", "evaluators", "comments", "self_assessment", "team_opinion", "conclusion",
    }  # fmt: skip
    summary = json.loads(small.one("SELECT summary FROM drill WHERE summary != '{}' LIMIT 1"))
    assert set(summary) == {"overview", "problems", "lessons", "suggestions"}


def test_a_complete_improvement_loop_closes_with_the_revision_that_fixed_it(small: Demo) -> None:
    loops = small.all(
        "SELECT a.*, f.drill_id, d.start AS drill_day FROM corrective_action a "
        "JOIN finding f ON f.id = a.finding_id JOIN drill d ON d.id = f.drill_id "
        "WHERE a.status IN ('done', 'verified') AND a.closed_by_version_id IS NOT NULL"
    )
    assert len(loops) >= 2
    for loop in loops:
        version = small.all("SELECT * FROM plan_version WHERE id = ?", loop["closed_by_version_id"])[0]
        assert version["plan_id"] == loop["plan_id"]
        assert version["published_date"] > loop["drill_day"]
        assert loop["closed_at"] == version["published_date"]
        assert (
            small.one(
                "SELECT count(*) FROM drill_plan WHERE drill_id = ? AND plan_id = ?",
                loop["drill_id"],
                loop["plan_id"],
            )
            == 1
        )
        assert small.one("SELECT current_version_id FROM plan WHERE id = ?", loop["plan_id"]) == version["id"]


def test_plans_and_cards_are_searchable(small: Demo) -> None:
    database = open_database(small.path, read_only=True)
    try:
        with database.engine.connect() as conn:
            hits = search.search(conn, "液氨")
    finally:
        database.dispose()
    kinds = {hit.kind for hit in hits}
    assert kinds == {"plan", "card"}
    assert any(hit.title.endswith("机房液氨泄漏现场处置方案") for hit in hits)


# --- the intended due items (module docstring of services/demo.py) --------------------------


def test_overdue_drills(dated: Demo) -> None:
    today = dated.today
    onsite = dated.plan("机房液氨泄漏现场处置方案", "开平市冰泉冷链物流有限公司")
    last = dated.last_done_drill([onsite["id"]])
    assert last is not None and add_months(last, 6) < today  # item 1
    hengtai = dated.unit("开平市恒泰化工贸易有限公司")
    plans = [r["id"] for r in dated.all("SELECT id FROM plan WHERE owner_unit_id = ?", hengtai)]
    last_any = dated.last_done_drill(plans)
    assert last_any is not None and add_months(last_any, 6) < today  # item 2
    for row in dated.all("SELECT id FROM plan WHERE owner_unit_id = ? AND category = 'ent_onsite'", hengtai):
        last = dated.last_done_drill([row["id"]])
        assert last is not None and add_months(last, 6) < today  # item 3
    comp_and_special = [
        r["id"]
        for r in dated.all(
            "SELECT id FROM plan WHERE owner_unit_id = ? AND category IN ('ent_comprehensive', 'ent_special')",
            hengtai,
        )
    ]
    last_comp = dated.last_done_drill(comp_and_special)
    assert last_comp is not None and add_months(last_comp, 12) > today + timedelta(days=30)


def test_due_soon_drills(dated: Demo) -> None:
    today = dated.today
    window = (today, today + timedelta(days=30))
    dust = dated.plan("除尘系统着火现场处置方案", "开平市森雅木业有限公司")
    last = dated.last_done_drill([dust["id"]])
    assert last is not None and window[0] <= add_months(last, 6) <= window[1]  # item 9
    water = dated.unit("开平市清源水务有限公司")
    comp = [
        r["id"]
        for r in dated.all(
            "SELECT id FROM plan WHERE owner_unit_id = ? AND category IN ('ent_comprehensive', 'ent_special')",
            water,
        )
    ]
    last = dated.last_done_drill(comp)
    assert last is not None and window[0] <= add_months(last, 12) <= window[1]  # item 10


def test_evaluations_overdue_and_due_soon(dated: Demo) -> None:
    today = dated.today
    relief = dated.plan("开平市自然灾害救助应急预案")
    assert dated.one("SELECT count(*) FROM evaluation WHERE plan_id = ?", relief["id"]) == 0
    assert add_months(dated.published(relief["current_version_id"]), 36) < today  # item 4
    construction = dated.plan("开平市住房和城乡建设局建设工程施工安全事故应急预案")
    assert dated.one("SELECT count(*) FROM evaluation WHERE plan_id = ?", construction["id"]) == 0
    due = add_months(dated.published(construction["current_version_id"]), 36)
    assert today < due <= today + timedelta(days=30)  # item 11


def test_filing_items(dated: Demo) -> None:
    today = dated.today
    comp = dated.plan("生产安全事故综合应急预案", "开平市建安建筑工程有限公司")
    assert dated.filing(comp["current_version_id"])["status"] == "to_submit"  # item 5
    assert dated.published(comp["current_version_id"]) == today - timedelta(days=60)
    village = dated.plan("百合镇雁平村突发事件应急预案")
    assert dated.filing(village["current_version_id"])["status"] == "to_submit"  # item 6
    assert dated.published(village["current_version_id"]) == today - timedelta(days=45)
    fireworks = dated.unit("开平市鸿运烟花爆竹批发有限公司")
    plans = dated.all("SELECT * FROM plan WHERE owner_unit_id = ? AND status = 'published'", fireworks)
    assert len(plans) == 4  # item 12
    for plan in plans:
        assert dated.filing(plan["current_version_id"])["status"] == "to_submit"
        assert dated.published(plan["current_version_id"]) == today - timedelta(days=8)
    longsheng = dated.plan("龙胜镇突发事件总体应急预案")
    assert dated.filing(longsheng["current_version_id"])["status"] == "to_submit"  # item 13
    lapsed = dated.filing(dated.plan("综合应急预案", "开平市铝创铝业有限公司")["current_version_id"])
    assert (lapsed["status"], lapsed["submitted_date"]) == ("submitted", str(today - timedelta(days=40)))
    pending = dated.filing(dated.plan("综合应急预案", "开平市金山石场有限公司")["current_version_id"])
    assert (pending["status"], pending["submitted_date"]) == ("submitted", str(today - timedelta(days=1)))


def test_open_actions_overdue_and_due_soon(dated: Demo) -> None:
    today = dated.today
    rows = dated.all(
        "SELECT a.due, u.name FROM corrective_action a JOIN plan p ON p.id = a.plan_id "
        "JOIN unit u ON u.id = p.owner_unit_id WHERE a.status = 'open'"
    )
    due = {r["name"]: date.fromisoformat(r["due"]) for r in rows}
    assert due["开平市冰泉冷链物流有限公司"] < today  # item 8
    assert today < due["开平市恒泰化工贸易有限公司"] <= today + timedelta(days=30)  # item 15


def test_enterprises_without_a_scenario_are_in_good_standing(dated: Demo) -> None:
    """Item 18: plenty of ok items — nothing due within 30 days outside the scenarios."""
    today = dated.today
    horizon = today + timedelta(days=30)
    scenario_units = {
        e["name"] for e in demo_rows.load_seed("kaiping_units.json")["enterprises"] if "scenario" in e
    }
    checked = 0
    for ent in dated.all("SELECT * FROM unit WHERE kind = 'enterprise'"):
        if ent["name"] in scenario_units:
            continue
        checked += 1
        plans = dated.all(
            "SELECT * FROM plan WHERE owner_unit_id = ? AND status IN ('published', 'revising')", ent["id"]
        )
        first = min(dated.published(p["current_version_id"]) for p in plans)
        for plan in plans:
            if plan["category"] == "ent_onsite":
                anchor = dated.last_done_drill([plan["id"]]) or first
                assert add_months(anchor, 6) > horizon, (ent["name"], plan["title"])
            if ent["must_file"]:
                assert dated.filing(plan["current_version_id"])["status"] in ("filed", "deemed_filed")
            if ent["listed_for_review"]:
                evaluated = dated.one("SELECT max(eval_date) FROM evaluation WHERE plan_id = ?", plan["id"])
                anchor = max(
                    dated.published(plan["current_version_id"]), date.fromisoformat(evaluated or "1900-01-01")
                )
                assert add_months(anchor, 36) > horizon, (ent["name"], plan["title"])
        comp = [p["id"] for p in plans if p["category"] in ("ent_comprehensive", "ent_special")]
        assert add_months(dated.last_done_drill(comp) or first, 12) > horizon, ent["name"]
        if ent["high_risk"]:
            anchor = dated.last_done_drill([p["id"] for p in plans]) or first
            assert add_months(anchor, 6) > horizon, ent["name"]
    assert checked == 40 - 11


def test_town_plans_are_drilled_and_evaluated_in_time(dated: Demo) -> None:
    horizon = dated.today + timedelta(days=30)
    for plan in dated.all("SELECT * FROM plan WHERE category = 'town'"):
        last = dated.last_done_drill([plan["id"]])
        assert last is not None and add_months(last, 24) > horizon
        evaluated = dated.one("SELECT max(eval_date) FROM evaluation WHERE plan_id = ?", plan["id"])
        anchor = max(
            dated.published(plan["current_version_id"]), date.fromisoformat(evaluated or "1900-01-01")
        )
        assert add_months(anchor, 36) > horizon, plan["title"]


# --- building ---------------------------------------------------------------------------------


def test_same_today_and_seed_give_the_same_demo(tmp_path: Path) -> None:
    create_demo(tmp_path / "a.sqlite", today=TODAY, seed=7)
    create_demo(tmp_path / "b.sqlite", today=TODAY, seed=7)
    create_demo(tmp_path / "c.sqlite", today=TODAY, seed=8)

    def dump(name: str) -> list[tuple[Any, ...]]:
        with closing(sqlite3.connect(tmp_path / name)) as conn:
            return (
                conn.execute(
                    "SELECT p.uid, p.title, p.status, v.label, v.published_date, p.content FROM plan p "
                    "LEFT JOIN plan_version v ON v.plan_id = p.id ORDER BY p.id, v.id"
                ).fetchall()
                + conn.execute("SELECT uid, start, status FROM drill ORDER BY id").fetchall()
            )

    assert dump("a.sqlite") == dump("b.sqlite")
    assert dump("a.sqlite") != dump("c.sqlite")


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.sqlite"
    target.write_bytes(b"precious")
    with pytest.raises(ValidationError, match="已存在") as caught:
        create_demo(target, today=TODAY)
    assert "--force" in caught.value.message
    assert target.read_bytes() == b"precious"


def test_force_replaces_an_existing_demo_completely(tmp_path: Path) -> None:
    folder = tmp_path / "demos"
    target = folder / "demo.sqlite"
    create_demo(target, today=TODAY, seed=1)
    summary = create_demo(target, today=OTHER_TODAY, seed=2, force=True)
    assert summary.database == str(target)
    assert check_database(target).ok
    with closing(sqlite3.connect(target)) as conn:
        latest = conn.execute("SELECT max(start) FROM drill WHERE status = 'done'").fetchone()[0]
    assert latest > TODAY.isoformat()
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "demo.sqlite"
    ]


def test_a_failed_build_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "demos"
    target = folder / "demo.sqlite"
    create_demo(target, today=TODAY)
    before = target.read_bytes()

    def broken(rows: Any) -> Any:
        raise RuntimeError("disk went away")

    monkeypatch.setattr(demo, "build_small", broken)
    with pytest.raises(RuntimeError):
        create_demo(target, today=OTHER_TODAY, force=True)
    assert target.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["demo.sqlite"]


def test_refuses_a_server_url_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="本机文件"):
        create_demo("sqlite://")
    with pytest.raises(ValidationError, match="文件夹"):
        create_demo(tmp_path, force=True)
    with pytest.raises(ValidationError, match="small 或 large"):
        create_demo(tmp_path / "x.sqlite", size="huge")


@pytest.mark.slow
def test_large_set_at_reduced_scale(tmp_path: Path) -> None:
    stages: list[str] = []
    target = tmp_path / "large.sqlite"
    summary = create_demo(
        target,
        size="large",
        today=TODAY,
        scale=0.04,
        progress=lambda stage, done, total: stages.append(stage),
    )
    counts = summary.counts
    generated = round(520 * 0.04) + 19 * round(240 * 0.04)
    assert counts["企业"] == 40 + generated
    assert counts["单位"] > 40 + generated + 20
    assert counts["预案"] >= 4 * counts["企业"]
    assert counts["演练"] >= 10 * generated
    assert counts["处置卡"] >= 4 * generated
    assert "生成并写入企业数据" in stages and stages[-1] == "完成"
    assert check_database(target).ok
    with closing(sqlite3.connect(target)) as conn:
        codes = [r[0] for r in conn.execute("SELECT uscc FROM unit WHERE kind = 'enterprise'")]
        assert len(set(codes)) == len(codes) and all(is_valid_uscc(c) for c in codes)
        children = conn.execute(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM plan c JOIN plan t ON t.id = c.parent_id "
            "WHERE t.category = 'town' GROUP BY t.id)"
        ).fetchone()[0]
        assert children >= round(520 * 0.04)
        audit = dict(conn.execute("SELECT table_name, json_extract(changes, '$.rows') FROM audit_entry"))
        assert audit["drill"] == counts["演练"] and audit["plan"] == counts["预案"]
        orphans = conn.execute(
            "SELECT count(*) FROM unit u WHERE kind = 'enterprise' AND NOT EXISTS (SELECT 1 FROM plan p "
            "JOIN plan t ON t.id = p.parent_id WHERE p.owner_unit_id = u.id AND p.category = 'ent_comprehensive' "
            "AND t.owner_unit_id = u.parent_id AND t.category = 'town')"
        ).fetchone()[0]
        assert orphans == 0
