"""One "app instance" for the concurrency tests: a separate Python process that edits records
through the real services, driven line by line over its stdin/stdout (JSON).

Commands (one JSON object a line) and answers:
- ``{"op": "read", "url", "kind", "uid"}`` -> ``{"row_version": n}``: what an editor shows;
- ``{"op": "save", "url", "kind", "uid", "expected", "text", "hold": bool}`` -> ``{"ok": true}``
  or ``{"ok": false, "error": "ConflictError", "message": "…"}``. With ``hold`` the worker
  stops inside the service, right after the service compared ``expected`` with the row it
  read, says ``{"event": "checked"}`` and waits for a ``go`` line: both processes then hold
  a row that passed the comparison, and only the database can tell who was first;
- ``{"op": "quit"}``.

The parent's waits on these pipes are the barrier: no sleeps anywhere.
Not collected by pytest (no ``test_`` prefix); run as ``python worker.py``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from planmgr.domain.errors import PlanmgrError
from planmgr.services import cards, drills, filing_reply, filing_stats, plans
from planmgr.store.database import open_database

# Where each kind's service compares the expected row_version (patched for ``hold``).
CHECKS: dict[str, tuple[Any, str]] = {
    "plan": (plans, "_check_version"),
    "card": (cards, "check_row_version"),
    "drill": (drills, "check_version"),
    "filing": (filing_reply, "_check_version"),
}


def answer(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@contextmanager
def held(kind: str) -> Iterator[None]:
    module, name = CHECKS[kind]
    original: Callable[..., None] = getattr(module, name)

    def check_then_wait(*args: Any) -> None:
        original(*args)
        answer({"event": "checked"})
        line = sys.stdin.readline()
        if line.strip() != "go":
            raise SystemExit(f"expected go, got {line!r}")

    setattr(module, name, check_then_wait)
    try:
        yield
    finally:
        setattr(module, name, original)


def read(engine: Any, kind: str, uid: str) -> int:
    if kind == "plan":
        return plans.get_plan(engine, uid).summary.row_version
    if kind == "card":
        return cards.get_card(engine, uid).row_version
    if kind == "drill":
        return drills.get_drill(engine, uid).row_version
    return filing_stats.get_filing(engine, uid).row_version


def save(engine: Any, kind: str, uid: str, expected: int, text: str) -> None:
    """Each kind's everyday edit, carrying ``text`` (the user's words) into the record."""
    if kind == "plan":
        plans.update_plan(engine, uid, expected_row_version=expected, note=text, content={"scope": text})
    elif kind == "card":
        card = cards.get_card(engine, uid)
        data = cards.CardInput(
            title=card.title,
            unit_uid=card.unit_uid,
            post=card.post,
            risks=text,
            steps=(cards.CardStepData(action=text, responsible="班长"),),
        )
        cards.update_card(engine, uid, data, expected_row_version=expected)
    elif kind == "drill":
        drills.update_drill(engine, uid, expected_row_version=expected, location=text, note=text)
    elif text.startswith("备"):  # the office registers under its number …
        filing_reply.register_filing(engine, uid, number=text, expected_row_version=expected)
    else:  # … or returns it, naming what is missing
        filing_reply.return_filing(engine, uid, [text], expected_row_version=expected)


def main() -> None:
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "quit":
            return
        database = open_database(command["url"])
        try:
            if command["op"] == "read":
                answer({"row_version": read(database.engine, command["kind"], command["uid"])})
                continue
            try:
                if command.get("hold"):
                    with held(command["kind"]):
                        save(
                            database.engine,
                            command["kind"],
                            command["uid"],
                            command["expected"],
                            command["text"],
                        )
                else:
                    save(
                        database.engine, command["kind"], command["uid"], command["expected"], command["text"]
                    )
            except PlanmgrError as error:
                answer({"ok": False, "error": type(error).__name__, "message": error.message})
            else:
                answer({"ok": True})
        finally:
            database.dispose()


if __name__ == "__main__":
    main()
