"""The user guide (docs/用户手册.md) stays true to the app: every image it shows exists (and
`make docs` makes it), and every label it quotes in 「」 is a Chinese text of the interface."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planmgr import paths

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "用户手册.md"
I18N = REPO / "resources" / "i18n"
MAKE_DOCS = REPO / "tools" / "make_docs.py"

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
QUOTED = re.compile(r"「([^」]+)」")
ACCELERATOR = re.compile(r"\(&\w\)")


def normalise(label: str) -> str:
    """A label as the user reads it: no accelerator, no trailing …, colon or required-mark."""
    text = ACCELERATOR.sub("", label).replace("&", "")
    return text.strip().rstrip("…").rstrip(".").rstrip("：:").rstrip("*").strip()


def interface_texts() -> set[str]:
    texts: set[str] = set()
    for catalogue in sorted(I18N.glob("*_zh_CN.ts")):
        for message in ET.parse(catalogue).getroot().iter("message"):
            translation = message.findtext("translation") or ""
            for line in translation.splitlines():
                texts.add(normalise(line))
    texts.discard("")
    return texts


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_guide_is_where_the_help_menu_looks_for_it() -> None:
    assert paths.user_guide() == GUIDE


def test_every_image_the_guide_shows_exists() -> None:
    images = IMAGE.findall(guide_text())
    assert len(images) >= 20, "the guide shows the screens of every task"
    missing = [link for link in images if not (GUIDE.parent / link).is_file()]
    assert missing == []
    assert all(link.startswith("screenshots/") and link.endswith(".png") for link in images)


# Which script tools/make_docs.py runs for which image names (its AREA_SCRIPTS).
SCRIPT_OF_PREFIX = {
    "guide-": "make_docs.py",
    "en-": "make_docs.py",  # the English interface: screenshot.py --lang en --page <page>
    "plans-": "screens_plans.py",
    "drills-": "screens_drills.py",
    "cards-": "screens_cards.py",
    "filings-": "screens_filings.py",
    "ledger-": "screens_filings.py",
    "": "screenshot.py",  # dashboard.png, units.png, settings.png: named after the page
}


def _literals(script: str) -> set[str]:
    tree = ast.parse((REPO / "tools" / script).read_text(encoding="utf-8"))
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def made_by_make_docs(image: str) -> bool:
    """``image`` (a file name) is written by make_docs.py or an area script it runs: the
    script names it, whole or without its area prefix (``save(window, "page")``), or
    joins two of its literals (``save(editor, f"editor-{name}")``)."""
    stem = image.removesuffix(".png")
    for prefix, script in SCRIPT_OF_PREFIX.items():
        if stem.startswith(prefix):
            literals, rest = _literals(script), stem.removeprefix(prefix)
            if {stem, image, rest} & literals:
                return True
            # f"editor-{name}" with name from ("record", …): two literals joined
            return any(rest.startswith(a) and rest[len(a) :] in literals for a in literals if a)
    return False


def test_make_docs_produces_every_image_the_guide_shows() -> None:
    shown = sorted({Path(link).name for link in IMAGE.findall(guide_text())})
    assert [image for image in shown if not made_by_make_docs(image)] == []
    runs = MAKE_DOCS.read_text(encoding="utf-8")
    assert all(script in runs for script in set(SCRIPT_OF_PREFIX.values()) - {"make_docs.py"})
    assert not made_by_make_docs("guide-nothing.png")


def test_every_quoted_label_is_a_text_of_the_interface() -> None:
    texts = interface_texts()
    quoted = {normalise(q) for q in QUOTED.findall(guide_text())}
    assert len(quoted) >= 60, "the guide names the menus and buttons it asks the user to click"
    assert sorted(quoted - texts) == []


def test_the_label_check_catches_a_label_the_app_does_not_have() -> None:
    texts = interface_texts()
    assert normalise("导入台账(&I)…") in texts
    assert normalise("关于 planmgr(&A)") in texts
    assert "导入Excel台账" not in texts


@pytest.mark.parametrize(
    "task",
    [
        "导入台账",
        "建立单位和预案体系",
        "记录演练",
        "打印处置卡和简明操作手册",
        "报送备案",
        "受理备案",
        "备份与恢复",
    ],
)
def test_the_guide_covers_each_task(task: str) -> None:
    assert re.search(rf"^## \d+\. {task}", guide_text(), re.MULTILINE)
