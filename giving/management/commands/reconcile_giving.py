from django.core.management.base import BaseCommand, CommandError

from donations.payments import PaymentError
from giving.reconcile import reconcile_subscriptions


class Command(BaseCommand):
    help = (
        "Compare monthly gifts with their Stripe subscriptions and paid invoices and report every difference. "
        "Fails when a difference is left unrepaired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Apply Stripe's status and record missing payments.")

    def handle(self, *args, fix, **options):
        try:
            result = reconcile_subscriptions(fix=fix)
        except PaymentError as error:
            raise CommandError(f"Stripe could not be asked: {error}") from None
        write = self.stdout.write
        write(f"Checked {result.checked} monthly gifts against Stripe.")
        for subscription_id, ours, theirs in result.status_differs:
            write(f"STATUS   {subscription_id}: {ours} here, {theirs} at Stripe")
        for invoice_id in result.missing_invoices:
            write(f"MISSING  paid invoice {invoice_id}")
        differences = len(result.status_differs) + len(result.missing_invoices)
        if differences and not fix:
            raise CommandError(f"{differences} differences; run with --fix to repair them.")
        write(f"Repaired {result.repaired}." if fix else "No differences.")
