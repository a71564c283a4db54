"""Units and plans of the database, for resolving what a ledger cell names.

Import and export read them the same way: a cell names a unit by its uid, 统一社会信用代码
or name, and a plan by its 预案编号 (uid) or title; an export writes the shortest of
those that finds the row again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, select

from planmgr.domain.i18n import tr
from planmgr.domain.validators import normalise_uscc
from planmgr.services.ledger.tables import PLAN, UNIT

# A row a reference names: one already in the database (by id) or one of this file (by index).
type Ref = tuple[Literal["db", "file"], int]


@dataclass(frozen=True, slots=True)
class UnitInfo:
    id: int
    uid: str
    name: str
    kind: str
    uscc: str | None
    parent_id: int | None
    deleted: bool


class Units:
    """Units of the database, for resolving what a cell names (uid, USCC or name)."""

    def __init__(self, conn: Connection) -> None:
        u = UNIT.c
        rows = conn.execute(
            select(u.id, u.uid, u.name, u.kind, u.uscc, u.parent_id, u.deleted_at.is_not(None))
        ).all()
        self.all = [UnitInfo(*r) for r in rows]
        self.by_id = {x.id: x for x in self.all}
        self.by_uid = {x.uid: x for x in self.all}
        self.by_uscc = {x.uscc: x for x in self.all if x.uscc}
        self.by_name: dict[str, list[UnitInfo]] = defaultdict(list)
        for x in self.all:
            if not x.deleted:
                self.by_name[x.name].append(x)

    def resolve(self, text: str, what: str, *, file_searched: bool = False) -> UnitInfo | str:
        """The unit ``text`` names, or the reason it names none (in the interface language).

        ``what`` is the unit's role, translated (``tr("编制单位")``); ``file_searched`` says
        the ledger's own rows were looked through first (a 上级单位 of the same file).
        """
        found = self.by_uid.get(text) or self.by_uscc.get(normalise_uscc(text))
        if found is not None:
            return tr("{what}“{name}”已删除", what=what, name=found.name) if found.deleted else found
        named = self.by_name.get(text, [])
        if len(named) == 1:
            return named[0]
        if named:
            return tr("有 {count} 个名为“{text}”的单位，请改填统一社会信用代码", count=len(named), text=text)
        if file_searched:
            return tr("找不到{what}“{text}”：本文件和数据库中都没有这个单位", what=what, text=text)
        return tr(
            "找不到{what}“{text}”：请先导入单位台账，或检查名称是否与单位台账一致", what=what, text=text
        )

    def reference(self, unit_id: int | None) -> str | None:
        """How an export names a unit: its name if unique, else its USCC, else its uid."""
        if unit_id is None:
            return None
        unit = self.by_id[unit_id]
        if len(self.by_name.get(unit.name, ())) <= 1 and not unit.deleted:
            return unit.name
        return unit.uscc or unit.uid


@dataclass(frozen=True, slots=True)
class PlanInfo:
    id: int
    uid: str
    title: str
    owner_unit_id: int
    current_version_id: int | None
    deleted: bool


class Plans:
    """Plans of the database, for resolving what a cell names (预案编号 or title)."""

    def __init__(self, conn: Connection) -> None:
        p = PLAN.c
        rows = conn.execute(
            select(p.id, p.uid, p.title, p.owner_unit_id, p.current_version_id, p.deleted_at.is_not(None))
        ).all()
        self.all = [PlanInfo(*r) for r in rows]
        self.by_id = {x.id: x for x in self.all}
        self.by_uid = {x.uid: x for x in self.all}
        self.by_title: dict[str, list[PlanInfo]] = defaultdict(list)
        for x in self.all:
            if not x.deleted:
                self.by_title[x.title].append(x)

    def lookup(self, text: str, owner_id: int | None = None) -> PlanInfo | str | None:
        """The plan ``text`` names (uid or title; ``owner_id`` breaks ties), a reason, or None."""
        found = self.by_uid.get(text)
        if found is not None:
            return tr("预案“{title}”已删除", title=found.title) if found.deleted else found
        named = self.by_title.get(text, [])
        if len(named) > 1 and owner_id is not None:
            named = [x for x in named if x.owner_unit_id == owner_id] or named
        if len(named) == 1:
            return named[0]
        if named:
            return tr("有 {count} 个名为“{text}”的预案，请改填预案编号", count=len(named), text=text)
        return None

    def owned(self, title: str, owner_id: int) -> list[PlanInfo]:
        """The live plans of that title that unit owns."""
        return [x for x in self.by_title.get(title, ()) if x.owner_unit_id == owner_id]

    def reference(self, plan_id: int | None, owner_id: int | None = None) -> str | None:
        """How an export names a plan: its title if that finds it again, else its uid."""
        if plan_id is None:
            return None
        plan = self.by_id[plan_id]
        return plan.title if self.lookup(plan.title, owner_id) == plan else plan.uid
