"""The shipped municipality list, the CBS file reader, the refresh command and the tile map. No database needed."""

import csv
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.safestring import SafeString

from petitions import tilemap
from petitions.municipalities import (
    DATA_FILE,
    PROVINCES,
    MunicipalityDataError,
    diff,
    load_shipped,
    normalise_code,
    read_cbs_csv,
    sorted_by_name,
)
from petitions.tilemap import TILE, compute_layout, layout, render_tilemap

SVG = "{http://www.w3.org/2000/svg}"
CBS_HEADER = "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam"


def cbs_file(tmp_path, text, name="gemeenten.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def municipality(code, name, province):
    return {"cbs_code": code, "name": name, "province": province}


# The shipped file


def test_shipped_file_has_every_municipality_of_2025():
    municipalities = load_shipped()
    codes = [m["cbs_code"] for m in municipalities]
    assert len(municipalities) == 342
    assert len(set(codes)) == 342
    assert all(re.fullmatch(r"GM\d{4}", code) for code in codes)
    assert {m["province"] for m in municipalities} == set(PROVINCES)
    assert len(PROVINCES) == 12
    by_code = {m["cbs_code"]: m for m in municipalities}
    assert by_code["GM0363"] == municipality("GM0363", "Amsterdam", "Noord-Holland")
    assert by_code["GM0518"] == municipality("GM0518", "'s-Gravenhage", "Zuid-Holland")
    assert by_code["GM0599"]["name"] == "Rotterdam"
    assert by_code["GM0344"] == municipality("GM0344", "Utrecht", "Utrecht")
    assert by_code["GM1900"] == municipality("GM1900", "Súdwest-Fryslân", "Fryslân")
    # The mergers of 2022 and 2023 are in; the municipalities they replaced are gone.
    assert {"GM1980", "GM1982", "GM1991", "GM1992"} <= by_code.keys()
    assert not {"GM0457", "GM0501", "GM0370", "GM0856"} & by_code.keys()


def test_shipped_file_is_utf8_with_our_header_and_sorted_by_name():
    with DATA_FILE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0].keys()) == ["cbs_code", "name", "province"]
    assert rows == sorted_by_name(rows)
    assert rows[0]["name"] == "Aa en Hunze" and rows[-1]["name"] == "Zwolle"
    names = [row["name"] for row in rows]
    # Dutch order, as in CBS's list: leading articles are ignored.
    assert names.index("Gouda") < names.index("'s-Gravenhage") < names.index("Groningen")
    assert names.index("Beverwijk") < names.index("De Bilt") < names.index("Bladel")


def test_load_shipped_is_cached_and_immutable():
    assert load_shipped() is load_shipped()
    assert isinstance(load_shipped(), tuple)


# Reading CBS's file


def test_reads_cbs_semicolon_file_with_bom_padding_and_four_digit_codes(tmp_path):
    path = cbs_file(
        tmp_path,
        "\ufeff" + CBS_HEADER.replace(";", " ; ") + "\n"
        "0363;GM0363; Amsterdam ;27;PV27;Noord-Holland  \n"
        "0518;GM0518;'s-Gravenhage;28;PV28;Zuid-Holland\n"
        "\n"
        "1900;GM1900;Súdwest-Fryslân;21;PV21;Fryslân\n",
    )
    assert read_cbs_csv(path) == [  # sorted by name: 's-Gravenhage files under G
        municipality("GM0363", "Amsterdam", "Noord-Holland"),
        municipality("GM0518", "'s-Gravenhage", "Zuid-Holland"),
        municipality("GM1900", "Súdwest-Fryslân", "Fryslân"),
    ]


def test_reads_comma_file_with_only_numeric_codes_and_other_case(tmp_path):
    path = cbs_file(
        tmp_path,
        "GEMEENTECODE,gemeentenaam,ProvincieNaam\n"
        "363,Amsterdam,noord-holland\n"
        "0014,Groningen,Groningen\n"
        '820,"Nuenen, Gerwen en Nederwetten",Noord-Brabant\n'
        "80,Leeuwarden,Friesland\n",
    )
    assert read_cbs_csv(path) == [
        municipality("GM0363", "Amsterdam", "Noord-Holland"),
        municipality("GM0014", "Groningen", "Groningen"),
        municipality("GM0080", "Leeuwarden", "Fryslân"),
        municipality("GM0820", "Nuenen, Gerwen en Nederwetten", "Noord-Brabant"),
    ]


