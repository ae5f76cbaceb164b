"""The ad's canvas: which 1 cm² cells are funded, partly funded, on hold or free, and whose names they carry.

One state per ad, built from the ledger, the chosen cells and the donations, cached for a few
seconds and dropped whenever funded area changes. The page renders it as SVG (so the canvas shows
without JavaScript) and `canvas.json` serves it to the page's script, which redraws it live.

Cells are numbered in reading order, `row * width + column`. The first `total_area_cm2` cells are
for sale; the rest are the organisation's own line. Gifts without chosen cells fill the free cells
in order (see holds.py), each donation taking the next stretch of the pool, so a cell several small
gifts share carries all their names.
"""

import math

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .area import UNITS_PER_CM2
from .holds import pool_units
from .models import AdLedger, CellClaim, Donation, DonationAd, NameStatus

CACHE_KEY = "donations:canvas:{}"
TTL = 5
NAMES_PER_CELL = 12

FREE, FUNDED, PARTLY, HELD, NOT_FOR_SALE = ".", "f", "p", "h", "x"


def invalidate(ad_key):
    cache.delete(CACHE_KEY.format(ad_key))


def state_for_key(ad_key):
    """The cached state of the ad with this key, or None when there is no such ad."""
    value = cache.get(CACHE_KEY.format(ad_key))
    if value is None:
        ad = DonationAd.objects.filter(translation_key=ad_key).first()
        if ad is None:
            return None
        value = build_state(ad)
        cache.set(CACHE_KEY.format(ad_key), value, TTL)
    return value


def get_state(ad):
    value = cache.get(CACHE_KEY.format(ad.ad_key))
    if value is None:
        value = build_state(ad)
        cache.set(CACHE_KEY.format(ad.ad_key), value, TTL)
    return value


def build_state(ad, now=None):
    now = now or timezone.now()
    ledger = with_imported(
        ad, AdLedger.objects.filter(ad_key=ad.ad_key).first() or AdLedger(ad_key=ad.ad_key, total_units=ad.total_units)
    )
    sellable = min(ad.total_area_cm2, ad.cells)
    funded, held = [0] * ad.cells, [0] * ad.cells
    names = {}
    claims = list(CellClaim.objects.filter(ad_key=ad.ad_key).values_list("cell", "donation_id"))
    claimed = {cell: donation_id for cell, donation_id in claims if cell < ad.cells}
    for cell, donation_id in claimed.items():
        if donation_id:
            funded[cell] = UNITS_PER_CM2
        else:
            held[cell] = UNITS_PER_CM2

    donations = list(
        Donation.objects.filter(ad_key=ad.ad_key, credited_units__gt=F("returned_units"))
        .order_by("paid_at", "pk")
        .values_list("pk", "credited_units", "returned_units", "display_name", "name_status")
    )
    cells_of = {}
    for cell, donation_id in claimed.items():
        if donation_id:
            cells_of.setdefault(donation_id, []).append(cell)
    shown = {pk: name for pk, _credited, _returned, name, status in donations if status == NameStatus.APPROVED and name}
    for donation_id, cells in cells_of.items():
        if donation_id in shown:
            for cell in cells:
                names.setdefault(cell, []).append(shown[donation_id])

    # The pool: funded stretches in payment order, then the held area, over the unclaimed cells.
    order = [cell for cell in range(sellable) if cell not in claimed]
    funded_pool = max(0, ledger.funded_units - UNITS_PER_CM2 * sum(1 for d in claimed.values() if d))
    held_pool = max(0, pool_units(ledger, len(claimed)) - funded_pool)
    for index in range(min(len(order), math.ceil((funded_pool + held_pool) / UNITS_PER_CM2))):
        start = index * UNITS_PER_CM2
        in_funded = min(UNITS_PER_CM2, max(0, funded_pool - start))
        in_any = min(UNITS_PER_CM2, max(0, funded_pool + held_pool - start))
        funded[order[index]], held[order[index]] = in_funded, in_any - in_funded
    position = 0
    for pk, credited, returned, _name, _status in donations:
        stretch = credited - returned - UNITS_PER_CM2 * len(cells_of.get(pk, ()))
        if stretch <= 0:
            continue
        if pk in shown:
            first, last = position // UNITS_PER_CM2, (position + stretch - 1) // UNITS_PER_CM2
            for index in range(first, min(last + 1, len(order))):
                names.setdefault(order[index], []).append(shown[pk])
        position += stretch

    cells, partial = [], {}
    for cell in range(ad.cells):
        if cell >= sellable:
            cells.append(NOT_FOR_SALE)
        elif funded[cell] >= UNITS_PER_CM2:
            cells.append(FUNDED)
        elif funded[cell] > 0:
            cells.append(PARTLY)
            partial[str(cell)] = funded[cell]
        elif held[cell] > 0:
            cells.append(HELD)
        else:
            cells.append(FREE)
    free = max(0, ledger.total_units - ledger.funded_units - ledger.held_units)
    return {
        "ad": str(ad.ad_key),
        "width": ad.width_cm,
        "height": ad.height_cm,
        "total_cm2": ad.total_area_cm2,
        "price_cents": ad.price_cents,
        "minimum_cents": ad.minimum_cents,
        "funded_units": ledger.funded_units,
        "held_units": ledger.held_units,
        "free_units": free,
        "donors": ledger.donors,
        "imported_donors": ad.imported_donors,
        "imported_cm2": ad.imported_area_cm2,
        "raised_cents": ledger.raised_cents,
        "days_left": days_left(ad.deadline, now),
        "deadline": ad.deadline.isoformat(),
        "open": ad.accepts_gifts(now) and free > 0,
        "cells": "".join(cells),
        "partial": partial,
        "names": {str(cell): found[:NAMES_PER_CELL] for cell, found in sorted(names.items())},
        "updated_at": now.isoformat(),
    }


