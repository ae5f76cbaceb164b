import json
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command

from projects.worldmap import map_data, project, render_map
from projects.worldmap_build import clip_ring, decode_arcs, geometry_polygons, ring_path, simplify

SVG = "{http://www.w3.org/2000/svg}"
PROJECT_COUNTRIES = ["NL", "RS", "GR", "IT", "TR", "KE", "ME", "BA", "MK", "BY", "PL", "TN"]


def parse(svg):
    return ET.fromstring(str(svg))


def view_box():
    return [float(n) for n in map_data()["viewBox"].split()]


def test_data_file_has_the_project_countries():
    data = map_data()
    assert data["attribution"] == "Natural Earth via world-atlas 2.0.2"
    for code in PROJECT_COUNTRIES:
        assert data["countries"][code]["d"].startswith("M"), code
        assert data["countries"][code]["d"].endswith("Z"), code
    assert data["countries"]["RS"]["name"] == "Serbia"
    assert "XK" in data["countries"]  # Kosovo, which world-atlas leaves without a numeric id


def test_project_puts_amsterdam_inside_the_map_and_nairobi_below_it():
    _, _, width, height = view_box()
    ax, ay = project(4.90, 52.37)
    nx, ny = project(36.82, -1.29)
    assert 0 < ax < width and 0 < ay < height
    assert 0 < nx < width and ay < ny < height  # south is down: the map is not flipped
    assert ax < nx  # and east is right


def test_highlighted_countries_are_links_with_titles_and_the_rest_is_not():
    svg = render_map(
        {
            "RS": {"url": "/projects/?country=RS", "label": "Serbia: 2 projects"},
            "ke": {"url": "/projects/?country=KE", "label": "Kenya: 1 project"},
            "ZZ": {"url": "/nowhere/", "label": "Not on the map"},
        },
        label="Where we work",
    )
    root = parse(svg)
    assert root.get("role") == "group" and root.get("aria-label") == "Where we work"
    assert root.get("viewBox") == map_data()["viewBox"]
    links = root.findall(f"{SVG}a")
    assert [(a.get("href"), a.find(f"{SVG}title").text) for a in links] == [
        ("/projects/?country=RS", "Serbia: 2 projects"),
        ("/projects/?country=KE", "Kenya: 1 project"),
    ]
    assert all("world-map__country--active" in a.get("class") for a in links)
    linked = {a.find(f"{SVG}path").get("d") for a in links}
    assert linked == {map_data()["countries"]["RS"]["d"], map_data()["countries"]["KE"]["d"]}
    unlinked = {path.get("d") for path in root.findall(f"{SVG}path")}
    assert map_data()["countries"]["NL"]["d"] in unlinked and not unlinked & linked
    paths = root.findall(f".//{SVG}path")
    assert len(paths) == len(map_data()["countries"]) + len(map_data()["other"])
    assert all(p.get("aria-hidden") == "true" and p.get("class") == "world-map__land" for p in paths)


def test_labels_and_urls_are_escaped():
    svg = str(
        render_map(
            {"NL": {"url": '/x?a=1&b="2"', "label": "<script>alert(1)</script>"}},
            route=[{"lon": 4.9, "lat": 52.4, "label": "<b>Amsterdam</b>"}],
            label='Map "<i>"',
        )
    )
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg and "&lt;b&gt;Amsterdam&lt;/b&gt;" in svg
    root = parse(svg)  # still well-formed
    assert root.get("aria-label") == 'Map "<i>"'
    assert root.find(f"{SVG}a").get("href") == '/x?a=1&b="2"'


def test_route_is_a_polyline_with_a_numbered_marker_per_stop():
    stops = [
        {"lon": 27.56, "lat": 53.90, "label": "1. Minsk"},
        {"lon": 21.01, "lat": 52.23, "label": "2. Warsaw"},
        {"lon": 23.73, "lat": 37.98, "label": "3. Athens"},
    ]
    root = parse(render_map({}, route=stops))
    assert not root.findall(f".//{SVG}a")
    points = root.find(f".//{SVG}polyline").get("points").split()
    assert len(points) == 3
    assert [float(n) for n in points[0].split(",")] == pytest.approx(project(27.56, 53.90), abs=0.06)
    markers = root.findall(f".//{SVG}g[@class='world-map__stop']")
    assert [m.find(f"{SVG}title").text for m in markers] == ["1. Minsk", "2. Warsaw", "3. Athens"]
    assert [m.find(f"{SVG}text").text for m in markers] == ["1", "2", "3"]
    assert len(root.findall(f".//{SVG}circle")) == 3


