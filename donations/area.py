"""Money and area as integers: cents, and hundredths of a cm² ("units").

Integers keep shares exact: a € 2 gift at € 10 per cm² is 20 units, and twenty such gifts fill
exactly four cells and no float ever decides whether the ad is full.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

UNITS_PER_CM2 = 100
AMOUNT = re.compile(r"([0-9]{0,12})(?:[.,]([0-9]+))?")


def cents(euros):
    """Whole cents of a Decimal amount in euros (model fields have two decimals already)."""
    return int((Decimal(euros) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def units_for_amount(amount_cents, price_cents):
    """The area an amount buys, rounded down to 0.01 cm² (the remainder is a gift on top)."""
    return amount_cents * UNITS_PER_CM2 // price_cents


def amount_for_cm2(cm2, price_cents):
    return cm2 * price_cents


def cm2(units):
    """Units as a Decimal number of cm² (exact: two decimals)."""
    return Decimal(units) / UNITS_PER_CM2


def euros(amount_cents):
    return Decimal(amount_cents) / 100


def _number(value, decimals):
    from django.utils import formats

    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_cm2(units):
    """cm² as the active language writes numbers: 12, 0,5, 0,35 (Dutch) or 0.35 (English)."""
    value = cm2(units)
    decimals = 0 if units % UNITS_PER_CM2 == 0 else (1 if units % 10 == 0 else 2)
    return _number(value, decimals)


def format_amount(amount_cents):
    """An amount as a donor types it in the active language, without the € sign: 12,50 or 12.50."""
    return _number(euros(amount_cents), 2)


def format_euros(amount_cents):
    """Euros as the active language writes them (€ 12,50 or € 12.50); whole euros without decimals."""
    return "€\u00a0" + _number(euros(amount_cents), 0 if amount_cents % 100 == 0 else 2)


class AmountError(ValueError):
    """Text that is not an amount of euros in whole cents."""


def parse_euros(text):
    """Whole cents from what a donor typed: "12", "12,50", "12.5", "€ 7". Raises AmountError.

    One decimal separator (comma or dot) and at most two decimals; no thousands separators, since
    "1.000" means a thousand in Dutch and one in English. The caller checks the limits.
    """
    value = (text or "").strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not value:
        raise AmountError("empty")
    if value.startswith("-"):
        raise AmountError("not positive")
    match = AMOUNT.fullmatch(value)
    if not match:
        raise AmountError("not a number")
    whole, decimals = match.group(1), match.group(2) or ""
    if len(decimals) > 2:
        raise AmountError("fraction of a cent")
    amount = int(whole or "0") * 100 + int((decimals + "00")[:2])
    if amount <= 0:
        raise AmountError("not positive")
    return amount
