from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from website.seeding import DEMO_SEEDERS, Seeder


class Command(BaseCommand):
    help = "Build the demo site in Dutch and English. Running it again changes nothing."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Demo content is disabled in these settings (never seed a production site).")
        seeder = Seeder(log=self.stdout.write)
        for path in DEMO_SEEDERS:  # each app registers its own (AppConfig.ready)
            import_string(path)(seeder)
        username, password = seeder.admin_user()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({seeder.created} objects created). "
                f"Admin: http://127.0.0.1:8000/admin/  user {username!r}, password {password!r}"
            )
        )
