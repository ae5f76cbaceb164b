from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from website.seeding import Seeder

# Each app adds its own demo content; order matters where pages live under others.
DEMO_MODULES = [
    "website.demo.seed",
    "projects.demo.seed",
    "campaigns.demo.seed",
    "petitions.demo.seed",
    "elections.demo.seed",
    "donations.demo.seed",
]


class Command(BaseCommand):
    help = "Build the demo site in Dutch and English. Running it again changes nothing."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Demo content is disabled in these settings (never seed a production site).")
        seeder = Seeder(log=self.stdout.write)
        for path in DEMO_MODULES:
            import_string(path)(seeder)
        username, password = seeder.admin_user()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({seeder.created} objects created). "
                f"Admin: http://127.0.0.1:8000/admin/  user {username!r}, password {password!r}"
            )
        )