def test_prefers_the_gm_column_and_reads_open_files_and_windows_1252(tmp_path):
    text = "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provincienaam\n1;GM1900;Súdwest-Fryslân;Fryslân\n"
    expected = [municipality("GM1900", "Súdwest-Fryslân", "Fryslân")]
    assert read_cbs_csv(StringIO(text)) == expected
    assert read_cbs_csv(io.BytesIO(text.encode("utf-8"))) == expected
    assert read_cbs_csv(cbs_file(tmp_path, text, encoding="cp1252")) == expected


@pytest.mark.parametrize("value", ["GM0363", "gm0363", " 0363 ", "363", 363])
def test_normalise_code(value):
    assert normalise_code(value) == "GM0363"


@pytest.mark.parametrize("value", ["", "GM", "GM12345", "BU0363", "36a"])
def test_normalise_code_rejects_other_values(value):
    with pytest.raises(MunicipalityDataError, match="not a CBS municipality code"):
        normalise_code(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        (" \n\n", "the file is empty"),
        (CBS_HEADER + "\n", "header but no municipalities"),
        ("Gemeentecode;Naam;Provincienaam\n0363;Amsterdam;Noord-Holland\n", r"missing column\(s\): Gemeentenaam"),
        (
            "Code;Naam\n0363;Amsterdam\n",
            r"missing column\(s\): GemeentecodeGM or Gemeentecode, Gemeentenaam, Provincienaam \(columns found: 'Code'",
        ),
        (
            "Gemeentecode;Gemeentenaam;Provincienaam\n0363;Amsterdam;Noord-Holland\n363;Amsterdam;Noord-Holland\n",
            "duplicate code GM0363 on lines 2, 3",
        ),
        (
            "Gemeentecode;Gemeentenaam;Provincienaam\n0363;Amsterdam;Noord Holland\n",
            "line 2: unknown province 'Noord Holland'",
        ),
        ("Gemeentecode;Gemeentenaam;Provincienaam\n0363;Amsterdam;\n", "line 2: empty Provincienaam"),
        ("Gemeentecode;Gemeentenaam;Provincienaam\nX363;Amsterdam;Noord-Holland\n", "line 2: 'X363' is not a CBS"),
    ],
)
def test_rejects_bad_files_with_clear_errors(tmp_path, text, message):
    with pytest.raises(MunicipalityDataError, match=message):
        read_cbs_csv(cbs_file(tmp_path, text))


def test_lists_every_problem_at_once(tmp_path):
    path = cbs_file(tmp_path, "Gemeentecode;Gemeentenaam;Provincienaam\n1;A;Noord-Holland\n2;B;Holland\n1;C;Utrecht\n")
    with pytest.raises(MunicipalityDataError) as error:
        read_cbs_csv(path)
    assert "line 3: unknown province 'Holland'" in str(error.value)
    assert "duplicate code GM0001 on lines 2, 4" in str(error.value)


def test_missing_file(tmp_path):
    with pytest.raises(MunicipalityDataError, match="cannot read"):
        read_cbs_csv(tmp_path / "nowhere.csv")


def test_diff():
    old = [
        municipality("GM0001", "Oud", "Utrecht"),
        municipality("GM0002", "Naam", "Utrecht"),
        municipality("GM0003", "Blijft", "Zeeland"),
        municipality("GM0004", "Verhuist", "Utrecht"),
    ]
    new = [
        municipality("GM0002", "Nieuwe naam", "Utrecht"),
        municipality("GM0003", "Blijft", "Zeeland"),
        municipality("GM0004", "Verhuist", "Gelderland"),
        municipality("GM0005", "Nieuw", "Limburg"),
    ]
    result = diff(old, new)
    assert result.added == [municipality("GM0005", "Nieuw", "Limburg")]
    assert result.removed == [municipality("GM0001", "Oud", "Utrecht")]
    assert result.renamed == [(old[1], new[0])]
    assert result.moved == [(old[3], new[2])]
    assert result.unchanged == 1 and result.changed
    assert not diff(new, new).changed


# The refresh command


