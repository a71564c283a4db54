"""Backups as the application uses them: the policy in settings, automatic backups on open
and daily, the list of backups with a read-only preview, and restore (DESIGN.md §3).

The mechanics (SQLite online backup API, rotation, atomic files) are in
``planmgr.store.backup``; this module adds the policy stored in the database's settings
(key ``backup_policy``), the optional second folder (e.g. a USB drive) whose failure never
hides the main backup, and the checks a restore needs (a newer or damaged backup is
refused before the current file is touched).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from planmgr import paths
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import semicolons, tr
from planmgr.services.settings import IDENTITY_KEY, get_setting, set_setting
from planmgr.store import migrate
from planmgr.store.backup import (
    BackupPolicy,
    RestoreResult,
    automatic_backup,
    database_path,
    list_backups,
    restore_file,
)
from planmgr.store.database import check_database, inspect_revision
from planmgr.store.engine import SQLITE_HEADER, database_url
from planmgr.store.errors import DatabaseProblem, NotADatabase

POLICY_KEY = "backup_policy"
MAX_DAILY = 60
MAX_WEEKLY = 52


def reason_labels() -> dict[str, str]:
    """Why a backup was made, by the reason in its file name, in the interface language."""
    return {
        "open": tr("打开时自动备份"),
        "daily": tr("每日自动备份"),
        "manual": tr("手动备份"),
        "before-restore": tr("恢复前保留的原文件"),
    }


def counted_tables() -> tuple[tuple[str, str], ...]:
    """What a preview counts, in the order shown: (table, label in the interface language)."""
    return (
        ("unit", tr("单位")),
        ("plan", tr("预案")),
        ("plan_version", tr("预案版本")),
        ("drill", tr("演练")),
        ("handling_card", tr("处置卡")),
        ("filing", tr("备案")),
    )


# --- policy -------------------------------------------------------------------------------


def _count(value: Any, default: int, upper: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    return min(max(value, 0), upper)


def policy_from_value(value: Any) -> BackupPolicy:
    """The policy stored in settings; anything missing or malformed falls back to the default."""
    default = BackupPolicy()
    if not isinstance(value, dict):
        return default
    folder = value.get("second_folder")
    return BackupPolicy(
        keep_daily=max(1, _count(value.get("keep_daily"), default.keep_daily, MAX_DAILY)),
        keep_weekly=_count(value.get("keep_weekly"), default.keep_weekly, MAX_WEEKLY),
        second_folder=Path(folder) if isinstance(folder, str) and folder.strip() else None,
    )


def policy_to_value(policy: BackupPolicy) -> dict[str, Any]:
    return {
        "keep_daily": policy.keep_daily,
        "keep_weekly": policy.keep_weekly,
        "second_folder": str(policy.second_folder) if policy.second_folder else None,
    }


def load_policy(engine: Engine) -> BackupPolicy:
    return policy_from_value(get_setting(engine, POLICY_KEY))


def check_policy(policy: BackupPolicy) -> BackupPolicy:
    """Every problem at once (``ValidationError``); the policy when it is fine."""
    problems: list[str] = []
    if not 1 <= policy.keep_daily <= MAX_DAILY:
        problems.append(tr("保留的每日备份数应在 1 到 {most} 之间", most=MAX_DAILY))
    if not 0 <= policy.keep_weekly <= MAX_WEEKLY:
        problems.append(tr("保留的每周备份数应在 0 到 {most} 之间", most=MAX_WEEKLY))
    folder = policy.second_folder
    if folder is not None:
        if not folder.is_absolute():
            problems.append(
                tr("第二备份位置应是完整的文件夹路径（如 E:\\planmgr备份）：{folder}", folder=folder)
            )
        elif folder.exists() and not folder.is_dir():
            problems.append(tr("第二备份位置不是文件夹：{folder}", folder=folder))
        elif folder.resolve() == paths.backups_dir().resolve():
            problems.append(tr("第二备份位置不能与本机备份文件夹相同"))
    if problems:
        raise ValidationError(semicolons(problems))
    return policy


def save_policy(engine: Engine, policy: BackupPolicy) -> BackupPolicy:
    set_setting(engine, POLICY_KEY, policy_to_value(check_policy(policy)))
    return policy


# --- automatic backups ----------------------------------------------------------------------


@dataclass(frozen=True)
class BackupRun:
    made: tuple[Path, ...]
    problems: tuple[str, ...]  # the second folder failed; the main backup is in ``made``


def run_automatic(
    engine: Engine,
    reason: str = "daily",
    *,
    folder: Path | None = None,
    policy: BackupPolicy | None = None,
    now: datetime | None = None,
) -> BackupRun:
    """On open (``reason="open"``, always) or daily (once a day), then rotate.

    A failure of the main folder raises (``DiskFull`` …); a failure of the second folder
    (a USB drive pulled out, full) is reported in ``problems`` and the main backup stays.
    """
    if engine.dialect.name != "sqlite":
        return BackupRun((), ())
    policy = policy if policy is not None else load_policy(engine)
    main = folder if folder is not None else paths.backups_dir()
    single = replace(policy, second_folder=None)
    made = list(automatic_backup(engine, main, single, reason=reason, now=now))
    problems: list[str] = []
    second = policy.second_folder
    if second is not None and second.parent.exists():
        try:
            made += automatic_backup(engine, second, single, reason=reason, now=now)
        except DatabaseProblem as problem:
            problems.append(
                tr("第二备份位置（{folder}）未能备份：{error}", folder=second, error=problem.message)
            )
        except OSError as error:
            failure = error.strerror or error
            problems.append(tr("第二备份位置（{folder}）未能备份：{error}", folder=second, error=failure))
    return BackupRun(tuple(made), tuple(problems))


# --- listing and preview ------------------------------------------------------------------


def reason_label(reason: str) -> str:
    if reason.startswith("pre-upgrade-"):
        return tr("升级前备份（结构版本 {revision}）", revision=reason.removeprefix("pre-upgrade-"))
    return reason_labels().get(reason, reason)


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken: datetime  # local time, from the file name
    reason: str
    reason_label: str
    second_folder: bool
    size: int


def backups_of(
    database: Path, policy: BackupPolicy | None = None, folder: Path | None = None
) -> list[BackupEntry]:
    """Backups of ``database`` in the main and second folders, newest first."""
    folders = [(folder if folder is not None else paths.backups_dir(), False)]
    if policy is not None and policy.second_folder is not None:
        folders.append((policy.second_folder, True))
    found: list[BackupEntry] = []
    for where, second in folders:
        for info in list_backups(where, database.stem):
            try:
                size = info.path.stat().st_size
            except OSError:
                continue
            label = reason_label(info.reason)
            found.append(BackupEntry(info.path, info.taken, info.reason, label, second, size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


@dataclass(frozen=True)
class BackupPreview:
    path: Path
    taken: datetime | None  # when the backup was made (its name), else the file's time
    size: int
    revision: str | None
    newer: bool  # made by a newer planmgr: cannot be restored here
    unit_name: str | None  # the database's own unit, if registered
    counts: tuple[tuple[str, int], ...]  # (label, rows)
    problem: str | None  # why it cannot be restored

    @property
    def restorable(self) -> bool:
        return self.problem is None


_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})-[^/\\]+\.sqlite$")


def _taken(path: Path) -> datetime:
    """When the backup was made: the stamp in its name (store.backup), else the file's time."""
    found = _STAMP.search(path.name)
    if found:
        try:
            return datetime.strptime(found.group(1), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime)


