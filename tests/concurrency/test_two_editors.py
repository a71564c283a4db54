"""Two app instances on one database never silently overwrite each other (optimistic locking).

Two Python processes (``worker.py``) open the same plan, handling card, drill or filing,
read its ``row_version``, meet at a barrier (the parent waits for both on their pipes) and
both save their own text. Exactly one save wins; the other gets ``ConflictError`` with the
Chinese message, and its text is nowhere in the database.

Two meeting points:
- ``barrier``: both have read the record; both saves start together (the issue's scenario);
- ``inside``: both are inside the service and have *passed* its row_version comparison before
  either writes — the race the comparison alone cannot see; the database's
  ``UPDATE … WHERE row_version = …`` (the ORM's version column) must catch it.

Runs on SQLite and, with PLANMGR_TEST_PG_URL, on PostgreSQL. The two workers are started
once per module and reused, so the module takes seconds.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from planmgr.domain.enums import PlanCategory
from planmgr.services import cards, drills, filing_stats, plans
from planmgr.store.database import Database
from tests.factories import make_filing, make_plan, make_unit

WORKER = Path(__file__).with_name("worker.py")
TIMEOUT = 60  # seconds a worker may take to answer before the test fails (never slept)
KINDS = ("plan", "card", "drill", "filing")
CONFLICT_WORDS = "已被其他人"


@dataclass
class Worker:
    name: str
    process: subprocess.Popen[str]
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    reader: threading.Thread | None = None

    def send(self, data: dict[str, Any] | str) -> None:
        assert self.process.stdin is not None
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"worker {self.name} did not answer within {TIMEOUT} s") from None
        if line is None:
            raise AssertionError(f"worker {self.name} exited: {self.process.wait()}")
        answer: dict[str, Any] = json.loads(line)
        return answer


def _pump(worker: Worker) -> None:
    assert worker.process.stdout is not None
    for line in worker.process.stdout:
        worker.lines.put(line)
    worker.lines.put(None)


@pytest.fixture(scope="module")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Worker, Worker]]:
    home = tmp_path_factory.mktemp("workers-home")
    env = {**os.environ, "PLANMGR_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    started = []
    for name in ("甲", "乙"):
        process = subprocess.Popen(
            [sys.executable, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        worker = Worker(name, process)
        worker.reader = threading.Thread(target=_pump, args=(worker,), daemon=True)
        worker.reader.start()
        started.append(worker)
    yield started[0], started[1]
    for worker in started:
        worker.send({"op": "quit"})
        assert worker.process.stdin is not None
        worker.process.stdin.close()
        assert worker.process.wait(timeout=TIMEOUT) == 0
        assert worker.reader is not None and worker.process.stdout is not None
        worker.reader.join(timeout=TIMEOUT)
        worker.process.stdout.close()


# --------------------------------------------------------------------------- records


def _plan(database: Database) -> str:
    unit = make_unit(database, "开平市恒达化工有限公司")
    draft = plans.PlanDraft("生产安全事故综合应急预案", PlanCategory.ENT_COMPREHENSIVE, unit.uid)
    return plans.create_plan(database.engine, draft).uid


def _card(database: Database) -> str:
    unit = make_unit(database, "开平市恒达化工有限公司")
    data = cards.CardInput(
        title="储罐区泄漏应急处置卡",
        unit_uid=unit.uid,
        post="储罐区操作工",
        risks="储罐区液氨泄漏",
        steps=(cards.CardStepData("关闭进料阀", "操作工"),),
    )
    return cards.create_card(database.engine, data).uid


def _drill(database: Database) -> str:
    unit = make_unit(database, "开平市恒达化工有限公司")
    plan = make_plan(database, unit, published=date(2025, 3, 3))
    draft = drills.DrillDraft(
        "储罐区泄漏现场处置演练", unit.uid, date.today() + timedelta(days=30), [plan.uid]
    )
    return drills.plan_drill(database.engine, draft).uid


def _filing(database: Database) -> str:
    unit = make_unit(database, "开平市恒达化工有限公司")
    plan = make_plan(database, unit, published=date(2025, 3, 3))
    return make_filing(database, plan, status="submitted", submitted=date.today()).uid


SEEDS: dict[str, Callable[[Database], str]] = {
    "plan": _plan,
    "card": _card,
    "drill": _drill,
    "filing": _filing,
}


def _texts(kind: str) -> dict[str, str]:
    """Each editor's own words (a filing: 甲 registers under a number, 乙 returns it)."""
    if kind == "filing":
        return {"甲": "备字〔2026〕甲001号", "乙": "乙指出：缺少评审意见"}
    return {"甲": f"甲编辑的{kind}内容：先报告后处置", "乙": f"乙编辑的{kind}内容：先撤离后报告"}


