"""The Chinese translation is complete, keeps placeholders, and the shipped .qm matches it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from planmgr import paths

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
TS = paths.resource("i18n", "planmgr_zh_CN.ts")
QM = paths.resource("i18n", "planmgr_zh_CN.qm")
sys.path.insert(0, str(REPO / "tools"))
import i18n  # noqa: E402  (tools/i18n.py: the catalogue list)

CATALOGS = {area: sources for area, sources in i18n.catalogs().items() if sources}
PLACEHOLDER = re.compile(r"%\d+|\{\w*\}")
TAG = re.compile(r"</?\w+[^>]*>")


def tool(name: str) -> Path:
    path = Path(sys.executable).parent / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        path = Path(found)
    return path


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every live message."""
    result = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            result.append((name, message.findtext("source") or "", translation))
    return result


def test_every_ui_source_is_in_exactly_one_catalogue() -> None:
    owners: dict[Path, list[str]] = {}
    for area, sources in i18n.catalogs().items():
        for source in sources:
            owners.setdefault(source, []).append(area)
    for source in (REPO / "src" / "planmgr" / "ui").rglob("*.py"):
        if "tr(" in source.read_text(encoding="utf-8") or "translate(" in source.read_text(encoding="utf-8"):
            assert len(owners.get(source, [])) == 1, f"{source} is in catalogues {owners.get(source)}"


@pytest.mark.parametrize("area", sorted(CATALOGS))
def test_every_message_is_translated_and_keeps_its_placeholders(area: str) -> None:
    ts = i18n.ts_path(area)
    assert ts.exists(), f"run `python tools/i18n.py update {area}` and translate {ts.name}"
    found = messages(ts)
    assert found
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation.get("type") != "unfinished", where
        text = translation.text or ""
        assert text.strip(), where
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), where
        assert sorted(TAG.findall(source)) == sorted(TAG.findall(text)), where
        if "&" in source and not TAG.search(source):  # menu accelerators survive as (&X)
            accelerator = re.search(r"&(\w)", source)
            assert accelerator and f"(&{accelerator.group(1).upper()})" in text, where
        assert re.search(r"[\u4e00-\u9fff]", text), f"{where} is not Chinese: {text!r}"


@pytest.mark.parametrize("area", sorted(CATALOGS))
def test_the_ts_covers_every_string_in_the_code(area: str, tmp_path: Path) -> None:
    copy = tmp_path / f"{area}_zh_CN.ts"
    shutil.copyfile(i18n.ts_path(area), copy)
    sources = [str(p) for p in CATALOGS[area]]
    subprocess.run(
        [str(tool("pyside6-lupdate")), *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    untranslated = [(c, s) for c, s, t in messages(copy) if t.get("type") == "unfinished" or not t.text]
    assert untranslated == [], f"run `make i18n` and translate these in resources/i18n/{area}_zh_CN.ts"


@pytest.mark.parametrize("area", sorted(CATALOGS))
def test_the_shipped_qm_is_compiled_from_the_ts(area: str, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(tool("pyside6-lrelease")), str(i18n.ts_path(area)), "-qm", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert fresh.read_bytes() == i18n.qm_path(area).read_bytes(), f"run `make i18n` to rebuild {area}_zh_CN.qm"


def test_the_qm_translates(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "Plan system") == "预案体系"
    assert (
        translator.translate("ops", "{title} did not finish.\n\n{reason}") == "“{title}”未完成。\n\n{reason}"
    )
