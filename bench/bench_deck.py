"""Briefing deck with 12 charts: seconds and Chromium launches (goal: ≤ 15 s on 2 cores, 1 launch).

Builds the deck on a freshly seeded SQLite store (figures, one browser batch for the pictures, the
python-pptx slides), counting real browser starts (kaleido.Kaleido.open). With --baseline it also renders
the same 12 charts one browser per chart, the way `fig.write_image` does, and prints the ratio.

    python bench/bench_deck.py [--baseline] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kaleido

from model.exports.deck import build_deck, build_figure
from model.exports.images import render_image
from model.figures import CHARTS
from model.store import Store

GOAL_S = 15.0
N_CHARTS = 12
AS_OF = dt.date(2026, 3, 31)

launches = 0
_real_open = kaleido.Kaleido.open


async def _counting_open(self: Any) -> None:
    global launches
    launches += 1
    await _real_open(self)


kaleido.Kaleido.open = _counting_open  # type: ignore[method-assign]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true", help="also time one browser per chart")
    parser.add_argument("--runs", type=int, default=1, help="deck builds to time (the best is reported)")
    args = parser.parse_args()
    charts = list(CHARTS)[:N_CHARTS]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        store.init()
        times = []
        for _ in range(args.runs):
            before = launches
            start = time.perf_counter()
            deck = build_deck(store.snapshot(), as_of=AS_OF, charts=charts)
            times.append(time.perf_counter() - start)
            run_launches = launches - before
        best = min(times)
        print(f"deck: {deck.slides} slides, {deck.charts} charts, {len(deck.data) / 1e6:.1f} MB")
        print(
            f"deck build: {best:.2f} s (runs: {', '.join(f'{x:.2f}' for x in times)}; goal <= {GOAL_S:.0f} s)"
        )
        print(f"Chromium launches per deck: {run_launches} (goal: 1)")
        print(f"ratio to the goal: {best / GOAL_S:.2f} (<= 1 meets it)")
        ok = best <= GOAL_S and run_launches == 1
        if args.baseline:
            figs = [build_figure(CHARTS[n], store.snapshot(), "ja", AS_OF, deck.fiscal_year) for n in charts]
            before = launches
            start = time.perf_counter()
            for name, fig in zip(charts, figs, strict=True):
                render_image(fig, "png", name=name, scale=1.5)
            naive = time.perf_counter() - start
            print(
                f"one browser per chart: {naive:.2f} s for the pictures alone, {launches - before} launches"
            )
            print(f"ratio (one browser per chart / whole deck with one browser): {naive / best:.1f}x")
        store.engine.dispose()
    print("OK" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
