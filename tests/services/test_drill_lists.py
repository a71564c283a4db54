"""The score a drill list shows (read by the database from the stored evaluation) follows every
change of the evaluation at once, whoever wrote it, and agrees with the drill's own record."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planmgr.services import drill_evaluation as ev
from planmgr.services import drill_lists, drills
from planmgr.services.demo import create_demo
from planmgr.services.ledger import import_ledger
from planmgr.store.database import Database, open_database
from planmgr.store.models import Drill
from tests.exchange.ledger_data import write_xlsx
from tests.factories import make_drill, make_plan, make_unit, update_row

TODAY = date(2025, 12, 1)


@pytest.fixture
def town(any_database: Database) -> dict[str, Any]:
    unit = make_unit(any_database, "赤坎镇人民政府", "town")
    plan = make_plan(any_database, unit, "赤坎镇防汛应急预案", "town", published=date(2024, 4, 1))
    return {"unit": unit, "plan": plan}


def _score(database: Database, title: str) -> float | None:
    rows = [d for d in drill_lists.list_drills(database.engine, year=2025) if d.title == title]
    assert len(rows) == 1
    return rows[0].score_percent


def _evaluate(database: Database, uid: str, scores: dict[str, bool | int | None]) -> float | None:
    data = ev.EvaluationInput("tabletop", scores, date(2025, 6, 20), evaluators="张三")
    return ev.record_evaluation(database.engine, uid, data, today=TODAY).score_percent


def test_a_new_evaluation_shows_its_score_in_every_list_at_once(
    any_database: Database, town: dict[str, Any]
) -> None:
    engine = any_database.engine
    drill = make_drill(any_database, [town["plan"]], date(2025, 6, 12), title="防汛桌面推演")
    assert _score(any_database, "防汛桌面推演") is None  # not evaluated yet

    first = _evaluate(any_database, drill.uid, {"exec_scenario": 5, "exec_flow": True, "plan_roles": 3})
    assert first == 86.7  # (1 + 1 + 3/5) of 3
    assert _score(any_database, "防汛桌面推演") == first
    second = _evaluate(any_database, drill.uid, {"exec_scenario": 2, "exec_flow": False})
    assert second == 20.0
    assert _score(any_database, "防汛桌面推演") == second
    # The calendar, the annual plan and the drill's own record say the same.
    assert [d.score_percent for d in drill_lists.drills_in_month(engine, 2025, 6)[12]] == [second]
    annual = drill_lists.annual_plan(engine, town["unit"].uid, 2025)
    assert [d.score_percent for d in annual.drills] == [second]
    assert drills.get_drill(engine, drill.uid).summary.score_percent == second


@pytest.mark.parametrize(
    ("evaluation", "shown"),
    [
        # Demo data and records from other tools: the simple items form, score over maximum.
        ({"items": [{"name": "组织", "score": 4, "max": 5}, {"name": "响应", "score": 3, "max": 5}]}, 70.0),
        ({"items": [{"name": "组织", "score": 8, "max": 10}, {"name": "未评", "score": None}]}, 80.0),
        ({"score_percent": 91, "items": [{"name": "组织", "score": 1, "max": 5}]}, 91.0),  # stored wins
        ({"score_percent": "优秀", "items": [{"name": "组织", "score": 3, "max": 5}]}, 60.0),  # not a number
        ({"score_percent": 0, "grade": "不合格"}, 0.0),  # a zero score is a score
        ({"score_percent": 72.5, "items": "不是列表"}, 72.5),
        ({"score_percent": None, "conclusion": "合格"}, None),
        ({"conclusion": "基本达到演练目的"}, None),  # a ledger import: a conclusion, no score
        ({}, None),
    ],
)
def test_scores_of_evaluations_written_by_other_tools(
    any_database: Database, town: dict[str, Any], evaluation: dict[str, Any], shown: float | None
) -> None:
    drill = make_drill(any_database, [town["plan"]], date(2025, 6, 12), title="导入的演练", evaluation=evaluation)
    assert _score(any_database, "导入的演练") == shown
    assert drills.get_drill(any_database.engine, drill.uid).summary.score_percent == shown


def test_an_evaluation_changed_outside_the_services_shows_at_once(
    any_database: Database, town: dict[str, Any]
) -> None:
    drill = make_drill(any_database, [town["plan"]], date(2025, 6, 12), title="防汛桌面推演",
                       evaluation={"score_percent": 55.5})  # fmt: skip
    assert _score(any_database, "防汛桌面推演") == 55.5
    assert drill.id is not None
    update_row(any_database, Drill, drill.id, evaluation={"score_percent": 77.5, "grade": "良好"})
    assert _score(any_database, "防汛桌面推演") == 77.5
    update_row(any_database, Drill, drill.id, evaluation={})
    assert _score(any_database, "防汛桌面推演") is None


def test_a_ledger_import_that_rewrites_the_evaluation_keeps_the_score_shown(
    any_database: Database, town: dict[str, Any], tmp_path: Path
) -> None:
    engine = any_database.engine
    drill = make_drill(any_database, [town["plan"]], date(2025, 6, 12), title="防汛桌面推演")
    score = _evaluate(any_database, drill.uid, {"exec_scenario": 4, "exec_flow": True})
    header = ["演练名称*", "组织单位*", "关联预案*", "演练日期*", "演练形式*", "评估结论"]
    row = ["防汛桌面推演", "赤坎镇人民政府", "赤坎镇防汛应急预案", "2025-06-12", "桌面推演", "整改后达到预期"]
    report = import_ledger(engine, "drills", write_xlsx(tmp_path / "d.xlsx", [header, row], title="演练台账"))
    assert report.errors == () and report.updated == 1, [str(e) for e in report.errors]
    evaluation = ev.get_evaluation(engine, drill.uid)
    assert evaluation is not None and evaluation.conclusion == "整改后达到预期"
    assert _score(any_database, "防汛桌面推演") == score == 90.0


def test_every_list_row_of_a_demo_database_matches_the_drills_own_record(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    create_demo(path, today=TODAY)
    database = open_database(path)
    try:
        rows = drill_lists.list_drills(database.engine)
        assert len(rows) > 50
        assert any(r.score_percent is not None for r in rows)
        for row in rows:
            assert row == drills.get_drill(database.engine, row.uid).summary
    finally:
        database.dispose()
