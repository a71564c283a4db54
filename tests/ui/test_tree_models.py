"""The lazy plan and unit tree models: Qt's model contract, batches, failures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import Engine

from planmgr.services import hierarchy
from planmgr.store.database import Database
from planmgr.store.errors import DatabaseLocked
from planmgr.ui.models.lazy_tree import NODE_ROLE, UID_ROLE
from planmgr.ui.models.plan_tree import PlanTreeModel
from planmgr.ui.models.unit_tree import UnitTreeModel
from tests.ui import sample_data as s

pytestmark = pytest.mark.gui


def titles(model: PlanTreeModel, parent: QModelIndex) -> list[str]:
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_plan_tree_passes_the_model_tester(qtmodeltester, sample_db: Database) -> None:
    model = PlanTreeModel(sample_db.engine, batch_size=2)
    qtmodeltester.check(model)  # fetches every level as a view would, checking each step
    overall = model.index(0, 0)
    assert model.rowCount(overall) >= 2


def test_unit_tree_passes_the_model_tester(qtmodeltester, sample_db: Database) -> None:
    model = UnitTreeModel(sample_db.engine, batch_size=2)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == s.CITY


def test_empty_models_pass_the_model_tester(qtmodeltester, database: Database) -> None:
    qtmodeltester.check(PlanTreeModel(database.engine))
    qtmodeltester.check(UnitTreeModel(database.engine))
    qtmodeltester.check(PlanTreeModel(None))


def test_children_arrive_in_batches_one_query_each(
    qtbot, sample_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str | None, int, int | None]] = []
    real = hierarchy.plan_children

    def counting(engine: Engine, parent_uid: str | None = None, *, offset: int = 0, limit: int | None = None):
        calls.append((parent_uid, offset, limit))
        return real(engine, parent_uid, offset=offset, limit=limit)

    monkeypatch.setattr(hierarchy, "plan_children", counting)
    model = PlanTreeModel(sample_db.engine, batch_size=3)
    assert calls == []  # opening reads only the top level's size
    assert model.top_level_count() == 1
    model.fetchMore(QModelIndex())
    overall = model.index(0, 0)
    assert model.hasChildren(overall) and model.canFetchMore(overall)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore(overall)
    assert inserted.args[1:] == [0, 2]
    assert titles(model, overall) == [s.WORK_SAFETY, s.FLOOD, s.DEPARTMENT]
    assert model.canFetchMore(overall)
    model.fetchMore(overall)
    assert titles(model, overall)[-1] == s.TOWN_PLAN
    assert not model.canFetchMore(overall)
    uid = overall.data(UID_ROLE)
    assert calls[1:] == [(uid, 0, 3), (uid, 3, 3)]
    leaf = model.index(0, 0, overall)
    assert not model.hasChildren(leaf)
    assert model.flags(leaf) & Qt.ItemFlag.ItemNeverHasChildren
    node = leaf.data(NODE_ROLE)
    assert node.title == s.WORK_SAFETY and node.owner_unit_name == "青山市应急管理局"


def test_rows_that_went_away_stop_the_fetching(sample_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    model = PlanTreeModel(sample_db.engine)
    model.fetchMore(QModelIndex())
    overall = model.index(0, 0)
    # between counting and expanding, someone else deleted all four children
    monkeypatch.setattr(hierarchy, "plan_children", lambda *a, **k: [])
    model.fetchMore(overall)
    assert model.rowCount(overall) == 0
    assert not model.canFetchMore(overall)


def test_a_database_problem_while_expanding_is_reported(
    qtbot, sample_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = PlanTreeModel(sample_db.engine)
    model.fetchMore(QModelIndex())
    overall = model.index(0, 0)

    def locked(*args: object, **kwargs: object) -> list[object]:
        raise DatabaseLocked("planmgr.sqlite")

    monkeypatch.setattr(hierarchy, "plan_children", locked)
    with qtbot.waitSignal(model.load_failed) as failed:
        model.fetchMore(overall)
    assert "已锁定" in failed.args[0]
    assert not model.canFetchMore(overall)
    # a refresh tries again
    monkeypatch.undo()
    model.reload()
    model.fetchMore(QModelIndex())
    model.fetchMore(model.index(0, 0))
    assert model.rowCount(model.index(0, 0)) == 4


def test_index_of_a_fetched_uid(sample_db: Database) -> None:
    model = PlanTreeModel(sample_db.engine)
    model.fetchMore(QModelIndex())
    overall = model.index(0, 0)
    model.fetch_all(overall)
    town = model.index(3, 0, overall)
    found = model.index_of_uid(town.data(UID_ROLE))
    assert found == town and found.parent() == overall
    assert not model.index_of_uid("no-such-uid").isValid()


def test_status_and_version_decorations(sample_db: Database) -> None:
    model = PlanTreeModel(sample_db.engine)
    model.fetchMore(QModelIndex())
    overall = model.index(0, 0)
    model.fetch_all(overall)
    colours = [
        model.index(r, 2, overall).data(Qt.ItemDataRole.ForegroundRole).name().upper() for r in range(4)
    ]
    assert colours == ["#188038", "#F29900", "#5F6368", "#188038"]
    assert not overall.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "下级预案 4 个" in overall.data(Qt.ItemDataRole.ToolTipRole)
