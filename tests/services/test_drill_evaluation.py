"""Score templates (editable, stored in settings), scoring, recording an evaluation and a summary."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.services import drill_evaluation as ev
from planmgr.services import drill_printing, drills
from planmgr.services.settings import get_setting
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Drill
from tests.factories import make_drill, make_plan, make_unit, update_row

TODAY = date(2025, 12, 1)

SMALL = ev.ScoreTemplate(
    "small",
    "小型桌面演练评估表",
    "本单位自定",
    (
        ev.ScoreSection("执行情况", (ev.ScoreItem("a", "按方案实施", ev.YES_NO), ev.ScoreItem("b", "目标实现"))),
        ev.ScoreSection("人员处置", (ev.ScoreItem("c", "熟悉职责", ev.YES_NO), ev.ScoreItem("d", "处置得当"))),
    ),
)


@pytest.fixture
def done_drill(any_database: Database) -> str:
    unit = make_unit(any_database, "赤坎镇人民政府", "town")
    plan = make_plan(any_database, unit, "赤坎镇防汛应急预案", "town", published=date(2024, 4, 1))
    return make_drill(any_database, [plan], date(2025, 6, 12), status="done", title="防汛转移演练").uid


def test_default_templates_cover_the_government_topics(database: Database) -> None:
    templates = ev.list_templates(database.engine)
    assert [t.key for t in templates] == ["field", "tabletop"]
    field = templates[0]
    titles = [s.title for s in field.sections]
    # GOV2013 Art.23: 执行情况, 预案合理性与可操作性, 指挥协调和应急联动, 人员处置情况, 装备适用性.
    for topic in ("执行情况", "预案合理性与可操作性", "指挥协调", "应急联动", "人员处置", "装备适用性"):
        assert topic in titles
    assert {i.kind for i in field.items} == {ev.YES_NO, ev.SCALE5}
    assert "AQ/T 9009" in field.source and "GB/T 46792" in field.source
    assert get_setting(database.engine, ev.TEMPLATES_KEY) is None  # nothing stored until edited


def test_score_is_a_weighted_percentage_with_grade() -> None:
    # 是 1 + 否 0 + 4/5 + 5/5 = 2.8 of 4 → 70.0 %
    scores = {"a": True, "b": 4, "c": False, "d": 5}
    assert ev.score_percent(SMALL, scores) == 70.0
    assert ev.grade_of(SMALL, 70.0) == "合格"
    assert ev.grade_of(SMALL, 90.0) == "优秀"
    assert ev.grade_of(SMALL, 59.9) == "不合格"
    # 不适用 items leave the denominator: 是 + 4/5 over 2 → 90.0 %
    assert ev.score_percent(SMALL, {"a": True, "b": 4, "c": None}) == 90.0
    assert ev.score_percent(SMALL, {}) is None
    heavy = ev.ScoreTemplate("h", "加权", "", (ev.ScoreSection("s", (
        ev.ScoreItem("x", "关键项", ev.YES_NO, weight=3), ev.ScoreItem("y", "一般项", ev.YES_NO))),))  # fmt: skip
    assert ev.score_percent(heavy, {"x": False, "y": True}) == 25.0


def test_bad_scores_are_all_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        ev.check_scores(SMALL, {"a": 3, "b": 6, "d": True, "zz": 1})
    message = caught.value.message
    assert "“按方案实施”应填“是”或“否”" in message
    assert "“目标实现”应为 1–5 分的整数，现为 6" in message
    assert "“处置得当”应为 1–5 分的整数" in message
    assert "没有编号为“zz”的项目" in message


def test_templates_are_editable_and_stored_in_settings(any_database: Database) -> None:
    engine = any_database.engine
    ev.save_template(engine, SMALL)
    assert [t.key for t in ev.list_templates(engine)] == ["field", "tabletop", "small"]
    stored = get_setting(engine, ev.TEMPLATES_KEY)
    assert [t["key"] for t in stored] == ["field", "tabletop", "small"]
    renamed = ev.ScoreTemplate(SMALL.key, "  小型演练评估表（修订） ", SMALL.source, SMALL.sections)
    ev.save_template(engine, renamed)
    assert ev.get_template(engine, "small").name == "小型演练评估表（修订）"
    assert len(ev.list_templates(engine)) == 3

    ev.delete_template(engine, "tabletop")
    assert [t.key for t in ev.list_templates(engine)] == ["field", "small"]
    with pytest.raises(NotFoundError):
        ev.get_template(engine, "tabletop")
    ev.reset_templates(engine)
    assert [t.key for t in ev.list_templates(engine)] == ["field", "tabletop"]


def test_invalid_template_is_refused_with_every_problem(database: Database) -> None:
    bad = ev.ScoreTemplate("bad", " ", "", (
        ev.ScoreSection("执行情况", (ev.ScoreItem("a", "甲"), ev.ScoreItem("a", "乙", "stars"),
                                     ev.ScoreItem("c", "丙", weight=0))),
        ev.ScoreSection("空分组", ()),
    ))  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        ev.save_template(database.engine, bad)
    message = caught.value.message
    for part in ("名称不能为空", "编号重复或为空：“a”", "“乙”的评分方式", "“丙”的权重", "“空分组”没有评估项目"):
        assert part in message
    assert get_setting(database.engine, ev.TEMPLATES_KEY) is None
    for key in ("field", "tabletop"):
        if key == "tabletop":
            with pytest.raises(ValidationError, match="至少要保留一张"):
                ev.delete_template(database.engine, key)
        else:
            ev.delete_template(database.engine, key)


def test_record_evaluation_keeps_a_snapshot_of_the_template(any_database: Database, done_drill: str) -> None:
    engine = any_database.engine
    ev.save_template(engine, SMALL)
    before = drills.get_drill(engine, done_drill).row_version
    result = ev.record_evaluation(
        engine, done_drill,
        ev.EvaluationInput("small", {"a": True, "b": 4, "c": False, "d": 5}, date(2025, 6, 13),
                           evaluators="县应急管理局 张三", comments="转移迅速", self_assessment="广播不清",
                           team_opinion="转移路线需优化", conclusion="基本达到目的"),
        expected_row_version=before, today=TODAY,
    )  # fmt: skip
    assert (result.score_percent, result.grade) == (70.0, "合格")
    assert result.row_version == before + 1
    assert drills.get_drill(engine, done_drill).summary.score_percent == 70.0

    # Editing the template later does not change what this evaluation scored.
    changed = ev.ScoreTemplate("small", "改过的表", "", (ev.ScoreSection("新分组", (ev.ScoreItem("z", "新项目"),)),))
    ev.save_template(engine, changed)
    stored = ev.get_evaluation(engine, done_drill)
    assert stored is not None
    assert [i.text for i in stored.template.items] == ["按方案实施", "目标实现", "熟悉职责", "处置得当"]
    assert stored.template.name == "小型桌面演练评估表"
    assert (stored.comments, stored.self_assessment, stored.team_opinion, stored.conclusion) == (
        "转移迅速", "广播不清", "转移路线需优化", "基本达到目的")  # fmt: skip
    assert stored.eval_date == date(2025, 6, 13) and stored.evaluators == "县应急管理局 张三"

    with pytest.raises(ConflictError, match="已被其他人修改"):
        ev.record_evaluation(engine, done_drill, ev.EvaluationInput("field", {}, date(2025, 6, 13)),
                             expected_row_version=before, today=TODAY)  # fmt: skip


def test_only_done_drills_are_evaluated(any_database: Database, done_drill: str) -> None:
    engine = any_database.engine
    planned = drills.get_drill(engine, done_drill).summary
    unit, plan = planned.organiser_unit_uid, planned.plans[0].uid
    later = drills.plan_drill(engine, drills.DrillDraft("年底演练", unit, date(2025, 11, 20), [plan]))
    with pytest.raises(ValidationError, match="“计划中”，演练完成后才能评估"):
        ev.record_evaluation(engine, later.uid, ev.EvaluationInput("field", {}, date(2025, 11, 20)), today=TODAY)
    with pytest.raises(ValidationError, match="演练完成后才能填写总结报告"):
        ev.record_summary(engine, later.uid, ev.SummaryReport("概要"))
    with pytest.raises(ValidationError, match="评估日期（2025-06-01）不能早于演练日期（2025-06-12）"):
        ev.record_evaluation(engine, done_drill, ev.EvaluationInput("field", {}, date(2025, 6, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="评估日期不能晚于今天"):
        ev.record_evaluation(engine, done_drill, ev.EvaluationInput("field", {}, date(2025, 12, 2)), today=TODAY)
    assert ev.get_evaluation(engine, done_drill) is None


def test_summary_report_round_trip(any_database: Database, done_drill: str) -> None:
    engine = any_database.engine
    stored = ev.record_summary(engine, done_drill, ev.SummaryReport(
        "按方案完成防汛转移演练。", ["广播覆盖不到山边村民小组", "  ", "转移名册未及时更新"], "提前预警效果好。",
        "增设应急广播；每季度更新转移名册。"))  # fmt: skip
    assert stored["problems"] == ["广播覆盖不到山边村民小组", "转移名册未及时更新"]
    summary = ev.get_summary(engine, done_drill)
    assert summary.overview == "按方案完成防汛转移演练。"
    assert summary.problems == ("广播覆盖不到山边村民小组", "转移名册未及时更新")
    assert summary.suggestions == "增设应急广播；每季度更新转移名册。"


def test_simple_evaluations_from_demo_data_are_read(any_database: Database, done_drill: str) -> None:
    # The demo generator and imported ledgers write {"items": [{name, score, max}], "conclusion"}
    # and lists for lessons/suggestions; they must read and print as well.
    drill_id = drills.get_drill(any_database.engine, done_drill)
    with session_scope(any_database.engine) as s:
        row_id = s.execute(select(Drill.id).where(Drill.uid == done_drill)).scalar_one()
    update_row(any_database, Drill, row_id, evaluation={
        "items": [{"name": "预案适用性", "score": 4, "max": 5}, {"name": "通信联络", "score": 3, "max": 5}],
        "score": 7, "conclusion": "基本达到演练目的，需整改"},
        summary={"overview": "完成", "problems": ["通讯不畅"], "lessons": ["处置卡实用"], "suggestions": ["培训", "复核"]})  # fmt: skip
    stored = ev.get_evaluation(any_database.engine, done_drill)
    assert stored is not None
    assert stored.score_percent == 70.0 and stored.conclusion == "基本达到演练目的，需整改"
    assert drills.get_drill(any_database.engine, done_drill).summary.score_percent == 70.0
    assert stored.eval_date == drill_id.summary.start
    assert [ev.value_text(i.kind, stored.scores[i.key]) for i in stored.template.items] == ["4 分", "3 分"]
    assert ev.get_summary(any_database.engine, done_drill).suggestions == "培训\n复核"
    form = drill_printing.evaluation_form(any_database.engine, done_drill, printed_on=TODAY)
    assert [line.text for line in form.lines] == ["预案适用性", "通信联络"]
