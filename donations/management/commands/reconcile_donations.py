import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from donations.payments import PaymentError, PaymentUnavailable, checkout_provider
from donations.reconcile import compare_with_stripe, reconcile_ledgers


class Command(BaseCommand):
    help = (
        "Compare the paid Checkout Sessions at Stripe with the donations ledger and report every difference "
        "(and the ledgers with their rows). Fails when a difference is left unrepaired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Sessions created in the last N days (default 7).")
        parser.add_argument(
            "--fix", action="store_true", help="Credit paid sessions that are missing and repair drifted ledgers."
        )

    def handle(self, *args, days, fix, **options):
        if days < 1:
            raise CommandError("--days must be at least 1")
        since = timezone.now() - datetime.timedelta(days=days)
        try:
            provider = checkout_provider()
            result = compare_with_stripe(provider, since, fix=fix)
        except PaymentUnavailable:
            raise CommandError("No payment provider: set STRIPE_SECRET_KEY.") from None
        except PaymentError as error:
            raise CommandError(f"Stripe could not be asked: {error}") from None
        write = self.stdout.write
        write(
            f"Checked {result.checked} paid Checkout Sessions since {since:%Y-%m-%d %H:%M} "
            f"({result.foreign} not ours, skipped)."
        )
        for session_id in result.missing:
            done = " -> credited now" if session_id in result.credited_now else ""
            write(f"MISSING  paid at Stripe, not in the ledger: {session_id}{done}")
        for session_id, theirs, ours in result.amount_differs:
            write(f"AMOUNT   {session_id}: Stripe {theirs} cents, ledger {ours} cents")
        for session_id in result.not_paid_at_stripe:
            write(f"UNPAID   in the ledger, not paid at Stripe: {session_id}")
        drift = reconcile_ledgers(fix=fix)
        for ad_key, differences in drift.items():
            fields = ", ".join(f"{name} {value:+d}" for name, value in differences.items())
            write(f"LEDGER   ad {ad_key}: {fields}{' (repaired)' if fix else ''}")
        if result.clean and not drift:
            write(self.style.SUCCESS("No differences."))
            return
        unresolved = (
            result.amount_differs
            or result.not_paid_at_stripe
            or set(result.missing) - set(result.credited_now)
            or (drift and not fix)
        )
        if unresolved:
            raise CommandError("Differences found (listed above).")
        write(self.style.SUCCESS("Differences found and repaired."))
