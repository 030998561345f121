"""Draws bench/peers.sh's query tables as one SVG: p50 latency of every query of the mix, repeat and cold,
ctkg, plain Fuseki and Virtuoso side by side, one panel a store size (log scale: the raw GROUP BY is a
hundred times the point queries).

    python3 bench/peers-chart.py OUT.svg REPORT...

Each REPORT is what peers.sh printed (its Markdown tables); the query-mix tables are read, by their header
names. Standard library only.
"""
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

SERVERS = [("ctkg", "#1b6ca8"), ("plain Fuseki", "#edae49"), ("Virtuoso", "#d1495b")]


def tables(text):
    """Yields (header cells, [row cells]) for every Markdown table of the report."""
    header, rows = None, []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
            elif not set(line) <= set("|-: "):
                rows.append(cells)
        elif header is not None:
            yield header, rows
            header, rows = None, []


def measurements(paths):
    """{size: [(query, kind, {server: p50 ms})]} from the query-mix tables of the reports."""
    out = {}
    for path in paths:
        for header, rows in tables(Path(path).read_text()):
            columns = {name: header.index("p50 ms " + name) for name, _ in SERVERS if "p50 ms " + name in header}
            if len(columns) < len(SERVERS) or "query" not in header:
                continue
            for cells in rows:
                size = int(cells[header.index("size")])
                kind = cells[header.index("kind")].split(" (")[0]
                p50 = {name: float(cells[i]) for name, i in columns.items()}
                out.setdefault(size, []).append((cells[header.index("query")], kind, p50))
    return out


def label(size):
    return f"{size // 1_000_000}M triples" if size >= 1_000_000 else f"{size // 1000}k triples"


def draw(data):
    bar, gap, left, top, width = 7, 8, 300, 60, 460
    lo, hi = 0.1, max(v for runs in data.values() for _, _, p50 in runs for v in p50.values()) * 1.5
    x = lambda ms: left + width * (math.log10(max(ms, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    parts, y = [], top
    for size in sorted(data):
        parts.append(f'<text x="10" y="{y + 14}" font-weight="bold">{escape(label(size))}</text>')
        y += 24
        for query, kind, p50 in data[size]:
            parts.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{escape(query)} · {escape(kind)}</text>')
            for i, (name, colour) in enumerate(SERVERS):
                ms = p50[name]
                parts.append(f'<rect x="{left}" y="{y + i * bar}" width="{x(ms) - left:.1f}" height="{bar - 1}" fill="{colour}">'
                             f'<title>{escape(name)}: {ms} ms</title></rect>')
                parts.append(f'<text x="{x(ms) + 3:.1f}" y="{y + i * bar + bar - 1}" font-size="8">{ms:g}</text>')
            y += len(SERVERS) * bar + gap
        y += 12
    ticks = [10 ** e for e in range(math.ceil(math.log10(lo)), math.floor(math.log10(hi)) + 1)]
    for t in ticks:
        parts.append(f'<line x1="{x(t):.1f}" y1="{top}" x2="{x(t):.1f}" y2="{y}" stroke="#ccc" stroke-width="0.5"/>')
        parts.append(f'<text x="{x(t):.1f}" y="{y + 14}" text-anchor="middle">{t:g} ms</text>')
    for i, (name, colour) in enumerate(SERVERS):
        parts.append(f'<rect x="{left + i * 130}" y="20" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{left + i * 130 + 16}" y="30">{escape(name)}</text>')
    parts.append(f'<text x="10" y="30" font-weight="bold">p50 per request (log scale)</text>')
    h = y + 30
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 80}" height="{h}" '
            f'font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>'
            + "".join(parts) + "</svg>\n")


if __name__ == "__main__":
    data = measurements(sys.argv[2:])
    if not data:
        sys.exit("peers-chart: no query-mix table in " + " ".join(sys.argv[2:]))
    Path(sys.argv[1]).write_text(draw(data))
