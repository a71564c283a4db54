"""The one CJK font every printout uses, and making user text safe for a Paragraph.

ReportLab embeds TrueType outlines only, so Noto CJK (CFF) cannot be used; WenQuanYi Micro
Hei (``resources/fonts/wqy-microhei.ttc``, subfont 0) can (DESIGN.md §5, §9). A character
the font does not have prints as nothing, silently: callers check ``missing_glyphs`` and
tell the user. User text parsed as Paragraph markup raises or turns bold, so it goes
through ``escape_paragraph_text`` first.
"""

from __future__ import annotations

import re
import threading
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planmgr import paths

FONT_NAME = "WenQuanYiMicroHei"
"""The ReportLab name of the bundled font (use after ``register_fonts()``)."""

_lock = threading.Lock()
_registered = False

# C0 controls except tab and newline; \r is handled before (line ends are normalised).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# Not drawn as glyphs, so never reported as missing.
_NOT_DRAWN = frozenset("\t\n\r")


def register_fonts() -> str:
    """Register the bundled font with ReportLab once per process; returns its name."""
    global _registered
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(paths.font_path()), subfontIndex=0))
            # There is no bold or italic face; mapping them to the regular one keeps
            # <b>/<i> in our own templates from raising (they print regular).
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
            _registered = True
    return FONT_NAME


def _covered() -> dict[int, int]:
    register_fonts()
    table: dict[int, int] = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    return table


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the font cannot draw, each once, in order of appearance.

    Such characters would print as nothing; e.g. rare CJK Extension B characters in a
    person's or place name, or emoji pasted from a chat.
    """
    covered = _covered()
    missing: list[str] = []
    seen: set[str] = set()
    for char in text:
        if char in seen or char in _NOT_DRAWN or _CONTROL.match(char):
            continue
        seen.add(char)
        if ord(char) not in covered:
            missing.append(char)
    return missing


def escape_paragraph_text(text: str) -> str:
    """User text as Paragraph markup that prints literally.

    Escapes ``&``, ``<`` and ``>``; turns each line end (``\\n``, ``\\r\\n``, ``\\r``) into
    ``<br/>``; drops C0 control characters other than tab and newline (they are invalid in
    the markup parser's XML or print as nothing).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return escape(text).replace("\n", "<br/>")
