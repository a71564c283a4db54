"""设置 page: region rule overrides that change the dashboard's due list, the due-soon
window, holiday tables for years the calendar does not know, the filing-number pattern with
its live preview, the own unit and mode, the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from planmgr.domain.errors import ValidationError
from planmgr.services import filing_reply, region_rules, settings
from planmgr.store.database import Database
from planmgr.ui import prefs
from planmgr.ui.main_window import MainWindow
from planmgr.ui.ops import OpRunner
from planmgr.ui.settings.holidays import format_days, parse_days
from planmgr.ui.settings.page import SettingsPage
from planmgr.ui.settings.rules_model import ENABLED, SOURCE, TITLE, VALUE, RuleTableModel
from tests.ui import sample_data as s
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

AS_OF = date(2025, 6, 30)  # the sample was published on 2024-03-01
NEXT_YEAR = region_rules.builtin_calendar_years().stop  # the first year the calendar does not know


@pytest.fixture
def window(qtbot, sample_db: Database) -> Iterator[MainWindow]:
    win = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    win.ops.widget = win
    qtbot.addWidget(win)
    dashboard = win.pages["dashboard"]
    dashboard.as_of = AS_OF
    win.show()
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        win.refresh()
    qtbot.waitUntil(lambda: dashboard.data.as_of == AS_OF and not dashboard.busy_label.isVisibleTo(dashboard))
    yield win


@pytest.fixture
def page(window: MainWindow) -> SettingsPage:
    window.show_page("settings")
    return window.pages["settings"]


def rule_row(page: SettingsPage, rule_id: str) -> int:
    return page.rules_model.row_of(rule_id)


def saved(qtbot, page: SettingsPage, button) -> None:  # noqa: ANN001
    with qtbot.waitSignal(page.data_changed, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def due_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    proxy = window.pages["dashboard"].proxy
    return [
        (proxy.index(r, 4).data(), proxy.index(r, 2).data(), proxy.index(r, 0).data())
        for r in range(proxy.rowCount())
    ]


def test_rules_show_default_value_and_source(page: SettingsPage) -> None:
    model = page.rules_model
    row = rule_row(page, "grassroots_evaluation")
    assert model.index(row, TITLE).data() == "乡镇（街道）、村（社区）应急预案评估"
    assert model.index(row, 2).data() == "每 36 个月"
    assert model.index(row, VALUE).data() == "每 36 个月"
    assert "各地规定" in model.index(row, SOURCE).data()
    assert model.index(row, ENABLED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    filing = rule_row(page, "ent_filing")
    assert model.index(filing, VALUE).data() == "20 个工作日内"
    assert "第二十六条" in model.index(filing, SOURCE).data()
    assert page.due_soon.value() == 30
    assert not page.rules_save.isEnabled()


def test_a_shorter_town_evaluation_cycle_makes_the_town_plan_overdue(
    qtbot, window: MainWindow, page: SettingsPage, sample_db: Database
) -> None:
    assert (s.TOWN_PLAN, "评估", "正常") not in due_rows(window)  # filtered out: ok until 2027
    row = rule_row(page, "grassroots_evaluation")
    index = page.rules_model.index(row, VALUE)
    page.rules_view.setCurrentIndex(index)
    page.rules_view.edit(index)  # as a double-click does
    (editor,) = page.rules_view.findChildren(QSpinBox)
    assert (editor.value(), editor.maximum()) == (36, 120)
    editor.setValue(12)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits it from the event loop
    qtbot.waitUntil(lambda: page.rules_model.index(row, VALUE).data() == "每 12 个月")
    assert page.rules_state.text() == "有未保存的更改"
    saved(qtbot, page, page.rules_save)
    assert region_rules.rule_settings(sample_db.engine)[row].effective.interval_months == 12
    assert page.rules_state.text() == ""

    dashboard = window.pages["dashboard"]
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        window.show_page("dashboard")  # read again: a setting changed
    assert (s.TOWN_PLAN, "评估", "逾期 121 天") in due_rows(window)  # due 2025-03-01
    assert dashboard.overdue.number.text() == "8"

    window.show_page("settings")
    page.rules_view.setCurrentIndex(page.rules_model.index(row, TITLE))
    page.rules_reset.click()
    assert page.rules_model.index(row, VALUE).data() == "每 36 个月"
    saved(qtbot, page, page.rules_save)
    assert not region_rules.read_region_settings(sample_db.engine).overrides


def test_a_value_still_being_typed_is_saved_with_ctrl_s(
    qtbot, window: MainWindow, page: SettingsPage, sample_db: Database
) -> None:
    page.tabs.setCurrentIndex(1)  # 到期规则
    row = rule_row(page, "ent_filing")
    index = page.rules_model.index(row, VALUE)
    page.rules_view.setCurrentIndex(index)
    page.rules_view.edit(index)
    (editor,) = page.rules_view.findChildren(QSpinBox)
    assert editor.maximum() == 250  # working days
    editor.setValue(15)
    with qtbot.waitSignal(page.data_changed, timeout=10_000):
        window.save_action.trigger()
    assert region_rules.rule_settings(sample_db.engine)[row].effective.deadline_workdays == 15
    assert page.rules_model.index(row, VALUE).data() == "15 个工作日内"


def test_switching_a_rule_off_and_the_due_soon_window(qtbot, page: SettingsPage, sample_db: Database) -> None:
    row = rule_row(page, "publication")
    page.rules_model.setData(
        page.rules_model.index(row, ENABLED), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    page.due_soon.setValue(60)
    saved(qtbot, page, page.rules_save)
    assert region_rules.get_due_soon_days(sample_db.engine) == 60
    assert region_rules.rule_settings(sample_db.engine)[row].effective.enabled is False
    assert (
        page.rules_model.index(row, ENABLED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    )


def test_holidays_of_a_year_the_calendar_does_not_know(
    qtbot, page: SettingsPage, sample_db: Database, fake_dialogs: FakeDialogs
) -> None:
    page.tabs.setCurrentIndex(2)
    assert page.year.value() == NEXT_YEAR
    assert page.entered_years.text() == "尚未录入任何年份。"
    page.holiday_text.setPlainText("1月1日\n2月6日至2月12日，10-1~10-7")
    page.workday_text.setPlainText("2月14日")
    assert page.holiday_state.text() == "放假 15 天，调休上班 1 天"
    page.workday_text.setPlainText("2月15日")  # a Monday is a working day anyway
    with qtbot.waitSignal(page.ops.finished, timeout=10_000):
        page.save()  # Ctrl+S on this tab
    (error,) = fake_dialogs.of_kind("error")
    assert "本来就是工作日" in error.text
    assert region_rules.holiday_tables(sample_db.engine) == []

    page.workday_text.setPlainText("2月14日\n2月20日")
    saved(qtbot, page, page.holiday_save)
    (table,) = region_rules.holiday_tables(sample_db.engine)
    assert (table.year, len(table.holidays), len(table.workdays)) == (NEXT_YEAR, 15, 2)
    assert page.entered_years.text() == f"已录入：{NEXT_YEAR}"
    assert page.holiday_text.toPlainText().splitlines()[1] == f"{NEXT_YEAR}-02-06 至 {NEXT_YEAR}-02-12"

    page.holiday_text.setPlainText("13月1日")
    assert page.holiday_state.text() == "日期不存在：13月1日"
    assert not page.holiday_save.isEnabled()

    page.year.setValue(NEXT_YEAR - 1)
    assert page.holiday_state.text() == f"本程序已内置 {NEXT_YEAR - 1} 年的节假日安排，无需录入。"
    assert page.holiday_text.isReadOnly()

    page.year.setValue(NEXT_YEAR)
    fake_dialogs.answers.append(True)
    saved(qtbot, page, page.holiday_delete)
    assert region_rules.holiday_tables(sample_db.engine) == []


def test_filing_number_pattern_with_a_live_preview(qtbot, page: SettingsPage, sample_db: Database) -> None:
    page.tabs.setCurrentIndex(3)
    year = date.today().year
    assert page.pattern.text() == "{region}-{year}-{seq:04d}"
    assert page.pattern_preview.text() == f"0000-{year}-0001，其后为 0000-{year}-0002"  # no region code yet
    page.pattern.setText("{region}-{year}")
    assert "缺少序号" in page.pattern_preview.text()
    assert not page.pattern_save.isEnabled()
    page.pattern.setText("开应备〔{year}〕{seq}号")
    assert page.pattern_preview.text() == f"开应备〔{year}〕1号，其后为 开应备〔{year}〕2号"
    saved(qtbot, page, page.pattern_save)
    assert filing_reply.number_pattern(sample_db.engine) == "开应备〔{year}〕{seq}号"


def test_own_unit_and_mode(qtbot, window: MainWindow, page: SettingsPage, sample_db: Database) -> None:
    assert page.identity_label.text() == f"本单位：{s.CITY}（县级以上政府）；模式：应急管理部门"
    assert page.own_unit.currentText() == f"{s.CITY}（县级以上政府）"
    page.own_unit.setCurrentIndex(page.own_unit.findText("河口镇人民政府（乡镇（街道））"))
    saved(qtbot, page, page.identity_save)
    assert settings.get_identity(sample_db.engine).unit_name == "河口镇人民政府"
    assert window.unit_label.text() == "本单位：河口镇人民政府"

    page.mode.setCurrentIndex(page.mode.findText("企业"))
    assert [page.own_unit.itemText(i) for i in range(page.own_unit.count())] == ["青山化工有限公司（企业）"]
    saved(qtbot, page, page.identity_save)
    identity = settings.get_identity(sample_db.engine)
    assert (identity.unit_name, identity.mode.value) == ("青山化工有限公司", "enterprise")


def test_language_is_kept_for_the_next_start(window: MainWindow, page: SettingsPage) -> None:
    page.tabs.setCurrentIndex(4)
    assert page.language.currentText() == "中文（简体）"
    page.language.setCurrentIndex(page.language.findData("en"))
    assert prefs.language(window.settings) == "en"
    assert page.language_state.text() == "已保存，下次启动 planmgr 时生效。"


def test_rule_model_passes_the_model_tester(qtmodeltester, sample_db: Database) -> None:
    model = RuleTableModel()
    qtmodeltester.check(model)
    model.set_rules(region_rules.rule_settings(sample_db.engine))
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-10-01", ["2027-10-01"]),
        ("2027/1/1, 2027年2月3日", ["2027-01-01", "2027-02-03"]),
        ("10月1日至3日", ["2027-10-01", "2027-10-02", "2027-10-03"]),
        ("10-1~10-3\n10-3", ["2027-10-01", "2027-10-02", "2027-10-03"]),
        ("12月31日 至 12月31日", ["2027-12-31"]),
        ("", []),
    ],
)
def test_holiday_text_is_read_as_an_office_types_it(text: str, expected: list[str]) -> None:
    assert [d.isoformat() for d in parse_days(text, 2027)] == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10月", "无法识别的日期：10月（请写成 2027-10-01 或 10月1日）"),
        ("2月30日", "日期不存在：2月30日"),
        ("10-7~10-1", "日期范围的结束早于开始：10-7~10-1"),
        ("1-1~3-1", "日期范围过长（超过 31 天）：1-1~3-1"),
    ],
)
def test_holiday_text_refused_in_chinese(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_days(text, 2027)
    assert refused.value.message == message


def test_holiday_days_read_back_as_ranges() -> None:
    days = parse_days("1月1日\n2月6日至2月8日", 2027)
    assert format_days(days) == "2027-01-01\n2027-02-06 至 2027-02-08"
    assert parse_days(format_days(days), 2027) == days
