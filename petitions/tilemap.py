"""A schematic map of the Netherlands as inline SVG: one square tile per municipality, grouped by province.

No tiles from a map server and no script: the positions are computed from the shipped municipality list
(petitions/data/municipalities.csv), so the map needs nothing but this module and static/css/tilemap.css.
Each province is a compact block (its municipalities in alphabetical order, row by row), and the twelve blocks sit
on a coarse grid that follows the country's geography: Fryslân and Groningen at the top, Zeeland bottom left,
Limburg bottom right.
"""

import math
import re
from dataclasses import dataclass
from functools import cache
from html import escape

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from petitions.municipalities import load_shipped, sorted_by_name

PITCH = 20  # distance between tile origins, in viewBox units: one grid cell
TILE = 18  # tile size: PITCH - TILE is the white gap between neighbouring tiles
LABEL_CHAR_WIDTH = 7.6  # generous width of a label character (13px semibold, tilemap.css): labels must not touch blocks
MARGIN = 4

# Where each province block goes, on a grid of tile cells over the country: (column, row) of the block's top left
# tile, and how many tiles wide the block is (it fills as many rows as it needs). Columns run west to east, rows
# north to south, so the blocks sit roughly where the provinces are: Fryslân and Groningen at the top, Noord-Holland
# a tall strip on the west coast, Zeeland bottom left, Limburg a strip in the south east. Most blocks are about
# square; Noord-Holland and Limburg are narrow, Noord-Brabant and Zeeland wide, as on a map.
# compute_layout() checks that blocks and labels keep at least one empty cell between them. Mergers only shrink
# blocks, so the layout stays valid; if a province ever grows past its room, it raises and a test fails.
GRID = {
    "Groningen": (23, 1, 5),
    "Fryslân": (16, 1, 6),
    "Noord-Holland": (7, 3, 5),
    "Drenthe": (24, 5, 4),
    "Flevoland": (14, 8, 3),
    "Overijssel": (19, 9, 7),
    "Zuid-Holland": (0, 15, 10),
    "Utrecht": (11, 15, 6),
    "Gelderland": (18, 15, 9),
    "Zeeland": (2, 22, 5),
    "Noord-Brabant": (8, 22, 10),
    "Limburg": (19, 23, 4),
}

# Short symbols drawn on tiles, so that colour is not the only cue (a symbol per state key; others get none).
SYMBOLS = {"said_yes": "✓", "said_no": "✗", "acted": "•"}

_STATE_KEY = re.compile(r"[a-z0-9_-]+")


@dataclass(frozen=True)
class Tile:
    cbs_code: str
    name: str
    province: str
    column: int  # grid cell
    row: int

    @property
    def x(self):  # top left corner in the viewBox
        return MARGIN + self.column * PITCH

    @property
    def y(self):
        return MARGIN + self.row * PITCH


@dataclass(frozen=True)
class Block:
    province: str
    column: int  # grid cell of the top left tile; the label is in the row above
    row: int
    columns: int
    rows: int
    count: int

    @property
    def x(self):
        return MARGIN + self.column * PITCH

    @property
    def y(self):
        return MARGIN + self.row * PITCH

    @property
    def width(self):
        return self.columns * PITCH - (PITCH - TILE)

    @property
    def height(self):
        return self.rows * PITCH - (PITCH - TILE)

    @property
    def label_columns(self):
        return math.ceil(len(self.province) * LABEL_CHAR_WIDTH / PITCH)

    def cells(self):
        """(first column, first row, last column, last row) of the tiles and of the label."""
        return (
            (self.column, self.row, self.column + self.columns - 1, self.row + self.rows - 1),
            (self.column, self.row - 1, self.column + self.label_columns - 1, self.row - 1),
        )


