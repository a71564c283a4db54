"""The print centre: preview inside the app (QtPdf), save, print through the system print
dialog (replaced here), the warning for stale cards, cancelling a large batch, and the
concise manual of a plan."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton

from planmgr.reports.cards import Layout
from planmgr.services import card_printing, cards
from planmgr.ui.cards import printing
from planmgr.ui.cards.page import CardsPage
from planmgr.ui.cards.print_centre import PrintCentre
from tests.ui.conftest import FakeDialogs
from tests.ui.test_cards_page import (
    COMPANY,
    GAS_CARD,
    LOADING_CARD,
    TANK_CARD,
    TANK_PLAN,
    World,
    card_input,
    open_page,
    open_world,
    publish_revision,
    reload,
    select_titles,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def world(db_path) -> Iterator[World]:  # noqa: ANN001
    yield from open_world(db_path)


@pytest.fixture
def page(qtbot, world: World) -> Iterator[CardsPage]:  # noqa: ANN001
    yield from open_page(qtbot, world)


def pdf_text(path: Path) -> str:
    """The PDF's text with line breaks removed (table cells wrap inside words)."""
    return "".join((sheet.extract_text() or "").replace("\n", "") for sheet in pypdf.PdfReader(path).pages)


def pdf_pages(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


@pytest.fixture
def centre(page: CardsPage) -> PrintCentre:
    page.tabs.setCurrentWidget(page.print_centre)
    return page.print_centre


def preview(page: CardsPage, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):
        page.print_centre.preview_button.click()


def test_print_centre_chooses_cards_like_the_list(page: CardsPage, centre: PrintCentre, world: World) -> None:
    assert centre.cards_radio.text() == "处置卡"
    assert [centre.layout_combo.itemText(i) for i in range(centre.layout_combo.count())] == [
        "A4 每页 4 张（带裁切线）",
        "A5 每页 2 张（带裁切线）",
        "A6 单张",
    ]
    assert centre.count_label.text() == "已选 3 张，共显示 3 张"
    centre.filters.unit_combo.setCurrentIndex(centre.filters.unit_combo.findData(world[COMPANY]))
    assert {c.title for c in centre.chosen_cards()} == {TANK_CARD, LOADING_CARD}
    centre.none_button.click()
    assert centre.chosen_cards() == [] and not centre.preview_button.isEnabled()
    centre.all_button.click()
    assert len(centre.chosen_cards()) == 2
    # From the list: the cards selected there.
    page.tabs.setCurrentIndex(0)
    page.filters.unit_combo.setCurrentIndex(0)
    select_titles(page, TANK_CARD, GAS_CARD)
    page.print_action.trigger()
    assert page.tabs.currentWidget() is centre
    assert {c.title for c in centre.chosen_cards()} == {TANK_CARD, GAS_CARD}


def test_preview_renders_inside_the_app(page: CardsPage, centre: PrintCentre, qtbot) -> None:
    assert centre.preview_stack.currentWidget() is centre.preview_empty
    assert centre.preview_empty.title_label.text() == "尚无预览"
    preview(page, qtbot)
    assert centre.document.status() == QPdfDocument.Status.Ready
    assert centre.document.pageCount() == 1  # three cards, four to an A4 sheet
    assert centre.preview_stack.currentWidget() is centre.view
    assert centre.page_label.text() == "第 1 页 共 1 页"
    assert centre.notes_label.text() == "共 3 张处置卡，1 页。"
    assert TANK_CARD in centre.document.getAllText(0).text()
    # A different layout outdates the preview until it is made again.
    centre.layout_combo.setCurrentIndex(centre.layout_combo.findData(Layout.A6.value))
    assert centre.outdated_label.isVisible()
    preview(page, qtbot)
    assert centre.document.pageCount() == 3 and not centre.outdated_label.isVisible()


def test_save_writes_a_pdf_with_the_cards(
    page: CardsPage, centre: PrintCentre, fake_dialogs: FakeDialogs, tmp_path: Path, qtbot
) -> None:
    target = tmp_path / "out" / "卡片"  # no suffix: .pdf is added
    fake_dialogs.files.append(target)
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):
        centre.save_button.click()
    saved = target.with_name("卡片.pdf")
    text = pdf_text(saved)
    for title in (TANK_CARD, LOADING_CARD, GAS_CARD):
        assert title in text
    assert "关闭进料阀" in text
    assert centre.notes_label.text().endswith(f"已保存：{saved}")
    assert fake_dialogs.of_kind("pick_save_file")[0].title == "保存 PDF"


def test_save_after_preview_saves_what_was_previewed(
    page: CardsPage, centre: PrintCentre, fake_dialogs: FakeDialogs, tmp_path: Path, qtbot
) -> None:
    centre.layout_combo.setCurrentIndex(centre.layout_combo.findData(Layout.A5_2UP.value))
    preview(page, qtbot)
    assert centre.preview_path is not None
    fake_dialogs.files.append(tmp_path / "cards.pdf")
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):
        centre.save_button.click()
    assert (tmp_path / "cards.pdf").read_bytes() == centre.preview_path.read_bytes()
    assert pdf_pages(tmp_path / "cards.pdf") == 2  # three cards, two to an A5 sheet


