"""Shared fixtures.

Offscreen Qt is set here, before anything can import Qt. User folders are redirected to
``tmp_path`` for every test (``PLANMGR_HOME``). Databases: the migrations run once per
session into a template file, and each test gets its own copy.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planmgr.domain import i18n
from planmgr.store.database import Database, open_database

PG_URL = os.environ.get("PLANMGR_TEST_PG_URL")
ENGINES = ["sqlite"] + (["postgresql"] if PG_URL else [])


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Store and service tests that take ``any_database`` run on every engine available:
    # SQLite always, PostgreSQL when PLANMGR_TEST_PG_URL names a server (CI starts one).
    if "any_database" in metafunc.fixturenames:
        metafunc.parametrize("engine_kind", ENGINES, scope="function")


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PLANMGR_HOME", str(home))
    monkeypatch.delenv("PLANMGR_LANG", raising=False)  # a developer's own choice must not leak in
    return home


@pytest.fixture(autouse=True)
def chinese_messages() -> Iterator[None]:
    """Every test starts in the default language (Chinese); one that switches to English
    (``i18n.set_language("en")``) cannot leak it into the next."""
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English for this test (the GUI's --lang en sets this too)."""
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    database = open_database(path, create=True)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A freshly migrated, empty database file of this test's own."""
    path = tmp_path / "planmgr.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated template database on the test server; per-test databases copy it."""
    assert PG_URL, "PLANMGR_TEST_PG_URL is not set"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"planmgr_tmpl_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    database = open_database(url, create=True)
    database.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def any_database(engine_kind: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """An open, migrated, empty database on SQLite or on the PostgreSQL test server."""
    if engine_kind == "sqlite":
        path = request.getfixturevalue("db_path")
        database = open_database(path)
        yield database
        database.dispose()
        return
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    template = request.getfixturevalue("pg_template")
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"planmgr_t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    database = open_database(url)
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
