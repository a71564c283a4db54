"""Pure helpers for the references between ledger rows (上级单位, 上级预案, 关联预案).

No database here: the services hand in lookups and get plain answers back.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence

from planmgr.exchange.ledger_columns import ENUMERATION_COMMA, ITEM_SEPARATORS


def segment_references[T](text: str, resolve: Callable[[str], T | None]) -> tuple[list[T], list[str]]:
    """Split a multi-reference cell into the things it names.

    Items are separated by ``;`` ``；`` or a line break, and by 、 — but 、 also occurs in
    titles (“防汛、防台风应急预案”), so adjacent 、-parts are joined again, longest first,
    when the joined text is what ``resolve`` knows. Returns (found, parts not found).
    """
    found: list[T] = []
    unknown: list[str] = []
    for chunk in ITEM_SEPARATORS.split(text):
        parts = [p.strip() for p in chunk.split(ENUMERATION_COMMA)]
        i = 0
        while i < len(parts):
            if not parts[i]:
                i += 1
                continue
            for j in range(len(parts), i, -1):
                candidate = ENUMERATION_COMMA.join(parts[i:j])
                target = resolve(candidate)
                if target is not None:
                    if target not in found:
                        found.append(target)
                    i = j
                    break
            else:
                unknown.append(parts[i])
                i += 1
    return found, unknown


def join_references(labels: Sequence[str]) -> str:
    """Write several references into one cell: 、 unless a label has one itself, then ；."""
    separator = "；" if any(ENUMERATION_COMMA in label for label in labels) else ENUMERATION_COMMA
    return separator.join(labels)


def cycle_members[K: Hashable](parents: Mapping[K, K | None], limit: int = 10_000) -> set[K]:
    """Keys that are their own ancestor when following ``parents`` (a parent loop)."""
    in_cycle: set[K] = set()
    safe: set[K] = set()
    for start in parents:
        path: list[K] = []
        on_path: set[K] = set()
        node: K | None = start
        while node is not None and node not in safe and node not in in_cycle and len(path) < limit:
            if node in on_path:
                loop = path[path.index(node) :]
                in_cycle.update(loop)
                break
            path.append(node)
            on_path.add(node)
            node = parents.get(node)
        safe.update(k for k in path if k not in in_cycle)
    return in_cycle
