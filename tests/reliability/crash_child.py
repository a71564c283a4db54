"""A fork server for the crash tests: one process imports planmgr once, then forks a child
per run; the test kills the child with SIGKILL at a random moment.

Forking keeps a run at a few milliseconds of overhead instead of the ~1 s a fresh Python
needs to import SQLAlchemy and pandas, so hundreds of kill points fit in a minute.

Protocol (JSON lines): the test writes one command per run to the server's stdin; the server
forks, answers ``{"pid": ...}``, and ``{"exit": code}`` once the child is gone (a negative
code is the signal that ended it). The child writes its own events to the same stdout:
- ``import``: ``{"event": "writing"}`` when the write transaction starts,
  ``{"event": "committed", "inserted": n}`` after the commit;
- ``edit``: ``{"event": "start", "value": v}`` (the value it found), then
  ``{"event": "committed", "value": v}`` after each commit, for ever.

Run as ``python -m tests.reliability.crash_child`` from the repository root.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------- the server


def _say(message: dict[str, Any]) -> None:
    # One write() per line: lines of the server and its child never interleave (< PIPE_BUF).
    os.write(1, (json.dumps(message, ensure_ascii=False) + "\n").encode())


def _import_job(command: dict[str, Any]) -> None:
    from planmgr.services.ledger import LedgerImport, Stage
    from planmgr.store.database import open_database

    database = open_database(command["db"])
    job = LedgerImport(database.engine, command["kind"], Path(command["ledger"]))
    writing = False
    for progress in job.run():
        if progress.step is Stage.WRITE and not writing:
            writing = True
            _say({"event": "writing"})
    if job.written:
        _say({"event": "committed", "inserted": job.report.inserted})
    else:
        _say({"event": "not_written", "errors": [e.message for e in job.errors[:3]]})


def _edit_job(command: dict[str, Any]) -> None:
    from planmgr.services.plans import get_plan, update_plan
    from planmgr.store.database import open_database

    database = open_database(command["db"])
    detail = get_plan(database.engine, command["plan"])
    value = int(detail.note or 0)
    row_version = detail.summary.row_version
    _say({"event": "start", "value": value})
    while True:
        value += 1
        summary = update_plan(
            database.engine,
            command["plan"],
            expected_row_version=row_version,
            note=str(value),
            content={"scope": f"第{value}次修改的适用范围", "measures": [f"措施{value}"] * 3},
        )
        row_version = summary.row_version
        _say({"event": "committed", "value": value})


JOBS = {"import": _import_job, "edit": _edit_job}


def serve() -> None:
    import warnings

    warnings.simplefilter("ignore")  # fork() in a process some library gave a thread
    # Import everything the children use, once.
    import planmgr.services.ledger  # noqa: F401
    import planmgr.services.plans  # noqa: F401
    import planmgr.store.database  # noqa: F401

    threads = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 1
    _say({"ready": True, "threads": threads})
    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                JOBS[command["job"]](command)
            except BaseException:
                _say({"event": "error", "traceback": traceback.format_exc()})
                code = 1
            os._exit(code)
        _say({"pid": pid})
        _, status = os.waitpid(pid, 0)
        _say({"exit": os.waitstatus_to_exitcode(status)})


# --------------------------------------------------------------------------- the test side


@dataclass
class Run:
    events: list[dict[str, Any]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # seconds after the fork, per event
    killed: bool = False
    exit_code: int | None = None

    def seen(self, event: str) -> bool:
        return any(e.get("event") == event for e in self.events)

    def at(self, event: str) -> float | None:
        for e, t in zip(self.events, self.times, strict=True):
            if e.get("event") == event:
                return t
        return None

    def committed_values(self) -> list[int]:
        return [int(e["value"]) for e in self.events if e.get("event") == "committed" and "value" in e]

    def error(self) -> str | None:
        for e in self.events:
            if e.get("event") == "error":
                return str(e["traceback"])
        return None


class ForkServer:
    """The test's handle on the server process (a context manager)."""

    def __init__(self) -> None:
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_child"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self._out = self.proc.stdout
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._out, selectors.EVENT_READ)
        self._buffer = b""
        ready = self._next(time.monotonic() + 120)
        assert ready is not None and ready.get("ready"), ready
        self.threads = int(ready["threads"])

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._selector.close()
        self._out.close()

    def _next(self, deadline: float) -> dict[str, Any] | None:
        """The next line, or ``None`` at ``deadline``."""
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._selector.select(remaining):
                return None
            chunk = os.read(self._out.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"the fork server died (exit {self.proc.poll()})")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        message: dict[str, Any] = json.loads(line)
        return message

    def run(
        self,
        command: dict[str, Any],
        kill_after: float | None,
        *,
        after_event: str | None = None,
        limit: float = 60.0,
    ) -> Run:
        """Start a child; SIGKILL it ``kill_after`` seconds after the fork — or, with
        ``after_event``, after the child reported that event. ``None``: let it end."""
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(command) + "\n").encode())
        self.proc.stdin.flush()
        run = Run()
        pid: int | None = None
        started = time.monotonic()
        while pid is None:
            message = self._next(started + limit)
            assert message is not None, "no answer from the fork server"
            if "pid" in message:
                pid = int(message["pid"])
                started = time.monotonic()
            else:  # the child can speak before the server reports its pid
                run.events.append(message)
                run.times.append(0.0)
        armed = after_event is None or run.seen(after_event)
        deadline = started + (kill_after if kill_after is not None and armed else limit)
        while True:
            message = self._next(deadline)
            if message is None:  # the moment has come
                if run.killed:
                    raise AssertionError(f"the killed child {pid} was not reaped within {limit} s")
                if kill_after is None or not armed:
                    raise AssertionError(f"the child did not finish within {limit} s: {run.events[-3:]}")
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                run.killed = True
                deadline = time.monotonic() + limit
                continue
            if "exit" in message:
                run.exit_code = int(message["exit"])
                return run
            run.events.append(message)
            run.times.append(time.monotonic() - started)
            if not armed and message.get("event") == after_event:
                armed = True
                assert kill_after is not None
                deadline = time.monotonic() + kill_after


if __name__ == "__main__":
    serve()
