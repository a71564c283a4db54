"""Crash safety: the process is killed (SIGKILL) at random moments during a bulk ledger
import and during plan editing. After every kill ``planmgr check`` passes and the database
holds exactly the transactions that committed — an import all or nothing, an edit the last
value the child reported committed or the one after it (committed, not yet reported).

The children are forked from a server that has imported planmgr once (crash_child.py), so
a run costs its own work only; ``PLANMGR_CRASH_KILLS`` sets the number of kills of each test
(default 100). The kill moments are random (seeded, the seed is in the failure message) and
spread over the stretch where they matter: from before the write starts to after the commit.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from planmgr.services.ledger import LedgerImport
from planmgr.store import migrate
from planmgr.store.database import check_database, open_database
from tests.factories import make_plan, make_unit
from tests.reliability.crash_child import ForkServer, Run

KILLS = int(os.environ.get("PLANMGR_CRASH_KILLS", "100"))
PLANS = 400  # rows of the bulk import


def checked(path: Path) -> dict[str, int]:
    """``planmgr check`` on ``path`` (must pass), then the row counts that matter here."""
    report = check_database(path)
    assert report.ok, report.problems
    assert report.revision == migrate.head_revision()
    conn = sqlite3.connect(path)
    try:
        one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
        return {
            "plan": one("SELECT count(*) FROM plan"),
            "plan_version": one("SELECT count(*) FROM plan_version"),
            "unit": one("SELECT count(*) FROM unit"),
            "audit_plan_insert": one(
                "SELECT count(*) FROM audit_entry WHERE table_name='plan' AND action='insert'"
            ),
            "search": one("SELECT count(*) FROM search_index WHERE kind='plan'"),
        }
    finally:
        conn.close()


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def import_base(db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A database with a city and ``PLANS`` enterprises, and a plans ledger for them."""
    units = write_csv(
        tmp_path / "units.csv",
        ["单位名称*", "单位类型*", "上级单位", "行业类型", "企业规模"],
        [["开平市人民政府", "县级以上政府", "", "", ""]]
        + [
            [f"开平市第{i}化工有限公司", "企业", "开平市人民政府", "危险化学品", "小型"] for i in range(PLANS)
        ],
    )
    database = open_database(db_path)
    job = LedgerImport(database.engine, "units", units)
    for _ in job.run():
        pass
    assert job.written, job.errors
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    plans = write_csv(
        tmp_path / "plans.csv",
        ["预案名称*", "预案类别*", "编制单位*", "版本号", "发布日期", "状态", "备注"],
        [
            [
                f"第{i}化工生产安全事故综合应急预案",
                "综合应急预案",
                f"开平市第{i}化工有限公司",
                "1.0",
                "2024-03-01",
                "已发布",
                "危化品<泄漏>&火灾",
            ]  # fmt: skip
            for i in range(PLANS)
        ],
    )
    return db_path, plans


