#!/usr/bin/env python3
"""Render the application icon from resources/icons/planmgr.svg.

    .venv/bin/python tools/make_icons.py

writes ``resources/icons/planmgr.png`` (256 px, the window icon and the Linux desktop
icon) and ``resources/icons/planmgr.ico`` (Windows: the executables, the installer, the
shortcuts and the ``.planpkg`` file type). Every size is rendered from the vector source
with Qt's SVG renderer offscreen, so the small sizes are drawn for their size instead of
being scaled down from 256 px. The ICO container is written here (a small format; no
Pillow needed): 16–48 px as 32-bit bitmaps, which every version of the Windows shell
reads, 64–256 px as PNG, as Windows Vista and later expect. The script reads both files
back with Qt's own image readers and fails if a size is missing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "planmgr.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # Windows' sizes from 100 % to 400 % scaling
PNG_SIZE = 256
BITMAP_BELOW = 64  # smaller entries as bitmaps, larger as PNG


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub wants bytes; PySide6 wants str
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def bitmap_bytes(image: QImage) -> bytes:
    """A 32-bit ICO bitmap entry: BITMAPINFOHEADER (height doubled for the mask), the BGRA
    rows bottom-up, then the 1-bit AND mask (set where the pixel is fully transparent)."""
    size = image.width()
    # Format_ARGB32 is 0xAARRGGBB per pixel: B, G, R, A in memory on little-endian machines.
    rows = [bytes(cast(memoryview, image.constScanLine(y)))[: size * 4] for y in range(size)]
    if sys.byteorder != "little":
        rows = [b"".join(row[i : i + 4][::-1] for i in range(0, len(row), 4)) for row in rows]
    pixels = b"".join(reversed(rows))
    mask_stride = (size + 31) // 32 * 4
    mask_rows = []
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    mask = b"".join(mask_rows)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def ico_bytes(images: list[QImage]) -> bytes:
    entries = [png_bytes(im) if im.width() >= BITMAP_BELOW else bitmap_bytes(im) for im in images]
    offset = 6 + 16 * len(images)
    directory = struct.pack("<HHH", 0, 1, len(images))
    for image, data in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + b"".join(entries)


def check(path: Path, sizes: tuple[int, ...]) -> None:
    reader = QImageReader(str(path))
    found = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        if image.isNull():
            raise SystemExit(f"{path.name}: image {index} does not read back ({reader.errorString()})")
        found.append(image.width())
    if sorted(found) != sorted(sizes):
        raise SystemExit(f"{path.name}: sizes {found}, expected {list(sizes)}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    images = [render(renderer, size) for size in ICO_SIZES]
    png = ICONS / "planmgr.png"
    ico = ICONS / "planmgr.ico"
    png.write_bytes(png_bytes(render(renderer, PNG_SIZE)))
    ico.write_bytes(ico_bytes(images))
    check(png, (PNG_SIZE,))
    if "ico" in {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}:
        check(ico, ICO_SIZES)
    print(f"{png.relative_to(ROOT)}: {png.stat().st_size} bytes")
    print(f"{ico.relative_to(ROOT)}: {ico.stat().st_size} bytes, sizes {', '.join(map(str, ICO_SIZES))}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