@dataclass(frozen=True)
class Layout:
    tiles: tuple
    blocks: tuple
    width: int
    height: int

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def _too_close(a, b):
    """True if rectangles a and b (cells, inclusive) do not have at least one empty cell between them."""
    return a[0] <= b[2] + 1 and b[0] <= a[2] + 1 and a[1] <= b[3] + 1 and b[1] <= a[3] + 1


def compute_layout(municipalities, grid=None):
    """Positions for the given municipalities ([{"cbs_code", "name", "province"}, ...]); pure, for tests.

    Raises ValueError if a province has no place in the grid or if blocks or labels would touch or overlap.
    """
    grid = GRID if grid is None else grid
    by_province = {}
    for municipality in sorted_by_name(municipalities):
        by_province.setdefault(municipality["province"], []).append(municipality)
    unplaced = sorted(by_province.keys() - grid.keys())
    if unplaced:
        raise ValueError(f"no place on the map for province(s): {', '.join(unplaced)}")

    tiles, blocks = [], []
    for province in sorted(by_province, key=lambda p: (grid[p][1], grid[p][0])):
        column, row, columns = grid[province]
        members = by_province[province]
        block = Block(province, column, row, columns, math.ceil(len(members) / columns), len(members))
        if block.row < 1 or block.column < 0:
            raise ValueError(f"{province}: the block and its label must lie inside the grid")
        blocks.append(block)
        for index, municipality in enumerate(members):
            tiles.append(
                Tile(
                    municipality["cbs_code"],
                    municipality["name"],
                    province,
                    column + index % columns,
                    row + index // columns,
                )
            )
    for number, block in enumerate(blocks):
        for other in blocks[number + 1 :]:
            if any(_too_close(a, b) for a in block.cells() for b in other.cells()):
                raise ValueError(f"{block.province} and {other.province} touch or overlap on the map; move one in GRID")
    last_column = max(max(cells[2] for cells in block.cells()) for block in blocks)
    last_row = max(block.row + block.rows - 1 for block in blocks)
    return Layout(
        tuple(tiles),
        tuple(blocks),
        2 * MARGIN + (last_column + 1) * PITCH - (PITCH - TILE),
        2 * MARGIN + (last_row + 1) * PITCH - (PITCH - TILE),
    )


@cache
def layout():
    """The layout of the shipped municipalities, computed once per process."""
    return compute_layout(load_shipped())


def _escape(value):
    """Django's conditional_escape without its lazy-string wrapper."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


@cache
def _escaped_name(name):
    """A municipality's name as HTML: the same 342 names on every render."""
    return escape(name)


def _check_state_key(state_key):
    if not _STATE_KEY.fullmatch(state_key):
        raise ValueError(f"state key {state_key!r} must be lower-case letters, digits, '_' or '-'")


# Short ids for the squares of the tracker's states (petitions.models.ResponseStatus, and "none"): 342 tiles repeat
# them. Other state keys get "tm-<key>"; the short ids have no hyphen, so the two kinds never meet. Two maps on one
# page share the ids, which is harmless: a state's square is the same in every map.
SQUARE_IDS = {
    "none": "tmU",
    "no_response": "tmR",
    "motion_tabled": "tmM",
    "debated": "tmD",
    "said_yes": "tmY",
    "said_no": "tmN",
    "acted": "tmA",
}


def _square_id(state_key):
    return SQUARE_IDS.get(state_key) or f"tm-{state_key}"


def _position(x, y):
    """x and y attributes, leaving out zeros (the default)."""
    return (f' x="{x:g}"' if x else "") + (f' y="{y:g}"' if y else "")


# A tile without a link is a <use> of its state's square (fill, border and symbol are drawn once per state, in
# <defs>), so it carries only its position and its name: the map was 86 KB when each of the 342 tiles repeated its
# size, classes, symbol and its name twice (aria-label and <title>), and 45 KB with a class and long ids per tile.
# Positions are relative to the province's block (its group is translated), so they are short.
def _state_square(state_key):
    symbol = SYMBOLS.get(state_key)
    text = (
        f'<text class="tile-map__symbol tile-map__symbol--{state_key}" x="{TILE // 2}" y="{TILE // 2}">{symbol}</text>'
        if symbol
        else ""
    )
    return (
        f'<g id="{_square_id(state_key)}" class="tile-map__tile--{state_key}">'
        f'<rect width="{TILE}" height="{TILE}" vector-effect="non-scaling-stroke"/>{text}</g>'
    )


