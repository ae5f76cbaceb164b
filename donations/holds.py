"""Reserving area before payment, so that funded + held never exceeds the ad.

Every change to an ad's funded or held area happens in a transaction that first locks the ad's
`AdLedger` row (`SELECT … FOR UPDATE`): concurrent checkouts for the last cm² queue on that row and
each sees what the one before it left. The ledger itself is changed with a conditional UPDATE (and
checked by a CheckConstraint), so even a database without row locks (SQLite in development) cannot
oversell. Lock order is always ledger, then hold: two workers never wait on each other in a circle.

Chosen cells: a donor may pick whole free cm² cells. The rest of the funded and held area (gifts
without chosen cells) fills the free cells in reading order, skipping chosen ones: the "pool". A
cell is free when nobody chose it and the pool does not reach it.
"""

import datetime
import math

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .area import UNITS_PER_CM2, format_cm2
from .models import HOLDING, AdLedger, CellClaim, Hold, HoldStatus

# Stripe Checkout Sessions live at least 30 minutes; the hold ends with the session it pays for.
HOLD_DURATION = datetime.timedelta(minutes=31)
# The expiry job waits this long after a hold's end before asking Stripe, so the `expired` event
# (or the payment that beat the clock) usually arrives first.
EXPIRY_GRACE = datetime.timedelta(minutes=2)


class HoldRefused(Exception):
    """Why no area could be reserved; `message` is for the donor."""

    status = 409
    message = _("This gift cannot be made right now.")


class AdClosed(HoldRefused):
    message = _("This ad no longer accepts gifts.")


class SoldOut(HoldRefused):
    def __init__(self, free_units):
        super().__init__(free_units)
        self.free_units = free_units

    @property
    def message(self):
        if self.free_units <= 0:
            return _("The ad is sold out: every square centimetre is funded or reserved. Thank you!")
        return _("Only %(cm2)s cm² is still free: pick a smaller amount.") % {"cm2": format_cm2(self.free_units)}


class CellsTaken(HoldRefused):
    def __init__(self, cells):
        super().__init__(cells)
        self.cells = cells

    @property
    def message(self):
        return _("Someone else took these squares in the meantime: pick other ones, or give without choosing squares.")


def lock_ledger(ad_key, total_units=None):
    """The ad's ledger row, locked for this transaction (created on first use)."""
    if total_units is not None:
        AdLedger.objects.get_or_create(ad_key=ad_key, defaults={"total_units": total_units})
    ledger = AdLedger.objects.select_for_update().get(ad_key=ad_key)
    if total_units is not None and ledger.total_units != total_units:
        # Staff changed the ad's size; never below what is already funded or held (clean() says so too).
        ledger.total_units = max(total_units, ledger.funded_units + ledger.held_units)
        AdLedger.objects.filter(pk=ledger.pk).update(total_units=ledger.total_units)
    return ledger


def pool_cells(sellable_cells, claimed, pool_units):
    """The cells the pool covers (wholly or partly), in fill order."""
    order = (cell for cell in range(sellable_cells) if cell not in claimed)
    covered = math.ceil(max(0, pool_units) / UNITS_PER_CM2)
    return [cell for _index, cell in zip(range(covered), order, strict=False)]


def pool_units(ledger, claimed_count):
    """Funded and held area not bound to chosen cells (every claim is exactly one cm²)."""
    return ledger.funded_units + ledger.held_units - claimed_count * UNITS_PER_CM2


def unavailable_cells(ad_key, sellable_cells, ledger, cells):
    """Which of `cells` cannot be chosen: outside the ad's area for sale, chosen already, or in the pool."""
    claimed = set(CellClaim.objects.filter(ad_key=ad_key).values_list("cell", flat=True))
    in_pool = set(pool_cells(sellable_cells, claimed, pool_units(ledger, len(claimed))))
    return [cell for cell in cells if not 0 <= cell < sellable_cells or cell in claimed or cell in in_pool]