def test_refresh_command_rewrites_the_output_and_reports_changes(tmp_path):
    shipped = hashlib.sha256(DATA_FILE.read_bytes()).hexdigest()
    output = tmp_path / "municipalities.csv"
    output.write_text(
        "cbs_code,name,province\nGM0457,Weesp,Noord-Holland\nGM0363,Amsterdam,Noord-Holland\n"
        "GM0164,Hengelo (O.),Overijssel\n",
        encoding="utf-8",
    )
    source = cbs_file(
        tmp_path,
        CBS_HEADER + "\n0363;GM0363;Amsterdam;27;PV27;Noord-Holland\n"
        "0164;GM0164;Hengelo;23;PV23;Overijssel\n1992;GM1992;Voorne aan Zee;28;PV28;Zuid-Holland\n",
    )
    stdout = StringIO()
    call_command("refresh_municipalities", str(source), output=str(output), stdout=stdout)
    report = stdout.getvalue()
    assert "3 municipalities: 1 added, 1 removed, 1 renamed, 0 moved to another province, 1 unchanged." in report
    assert "added    GM1992 Voorne aan Zee (Zuid-Holland)" in report
    assert "removed  GM0457 Weesp (Noord-Holland)" in report
    assert "renamed  GM0164 Hengelo (O.) -> Hengelo" in report
    assert output.read_text(encoding="utf-8") == (
        "cbs_code,name,province\nGM0363,Amsterdam,Noord-Holland\nGM0164,Hengelo,Overijssel\n"
        "GM1992,Voorne aan Zee,Zuid-Holland\n"
    )
    assert hashlib.sha256(DATA_FILE.read_bytes()).hexdigest() == shipped


def test_refresh_command_creates_a_missing_output_and_has_a_dry_run(tmp_path):
    source = cbs_file(tmp_path, "GemeentecodeGM,Gemeentenaam,Provincienaam\nGM0363,Amsterdam,Noord-Holland\n")
    output = tmp_path / "new" / "municipalities.csv"
    stdout = StringIO()
    call_command("refresh_municipalities", str(source), output=str(output), dry_run=True, stdout=stdout)
    assert "1 added, 0 removed" in stdout.getvalue() and "Dry run" in stdout.getvalue()
    assert not output.exists()
    call_command("refresh_municipalities", str(source), output=str(output), stdout=StringIO())
    assert read_cbs_csv(output) == [municipality("GM0363", "Amsterdam", "Noord-Holland")]


def test_refresh_command_rejects_a_bad_file_and_leaves_the_output_alone(tmp_path):
    output = tmp_path / "municipalities.csv"
    output.write_text("cbs_code,name,province\nGM0363,Amsterdam,Noord-Holland\n", encoding="utf-8")
    source = cbs_file(tmp_path, "Gemeentenaam;Provincienaam\nAmsterdam;Noord-Holland\n")
    with pytest.raises(CommandError, match=r"missing column\(s\): GemeentecodeGM or Gemeentecode"):
        call_command("refresh_municipalities", str(source), output=str(output), stdout=StringIO())
    assert output.read_text(encoding="utf-8") == "cbs_code,name,province\nGM0363,Amsterdam,Noord-Holland\n"


def test_refresh_command_round_trips_the_shipped_file(tmp_path):
    output = tmp_path / "municipalities.csv"
    output.write_bytes(DATA_FILE.read_bytes())
    stdout = StringIO()
    call_command("refresh_municipalities", str(DATA_FILE), output=str(output), stdout=stdout)
    assert "342 municipalities: 0 added, 0 removed, 0 renamed, 0 moved to another province, 342 unchanged." in (
        stdout.getvalue()
    )
    assert output.read_bytes() == DATA_FILE.read_bytes()


# The tile map layout


def test_layout_places_every_municipality_once_without_overlaps():
    plan = layout()
    assert layout() is plan
    assert sorted(tile.cbs_code for tile in plan.tiles) == sorted(m["cbs_code"] for m in load_shipped())
    cells = {(tile.column, tile.row) for tile in plan.tiles}
    assert len(cells) == len(plan.tiles) == 342
    for tile in plan.tiles:
        assert 0 <= tile.x and tile.x + TILE <= plan.width and 0 <= tile.y and tile.y + TILE <= plan.height
    # The drawn squares, not just the grid cells, must not overlap.
    rects = sorted((t.x, t.y, t.x + TILE, t.y + TILE) for t in plan.tiles)
    for index, a in enumerate(rects):
        for b in rects[index + 1 :]:
            if b[0] >= a[2]:
                break
            assert b[1] >= a[3] or a[1] >= b[3], (a, b)


