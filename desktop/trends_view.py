"""指标趋势: an indicator of the current plan followed along its region's chain of plans."""

from __future__ import annotations

from desktop.ops import Backend, LibraryOp, OpContext
from desktop.qt import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from desktop.trend_chart import TrendChart
from planning.drafting.trends import PlanRef, chain, shared_indicator_names, trend
from planning.model import Plan


def load_chain(ctx: OpContext, plan_id: int) -> list[Plan]:
    refs = [PlanRef(p.id, p.region, p.period, p.start, p.end, p.predecessor) for p in ctx.library.list_plans()]
    return [ctx.library.get_plan(i) for i in chain(refs, plan_id)]


class TrendsView(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.plans: list[Plan] = []
        self.chain_label = QLabel(self.tr("在“阅读”中打开一份规划，即可查看其指标在各时期的变化。"), self)
        self.names = QComboBox(self)
        self.names.setMinimumWidth(320)
        self.names.currentTextChanged.connect(self._draw)
        self.chart = TrendChart(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("指标")))
        bar.addWidget(self.names)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain_label)
        layout.addLayout(bar)
        layout.addWidget(self.chart, 1)

    def show_for(self, plan_id: int) -> LibraryOp[list[Plan]]:
        op = LibraryOp(self.backend, lambda ctx: load_chain(ctx, plan_id)).success(self._loaded)
        op.run_in_background()
        return op

    def _loaded(self, plans: list[Plan]) -> None:
        self.plans = plans
        self.chain_label.setText(" → ".join(f"{p.period.name if p.period else '?'} {p.title}" for p in plans))
        self.names.blockSignals(True)
        self.names.clear()
        self.names.addItems(shared_indicator_names(plans))
        self.names.blockSignals(False)
        self._draw(self.names.currentText())

    def _draw(self, name: str) -> None:
        self.chart.set_points(name, trend(self.plans, name) if name else [])