def fresh_copy(base: Path, work: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copyfile(base, work)


def test_killed_bulk_import_is_all_or_nothing(import_base: tuple[Path, Path], tmp_path: Path) -> None:
    base, ledger = import_base
    before = checked(base)
    assert before["plan"] == 0
    work = tmp_path / "work" / "planmgr.sqlite"
    work.parent.mkdir()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    command = {"job": "import", "db": str(work), "kind": "plans", "ledger": str(ledger)}
    outcomes = {"nothing": 0, "all": 0}
    landed = {"before_write": 0, "during_write": 0, "after_commit": 0}
    started = time.monotonic()
    with ForkServer() as server:
        fresh_copy(base, work)
        calibration = server.run(command, kill_after=None)
        assert calibration.exit_code == 0 and calibration.seen("committed"), calibration.events
        commit_at = calibration.at("committed")
        write_at = calibration.at("writing")
        assert commit_at is not None and write_at is not None
        assert checked(work)["plan"] == PLANS
        for number in range(KILLS):
            fresh_copy(base, work)
            # One kill in five while the file is read and checked; the others from the
            # start of the write transaction to a little after its commit.
            if rng.random() < 0.2:
                delay, after = rng.uniform(0, write_at), None
            else:
                delay, after = rng.uniform(0, (commit_at - write_at) * 1.5), "writing"
            run: Run = server.run(command, kill_after=delay, after_event=after)
            assert run.error() is None, run.error()
            where = f"kill {number} {delay:.3f} s after {after or 'fork'} (seed {seed}): {run.events}"
            counts = checked(work)
            assert counts["unit"] == before["unit"], where
            if counts["plan"] == 0:
                outcomes["nothing"] += 1
                assert not run.seen("committed"), where
                assert counts == before, where
            else:
                outcomes["all"] += 1
                assert counts["plan"] == counts["plan_version"] == PLANS, where
                assert counts["audit_plan_insert"] == counts["search"] == PLANS, where
            if run.seen("committed"):
                landed["after_commit"] += 1
            elif run.seen("writing"):
                landed["during_write"] += 1
            else:
                landed["before_write"] += 1
    elapsed = time.monotonic() - started
    summary = f"{KILLS} kills in {elapsed:.1f} s, outcomes {outcomes}, kill points {landed} (seed {seed})"
    print(summary)
    # The kills exercised both sides of the commit, and the write itself.
    assert outcomes["nothing"] > 0 and outcomes["all"] > 0, summary
    assert landed["during_write"] > 0, summary


@pytest.fixture
def edit_base(db_path: Path) -> tuple[Path, str]:
    database = open_database(db_path)
    unit = make_unit(database, "赤坎镇人民政府", "town")
    plan = make_plan(database, unit, "赤坎镇突发事件总体应急预案", "town", status="drafting")
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return db_path, plan.uid


def edit_state(path: Path, uid: str) -> tuple[int, int, int]:
    """(the note's value, row_version, audit entries of updates) after ``planmgr check``."""
    checked(path)
    conn = sqlite3.connect(path)
    try:
        note, row_version = conn.execute(
            "SELECT note, row_version FROM plan WHERE uid = ?", (uid,)
        ).fetchone()
        updates = conn.execute(
            "SELECT count(*) FROM audit_entry WHERE row_uid = ? AND action = 'update'", (uid,)
        ).fetchone()[0]
        scope = conn.execute(
            "SELECT json_extract(content, '$.scope') FROM plan WHERE uid = ?", (uid,)
        ).fetchone()[0]
    finally:
        conn.close()
    value = int(note or 0)
    assert scope == (f"第{value}次修改的适用范围" if value else None)
    return value, int(row_version), int(updates)


def test_killed_editing_keeps_exactly_the_committed_edits(edit_base: tuple[Path, str]) -> None:
    path, uid = edit_base
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    command = {"job": "edit", "db": str(path), "plan": uid}
    known, first_version, _ = edit_state(path, uid)
    reported_runs = 0
    started = time.monotonic()
    with ForkServer() as server:
        for number in range(KILLS):
            # Mostly while edits commit one after another; one in ten while the child starts.
            if rng.random() < 0.1:
                run = server.run(command, kill_after=rng.uniform(0, 0.08))
            else:
                run = server.run(command, kill_after=rng.uniform(0, 0.15), after_event="start")
            assert run.error() is None, run.error()
            assert run.killed and run.exit_code == -9, run.events
            committed = run.committed_values()
            where = f"kill {number} (seed {seed}): last reported {committed[-3:]}, known before {known}"
            for event in run.events:
                if event.get("event") == "start":
                    assert event["value"] == known, where  # nothing was lost from earlier runs
            last = committed[-1] if committed else known
            value, row_version, updates = edit_state(path, uid)
            # The last reported commit, or the next one (committed, killed before it said so).
            assert value in (last, last + 1), f"{where}: database holds {value}"
            # The change, its row version and its audit entry are one transaction.
            assert row_version == first_version + value and updates == value, where
            reported_runs += bool(committed)
            known = value
    elapsed = time.monotonic() - started
    summary = (
        f"{KILLS} kills in {elapsed:.1f} s; {known} edits committed; {reported_runs} runs reported commits"
    )
    print(summary)
    # The kills hit the edit loop (not only the start-up), whatever the machine's speed.
    assert known >= KILLS // 5 and reported_runs >= KILLS // 5, summary