def test_layout_has_one_block_per_province_with_its_tiles_alphabetical():
    plan = layout()
    assert {block.province for block in plan.blocks} == set(PROVINCES)
    by_province = {}
    for tile in plan.tiles:
        by_province.setdefault(tile.province, []).append(tile)
    for block in plan.blocks:
        tiles = by_province[block.province]
        assert block.count == len(tiles)
        assert block.columns * (block.rows - 1) < len(tiles) <= block.columns * block.rows
        reading_order = sorted(tiles, key=lambda t: (t.row, t.column))
        assert [t.name for t in reading_order] == [
            m["name"]
            for m in sorted_by_name({"cbs_code": t.cbs_code, "name": t.name, "province": t.province} for t in tiles)
        ]
        for tile in tiles:
            assert block.column <= tile.column < block.column + block.columns
            assert block.row <= tile.row < block.row + block.rows


def test_layout_resembles_the_country():
    blocks = {block.province: block for block in layout().blocks}

    def centre(province):
        block = blocks[province]
        return block.x + block.width / 2, block.y + block.height / 2

    assert centre("Groningen")[1] < centre("Utrecht")[1] < centre("Limburg")[1]  # north is up
    assert centre("Fryslân")[1] < centre("Noord-Brabant")[1]
    assert centre("Zeeland")[0] < centre("Noord-Brabant")[0] < centre("Limburg")[0]  # west is left
    assert centre("Noord-Holland")[0] < centre("Overijssel")[0]
    assert centre("Zuid-Holland")[0] < centre("Utrecht")[0] < centre("Gelderland")[0]
    assert centre("Groningen")[0] > centre("Fryslân")[0]
    assert centre("Zeeland")[1] > centre("Zuid-Holland")[1]


def test_compute_layout_refuses_unknown_provinces_and_touching_blocks():
    with pytest.raises(ValueError, match="no place on the map for province"):
        compute_layout([municipality("GM0001", "A", "Atlantis")])
    crowded = {"Utrecht": (0, 1, 2), "Zeeland": (3, 1, 2)}
    members = [municipality("GM0001", "A", "Utrecht"), municipality("GM0002", "B", "Zeeland")]
    with pytest.raises(ValueError, match="touch or overlap"):
        compute_layout(members, crowded)
    apart = compute_layout(members, {"Utrecht": (0, 1, 2), "Zeeland": (0, 4, 2)})
    assert [(t.column, t.row) for t in apart.tiles] == [(0, 1), (0, 4)]


# Rendering


def parse(svg):
    return ET.fromstring(str(svg))


@translation.override("en")
def test_render_tilemap_links_tiles_with_a_url_and_marks_states():
    svg = render_tilemap(
        {
            "GM0363": ("said_yes", "said yes", "/nl/petitie/amsterdam/"),
            "GM0599": ("said_no", "said no", None),
            "GM0344": ("acted", "acted", "/nl/petitie/utrecht/"),
            "GM0518": ("debated", "debated", None),
        },
        "Petition per municipality",
    )
    assert isinstance(svg, SafeString)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "group" and root.get("aria-label") == "Petition per municipality"
    assert root.get("class") == "tile-map"
    assert root.get("viewBox") == layout().view_box
    assert root.find(f"{SVG}desc").text
    # A tile without a link is a <use> of its state's square, named by its <title>.
    uses = {use.find(f"{SVG}title").text: use for use in root.iter(f"{SVG}use")}
    linked = {
        rect.find(f"{SVG}title").text: rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None
    }
    assert len(uses) + len(linked) == 342 and set(linked) == {"Amsterdam: said yes", "Utrecht: acted"}
    assert linked["Amsterdam: said yes"].get("class") == "tile-map__tile tile-map__tile--said_yes"
    assert uses["Rotterdam: said no"].get("href") == "#tmN"
    assert uses["'s-Gravenhage: debated"].get("href") == "#tmD"
    assert uses["Zwolle: no information"].get("href") == "#tmU"
    # Classless, positioned within the province's block (its group is translated): the page stays small.
    assert uses["Rotterdam: said no"].get("role") == "img" and uses["Rotterdam: said no"].get("class") is None
    squares = {g.get("id"): g for g in root.find(f"{SVG}defs")}
    assert root.find(f"{SVG}defs").get("aria-hidden") == "true"
    assert set(squares) == {"tmN", "tmD", "tmU"}  # only the states shown unlinked
    assert squares["tmN"].get("class") == "tile-map__tile--said_no"
    assert squares["tmN"].find(f"{SVG}text").text == "✗"
    assert squares["tmU"].find(f"{SVG}text") is None

    links = list(root.iter(f"{SVG}a"))
    assert {link.get("href") for link in links} == {"/nl/petitie/amsterdam/", "/nl/petitie/utrecht/"}
    amsterdam = next(link for link in links if link.get("href") == "/nl/petitie/amsterdam/")
    assert amsterdam.get("aria-label") == "Amsterdam: said yes"
    tile, ring = amsterdam.findall(f"{SVG}rect")
    assert tile.get("role") is None
    assert ring.get("class") == "tile-map__focus" and ring.get("aria-hidden") == "true"
    assert sum(rect.get("class") == "tile-map__focus" for rect in root.iter(f"{SVG}rect")) == 2  # linked tiles only
    symbol = amsterdam.find(f"{SVG}text")
    assert symbol.text == "✓" and symbol.get("aria-hidden") == "true"
    assert "tile-map__symbol--said_yes" in symbol.get("class")
    symbols = {text.text for text in root.iter(f"{SVG}text") if "tile-map__symbol" in (text.get("class") or "")}
    assert symbols == {"✓", "✗", "•"}

    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "tile-map__province"]
    assert sorted(g.get("aria-label") for g in groups) == sorted(PROVINCES)
    noord_holland = next(g for g in groups if g.get("aria-label") == "Noord-Holland")
    assert noord_holland.find(f"{SVG}text").text == "Noord-Holland"
    assert noord_holland.find(f"{SVG}text").get("aria-hidden") == "true"


