"""The project map: inline SVG drawn from projects/data/world_map.json (built by `manage.py build_world_map`).

No tiles, scripts or CDN: the outlines ship with the site, so the map works offline and leaks no visitor data.
"""

import json
from functools import cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

DATA_FILE = Path(__file__).resolve().parent / "data" / "world_map.json"


@cache
def map_data():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def project(lon, lat):
    """SVG (x, y) in the map's viewBox for a longitude/latitude, with the projection the outlines were built with."""
    p = map_data()["projection"]
    return (lon - p["lon_min"]) * p["x_scale"], (p["lat_max"] - lat) * p["y_scale"]


def _route(route, width):
    points = [project(float(stop["lon"]), float(stop["lat"])) for stop in route]
    radius = width / 60  # markers keep the same size relative to the map whatever its viewBox
    line = format_html(
        '<polyline class="world-map__route" aria-hidden="true" points="{}"/>',
        " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
    )
    markers = format_html_join(
        "",
        '<g class="world-map__stop" role="img" aria-label="{}"><title>{}</title>'
        '<circle cx="{}" cy="{}" r="{}"/><text x="{}" y="{}" font-size="{}" aria-hidden="true">{}</text></g>',
        (
            # format_html escapes (and so stringifies) its arguments: numbers are formatted first.
            (
                stop["label"],
                stop["label"],
                f"{x:.1f}",
                f"{y:.1f}",
                f"{radius:.1f}",
                f"{x:.1f}",
                f"{y:.1f}",
                f"{radius * 1.3:.1f}",
                number,
            )
            for number, (stop, (x, y)) in enumerate(zip(route, points, strict=True), start=1)
        ),
    )
    # A route of one stop has no line to draw, only its marker.
    return format_html('<g class="world-map__journey">{}{}</g>', line if len(points) > 1 else "", markers)


def render_map(highlighted, route=None, label=None):
    """Accessible inline SVG of the map.

    highlighted: {alpha-2 code: {"url", "label"}}; those countries become links (keyboard-focusable, named by their
    label), all other land is decoration hidden from assistive technology.
    route: optional [{"lon", "lat", "label"}, ...], drawn as a line with numbered stops in the given order.
    """
    data = map_data()
    highlighted = {code.upper(): link for code, link in (highlighted or {}).items()}
    shapes = data["countries"]
    land = format_html_join(
        "",
        '<path class="world-map__land" aria-hidden="true" d="{}"/>',
        [(shape["d"],) for shape in data.get("other", [])]
        + [(shape["d"],) for code, shape in shapes.items() if code not in highlighted],
    )
    # Drawn after the plain land so their borders and focus outlines are not painted over by neighbours.
    links = format_html_join(
        "",
        '<a href="{}" class="world-map__country world-map__country--active" aria-label="{}"><title>{}</title>'
        '<path class="world-map__land" aria-hidden="true" d="{}"/></a>',
        (
            (link["url"], link["label"], link["label"], shapes[code]["d"])
            for code, link in highlighted.items()
            if code in shapes
        ),
    )
    width = float(data["viewBox"].split()[2])
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" role="group" aria-label="{}" class="world-map">'
        "{}{}{}</svg>",
        data["viewBox"],
        label or gettext("Map of the countries where we work"),
        land,
        links,
        _route(route, width) if route else "",
    )
