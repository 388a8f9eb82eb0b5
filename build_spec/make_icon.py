"""Draw PlanDesk's application icon with QPainter and write the PNG sizes and a Windows .ico.

    python build_spec/make_icon.py        # writes resources/icons/plandesk-{16..512}.png, plandesk.png, plandesk.ico

A red-topped document (a 红头文件) with text lines and a small rising bar chart: no text in the
picture, so it draws the same without CJK fonts. The outputs are committed; run this again only
after changing the drawing.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

# A build tool, not app code: it needs QImage and gradients, which desktop/qt.py does not export.
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: TID251
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen  # noqa: TID251

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

RED = QColor("#c8102e")
BLUE = QColor("#1f5fa8")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)  # draw on a 256 grid

    # The sheet, with a soft shadow.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 50))
    p.drawRoundedRect(QRectF(40, 22, 188, 226), 18, 18)
    sheet = QRectF(32, 14, 188, 226)
    gradient = QLinearGradient(sheet.topLeft(), sheet.bottomLeft())
    gradient.setColorAt(0, QColor("#ffffff"))
    gradient.setColorAt(1, QColor("#eef2f7"))
    p.setBrush(gradient)
    p.drawRoundedRect(sheet, 18, 18)

    # The red head band and the red rule under it.
    head = QPainterPath()
    head.addRoundedRect(QRectF(32, 14, 188, 58), 18, 18)
    head.addRect(QRectF(32, 50, 188, 22))
    p.setBrush(RED)
    p.drawPath(head.simplified())
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(126, 43), 13, 13)
    p.setBrush(RED)
    p.drawEllipse(QPointF(126, 43), 6, 6)

    # Text lines.
    p.setPen(QPen(QColor("#9aa7b8"), 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y, right in ((100, 192), (124, 192), (148, 150)):
        p.drawLine(QPointF(58, y), QPointF(right, y))

    # A rising bar chart: the plan's indicators.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    for i, height in enumerate((26, 42, 60)):
        p.drawRoundedRect(QRectF(60 + i * 34, 220 - height, 24, height), 4, 4)
    p.setPen(QPen(RED, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.drawPolyline([QPointF(64, 182), QPointF(104, 166), QPointF(136, 150), QPointF(176, 126)])
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def write_ico(path: Path, images: dict[int, bytes]) -> None:
    """An .ico holding PNG-compressed images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    path.write_bytes(header + entries + blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in PNG_SIZES}
    for size, blob in pngs.items():
        (OUT / f"plandesk-{size}.png").write_bytes(blob)
    (OUT / "plandesk.png").write_bytes(pngs[256])
    write_ico(OUT / "plandesk.ico", {s: pngs[s] for s in ICO_SIZES})
    del app
    print(f"wrote {len(pngs)} PNGs and plandesk.ico to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