def _read_only_uri(path: Path, head: bytes) -> str:
    # A WAL file opened even read-only may get -wal/-shm files; ``immutable`` reads it
    # without creating anything (our backups are written in rollback mode anyway).
    wal = len(head) >= 20 and head[18:20] == b"\x02\x02"
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if wal else "?mode=ro")


def preview_backup(path: Path) -> BackupPreview:
    """Date, schema revision and row counts of a backup, read without writing anything."""
    try:
        size = path.stat().st_size
        taken = _taken(path)
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as error:
        unreadable = tr("无法读取备份文件：{error}", error=error.strerror or error)
        return BackupPreview(path, None, 0, None, False, None, (), unreadable)
    if not head.startswith(SQLITE_HEADER):
        return BackupPreview(path, taken, size, None, False, None, (), tr("该文件不是 planmgr 数据库备份"))
    counts: list[tuple[str, int]] = []
    revision: str | None = None
    unit_name: str | None = None
    problem: str | None = None
    try:
        conn = sqlite3.connect(_read_only_uri(path, head), uri=True)
        try:
            conn.execute("PRAGMA query_only=ON")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
            for table, label in counted_tables():
                if table in tables:
                    counts.append((label, int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])))
            unit_name = _unit_name(conn, tables)
        finally:
            conn.close()
    except sqlite3.Error as error:
        problem = tr("备份文件已损坏或无法读取（{error}）", error=error)
    newer = revision is not None and revision not in migrate.known_revisions()
    if problem is None:
        if revision is None:
            problem = tr("该文件不是 planmgr 数据库备份")
        elif newer:
            problem = tr(
                "该备份由更新版本的 planmgr 创建（结构版本 {revision}），请升级 planmgr 后再恢复",
                revision=revision,
            )
    return BackupPreview(path, taken, size, revision, newer, unit_name, tuple(counts), problem)


def _unit_name(conn: sqlite3.Connection, tables: set[str]) -> str | None:
    if not {"setting", "unit"} <= tables:
        return None
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (IDENTITY_KEY,)).fetchone()
    if not row or not row[0]:
        return None
    try:
        uid = json.loads(row[0]).get("unit_uid")
    except (ValueError, AttributeError):
        return None
    found = conn.execute("SELECT name FROM unit WHERE uid = ?", (uid,)).fetchone()
    return str(found[0]) if found else None


# --- restore ------------------------------------------------------------------------------


def restore_backup(backup: Path, database: Path, keep_dir: Path | None = None) -> RestoreResult:
    """Replace ``database`` with ``backup``; the replaced file is kept (``previous_kept_as``).

    Refused, before the current file is touched: a file that is not a planmgr database,
    a backup from a newer planmgr, a damaged backup (integrity check).
    """
    if backup.resolve() == database.resolve():
        raise ValidationError(tr("不能用数据库文件本身恢复它自己，请选择一个备份文件"))
    revision, _ = inspect_revision(database_url(backup))
    if revision is None:
        raise NotADatabase(str(backup))
    check_database(backup)  # NewerSchema, CorruptDatabase, NotADatabase
    return restore_file(backup, database, keep_dir)


def engine_database(engine: Engine) -> Path | None:
    """The file behind a SQLite engine (``None`` for a server database)."""
    return database_path(engine)
