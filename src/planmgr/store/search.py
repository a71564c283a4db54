"""Full-text search over plan titles, structured content and handling cards.

SQLite: an FTS5 table with the ``unicode61`` tokenizer over text that has a space around
every CJK character; a query becomes a phrase of those characters, so one- and
two-character Chinese terms (火, 地震) match (DESIGN.md §3, §9: ``trigram`` cannot match
under three characters). PostgreSQL: the same interface with ILIKE over the source rows.

The index is kept in sync by the services (``index_plan`` / ``index_card`` in the same
transaction as the change); bulk paths call ``rebuild``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

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
    _forget(conn, [r["uid"] for r in batch])
    conn.execute(
        text(f"INSERT INTO {SEARCH_TABLE} (uid, kind, title, body) VALUES (:uid, :kind, :title, :body)"),
        batch,
    )


def _forget(conn: Connection, uids: list[str]) -> None:
    # ``uid`` is UNINDEXED, so a DELETE scans the whole index (≈70 ms on a county database)
    # whatever the number of uids it names: name them all in one statement (a JSON array,
    # no limit on bound variables). A statement per 500 uids made a 10,000-plan import spend
    # 2 s here.
    if uids:
        conn.execute(
            text(f"DELETE FROM {SEARCH_TABLE} WHERE uid IN (SELECT value FROM json_each(:uids))"),
            {"uids": json.dumps(uids)},
        )


def remove(conn: Connection, uid: str) -> None:
    if _is_sqlite(conn):
        _forget(conn, [uid])


def plan_document(title: str, content: Any, note: str | None = None) -> tuple[str, str]:
    return title, "\n".join([*flatten(content), note or ""])


def card_document(title: str, parts: Iterable[str | None]) -> tuple[str, str]:
    return title, "\n".join(p for p in parts if p)


def rebuild(conn: Connection) -> int:
    """Re-create the whole index from the plan and card tables; returns rows indexed."""
    if not _is_sqlite(conn):
        return 0
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


_SPACED_CJK = re.compile(r"\s*([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\s*")


def _unspace(value: str) -> str:
    # Undo ``spaced`` for display: drop the spaces we put around CJK characters.
    return _SPACED_CJK.sub(r"\1", value).strip()


# bm25 ranking reads every match's position lists: over a county's 50,000 documents a
# one-character term matches tens of thousands and ``ORDER BY rank`` alone took 70–220 ms,
# and a five-character phrase of common characters (有限公司…) ~25 ms per 500 matches.
# Up to this many matches are ranked; beyond it, title matches come first (bench/, figure 3).
RANKED_AT_MOST = 500


def search(conn: Connection, query: str, *, limit: int = 200) -> list[Hit]:
    """Plans and cards matching every term of ``query``, best first: ranked by bm25 when the
    matches are few enough to rank quickly, else the documents whose title matches first."""
    if not query.strip():
        return []
    if not _is_sqlite(conn):
        return _search_ilike(conn, query, limit)
    match = fts_query(query)
    if match is None:
        return []
    select_ = f"SELECT uid, kind, title, body FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q"
    many = conn.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q LIMIT :n)"),
        {"q": match, "n": RANKED_AT_MOST + 1},
    ).scalar_one()
    if many <= RANKED_AT_MOST:
        rows = list(conn.execute(text(f"{select_} ORDER BY rank LIMIT :limit"), {"q": match, "limit": limit}))
    else:
        rows = list(
            conn.execute(text(f"{select_} LIMIT :limit"), {"q": f"title : ({match})", "limit": limit})
        )
        if len(rows) < limit:
            seen = {row[0] for row in rows}
            more = conn.execute(text(f"{select_} LIMIT :limit"), {"q": match, "limit": limit + len(rows)})
            rows += [row for row in more if row[0] not in seen][: limit - len(rows)]
    terms = [t for t in query.split() if t]
    return [Hit(uid, kind, _unspace(title), snippet(body or "", terms)) for uid, kind, title, body in rows]


SNIPPET_BEFORE, SNIPPET_AFTER = 30, 48  # characters of the indexed (spaced) text around a match


def snippet(body: str, terms: Sequence[str]) -> str:
    """A one-line extract of ``body`` (as indexed: spaced) around the first term found, the
    term in [brackets], "…" where cut; the start of the body when no term is in it (a title
    match). Done in Python: FTS5's snippet() tokenizes each whole document (≈35–65 ms for
    200 hits of a county database)."""
    for term in terms:
        needle = spaced(term).strip()
        at = body.find(needle) if needle else -1
        if at < 0 and needle.lower() != needle:
            needle = needle.lower()
            at = body.lower().find(needle)
        if at < 0:
            continue
        end = at + len(needle)
        start, stop = max(0, at - SNIPPET_BEFORE), min(len(body), end + SNIPPET_AFTER)
        # One pass of _unspace over the window, the match marked by characters it leaves alone.
        window = _unspace(f"{body[start:at]}\x00{body[at:end]}\x01{body[end:stop]}")
        window = window.replace("\x00", "[").replace("\x01", "]")
        return _one_line(("…" if start > 0 else "") + window + ("…" if stop < len(body) else ""))
    cut = SNIPPET_BEFORE + SNIPPET_AFTER
    return _one_line(_unspace(body[:cut]) + ("…" if len(body) > cut else ""))


def _one_line(value: str) -> str:
    return " ".join(value.split())


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
