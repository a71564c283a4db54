"""Full-text search over plan titles, structured content and handling cards.

SQLite: an FTS5 table with the ``unicode61`` tokenizer over text that has a space around
every CJK character; a query becomes a phrase of those characters, so one- and
two-character Chinese terms (火, 地震) match (DESIGN.md §3, §9: ``trigram`` cannot match
under three characters). PostgreSQL: the same interface with ILIKE over the source rows.

The index is kept in sync by the services (``index_plan`` / ``index_card`` in the same
transaction as the change); bulk paths call ``rebuild``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

SEARCH_TABLE = "search_index"

# CJK Unified Ideographs (+ Extension A and the compatibility block), kana, Hangul, CJK
# punctuation, full-width forms and the supplementary ideograph planes.
_CJK = re.compile(
    "([\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff])"
)


def is_search_table(name: str | None) -> bool:
    """The FTS table and its shadow tables (created by migration 0002, not by models)."""
    return name is not None and name.startswith(SEARCH_TABLE)


# GIN trigram indexes on titles, made by migration 0004 on PostgreSQL where pg_trgm is
# installed. Not in the models (SQLite must not have them).
TRIGRAM_INDEXES = ("ix_plan_title_trgm", "ix_handling_card_title_trgm")


def is_search_index(name: str | None) -> bool:
    """An index the models do not declare because only the search on one engine wants it."""
    return name in TRIGRAM_INDEXES


def spaced(value: str) -> str:
    """Put a space around every CJK character so each is its own FTS token."""
    return _CJK.sub(r" \1 ", value)


def flatten(value: Any) -> Iterator[str]:
    """Every string inside a JSON-like structure (structured plan content)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from flatten(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from flatten(item)


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: each whitespace-separated term as a quoted phrase, ANDed."""
    phrases = []
    for term in query.split():
        tokens = spaced(term).split()
        if tokens:
            phrases.append('"' + " ".join(t.replace('"', '""') for t in tokens) + '"')
    return " AND ".join(phrases) if phrases else None


@dataclass(frozen=True)
class Hit:
    uid: str
    kind: str  # "plan" | "card"
    title: str
    snippet: str


def _is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def index_rows(conn: Connection, rows: Iterable[tuple[str, str, str, str]]) -> None:
    """(uid, kind, title, body) rows: replace what the index holds for each uid."""
    if not _is_sqlite(conn):
        return
    batch = [
        {"uid": uid, "kind": kind, "title": spaced(title), "body": spaced(body)}
        for uid, kind, title, body in rows
    ]
    if not batch:
        return
    # ``uid`` is UNINDEXED, so every DELETE scans the whole index: delete a chunk of uids
    # per statement, not one (a statement per row made a 10,000-plan import 10x slower).
    forget = text(f"DELETE FROM {SEARCH_TABLE} WHERE uid IN :uids").bindparams(
        bindparam("uids", expanding=True)
    )
    uids = [r["uid"] for r in batch]
    for start in range(0, len(uids), 500):
        conn.execute(forget, {"uids": uids[start : start + 500]})
    conn.execute(
        text(f"INSERT INTO {SEARCH_TABLE} (uid, kind, title, body) VALUES (:uid, :kind, :title, :body)"),
        batch,
    )


def remove(conn: Connection, uid: str) -> None:
    if _is_sqlite(conn):
        conn.execute(text(f"DELETE FROM {SEARCH_TABLE} WHERE uid = :uid"), {"uid": uid})


def plan_document(title: str, content: Any, note: str | None = None) -> tuple[str, str]:
    return title, "\n".join([*flatten(content), note or ""])


def card_document(title: str, parts: Iterable[str | None]) -> tuple[str, str]:
    return title, "\n".join(p for p in parts if p)


def rebuild(conn: Connection) -> int:
    """Re-create the whole index from the plan and card tables; returns rows indexed."""
    if not _is_sqlite(conn):
        return 0
    import json

    conn.execute(text(f"DELETE FROM {SEARCH_TABLE}"))
    count = 0
    plans = conn.execute(text("SELECT uid, title, content, note FROM plan WHERE deleted_at IS NULL"))
    batch: list[tuple[str, str, str, str]] = []
    for uid, title, content, note in plans:
        data = json.loads(content) if isinstance(content, str) else content
        batch.append((uid, "plan", *plan_document(title, data, note)))
        if len(batch) >= 2000:
            _insert_fresh(conn, batch)
            count += len(batch)
            batch = []
    cards = conn.execute(
        text(
            "SELECT c.uid, c.title, c.post, c.place, c.risks, c.precautions, "
            "(SELECT group_concat(s.action, '\n') FROM card_step s WHERE s.card_id = c.id) "
            "FROM handling_card c WHERE c.deleted_at IS NULL"
        )
    )
    for uid, title, post, place, risks, precautions, steps in cards:
        batch.append((uid, "card", *card_document(title, [post, place, risks, precautions, steps])))
        if len(batch) >= 2000:
            _insert_fresh(conn, batch)
            count += len(batch)
            batch = []
    _insert_fresh(conn, batch)
    return count + len(batch)


def _insert_fresh(conn: Connection, rows: list[tuple[str, str, str, str]]) -> None:
    if rows:
        conn.execute(
            text(f"INSERT INTO {SEARCH_TABLE} (uid, kind, title, body) VALUES (:uid, :kind, :title, :body)"),
            [{"uid": u, "kind": k, "title": spaced(t), "body": spaced(b)} for u, k, t, b in rows],
        )


def _unspace(value: str) -> str:
    # Undo ``spaced`` for display: drop the spaces we put around CJK characters.
    return re.sub(r"\s*([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\s*", r"\1", value).strip()


def search(conn: Connection, query: str, *, limit: int = 200) -> list[Hit]:
    """Plans and cards matching every term of ``query``, best first."""
    if not query.strip():
        return []
    if _is_sqlite(conn):
        match = fts_query(query)
        if match is None:
            return []
        rows = conn.execute(
            text(
                f"SELECT uid, kind, title, snippet({SEARCH_TABLE}, 3, '[', ']', '…', 12) "
                f"FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {"q": match, "limit": limit},
        )
        return [Hit(uid, kind, _unspace(title), _unspace(snip or "")) for uid, kind, title, snip in rows]
    return _search_ilike(conn, query, limit)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_ilike(conn: Connection, query: str, limit: int) -> list[Hit]:
    terms = [_escape_like(t) for t in query.split()]
    params: dict[str, Any] = {"limit": limit}
    plan_where, card_where = [], []
    for i, term in enumerate(terms):
        params[f"t{i}"] = f"%{term}%"
        plan_where.append(
            f"(p.title ILIKE :t{i} OR CAST(p.content AS TEXT) ILIKE :t{i} OR p.note ILIKE :t{i})"
        )
        card_where.append(
            f"(c.title ILIKE :t{i} OR c.post ILIKE :t{i} OR c.risks ILIKE :t{i} OR c.precautions ILIKE :t{i} "
            f"OR EXISTS (SELECT 1 FROM card_step s WHERE s.card_id = c.id AND s.action ILIKE :t{i}))"
        )
    sql = (
        "SELECT uid, kind, title FROM ("
        f"SELECT p.uid, 'plan' AS kind, p.title, 0 AS ord FROM plan p WHERE p.deleted_at IS NULL "
        f"AND {' AND '.join(plan_where)} "
        "UNION ALL "
        f"SELECT c.uid, 'card' AS kind, c.title, 1 AS ord FROM handling_card c WHERE c.deleted_at IS NULL "
        f"AND {' AND '.join(card_where)}"
        ") hits ORDER BY ord, title LIMIT :limit"
    )
    return [Hit(uid, kind, title, "") for uid, kind, title in conn.execute(text(sql), params)]
