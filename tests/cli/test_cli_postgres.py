"""Every ``planmgr`` command with ``--db postgresql+psycopg://…`` on a throwaway database of the
test server, as a county office running a shared server would use them.

Collected only when PLANMGR_TEST_PG_URL names a server (CI starts one, ``.ci/run``); without
it the class below has no tests — nothing is skipped. Where a command reads, its answer is
compared with the same command on a SQLite file holding the same (deterministic) demo set:
the engine must not change what a user sees.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planmgr.cli import main
from planmgr.services.demo import create_demo
from tests.services.filing_builders import ENTERPRISE_NAME, enterprise_site, office_site

PG_URL = os.environ.get("PLANMGR_TEST_PG_URL")
TODAY = date.today()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, f"{argv}: exit {code}: {err}"
    return out


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


class ServerDatabases:
    """Creates empty databases on the test server and drops them all at the end."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.names: list[str] = []

    def new(self) -> str:
        name = f"planmgr_cli_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.names.append(name)
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="class")
def server() -> Iterator[ServerDatabases]:
    assert PG_URL
    databases = ServerDatabases(PG_URL)
    yield databases
    databases.drop_all()


@pytest.fixture(scope="class")
def demo_pair(server: ServerDatabases, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The small demo set on the server and in a SQLite file (same seed, same day): (url, path)."""
    url = server.new()
    create_demo(url, today=TODAY)
    path = tmp_path_factory.mktemp("demo-sqlite") / "demo.sqlite"
    create_demo(path, today=TODAY)
    return url, str(path)


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    return json.loads(ok(capsys, *argv))


class TestEveryCommandOnPostgreSQL:
    __test__ = PG_URL is not None  # no server, no tests (not skipped: there is nothing to run)

    def test_init_check_and_what_backup_means_on_a_server(
        self, server: ServerDatabases, capsys: pytest.CaptureFixture[str]
    ) -> None:
        url = server.new()
        out = ok(capsys, "init", "--db", url, "--unit-name", "开平市应急管理局", "--unit-kind", "department")
        assert "已创建数据库" in out and "开平市应急管理局" in out
        code, out, err = run(capsys, "init", "--db", url, "--unit-name", "别的单位", "--unit-kind", "town")
        assert code == 2 and "已初始化为“开平市应急管理局”" in err
        out = ok(capsys, "check", "--db", url)
        assert "检查通过" in out and "单位 1" in out

        # The app copies SQLite files; a server is backed up by its administrator, with pg_dump.
        name = make_url(url).database
        code, out, err = run(capsys, "backup", "--db", url)
        assert code == 2 and out == ""
        assert "pg_dump" in err and f"--file={name}.dump {name}" in err
        code, _, err = run(capsys, "restore", "backup.sqlite", "--db", url)
        assert code == 2 and "pg_restore" in err and f"--dbname={name}" in err

    def test_init_migrates_to_head_with_trigram_search_indexes(
        self, server: ServerDatabases, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from alembic.autogenerate import compare_metadata
        from alembic.runtime.migration import MigrationContext

        from planmgr.store import migrate
        from planmgr.store.base import metadata
        from planmgr.store.database import open_database
        from planmgr.store.search import TRIGRAM_INDEXES, is_search_index, is_search_table

        url = server.new()
        ok(capsys, "init", "--db", url, "--unit-name", "开平市应急管理局", "--unit-kind", "department")
        database = open_database(url)
        try:
            with database.engine.connect() as conn:
                assert migrate.current_revision(conn) == migrate.head_revision()
                indexes = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes")).all())

                def include(
                    obj: object, name: str | None, type_: str, reflected: bool, other: object
                ) -> bool:
                    return not (type_ == "table" and is_search_table(name)) and not (
                        type_ == "index" and is_search_index(name)
                    )

                context = MigrationContext.configure(
                    conn, opts={"compare_type": True, "include_object": include}
                )
                diff = compare_metadata(context, metadata)
        finally:
            database.dispose()
        for name in TRIGRAM_INDEXES:  # the test server has pg_trgm (contrib ships with the server)
            assert "USING gin" in indexes[name] and "gin_trgm_ops" in indexes[name]
        assert diff == [], f"models and migrations disagree on PostgreSQL: {diff}"

    def test_demo_writes_into_an_empty_server_database_only(
        self, server: ServerDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        url = server.new()
        out = ok(capsys, "demo", "--db", url)
        assert f"已创建演示数据库：{make_url(url).render_as_string(hide_password=True)}" in out
        assert "企业 40" in out
        counts = ok(capsys, "check", "--db", url)
        # A shared server's data is never replaced, not even with --force.
        for force in ((), ("--force",)):
            code, out, err = run(capsys, "demo", "--db", url, *force)
            assert code == 2 and out == ""
            assert "已有数据" in err and "空数据库" in err
        assert ok(capsys, "check", "--db", url) == counts
        # The sequences moved past the ids the bulk load wrote: rows added later get new ids.
        ledger = tmp_path / "units.csv"
        ledger.write_text("单位名称*,单位类型*\n新登记的测试企业,企业\n", encoding="utf-8")
        assert "新增 1" in ok(capsys, "ledger", "import", "units", str(ledger), "--db", url)

    def test_read_commands_answer_as_on_sqlite(
        self, demo_pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        url, path = demo_pair
        as_of = TODAY.isoformat()
        for argv in (
            ("due", "--as-of", as_of, "--json"),
            ("drill", "list", "--json"),
            ("filing", "list", "--as-of", as_of, "--json"),
            ("filing", "stats", "--as-of", as_of, "--json"),
        ):
            on_server = _json(capsys, *argv, "--db", url)
            on_file = _json(capsys, *argv, "--db", path)
            assert on_server, argv
            assert on_server == on_file, argv
        text_out = ok(capsys, "due", "--as-of", as_of, "--db", url)
        assert text_out == ok(capsys, "due", "--as-of", as_of, "--db", path)
        assert "【逾期】" in text_out
        out = ok(capsys, "check", "--db", url)
        assert out.splitlines()[1] == ok(capsys, "check", "--db", path).splitlines()[1]  # 记录数

    def test_ledgers_export_and_import_on_the_server(
        self,
        server: ServerDatabases,
        demo_pair: tuple[str, str],
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        url, path = demo_pair
        target = server.new()
        ok(capsys, "init", "--db", target, "--unit-name", "开平市人民政府", "--unit-kind", "city")
        for kind in ("units", "plans", "drills", "filings"):
            exported, from_file = tmp_path / f"{kind}.csv", tmp_path / f"{kind}-sqlite.csv"
            out = ok(capsys, "ledger", "export", kind, "--db", url, "-o", str(exported))
            ok(capsys, "ledger", "export", kind, "--db", path, "-o", str(from_file))
            assert exported.read_bytes() == from_file.read_bytes(), kind
            rows = len(exported.read_text(encoding="utf-8-sig").splitlines()) - 1
            assert f" {rows} 行" in out
            xlsx = tmp_path / f"{kind}.xlsx"
            ok(capsys, "ledger", "export", kind, "--db", url, "-o", str(xlsx))
            out = ok(capsys, "ledger", "import", kind, str(xlsx), "--db", target, "--dry-run")
            assert "未写入数据库" in out
            out = ok(capsys, "ledger", "import", kind, str(xlsx), "--db", target)
            assert f"共 {rows} 行" in out
            again = ok(capsys, "ledger", "import", kind, str(xlsx), "--db", target)
            assert f"未变 {rows}" in again, again
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "预案名称*,预案类别*,编制单位*\n某预案,不存在的类别,开平市人民政府\n", encoding="utf-8"
        )
        code, _, err = run(capsys, "ledger", "import", "plans", str(bad), "--db", target)
        assert code == 2 and "未导入任何数据" in err

    def test_printing_from_the_server(
        self, demo_pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        url, path = demo_pair
        from planmgr.store.database import open_database

        database = open_database(url)
        try:
            with database.engine.connect() as conn:
                plan_uid, plan_title, card_title = conn.execute(
                    text(
                        "SELECT p.uid, p.title, c.title FROM plan p JOIN handling_card c ON c.plan_id = p.id "
                        "WHERE c.deleted_at IS NULL ORDER BY p.id, c.id LIMIT 1"
                    )
                ).one()
        finally:
            database.dispose()
        cards_pdf, all_pdf, manual = tmp_path / "cards.pdf", tmp_path / "all.pdf", tmp_path / "manual.pdf"
        out = ok(
            capsys, "print", "cards", "--db", url, "--plan", plan_uid, "--layout", "a6", "-o", str(cards_pdf)
        )
        assert "已生成" in out and card_title in pdf_text(cards_pdf)
        out = ok(capsys, "print", "cards", "--db", url, "--all", "-o", str(all_pdf))
        assert "处置卡 89 张" in out
        # The same cards in the same order on both engines, also for a card without a number
        # (SQLite sorts NULL first, PostgreSQL last unless told). Added last: it changes the set.
        from planmgr.services.cards import CardInput, CardStepData, create_card, list_cards

        orders = []
        for db in (url, path):
            database = open_database(db)
            try:
                unit_uid = list_cards(database.engine)[0].unit_uid
                create_card(database.engine, CardInput("临时处置卡", unit_uid, steps=(CardStepData("报告"),)))
                orders.append([(card.title, card.number) for card in list_cards(database.engine)])
            finally:
                database.dispose()
        assert orders[0] == orders[1] and len(orders[0]) == 90
        assert [n for _, n in orders[0]].index(None) == 0
        ok(capsys, "print", "manual", "--db", url, "--plan", plan_uid, "-o", str(manual))
        assert plan_title in pdf_text(manual)

    def test_drill_reports_from_the_server(
        self, demo_pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        url, _ = demo_pair
        done = [d for d in _json(capsys, "drill", "list", "--db", url, "--json") if d["status"] == "done"]
        drill = next(d for d in done if d["score_percent"] is not None)
        record, evaluation = tmp_path / "record.pdf", tmp_path / "evaluation.pdf"
        ok(capsys, "drill", "report", drill["uid"], "--db", url, "-o", str(record))
        ok(capsys, "drill", "report", drill["uid"], "--db", url, "-o", str(evaluation), "--evaluation")
        assert drill["title"] in pdf_text(record)
        assert "评估" in pdf_text(evaluation)
        year = int(drill["start"][:4])
        listed = _json(capsys, "drill", "list", "--db", url, "--year", str(year), "--unit",
                       drill["organiser_unit_uid"], "--json")  # fmt: skip
        assert drill["uid"] in [d["uid"] for d in listed]

    def test_package_and_filing_between_two_server_databases(
        self, server: ServerDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        enterprise, office = server.new(), server.new()
        enterprise_site(enterprise)  # type: ignore[arg-type]
        office_site(office)  # type: ignore[arg-type]
        package = tmp_path / "a.planpkg"
        exported = _json(capsys, "package", "export", "--db", enterprise, "-o", str(package), "--json")
        assert exported["ok"] and exported["plans"]
        imported = _json(capsys, "package", "import", str(package), "--db", office, "--json")
        assert imported["ok"] and imported["filing_uids"] == exported["filing_uids"]
        code, out, _ = run(capsys, "package", "import", str(package), "--db", office, "--json")
        assert code == 2 and json.loads(out)["reason"] == "already_imported"
        (uid,) = imported["filing_uids"]
        (row,) = _json(capsys, "filing", "list", "--db", office, "--json")
        assert row["uid"] == uid and row["status"] == "submitted" and row["unit_name"] == ENTERPRISE_NAME

        notice = tmp_path / "notice.pdf"
        out = ok(
            capsys, "filing", "return", uid, "--db", office, "--missing", "评审意见", "--pdf", str(notice)
        )
        assert "评审意见" in out and "评审意见" in pdf_text(notice)
        reply = tmp_path / "answer.planreply"
        ok(capsys, "filing", "reply", uid, "--db", office, "-o", str(reply))
        out = ok(capsys, "filing", "apply-reply", str(reply), "--db", enterprise)
        assert "退回补正" in out

        # Sent again after completion, then registered under a number.
        again = tmp_path / "b.planpkg"
        second = _json(capsys, "package", "export", "--db", enterprise, "-o", str(again), "--json")
        assert second["previous_package_uid"] == exported["package_uid"]
        (new_uid,) = _json(capsys, "package", "import", str(again), "--db", office, "--json")["filing_uids"]
        form = tmp_path / "registration.pdf"
        out = ok(capsys, "filing", "register", new_uid, "--db", office, "--number", "赤坎应急备〔2026〕1号",
                 "--pdf", str(form))  # fmt: skip
        assert "赤坎应急备〔2026〕1号" in out and "赤坎应急备〔2026〕1号" in pdf_text(form)
        code, _, err = run(capsys, "filing", "register", new_uid, "--db", office)
        assert code == 2 and "已备案" in err
        ok(capsys, "filing", "reply", new_uid, "--db", office, "-o", str(reply))
        assert "已备案" in ok(capsys, "filing", "apply-reply", str(reply), "--db", enterprise)
        stats = _json(capsys, "filing", "stats", "--db", office, "--json")
        assert stats["total"]["must_filed"] == 1
        declaration = tmp_path / "declaration.pdf"
        ok(
            capsys,
            "filing",
            "print",
            new_uid,
            "--db",
            office,
            "--form",
            "declaration",
            "-o",
            str(declaration),
        )
        assert ENTERPRISE_NAME in pdf_text(declaration)

    def test_a_server_that_is_not_there(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert PG_URL
        gone = make_url(PG_URL).set(port=1, password="secret").render_as_string(hide_password=False)
        code, out, err = run(capsys, "check", "--db", gone)
        assert code == 3 and out == ""
        assert "无法连接数据库服务器" in err and "secret" not in err