def _stored_text(database: Database, kind: str, uid: str) -> str:
    """Everything of the record a user could have typed into, as it is now in the database."""
    engine = database.engine
    if kind == "plan":
        detail = plans.get_plan(engine, uid)
        return json.dumps([detail.note, detail.content], ensure_ascii=False)
    if kind == "card":
        card = cards.get_card(engine, uid)
        return json.dumps([card.risks, [s.action for s in card.steps]], ensure_ascii=False)
    if kind == "drill":
        drill = drills.get_drill(engine, uid)
        return json.dumps([drill.note, drill.summary.location], ensure_ascii=False)
    filing = filing_stats.get_filing(engine, uid)
    return json.dumps([filing.filing_number, list(filing.return_notice)], ensure_ascii=False)


# --------------------------------------------------------------------------- the race


@pytest.mark.parametrize("meet", ["barrier", "inside"])
@pytest.mark.parametrize("kind", KINDS)
def test_two_processes_save_the_same_record_exactly_one_wins(
    any_database: Database, workers: tuple[Worker, Worker], kind: str, meet: str
) -> None:
    uid = SEEDS[kind](any_database)
    texts = _texts(kind)
    pair = workers
    url = any_database.url

    for worker in pair:
        worker.send({"op": "read", "url": url, "kind": kind, "uid": uid})
    versions = [worker.receive()["row_version"] for worker in pair]  # barrier: both have read
    assert versions[0] == versions[1]

    hold = meet == "inside"
    for worker in pair:
        worker.send(
            {"op": "save", "url": url, "kind": kind, "uid": uid, "expected": versions[0],
             "text": texts[worker.name], "hold": hold}
        )  # fmt: skip
    if hold:
        for worker in pair:  # barrier: both passed the service's comparison, neither wrote
            assert worker.receive() == {"event": "checked"}
        for worker in pair:
            worker.send("go")
    results = {worker.name: worker.receive() for worker in pair}

    winners = [name for name, result in results.items() if result["ok"]]
    assert len(winners) == 1, results
    (winner,) = winners
    (loser,) = [name for name in results if name != winner]
    assert results[loser]["error"] == "ConflictError"
    assert CONFLICT_WORDS in results[loser]["message"]
    stored = _stored_text(any_database, kind, uid)
    assert texts[winner] in stored
    assert texts[loser] not in stored


def test_a_stale_save_after_the_other_committed_names_both_versions(
    any_database: Database, workers: tuple[Worker, Worker]
) -> None:
    """One after the other (no race at all): the late editor is told which version it had."""
    uid = _plan(any_database)
    first, second = workers
    url = any_database.url
    for worker in workers:
        worker.send({"op": "read", "url": url, "kind": "plan", "uid": uid})
    version = [worker.receive()["row_version"] for worker in workers][0]
    first.send(
        {"op": "save", "url": url, "kind": "plan", "uid": uid, "expected": version, "text": "甲先保存"}
    )
    assert first.receive() == {"ok": True}
    second.send(
        {"op": "save", "url": url, "kind": "plan", "uid": uid, "expected": version, "text": "乙后保存"}
    )
    result = second.receive()
    assert result["error"] == "ConflictError"
    assert f"您打开的是第 {version} 版" in result["message"] and "没有保存" in result["message"]
    assert "乙后保存" not in _stored_text(any_database, "plan", uid)