def test_a_route_of_one_stop_has_a_marker_but_no_line():
    root = parse(render_map({}, route=[{"lon": 12.6, "lat": 35.5, "label": "Lampedusa"}]))
    assert root.find(f".//{SVG}polyline") is None
    assert len(root.findall(f".//{SVG}circle")) == 1


def test_topojson_decoding_with_delta_arcs_and_a_reversed_arc():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
        # Arc 0 runs (0,0) -> (2,0) -> (2,2); arc 1 runs (0,0) -> (0,2) -> (2,2), so the ring needs it backwards.
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [0, 2], [2, 0]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, ~1]], "id": "528"},
                    {"type": "MultiPolygon", "arcs": [[[0, ~1]], [[1, ~0]]]},
                ],
            }
        },
    }
    arcs = decode_arcs(topology)
    assert arcs == [[(10, 20), (11, 20), (11, 20.5)], [(10, 20), (10, 20.5), (11, 20.5)]]
    polygon, multi = topology["objects"]["countries"]["geometries"]
    assert geometry_polygons(polygon, arcs) == [[[(10, 20), (11, 20), (11, 20.5), (10, 20.5), (10, 20)]]]
    assert len(geometry_polygons(multi, arcs)) == 2
    assert geometry_polygons({"type": "Point", "coordinates": [0, 0]}, arcs) == []


def test_simplify_clip_and_path_helpers():
    assert simplify([(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)], 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    clipped = clip_ring([(-5, -5), (5, -5), (5, 5), (-5, 5)], 0, 0, 10, 10)
    assert sorted(clipped) == [(0, 0), (0, 5), (5, 0), (5, 5)]
    assert ring_path([(10.5, 20), (12, 20), (12, 19.47), (10.5, 20)]) == "M10.5 20l1.5 0 0 -.5Z"
    assert ring_path([(0, 0), (0.01, 0), (0, 0.01)]) is None  # nothing left after rounding


def square(x, y, size):
    return [[x, y], [size, 0], [0, size], [-size, 0], [0, -size]]


def test_build_command_writes_the_map_json(tmp_path):
    # Quantized like world-atlas: one unit is 0.01 degree, counted from 0°E 50°N.
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [0, 50]},
        "arcs": [square(400, 100, 200), square(2000, -800, 100), square(-5000, -6000, 100), square(4500, -4100, 100)],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0]], "id": "528", "properties": {"name": "Netherlands"}},
                    {"type": "Polygon", "arcs": [[1]], "properties": {"name": "Kosovo"}},
                    {
                        "type": "Polygon",
                        "arcs": [[2]],
                        "id": "076",
                        "properties": {"name": "Brazil"},
                    },  # outside the frame
                    {"type": "Polygon", "arcs": [[3]], "properties": {"name": "Somaliland"}},  # land without a code
                ],
            }
        },
    }
    source, output = tmp_path / "countries.json", tmp_path / "out" / "world_map.json"
    source.write_text(json.dumps(topology))
    stdout = StringIO()
    call_command("build_world_map", str(source), output=str(output), stdout=stdout)
    data = json.loads(output.read_text())
    assert "2 countries" in stdout.getvalue()
    assert set(data["countries"]) == {"NL", "XK"}
    assert data["countries"]["NL"]["name"] == "Netherlands"
    assert [shape["name"] for shape in data["other"]] == ["Somaliland"]
    assert data["viewBox"].startswith("0 0 1000 ")
    assert data["projection"]["type"] == "equirectangular"
    assert data["attribution"] == "Natural Earth via world-atlas 2.0.2"
