"""Real file-system conditions for the reliability tests: a read-only folder (read-only bind
mount), an immutable file (chattr +i) and a tiny disk (tmpfs of a few hundred KB).

CI runs as root, where chmod does not stop writes, so these use the kernel's own means.
Each needs root with CAP_SYS_ADMIN (or CAP_LINUX_IMMUTABLE for chattr); where it is not
available the test is skipped with the reason — the portable fallbacks (``mode=ro``,
``PRAGMA max_page_count``) are tested separately and always run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


def _umount(folder: Path) -> None:
    if _run("umount", str(folder)).returncode != 0:
        _run("umount", "-l", str(folder))  # something still has a file open: detach lazily


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """``folder`` bind-mounted onto itself read-only: nothing in it can be written or created."""
    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip("needs mount(8)")
    done = _run("mount", "--bind", str(folder), str(folder))
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here (not root with CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        done = _run("mount", "-o", "remount,ro,bind", str(folder))
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        yield folder
    finally:
        _umount(folder)


@contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """``path`` marked immutable (chattr +i): not even root can write it."""
    if shutil.which("chattr") is None:
        pytest.skip("needs chattr(1)")
    done = _run("chattr", "+i", str(path))
    if done.returncode != 0:
        pytest.skip(f"chattr +i not possible here (file system or capability): {done.stderr.strip()}")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


@contextmanager
def tiny_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KB mounted on ``folder`` (a real "No space left on device")."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip("needs mount(8)")
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (not root with CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        yield folder
    finally:
        _umount(folder)
