"""search index (SQLite FTS5)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

SQLite only: an FTS5 table over plan titles/content and cards, with a space around every
CJK character (planmgr.store.search). PostgreSQL searches the source tables with ILIKE.
The helper functions are copied here on purpose: a migration must not change when the
application code does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CJK = re.compile(
    "([\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff])"
)


def _spaced(value: str) -> str:
    return _CJK.sub(r" \1 ", value)


def _flatten(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "uid UNINDEXED, kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    rows = bind.execute(
        sa.text("SELECT uid, title, content, note FROM plan WHERE deleted_at IS NULL")
    ).fetchall()
    batch = []
    for uid, title, content, note in rows:
        data = json.loads(content) if isinstance(content, str) else content
        body = "\n".join([*_flatten(data), note or ""])
        batch.append({"uid": uid, "kind": "plan", "title": _spaced(title), "body": _spaced(body)})
    if batch:
        bind.execute(
            sa.text("INSERT INTO search_index (uid, kind, title, body) VALUES (:uid, :kind, :title, :body)"),
            batch,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
