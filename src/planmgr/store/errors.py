"""Database problems as user-facing errors (DESIGN.md §3).

Every SQLite failure is translated into one of these classes with a message in the
interface language (planmgr.domain.i18n); the CLI exits 3 on them and the GUI shows the
message, never a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError

from planmgr.domain.errors import ConflictError, PlanmgrError
from planmgr.domain.i18n import is_english, tr


class DatabaseProblem(PlanmgrError):
    exit_code = 3


class DatabaseMissing(DatabaseProblem):
    def __init__(self, where: str) -> None:
        super().__init__(tr("数据库文件不存在：{where}", where=where))


class DatabaseLocked(DatabaseProblem):
    def __init__(self, where: str = "") -> None:
        super().__init__(
            tr("数据库正被其他程序使用（已锁定），请稍后再试或关闭其他正在使用它的程序。{where}", where=where)
        )


class DiskFull(DatabaseProblem):
    def __init__(self, where: str = "") -> None:
        super().__init__(
            tr(
                "磁盘空间已满，无法写入数据库。请清理磁盘后重试；已保存的数据没有受到影响。{where}",
                where=where,
            )
        )


class ReadOnlyDatabase(DatabaseProblem):
    def __init__(self, where: str = "") -> None:
        super().__init__(
            tr("数据库文件是只读的，无法保存修改。请检查文件属性和文件夹权限。{where}", where=where)
        )


class CorruptDatabase(DatabaseProblem):
    def __init__(self, where: str = "", detail: str = "") -> None:
        if detail:
            message = tr(
                "数据库文件已损坏（{detail}），请从备份恢复（文件 → 恢复备份）。{where}",
                detail=detail,
                where=where,
            )
        else:
            message = tr("数据库文件已损坏，请从备份恢复（文件 → 恢复备份）。{where}", where=where)
        super().__init__(message)


class NotADatabase(DatabaseProblem):
    def __init__(self, where: str = "") -> None:
        super().__init__(tr("该文件不是 planmgr 数据库：{where}", where=where))


class NewerSchema(DatabaseProblem):
    def __init__(self, where: str, revision: str) -> None:
        super().__init__(
            tr(
                "该数据库由更新版本的 planmgr 创建（结构版本 {revision}），本程序无法打开。"
                "请升级 planmgr 后再打开；文件未做任何修改：{where}",
                revision=revision,
                where=where,
            )
        )


class CannotOpen(DatabaseProblem):
    def __init__(self, where: str, detail: str = "") -> None:
        if detail:
            message = tr("无法打开数据库（{detail}）：{where}", detail=detail, where=where)
        else:
            message = tr("无法打开数据库：{where}", where=where)
        super().__init__(message)


def translate(error: BaseException, where: str = "") -> DatabaseProblem:
    """Map a DB-API / SQLAlchemy error to the user-facing class (by SQLite's error name)."""
    if isinstance(error, DatabaseProblem):
        return error
    orig = getattr(error, "orig", None) or error
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig).lower()
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "locked" in text:
        return DatabaseLocked(where)
    if name == "SQLITE_FULL" or "disk is full" in text or "database or disk is full" in text:
        return DiskFull(where)
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(where)
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return NotADatabase(where)
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return CorruptDatabase(where)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return CannotOpen(where)
    if "could not connect" in text or "connection refused" in text or "connection failed" in text:
        return CannotOpen(where, tr("无法连接数据库服务器"))
    return CannotOpen(where, str(orig).splitlines()[0] if str(orig) else type(orig).__name__)


# What a lost race names, by table: Chinese and English (lower case, after "This").
_RECORD_LABELS = {  # zh-only: record names (the English is beside each)
    "plan": ("预案", "plan"),
    "handling_card": ("处置卡", "handling card"),
    "drill": ("演练", "drill"),
    "filing": ("备案", "filing"),
    "unit": ("单位", "organisation"),
    "corrective_action": ("整改措施", "corrective action"),
}
_ANY_RECORD = ("该记录", "record")  # zh-only: record name (the English is beside it)


def stale_edit(error: StaleDataError) -> ConflictError:
    """A save that lost the race with another process (the row's ``row_version`` moved on
    between reading and writing it): optimistic locking, told as the services tell it."""
    text = str(error)
    names = next((v for k, v in _RECORD_LABELS.items() if f"table '{k}'" in text), _ANY_RECORD)
    return ConflictError(
        tr(
            "{record}已被其他人修改（就在您保存的同时）。您的修改没有保存，也没有丢失：请复制后重新打开再修改。",
            record=names[1] if is_english() else names[0],
        )
    )


@contextmanager
def translated(where: str = "") -> Iterator[None]:
    """Run a block, turning database failures into ``DatabaseProblem`` subclasses (and a lost
    optimistic-locking race into ``ConflictError``)."""
    try:
        yield
    except (DatabaseProblem, sa_exc.IntegrityError):
        raise  # integrity errors are the services' to explain (duplicates, missing parents)
    except StaleDataError as error:
        raise stale_edit(error) from error
    except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error) as error:
        raise translate(error, where) from error
