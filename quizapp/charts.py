"""Bar charts drawn on the server as SVG: no script, readable on a phone, printable.

:func:`bar_chart` works out the geometry; the ``_charts.html`` macro draws it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Across, positions are percentages of the chart's width, so the bars stretch to any
# screen while the text keeps its size (a scaled viewBox would shrink it on a phone).
# Down, they are pixels.
HEIGHT, TOP, BOTTOM = 180, 18, 24


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, an optional highlighted lower part, and geometry."""

    label: str
    tick: str
    value: int
    part: int
    x: float  # percent
    width: float  # percent
    y: float
    height: float
    part_y: float
    part_height: float

    @property
    def tick_anchor(self) -> str:
        """Keep the first and last tick labels inside the chart."""
        if self.x < 8:
            return "start"
        if self.x + self.width > 92:
            return "end"
        return "middle"

    @property
    def tick_x(self) -> float:
        """Where the tick label is anchored, in percent."""
        return {"start": self.x, "end": self.x + self.width}.get(
            self.tick_anchor, self.x + self.width / 2
        )


@dataclass(frozen=True)
class Chart:
    """A bar chart ready to draw."""

    title: str
    bars: list[Bar]
    ticks: list[tuple[float, int]]
    height: int = HEIGHT
    bottom: float = HEIGHT - BOTTOM

    @property
    def total(self) -> int:
        """The sum of the bars."""
        return sum(b.value for b in self.bars)


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50...)."""
    if value <= 1:
        return 1
    magnitude = int(10 ** math.floor(math.log10(value)))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def bar_chart(
    title: str,
    points: Sequence[tuple[str, str, int, int]],
) -> Chart:
    """Bars from (label, tick label, value, highlighted part) tuples; empty tick labels
    are not drawn (so thirty days can show a label a week)."""
    top = _nice_max(max((p[2] for p in points), default=0))
    plot_h = HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    slot = 100 / max(len(points), 1)
    gap = slot * 0.2
    bars = []
    for i, (label, tick, value, part) in enumerate(points):
        h = plot_h * value / top
        ph = plot_h * min(part, value) / top
        bars.append(
            Bar(
                label, tick, value, part, i * slot + gap / 2, slot - gap, base - h, h, base - ph, ph
            )
        )
    values = sorted({0, top // 2, top}) if top > 1 else [0, 1]
    ticks = [(base - plot_h * v / top, v) for v in values]
    return Chart(title, bars, ticks)


class DayCount(Protocol):
    """A count for one day, with a part of it to highlight."""

    @property
    def date(self) -> dt.date: ...
    @property
    def count(self) -> int: ...
    @property
    def extra(self) -> int: ...


def reviews_per_day(days: Sequence[DayCount]) -> Chart:
    """Reviews per day, the forgotten ones marked, a date label a week."""
    last = len(days) - 1
    return bar_chart(
        f"Reviews per day, last {len(days)} days (darker: forgotten)",
        [
            (
                f"{d.date:%a %d %b}: {d.count} review{'' if d.count == 1 else 's'}, "
                f"{d.extra} forgotten",
                f"{d.date:%d %b}" if (last - i) % 7 == 0 else "",
                d.count,
                d.extra,
            )
            for i, d in enumerate(days)
        ],
    )