def test_cancelling_a_large_batch_leaves_no_file(
    page: CardsPage,
    centre: PrintCentre,
    world: World,
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,
) -> None:
    for n in range(40):
        cards.create_card(world.engine, card_input(world, f"批量处置卡{n:02d}", f"岗位{n}"))
    reload(page, qtbot)
    assert len(centre.chosen_cards()) == 43
    # Hold the job after a few cards so the cancel lands mid-run, with a partial file written.
    real = card_printing.print_cards_job
    paused, resume = threading.Event(), threading.Event()

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        job = real(*args, **kwargs)
        for _ in range(4):
            yield next(job)
        paused.set()
        resume.wait(10)
        return (yield from job)

    monkeypatch.setattr(card_printing, "print_cards_job", held)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "batch.pdf"
    fake_dialogs.files.append(target)
    centre.save_button.click()
    qtbot.waitUntil(paused.is_set, timeout=20_000)
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")]  # writing has begun
    (dialog,) = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
    assert dialog.windowTitle() == "生成 PDF"
    (cancel,) = dialog.findChildren(QPushButton)
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):
        cancel.click()
        resume.set()
    assert list(out.iterdir()) == []  # neither the PDF nor the partial file
    assert fake_dialogs.of_kind("error") == []


def test_print_sends_the_previewed_pages_to_the_printer(
    page: CardsPage, centre: PrintCentre, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot
) -> None:
    chosen: list[QPrinter] = []
    printed = tmp_path / "printer-output.pdf"

    def pick(parent, printer: QPrinter, title: str) -> bool:  # noqa: ANN001
        chosen.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" we can read back
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(printing, "ask_printer", pick)
    centre.layout_combo.setCurrentIndex(centre.layout_combo.findData(Layout.A5_2UP.value))
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):  # the preview first …
        centre.print_button.click()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=20_000)  # … then the pages to the printer
    (printer,) = chosen
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A5
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert pdf_pages(printed) == centre.document.pageCount() == 2
    assert centre.notes_label.text().startswith("已将 2 页发送到打印机")


def test_cancelled_print_dialog_prints_nothing(
    page: CardsPage, centre: PrintCentre, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(printing, "ask_printer", lambda parent, printer, title: asked.append(title) or False)
    preview(page, qtbot)
    centre.print_button.click()  # the preview is current: straight to the print dialog
    assert asked == ["打印"] and not page.ops.busy


def test_printing_a_stale_card_warns_and_offers_to_update(
    page: CardsPage, centre: PrintCentre, world: World, fake_dialogs: FakeDialogs, tmp_path: Path, qtbot
) -> None:
    publish_revision(world)
    reload(page, qtbot)
    centre.filters.select(plan_uid=world[TANK_PLAN])
    assert "有 2 张所依据的预案已更新" in centre.stale_label.text()
    # No: printed as they are.
    fake_dialogs.files.append(tmp_path / "as-is.pdf")
    fake_dialogs.answers.append(False)
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):
        centre.save_button.click()
    question = fake_dialogs.of_kind("ask")[-1]
    assert question.title == "处置卡依据的预案已更新"
    assert TANK_CARD in question.text and LOADING_CARD in question.text
    assert "关闭进料阀" in pdf_text(tmp_path / "as-is.pdf")
    assert cards.is_stale(world.engine, world[TANK_CARD])
    # Yes: brought up to date first, then printed with the plan's new steps.
    fake_dialogs.files.append(tmp_path / "updated.pdf")
    fake_dialogs.answers.append(True)
    centre.save_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "updated.pdf").exists() and not page.ops.busy, timeout=20_000)
    assert not cards.is_stale(world.engine, world[TANK_CARD])
    text = pdf_text(tmp_path / "updated.pdf")
    assert "停止装卸泵并关闭紧急切断阀" in text and "关闭进料阀" not in text
    assert centre.stale_label.text() == ""


def test_concise_manual_of_a_plan(
    page: CardsPage, centre: PrintCentre, world: World, fake_dialogs: FakeDialogs, tmp_path: Path, qtbot
) -> None:
    page.tabs.setCurrentIndex(0)
    page.filters.select(plan_uid=world[TANK_PLAN])
    page.manual_action.trigger()
    assert centre.manual_radio.isChecked() and centre.manual_combo.currentText() == TANK_PLAN
    assert not centre.cards_box.isVisible() and not centre.layout_box.isEnabled()
    preview(page, qtbot)
    assert centre.document.pageCount() >= 3
    assert centre.notes_label.text().startswith("简明操作手册共")
    fake_dialogs.files.append(tmp_path / "manual.pdf")
    with qtbot.waitSignal(page.ops.finished, timeout=20_000):
        centre.save_button.click()
    text = pdf_text(tmp_path / "manual.pdf")
    assert TANK_PLAN in text and "简明操作手册" in text and TANK_CARD in text


def test_characters_the_font_lacks_are_reported(
    page: CardsPage, centre: PrintCentre, world: World, qtbot
) -> None:
    cards.create_card(world.engine, card_input(world, "𠀀号罐区应急处置卡", "罐区操作工"))
    reload(page, qtbot)
    centre.filters.post_edit.setText("罐区操作工")
    preview(page, qtbot)
    notes = centre.notes_label.text()
    assert "字体缺少以下字符，已印为“〓”" in notes
    assert "𠀀（U+20000，见于：𠀀号罐区应急处置卡）" in notes
