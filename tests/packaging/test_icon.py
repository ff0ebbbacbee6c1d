"""packaging/beslut.ico (the icon of beslut.exe and of .beslut files) holds every size
Windows shows, each readable, as packaging/make_icon.py writes it."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
ICO = ROOT / "packaging" / "beslut.ico"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icon", ROOT / "packaging" / "make_icon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_icon_has_every_size_and_each_reads(qtbot: QtBot) -> None:
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        side, _h, _c, _r, _p, _bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        image = QImage.fromData(data[offset : offset + length])
        sizes.append(side or 256)
        assert image.width() == (side or 256)
    assert sorted(sizes) == sorted(_maker().SIZES)


def test_make_icon_packs_what_it_draws(qtbot: QtBot) -> None:
    maker = _maker()
    images = maker.png_images(maker.SVG, (16, 256))
    packed = maker.ico(images, (16, 256))
    assert packed[:6] == struct.pack("<HHH", 0, 1, 2)
    assert QImage.fromData(packed[38 : 38 + len(images[0])]).width() == 16
