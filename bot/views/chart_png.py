"""A card's `Chart` drawn as a PNG: for Teams' card and for the report's PDF.

matplotlib draws without a browser or a display (its Agg backend). It is imported
when the first chart is drawn, so commands that draw none never load it. The
picture is reduced to a few colours: small enough to travel inside a Teams card.
"""

from __future__ import annotations

import io
from functools import lru_cache

from bot.views.cards import Chart

# Calm colours that stay apart in grey print too.
COLOURS = ("#1f4e79", "#7fb3d5", "#c0504d", "#9bbb59", "#8064a2", "#f79646")


def png(chart: Chart, width: int = 480, height: int = 220, dpi: int = 100) -> bytes:
    """The chart as grouped bars, `width` × `height` pixels at `dpi`."""
    return _drawn(chart.model_dump_json(), width, height, dpi)


@lru_cache(maxsize=32)
def _drawn(chart_json: str, width: int, height: int, dpi: int) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from PIL import Image

    chart = Chart.model_validate_json(chart_json)
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    axes = figure.subplots()
    count = max(1, len(chart.series))
    bar = 0.8 / count
    positions = range(len(chart.categories))
    for i, series in enumerate(chart.series):
        offsets = [p - 0.4 + bar * (i + 0.5) for p in positions]
        axes.bar(offsets, series.values, bar, label=series.name, color=COLOURS[i % len(COLOURS)])
    # "apr 2026" over two lines: twelve months side by side stay readable.
    labels = [c.replace(" ", "\n", 1) for c in chart.categories]
    axes.set_xticks(list(positions), labels, fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.yaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(chart.title, fontsize=9, loc="left")
    if len(chart.series) > 1:
        # Room above the highest bar for the legend, so it never covers a bar.
        highest = max((v for s in chart.series for v in s.values), default=0)
        axes.set_ylim(0, max(1, highest) * 1.35)
        axes.legend(fontsize=7, frameon=False, loc="upper right", ncol=3)
    figure.tight_layout()
    drawn = io.BytesIO()
    figure.savefig(drawn, format="png")
    small = io.BytesIO()
    Image.open(io.BytesIO(drawn.getvalue())).convert("RGB").quantize(colors=16).save(
        small, format="PNG", optimize=True
    )
    return small.getvalue()
