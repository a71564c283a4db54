"""One writer per database file.

A second app opening the same SQLite file is told who has it open and may continue
read-only or cancel (the GUI asks). The lock is an OS lock on ``<file>.lock`` (fcntl on
POSIX, msvcrt on Windows), so it disappears with the process that held it — a crashed
app never leaves a file locked for ever. The lock file's text says who holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from planmgr.domain.i18n import tr
from planmgr.store.audit import os_user


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return tr(
            "{user}（计算机 {host}，进程 {pid}，自 {since} 起）",
            user=self.user,
            host=self.host,
            pid=self.pid,
            since=self.since,
        )


class AlreadyOpen(Exception):
    """Another app holds the write lock; ``holder`` says who, if it could be read."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        who = holder.describe() if holder else tr("另一个程序")
        super().__init__(tr("数据库正在被 {who} 使用：{path}", who=who, path=path))

    @property
    def message(self) -> str:
        return tr("{problem}。可以只读打开，或取消。", problem=str(self))


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def read_holder(database: Path) -> Holder | None:
    try:
        data = json.loads(lock_path(database).read_text(encoding="utf-8"))
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class WriterLock:
    """Held while the app has the database open for writing; ``release`` or close the app."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._handle: IO[str] | None = None

    def acquire(self) -> WriterLock:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        if not _try_lock(handle):
            handle.close()
            raise AlreadyOpen(self.database, read_holder(self.database))
        holder = {
            "user": os_user(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder, ensure_ascii=False))
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self._handle.seek(0)
            self._handle.truncate()
        self._handle.close()  # closing drops the OS lock
        self._handle = None
        with contextlib.suppress(OSError):
            self.path.unlink()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *_: object) -> None:
        self.release()
