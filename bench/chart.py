"""Draws bench/scale.sh's tables as one SVG: load rate, query p50 and resource-page p50 against store size.

    python3 bench/chart.py WORKDIR OUT.svg

WORKDIR holds loads.md, queries.md and pages.md (Markdown rows written by scale.sh). Standard library only.
"""
import math
import sys
from pathlib import Path

work, out = Path(sys.argv[1]), Path(sys.argv[2])
COLOURS = ["#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#00798c", "#8c564b", "#444444"]


def rows(name):
    for line in (work / name).read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 3:
            yield cells


def series_of(pairs):
    """{label: [(size, value)]} from (label, size, value) triples, sizes sorted."""
    s = {}
    for label, size, value in pairs:
        s.setdefault(label, []).append((size, value))
    return {k: sorted(v) for k, v in s.items()}


loads = series_of((r[1], int(r[0]), float(r[3])) for r in rows("loads.md"))
queries = series_of((r[2] + ("" if r[1] == "ctkg" else " · Fuseki"), int(r[0]), float(r[5])) for r in rows("queries.md"))
pages = series_of((r[2], int(r[0]), float(r[5])) for r in rows("pages.md"))
sizes = sorted({x for s in list(loads.values()) + list(queries.values()) for x, _ in s})

W, H, PW, PH, TOP, LEFT = 1300, 560, 330, 300, 60, 80
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="16">ctkg at scale: generated case records, 2 cores (bench/scale.sh)</text>']


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def panel(x0, title, ylabel, series, log_y, dashed=lambda label: False, colour_key=lambda label: label):
    values = [v for s in series.values() for _, v in s if v > 0]
    lo, hi = (min(values), max(values)) if values else (1, 10)
    if log_y:
        lo, hi = 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi))
        ty = lambda v: TOP + PH - (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * PH
        ticks = [10 ** e for e in range(int(math.log10(lo)), int(math.log10(hi)) + 1)]
    else:
        lo, hi = 0, hi * 1.15
        ty = lambda v: TOP + PH - (v - lo) / (hi - lo) * PH
        step = 10 ** math.floor(math.log10(hi / 4))
        step *= 2 if hi / step > 10 else 1
        ticks = [i * step for i in range(int(hi / step) + 1)]
    smin, smax = math.log10(min(sizes)), math.log10(max(sizes))
    tx = lambda s: x0 + (0.5 if smax == smin else (math.log10(s) - smin) / (smax - smin)) * PW
    svg.append(f'<text x="{x0 + PW / 2}" y="{TOP - 12}" text-anchor="middle" font-size="14">{esc(title)}</text>')
    svg.append(f'<rect x="{x0}" y="{TOP}" width="{PW}" height="{PH}" fill="none" stroke="#999"/>')
    for t in ticks:
        y = ty(t)
        svg.append(f'<line x1="{x0}" x2="{x0 + PW}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
        label = f"{t:,.0f}" if t >= 1 else f"{t:g}"
        svg.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for s in sizes:
        svg.append(f'<text x="{tx(s):.1f}" y="{TOP + PH + 18}" text-anchor="middle">{s / 1e6:g}M</text>')
    svg.append(f'<text x="{x0 + PW / 2}" y="{TOP + PH + 36}" text-anchor="middle">triples in the store (log scale)</text>')
    svg.append(f'<text transform="translate({x0 - 58},{TOP + PH / 2}) rotate(-90)" text-anchor="middle">{esc(ylabel)}</text>')
    keys = sorted({colour_key(k) for k in series})
    for i, (label, points) in enumerate(sorted(series.items())):
        colour = COLOURS[keys.index(colour_key(label)) % len(COLOURS)]
        dash = ' stroke-dasharray="5,4"' if dashed(label) else ""
        path = " ".join(f"{'M' if j == 0 else 'L'}{tx(s):.1f},{ty(v):.1f}" for j, (s, v) in enumerate(points) if v > 0)
        svg.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for s, v in points:
            if v > 0:
                svg.append(f'<circle cx="{tx(s):.1f}" cy="{ty(v):.1f}" r="3" fill="{colour}"/>')
    for i, key in enumerate(keys):
        y = TOP + PH + 56 + i * 15
        svg.append(f'<line x1="{x0}" x2="{x0 + 20}" y1="{y - 4}" y2="{y - 4}" stroke="{COLOURS[i % len(COLOURS)]}" stroke-width="2"/>')
        svg.append(f'<text x="{x0 + 26}" y="{y}">{esc(key)}</text>')


panel(LEFT, "Load rate", "triples per second", loads, False)
panel(LEFT + PW + 100, "Query mix, p50 (dashed: plain Fuseki)", "milliseconds (log scale)", queries, True,
      dashed=lambda label: label.endswith("· Fuseki"), colour_key=lambda label: label.replace(" · Fuseki", "").split(" (")[0])
panel(LEFT + 2 * (PW + 100), "Pages on ctkg, p50", "milliseconds (log scale)", pages, True)
svg.append("</svg>")
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text("\n".join(svg) + "\n")
