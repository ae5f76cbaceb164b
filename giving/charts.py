"""Geometry for Finance's chart of new and stopped monthly gifts per month: an inline SVG drawn in the
template on the server (no JavaScript, no extra query: it reads `finance.per_month`'s rows). The table
next to it keeps the same figures for screen readers."""

WIDTH, HEIGHT, TOP, LABELS = 600, 160, 16, 20


def new_and_stopped_chart(months):
    """`months`: `finance.per_month` rows, newest first. Two bars per month, oldest on the left; None when
    nothing started or stopped in the period (an empty chart says nothing)."""
    rows = [(month, started, stopped) for month, started, stopped, _once in reversed(months)]
    peak = max((max(started, stopped) for _month, started, stopped in rows), default=0)
    if not peak:
        return None
    step = WIDTH / len(rows)
    bar = step * 0.36
    usable = HEIGHT - TOP

    def geometry(x, n):
        height = round(n / peak * usable, 2)
        return {"n": n, "x": round(x, 2), "y": round(HEIGHT - height, 2), "width": round(bar, 2), "height": height}

    groups = []
    for index, (month, started, stopped) in enumerate(rows):
        left = index * step + step * 0.12
        groups.append(
            {
                "month": month,
                "label_x": round(index * step + step / 2, 2),
                "new": geometry(left, started),
                "stopped": geometry(left + bar + step * 0.04, stopped),
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "full_height": HEIGHT + LABELS,
        "label_y": HEIGHT + 15,
        "peak": peak,
        "groups": groups,
        "first": rows[0][0],
        "last": rows[-1][0],
    }
