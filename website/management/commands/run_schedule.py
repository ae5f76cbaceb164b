import time

from django.core.management.base import BaseCommand

from website import schedule


class Command(BaseCommand):
    help = "Enqueue periodic background jobs when they are due (run one of these next to db_worker)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue what is due now and exit.")

    def handle(self, *args, once=False, **options):
        while True:
            for path in schedule.run_due_jobs():
                self.stdout.write(f"enqueued {path}", ending="\n")
            if once:
                return
            time.sleep(1)
