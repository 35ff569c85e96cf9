"""Bar charts drawn on the server as SVG: no script, readable on a phone, printable.

:func:`bar_chart` works out the geometry; the ``_charts.html`` macro draws it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 36, 28, 10, 28


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, an optional highlighted lower part, and geometry."""

    label: str
    tick: str
    value: int
    part: int
    x: float
    width: float
    y: float
    height: float
    part_y: float
    part_height: float


@dataclass(frozen=True)
class Chart:
    """A bar chart ready to draw."""

    title: str
    bars: list[Bar]
    ticks: list[tuple[float, int]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom: float = HEIGHT - BOTTOM

    @property
    def total(self) -> int:
        """The sum of the bars."""
        return sum(b.value for b in self.bars)


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 5, 10, 20, 50...)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
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
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(points), 1)
    gap = min(4.0, slot * 0.2)
    bars = []
    for i, (label, tick, value, part) in enumerate(points):
        h = plot_h * value / top
        ph = plot_h * min(part, value) / top
        base = TOP + plot_h
        bars.append(
            Bar(
                label,
                tick,
                value,
                part,
                LEFT + i * slot + gap / 2,
                slot - gap,
                base - h,
                h,
                base - ph,
                ph,
            )
        )
    ticks = [(TOP + plot_h - plot_h * v / top, v) for v in (0, top // 2, top) if v or top]
    return Chart(title, bars, sorted(set(ticks)))


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
                f"{d.date:%a %d %b}: {d.count} reviews, {d.extra} forgotten",
                f"{d.date:%d %b}" if (last - i) % 7 == 0 else "",
                d.count,
                d.extra,
            )
            for i, d in enumerate(days)
        ],
    )
