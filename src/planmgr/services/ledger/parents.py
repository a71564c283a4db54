"""上级单位 / 上级预案: parents named by rows of the same ledger, and loops among them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_columns import column_by_field
from planmgr.exchange.ledger_records import LedgerRecord
from planmgr.exchange.ledger_refs import cycle_members
from planmgr.exchange.ledger_validate import ParsedLedger
from planmgr.services.ledger.directory import Ref


class Parented(Protocol):
    """A matched row of a tree (units, plans): its uid and its parent's."""

    @property
    def record(self) -> LedgerRecord: ...

    @property
    def uid(self) -> str: ...

    @property
    def parent_uid(self) -> str | None: ...


def parent_first(
    records: Sequence[LedgerRecord],
    parents: dict[int, Ref | None],
    bad: set[int],
    parsed: ParsedLedger,
    what: str,
) -> list[int]:
    """Good row indices, a parent row before its children; a loop of parents is an error.

    ``what`` names the parent in messages, translated (``tr("上级单位")``)."""
    links = {i: (ref[1] if ref is not None and ref[0] == "file" else None) for i, ref in parents.items()}
    for i in sorted(cycle_members(links)):
        parsed.error(
            records[i].row,
            "parent",
            tr("{what}形成循环：第 {row} 行的上级最终又指向它自己", what=what, row=records[i].row),
        )
        bad.add(i)
    order: list[int] = []
    placed: set[int] = set()
    for start in range(len(records)):
        chain: list[int] = []
        node: int | None = start
        while node is not None and node not in placed and node not in bad:
            chain.append(node)
            node = links[node]
        if node is not None and node in bad:
            continue  # under a row with errors: checked once that row is fixed
        placed.update(chain)
        order.extend(reversed(chain))
    return order


def report_loops(
    parsed: ParsedLedger,
    rows: Sequence[Parented],
    db_parent_ids: dict[str, int | None],
    by_id: dict[int, Any],
    what: str,
) -> None:
    """A loop through the database: a row's new parent already hangs below it there.

    ``what`` names the parent in messages, translated (``tr("上级单位")``)."""
    graph: dict[str, str | None] = {
        uid: (by_id[pid].uid if pid is not None and pid in by_id else None)
        for uid, pid in db_parent_ids.items()
    }
    graph.update({r.uid: r.parent_uid for r in rows})
    looped = cycle_members(graph)
    header = column_by_field(parsed.kind, "parent").header
    for r in rows:
        if r.uid in looped and not any(e.row == r.record.row and e.column == header for e in parsed.errors):
            parsed.error(r.record.row, "parent", tr("{what}形成循环：它的上级最终又指向它自己", what=what))
