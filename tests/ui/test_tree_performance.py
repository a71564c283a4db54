"""Expanding a town with 500 plans under it, in a 25,000-plan database, through the real view."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeView

from planmgr.store.database import Database, open_database
from planmgr.ui.models.lazy_tree import UID_ROLE
from planmgr.ui.models.plan_tree import PlanTreeModel
from tests.ui import sample_data as s

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture(scope="module")
def large(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict]]:
    path = tmp_path_factory.mktemp("large-ui") / "large.sqlite"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    info = s.generate_large(database.engine, content_chars=300)
    yield database, info
    database.dispose()


def expand_big_town(qtbot, database: Database, town_uid: str) -> tuple[float, PlanTreeModel]:
    model = PlanTreeModel(database.engine)
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.doItemsLayout()
    overall = model.index(0, 0)
    view.expand(overall)
    view.doItemsLayout()
    town = next(
        model.index(r, 0, overall)
        for r in range(model.rowCount(overall))
        if model.index(r, 0, overall).data(UID_ROLE) == town_uid
    )
    started = time.perf_counter()
    view.expand(town)
    view.doItemsLayout()  # what the view does before it paints: fetch the first batch, lay out
    seconds = time.perf_counter() - started
    assert model.rowCount(town) > 0
    return seconds, model


def test_town_with_500_children_expands_in_the_view_well_under_50_ms(qtbot, large) -> None:
    database, info = large
    timings = []
    for _ in range(5):
        seconds, model = expand_big_town(qtbot, database, str(info["big_town"]))
        timings.append(seconds)
    best = min(timings)
    town = model.index_of_uid(str(info["big_town"]))
    first = model.rowCount(town)
    started = time.perf_counter()
    model.fetch_all(town)
    rest = time.perf_counter() - started
    print(
        f"\nexpand in view (first batch of {first}): {best * 1000:.1f} ms; "
        f"remaining {model.rowCount(town) - first} rows: {rest * 1000:.1f} ms"
    )
    assert model.rowCount(town) == s.BIG_TOWN_CHILDREN
    assert best < 0.050
