"""A second app opening the same file is told who has it (one writer per file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planmgr.store.lock import AlreadyOpen, WriterLock, lock_path

HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from planmgr.store.lock import WriterLock\n"
    "lock = WriterLock(Path(sys.argv[1])).acquire()\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"
)


def hold_lock(db_path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_second_writer_is_told_who_holds_the_file(db_path: Path) -> None:
    with hold_lock(db_path) as holder:
        with pytest.raises(AlreadyOpen) as info:
            WriterLock(db_path).acquire()
        assert info.value.holder is not None and info.value.holder.pid == holder.pid
        assert "正在被" in info.value.message and "只读" in info.value.message
        holder.communicate("", timeout=30)
    # The holder has exited: the lock went with it.
    with WriterLock(db_path) as lock:
        assert lock.held
    assert not lock_path(db_path).exists()


def test_lock_of_a_killed_process_does_not_linger(db_path: Path) -> None:
    with hold_lock(db_path) as proc:
        proc.kill()
        proc.communicate(timeout=30)
    assert lock_path(db_path).exists()  # the crash left its lock file behind ...
    with WriterLock(db_path) as lock:  # ... but not a lock
        assert lock.held
