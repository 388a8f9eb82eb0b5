"""A small line chart of one indicator's base and target values across periods, drawn with QPainter
(QtCharts lives in PySide6-Addons and would add tens of MB to the installer for one chart)."""

from __future__ import annotations

from desktop.qt import QColor, QPainter, QPaintEvent, QPen, QPointF, QRectF, Qt, QWidget
from planning.drafting.trends import TrendPoint

BASE_COLOR = QColor("#1f77b4")
TARGET_COLOR = QColor("#d62728")
MARGIN = 48


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[TrendPoint] = []
        self.title = ""
        self.setMinimumSize(420, 260)

    def set_points(self, title: str, points: list[TrendPoint]) -> None:
        self.title, self.points = title, points
        self.update()

    def series(self) -> list[tuple[str, QColor, list[tuple[int, float]]]]:
        base = sorted({(p.base_year, p.base) for p in self.points if p.base_year and p.base is not None})
        target = sorted({(p.target_year, p.target) for p in self.points if p.target_year and p.target is not None})
        return [(self.tr("基期值"), BASE_COLOR, base), (self.tr("目标值"), TARGET_COLOR, target)]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        unit = next((p.unit for p in self.points if p.unit), None)
        painter.drawText(QRectF(0, 4, self.width(), 20), Qt.AlignmentFlag.AlignCenter,
                         self.title + (f"（{unit}）" if unit else ""))
        values = [(x, y) for _, _, pts in self.series() for x, y in pts]
        if not values:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有可绘制的数值"))
            return
        xs, ys = [x for x, _ in values], [y for _, y in values]
        x0, x1 = min(xs) - 1, max(xs) + 1
        y0, y1 = min(0.0, min(ys)), max(ys) * 1.1 or 1.0
        plot = QRectF(MARGIN, 30, self.width() - 2 * MARGIN, self.height() - 30 - MARGIN)

        def at(x: float, y: float) -> QPointF:
            return QPointF(plot.left() + (x - x0) / (x1 - x0) * plot.width(),
                           plot.bottom() - (y - y0) / (y1 - y0) * plot.height())

        painter.setPen(QPen(QColor("#888"), 1))
        painter.drawRect(plot)
        for year in sorted(set(xs)):
            p = at(year, y0)
            painter.drawText(QRectF(p.x() - 24, plot.bottom() + 4, 48, 16), Qt.AlignmentFlag.AlignCenter, str(year))
        for y in (y0, (y0 + y1) / 2, y1):
            p = at(x0, y)
            painter.drawText(QRectF(0, p.y() - 8, MARGIN - 4, 16), Qt.AlignmentFlag.AlignRight, f"{y:g}")
        legend_x = plot.left() + 8
        for name, color, pts in self.series():
            painter.setPen(QPen(color, 2))
            for (xa, ya), (xb, yb) in zip(pts, pts[1:], strict=False):
                painter.drawLine(at(xa, ya), at(xb, yb))
            for x, y in pts:
                painter.drawEllipse(at(x, y), 3.5, 3.5)
                painter.drawText(at(x, y) + QPointF(5, -5), f"{y:g}")
            painter.drawText(QPointF(legend_x, plot.top() + 16), f"● {name}")
            legend_x += 80
        painter.end()