@translation.override("en")
def test_render_tilemap_puts_every_tile_where_the_layout_says():
    """Tiles are positioned within their province's block, and the block's group is moved into place."""
    plan = layout()
    svg = render_tilemap({"GM0363": ("said_yes", "said yes", "/a/"), "GM0599": ("custom-state", "custom", None)}, "Map")
    root = parse(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "tile-map__province":
            continue
        dx, dy = map(float, re.fullmatch(r"translate\((\S+) (\S+)\)", group.get("transform")).groups())
        for tile in list(group.findall(f"{SVG}use")) + [link.find(f"{SVG}rect") for link in group.findall(f"{SVG}a")]:
            name = tile.find(f"{SVG}title").text.split(": ")[0]
            found[name] = (dx + float(tile.get("x", 0)), dy + float(tile.get("y", 0)))
    assert found == {tile.name: (tile.x, tile.y) for tile in plan.tiles}
    # A state without a short id gets "tm-<key>", which no short id can be.
    assert root.find(f"{SVG}defs/{SVG}g[@id='tm-custom-state']") is not None
    assert not any(short.startswith("tm-") for short in tilemap.SQUARE_IDS.values())


def test_render_tilemap_escapes_names_labels_and_urls(monkeypatch):
    plan = compute_layout([municipality("GM0001", 'A <b>"&', "Utrecht")], {"Utrecht": (0, 1, 1)})
    monkeypatch.setattr(tilemap, "layout", lambda: plan)
    svg = str(render_tilemap({"GM0001": ("said_yes", "<script>x</script>", '/a?b=1&c="2"')}, 'Map "<NL>"'))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "A &lt;b&gt;&quot;&amp;" in svg
    root = parse(svg)
    assert root.get("aria-label") == 'Map "<NL>"'
    link = root.find(f"{SVG}g/{SVG}a")
    assert link.get("href") == '/a?b=1&c="2"'
    assert link.find(f"{SVG}rect/{SVG}title").text == 'A <b>"&: <script>x</script>'


def test_render_tilemap_rejects_state_keys_that_are_not_css_names():
    with pytest.raises(ValueError, match="state key"):
        render_tilemap({"GM0363": ('yes" onclick="x', "yes", None)}, "Map")


def test_sync_marks_merged_municipalities_inactive_and_keeps_them(db):
    from django.core.management import call_command

    from petitions.models import Municipality

    Municipality.objects.create(cbs_code="GM0001", name="Opgeheven", province="Groningen")
    call_command("sync_municipalities", stdout=open("/dev/null", "w"))
    assert Municipality.objects.filter(active=True).count() == 342
    assert Municipality.objects.get(cbs_code="GM0001").active is False


def test_render_tilemap_is_small():
    """Issue 12: the whole campaign page stays under 80 KB; the map was 86 KB on its own, then 45 KB."""
    states = {tile.cbs_code: ("said_yes", "Zei ja", None) for tile in layout().tiles[::2]}
    assert len(str(render_tilemap(states, "Kaart")).encode()) < 33_000