def create_hold(
    ad,
    *,
    units,
    amount_cents,
    email,
    email_normalised,
    language,
    display_name="",
    cells=(),
    provider="stripe",
    now=None,
):
    """Reserve `units` (or exactly the chosen `cells`) of `ad` for one checkout. Raises HoldRefused."""
    now = now or timezone.now()
    if not ad.accepts_gifts(now):
        raise AdClosed()
    cells = sorted(set(cells))
    if cells and units != len(cells) * UNITS_PER_CM2:
        raise ValueError("a hold with chosen cells is exactly one cm² per cell")
    if units <= 0:
        raise ValueError("a hold reserves some area")
    with transaction.atomic():
        ledger = lock_ledger(ad.ad_key, ad.total_units)
        if ledger.free_units < units:
            raise SoldOut(ledger.free_units)
        if cells:
            taken = unavailable_cells(ad.ad_key, ad.total_area_cm2, ledger, cells)
            if taken:
                raise CellsTaken(taken)
        hold = Hold.objects.create(
            ad_key=ad.ad_key,
            units=units,
            cells=cells,
            amount_cents=amount_cents,
            email=email,
            email_normalised=email_normalised,
            display_name=display_name,
            language=language,
            provider=provider,
            created_at=now,
            expires_at=now + HOLD_DURATION,
        )
        try:
            CellClaim.objects.bulk_create([CellClaim(ad_key=ad.ad_key, cell=cell, hold=hold) for cell in cells])
        except IntegrityError:  # only without row locks (SQLite): the unique index decides
            raise CellsTaken(cells) from None
        reserved = AdLedger.objects.filter(
            pk=ledger.pk,
            funded_units__lte=F("total_units") - F("held_units") - units,
        ).update(held_units=F("held_units") + units, updated_at=now)
        if not reserved:
            raise SoldOut(0)
    return hold


def end_hold(hold_id, status, now=None):
    """End a hold that did not (or not yet) become a donation: its area and cells are free again.

    True when this call ended it; False when it had ended already (paid, failed, …): safe to repeat.
    """
    if status not in (HoldStatus.FAILED, HoldStatus.CANCELLED, HoldStatus.EXPIRED):
        raise ValueError(status)
    now = now or timezone.now()
    ad_key = Hold.objects.filter(pk=hold_id).values_list("ad_key", flat=True).first()
    if ad_key is None:
        return False
    with transaction.atomic():
        ledger = lock_ledger(ad_key)
        hold = Hold.objects.select_for_update().get(pk=hold_id)
        if hold.status not in HOLDING:
            return False
        CellClaim.objects.filter(hold=hold, donation__isnull=True).delete()
        AdLedger.objects.filter(pk=ledger.pk).update(held_units=F("held_units") - hold.units, updated_at=now)
        Hold.objects.filter(pk=hold.pk).update(status=status, ended_at=now)
    return True


def mark_processing(hold_id):
    """The donor finished checkout but the bank has not paid yet (e.g. iDEAL in a bank app): keep holding."""
    return bool(Hold.objects.filter(pk=hold_id, status=HoldStatus.ACTIVE).update(status=HoldStatus.PROCESSING))


def due_holds(now=None, limit=500):
    """Active holds past their end (plus grace), oldest first: the expiry job asks Stripe about each."""
    now = now or timezone.now()
    return list(
        Hold.objects.filter(status=HoldStatus.ACTIVE, expires_at__lt=now - EXPIRY_GRACE)
        .order_by("expires_at")
        .values_list("pk", flat=True)[:limit]
    )


def stuck_processing_holds(now=None, older_than=datetime.timedelta(hours=1), limit=200):
    """Holds whose payment has been processing for a while: worth asking Stripe again."""
    now = now or timezone.now()
    return list(
        Hold.objects.filter(status=HoldStatus.PROCESSING, expires_at__lt=now - older_than)
        .order_by("expires_at")
        .values_list("pk", flat=True)[:limit]
    )
