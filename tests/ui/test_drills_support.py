"""Data and helpers shared by the drills page tests (no tests here).

A high-risk chemical enterprise with a comprehensive plan (published through the plans
service, so its version carries a procedure to revise) and an on-site plan, and a town
with its overall plan. The page is built on the test's own ``OpRunner``; writes run on its
worker thread, so tests wait until it is idle.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from planmgr.domain.enums import PlanCategory
from planmgr.services import drill_lists, drills, plans
from planmgr.store.database import Database
from planmgr.ui.drills import files
from planmgr.ui.drills.page import DrillsPage
from planmgr.ui.ops import OpRunner
from tests.factories import make_plan, make_unit

TODAY = date(2026, 6, 15)
CHEM = "青山化工有限公司"
TOWN = "河口镇人民政府"
COMP = "青山化工生产安全事故综合应急预案"
ONSITE = "储罐区泄漏现场处置方案"
TOWN_PLAN = "河口镇突发事件总体应急预案"

PROCEDURE_V1 = [{"step": "1", "action": "发现泄漏立即报告中控室", "responsible": "巡检员", "time_limit": "立即"}]
PROCEDURE_V2 = [
    *PROCEDURE_V1,
    {"step": "2", "action": "疏散集合点由安全员按花名册清点人数", "responsible": "安全员", "time_limit": "10分钟"},
]


@dataclass(frozen=True)
class World:
    chem: str
    town: str
    comp: str
    onsite: str
    town_plan: str


def build_world(database: Database) -> World:
    engine = database.engine
    chem = make_unit(database, CHEM, high_risk=True, must_file=True)
    town = make_unit(database, TOWN, kind="town")
    comp = plans.create_plan(
        engine, plans.PlanDraft(COMP, PlanCategory.ENT_COMPREHENSIVE, chem.uid, content={"procedure": PROCEDURE_V1})
    )
    plans.send_for_review(engine, comp.uid)
    plans.publish(engine, comp.uid, plans.PublishInfo("1.0", date(2025, 3, 1)))
    onsite = make_plan(database, chem, ONSITE, "ent_onsite", published=date(2025, 3, 1))
    town_plan = make_plan(database, town, TOWN_PLAN, "town", published=date(2025, 1, 10))
    return World(chem.uid, town.uid, comp.uid, onsite.uid, town_plan.uid)


def plan_drill(
    engine: Engine, unit: str, plan: str, day: date, title: str, *, done: bool = False, **kw: object
) -> drill_lists.DrillSummary:
    summary = drills.plan_drill(engine, drills.DrillDraft(title, unit, day, [plan], **kw))  # type: ignore[arg-type]
    if done:
        summary = drills.mark_done(engine, summary.uid, held_on=day, today=TODAY)
    return summary


def revise_procedure(engine: Engine, plan_uid: str, label: str = "2.0") -> plans.VersionSummary:
    """Revise the plan's 应急处置程序 and publish the new version (what the plans page does)."""
    plans.start_revision(engine, plan_uid, trigger="ent36-5")
    current = plans.get_plan(engine, plan_uid)
    plans.update_plan(
        engine, plan_uid, expected_row_version=current.summary.row_version,
        content={**current.content, "procedure": PROCEDURE_V2},
    )  # fmt: skip
    return plans.publish(engine, plan_uid, plans.PublishInfo(label, TODAY, change_summary="明确集合点清点"))


def wait_idle(qtbot, ops: OpRunner) -> None:  # noqa: ANN001 - pytest-qt's fixture
    """Until every write (and the reads it started) has finished."""
    qtbot.waitUntil(lambda: not ops.busy, timeout=15_000)


def record_opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files handed to the system viewer from now on (none is started in a test)."""
    seen: list[Path] = []

    def fake(path: Path) -> bool:
        seen.append(path)
        return True

    monkeypatch.setattr(files, "open_with_system", fake)
    return seen


class PageMaker:
    """Builds the page on the test database and waits for its first read; ``close`` at the end."""

    def __init__(self, qtbot, database: Database, tmp_path: Path) -> None:  # noqa: ANN001 - pytest-qt's fixture
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.database = database
        self.made: list[tuple[DrillsPage, OpRunner]] = []

    def __call__(self) -> DrillsPage:
        ops = OpRunner(None)
        page = DrillsPage(ops, today=TODAY)
        page.files.attachments_dir = self.tmp_path / "opened"
        ops.widget = page
        self.qtbot.addWidget(page)
        page.setMinimumSize(1000, 600)  # a window here (in the app it sits in the main window)
        page.resize(1200, 720)
        page.show()
        page.set_engine(self.database.engine)
        wait_idle(self.qtbot, ops)
        self.made.append((page, ops))
        return page

    def close(self) -> None:
        for page, ops in self.made:
            if page.editor is not None:
                page.editor.discard()
            ops.shutdown(10_000)


def pages(qtbot, database: Database, tmp_path: Path) -> Iterator[PageMaker]:  # noqa: ANN001
    maker = PageMaker(qtbot, database, tmp_path)
    yield maker
    maker.close()