def _tile(x, y, name, state_key, state_label, url):
    """One tile's markup at (x, y) in its block, joined with plain string formatting and the standard library's
    escape (what Django's escape calls): format_html's lazy-string checks cost more than the 342 tiles themselves.

    A tile is named by its <title> ("<municipality>: <state>", also its tooltip), a linked tile by its link."""
    _check_state_key(state_key)
    text = f"{_escaped_name(name)}: {_escape(state_label)}"
    if not url:
        return f'<use href="#{_square_id(state_key)}"{_position(x, y)} role="img"><title>{text}</title></use>'
    # A linked tile is drawn in full: its border changes on hover and focus (tilemap.css), which a <use> of a
    # shared square cannot show.
    rect = (
        f'<rect class="tile-map__tile tile-map__tile--{state_key}"{_position(x, y)} width="{TILE}" '
        f'height="{TILE}"><title>{text}</title></rect>'
    )
    symbol = SYMBOLS.get(state_key)
    if symbol:
        rect += (
            f'<text class="tile-map__symbol tile-map__symbol--{state_key}" x="{x + TILE // 2}" '
            f'y="{y + TILE // 2}" aria-hidden="true">{symbol}</text>'
        )
    # The focus ring's inner part (see tilemap.css), drawn inside the tile so no neighbour paints over it.
    ring = (
        f'<rect class="tile-map__focus" x="{x + 2.5:g}" y="{y + 2.5:g}" width="{TILE - 5}" '
        f'height="{TILE - 5}" aria-hidden="true"/>'
    )
    return f'<a class="tile-map__link" href="{_escape(url)}" aria-label="{text}">{rect}{ring}</a>'


def render_tilemap(states, label, description=None, none_label=None):
    """Accessible inline SVG of the tile map (a SafeString).

    states: {cbs_code: (state_key, state_label, url_or_None)}. state_key becomes a CSS class
    (tile-map__tile--<state_key>, see static/css/tilemap.css) and picks the symbol from SYMBOLS; state_label is
    read out and shown in the tooltip as "<name>: <state_label>"; with a url the tile is a link. Municipalities not
    in states get the state "none"; codes not on the map are ignored.
    label: the accessible name of the whole map. description: its <desc>.
    """
    plan = layout()
    none = ("none", none_label or gettext("no information"), None)
    groups, shared = [], set()
    for block in plan.blocks:
        tiles = [(tile, states.get(tile.cbs_code, none)) for tile in plan.tiles if tile.province == block.province]
        shared.update(key for _, (key, _label, url) in tiles if not url)
        markup = "".join(_tile(tile.x - block.x, tile.y - block.y, tile.name, *state) for tile, state in tiles)
        groups.append((block.x, block.y, block.province, block.province, mark_safe(markup)))
    body = format_html_join(
        "",
        '<g class="tile-map__province" transform="translate({} {})" role="group" aria-label="{}">'
        '<text class="tile-map__label" y="-6" aria-hidden="true">{}</text>{}</g>',
        groups,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" role="group" aria-label="{}" class="tile-map">'
        '<desc>{}</desc><defs aria-hidden="true">{}</defs>{}</svg>',
        plan.view_box,
        label,
        description
        or gettext(
            "Schematic map of the Netherlands: every square is a municipality, grouped by province and in "
            "alphabetical order within each province. Colour and symbol show the state; the name and state of "
            "each municipality are in its label."
        ),
        mark_safe("".join(_state_square(state_key) for state_key in sorted(shared))),
        body,
    )