def with_imported(ad, ledger):
    """An unsaved copy of the ledger with the ad's imported totals added, for showing only: the imported
    area (allowed only once the ad no longer sells) fills the canvas from the front, never beyond the ad."""
    room = max(0, ledger.total_units - ledger.funded_units - ledger.held_units)
    imported_units = min(ad.imported_area_cm2 * UNITS_PER_CM2, room)
    if not imported_units and not ad.imported_donors:
        return ledger
    return AdLedger(
        ad_key=ledger.ad_key,
        total_units=ledger.total_units,
        funded_units=ledger.funded_units + imported_units,
        held_units=ledger.held_units,
        donors=ledger.donors + ad.imported_donors,
        raised_cents=ledger.raised_cents,
    )


def days_left(deadline, now):
    seconds = (deadline - now).total_seconds()
    return max(0, math.ceil(seconds / 86400))


# Drawing ------------------------------------------------------------------------------------------


def rects(state):
    """SVG rectangles for the non-free cells: runs of equal cells per row, partly funded cells as a
    bar of their funded share (filled from the bottom). A funded or not-for-sale run right below one of
    the same place, width and kind lengthens it (they have no outline to tell them apart): the page
    carries one rectangle for a block of full rows instead of one per row."""
    width, cells = state["width"], state["cells"]
    shapes, above = [], {}
    for row in range(state["height"]):
        column, here = 0, {}
        while column < width:
            kind = cells[row * width + column]
            run = 1
            while column + run < width and cells[row * width + column + run] == kind and kind != PARTLY:
                run += 1
            if kind == PARTLY:
                share = state["partial"].get(str(row * width + column), 0) / UNITS_PER_CM2
                shapes.append(
                    {"x": column, "y": round(row + 1 - share, 2), "w": 1, "h": round(share, 2), "kind": FUNDED}
                )
                shapes.append({"x": column, "y": row, "w": 1, "h": 1, "kind": PARTLY})
            elif kind in (FUNDED, NOT_FOR_SALE) and (column, run, kind) in above:
                shape = above[(column, run, kind)]
                shape["h"] += 1
                here[(column, run, kind)] = shape
            elif kind != FREE:
                shape = {"x": column, "y": row, "w": run, "h": 1, "kind": kind}
                shapes.append(shape)
                if kind in (FUNDED, NOT_FOR_SALE):
                    here[(column, run, kind)] = shape
            column += run
        above = here
    return shapes


def cell_label(cell, width):
    return _("row %(row)s, square %(column)s") % {"row": cell // width + 1, "column": cell % width + 1}


def credits(state):
    """Named cells for the accessible list: consecutive cells in a row with the same names together."""
    width = state["width"]
    entries = []
    for key, found in state["names"].items():
        cell = int(key)
        previous = entries[-1] if entries else None
        if (
            previous
            and previous["names"] == found
            and previous["last"] == cell - 1
            and previous["last"] // width == cell // width
        ):
            previous["last"] = cell
        else:
            entries.append({"first": cell, "last": cell, "names": found})
    for entry in entries:
        if entry["first"] == entry["last"]:
            entry["label"] = cell_label(entry["first"], width)
        else:
            entry["label"] = _("row %(row)s, squares %(first)s–%(last)s") % {
                "row": entry["first"] // width + 1,
                "first": entry["first"] % width + 1,
                "last": entry["last"] % width + 1,
            }
        entry["named"] = ", ".join(entry["names"])
    return entries


def named_cells(state):
    """Named cells as positioned SVG targets, one per run of the credits (neighbouring cells in a row with
    the same names), with its label as a tooltip: "row 18, squares 1–5: Rosa"."""
    width = state["width"]
    return [
        {
            "x": entry["first"] % width,
            "y": entry["first"] // width,
            "w": entry["last"] - entry["first"] + 1,
            "title": f"{entry['label']}: {entry['named']}",
        }
        for entry in credits(state)
    ]
