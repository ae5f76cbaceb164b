"""Turn world-atlas TopoJSON into the small SVG path file behind projects.worldmap.

Pure functions, no Django: the management command build_world_map wires them to django-countries and the disk.
Pipeline: decode arcs -> project -> simplify each arc -> assemble rings -> clip to the frame -> SVG path data.
Arcs are simplified before they are assembled so that two neighbours sharing a border get exactly the same line
(simplifying whole rings independently leaves slivers and gaps along every border).
"""

import math

# Europe, the Middle East and Africa down to Kenya; phi0 is the standard parallel of the equirectangular projection.
FRAME = {"lon_min": -20.0, "lon_max": 60.0, "lat_min": -12.0, "lat_max": 63.0, "phi0": 30.0}
WIDTH = 1000
ATTRIBUTION = "Natural Earth via world-atlas 2.0.2"


def make_projection(frame=FRAME, width=WIDTH):
    """Everything projects.worldmap.project() needs, as plain JSON-able numbers."""
    x_scale = width / (frame["lon_max"] - frame["lon_min"])
    y_scale = x_scale / math.cos(math.radians(frame["phi0"]))  # x = lon * cos(phi0), so y gets the larger factor
    height = math.ceil((frame["lat_max"] - frame["lat_min"]) * y_scale)
    return {
        "type": "equirectangular",
        **frame,
        "x_scale": x_scale,
        "y_scale": y_scale,
        "width": width,
        "height": height,
    }


def project(lon, lat, projection):
    # SVG's y axis points down, so latitude is measured from the top edge of the frame.
    x = (lon - projection["lon_min"]) * projection["x_scale"]
    return x, (projection["lat_max"] - lat) * projection["y_scale"]


def decode_arcs(topology):
    """Absolute [lon, lat] points of every arc; quantized topologies store deltas in integer grid units."""
    transform = topology.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes, arcs):
    """Join the arcs of one ring; ~i (a negative index) means arc i walked backwards."""
    points = []
    for index in indexes:
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        # Consecutive arcs share their joining point: keep it once.
        points.extend(arc[1:] if points else arc)
    return points


def geometry_polygons(geometry, arcs):
    """A Polygon or MultiPolygon as a list of polygons, each a list of rings (outer ring first)."""
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [[ring_points(ring, arcs) for ring in polygon] for polygon in polygons]


def _segment_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points, tolerance):
    """Douglas-Peucker with a stack instead of recursion (long coastlines would hit the recursion limit)."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, best_index = 0.0, None
        for i in range(first + 1, last):
            distance = _segment_distance(points[i], points[first], points[last])
            if distance > best:
                best, best_index = distance, i
        if best_index is not None and best > tolerance:
            keep[best_index] = True
            stack += [(first, best_index), (best_index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def clip_ring(ring, x0, y0, x1, y1):
    """Sutherland-Hodgman against an axis-aligned box: enough for filled shapes (edges along the box are hidden)."""
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    for inside, cross in edges:
        if not ring:
            break
        points, ring = ring, []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    ring.append(cross(previous, point))
                ring.append(point)
            elif inside(previous):
                ring.append(cross(previous, point))
            previous = point
    return ring


def _area(ring):
    return abs(sum(ax * by - bx * ay for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def ring_path(ring):
    """'M x y l dx dy … Z' in tenths of a unit: relative steps are short, and rounding absolute positions first
    keeps the deltas from drifting. None if nothing but a sliver is left."""
    tenths = []
    for x, y in ring:
        point = (round(x * 10), round(y * 10))
        if not tenths or point != tenths[-1]:
            tenths.append(point)
    if len(tenths) > 1 and tenths[0] == tenths[-1]:
        tenths.pop()  # Z closes the ring
    if len(tenths) < 3:
        return None

    def number(value):  # tenths -> shortest SVG number: 30 -> "3", 5 -> ".5", -5 -> "-.5", 105 -> "10.5"
        if value % 10 == 0:
            return str(value // 10)
        text = f"{value / 10:.1f}"
        return text.replace("0.", ".", 1) if abs(value) < 10 else text

    (x, y), steps = tenths[0], []
    for nx, ny in tenths[1:]:
        steps.append(f"{number(nx - x)} {number(ny - y)}")
        x, y = nx, ny
    return f"M{number(tenths[0][0])} {number(tenths[0][1])}l{' '.join(steps)}Z"


def build_paths(topology, projection, tolerance=0.6, min_area=1.0, object_name="countries"):
    """Yield (geometry, d) for every feature with land inside the frame; d is SVG path data in viewBox units.

    tolerance is the Douglas-Peucker distance and min_area drops islands smaller than that many square units,
    both measured in the viewBox, so they scale with the rendered map rather than with degrees.
    """
    arcs = [simplify([project(lon, lat, projection) for lon, lat in arc], tolerance) for arc in decode_arcs(topology)]
    # A one-unit margin keeps the strokes along the clipped edges just outside the visible box.
    box = (-1, -1, projection["width"] + 1, projection["height"] + 1)
    for geometry in topology["objects"][object_name]["geometries"]:
        parts = []
        for polygon in geometry_polygons(geometry, arcs):
            outer = polygon[0]
            xs, ys = [x for x, _ in outer], [y for _, y in outer]
            if not outer or max(xs) < box[0] or min(xs) > box[2] or max(ys) < box[1] or min(ys) > box[3]:
                continue
            for index, ring in enumerate(polygon):
                clipped = clip_ring(ring, *box)
                path = ring_path(clipped) if len(clipped) >= 3 and _area(clipped) >= min_area else None
                if path:
                    parts.append(path)
                elif index == 0:
                    break  # no outer ring left, so its holes mean nothing
        if parts:
            yield geometry, "".join(parts)


def build_map(topology, code_for, projection=None, tolerance=0.6, min_area=1.0):
    """The whole world_map.json document; code_for(geometry) gives the ISO alpha-2 key or a falsy value.

    Land without a code (Northern Cyprus, Somaliland) goes to "other": drawn as plain land, never linkable,
    so the map shows no false sea where it is.
    """
    projection = projection or make_projection()
    countries, other = {}, []
    for geometry, d in build_paths(topology, projection, tolerance, min_area):
        name = geometry.get("properties", {}).get("name", "")
        if code := code_for(geometry):
            countries[code] = {"name": name or code, "d": d}
        else:
            other.append({"name": name, "d": d})
    return {
        "viewBox": f"0 0 {projection['width']} {projection['height']}",
        "projection": projection,
        "attribution": ATTRIBUTION,
        "countries": dict(sorted(countries.items())),
        "other": sorted(other, key=lambda shape: shape["name"]),
    }
