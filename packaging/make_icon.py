"""Write packaging/beslut.ico, the Windows icon of beslut.exe and of .beslut files, from the
app's own icon (src/beslut/data/icons/beslut.svg), at the sizes Windows shows.

Run it after changing the SVG (``python packaging/make_icon.py``) and commit the .ico.
Each size is stored as PNG inside the .ico (Windows Vista and later read that).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "src" / "beslut" / "data" / "icons" / "beslut.svg"
ICO = HERE / "beslut.ico"
SIZES = (16, 24, 32, 48, 64, 256)


def png_images(svg: Path, sizes: tuple[int, ...]) -> list[bytes]:
    """The SVG drawn at each size, as PNG bytes (Qt's own SVG renderer)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    images = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QImageWriter(buffer, QByteArray(b"png")).write(image):
            raise RuntimeError(f"cannot write a {size} px PNG")
        images.append(bytes(data.data()))
    del app
    return images


def ico(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An .ico file holding ``images`` (PNG), one directory entry each."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, bodies = b"", b""
    for size, png in zip(sizes, images, strict=True):
        side = size if size < 256 else 0  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        bodies += png
        offset += len(png)
    return header + entries + bodies


if __name__ == "__main__":
    ICO.write_bytes(ico(png_images(SVG, SIZES), SIZES))
    print(ICO)
