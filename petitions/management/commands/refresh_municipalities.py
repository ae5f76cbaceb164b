from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from petitions.municipalities import DATA_FILE, MunicipalityDataError, diff, load_shipped, read_cbs_csv, write_csv


class Command(BaseCommand):
    help = (
        "Rewrite petitions/data/municipalities.csv from CBS's list 'Gemeenten alfabetisch <year>' saved as CSV "
        "(columns GemeentecodeGM or Gemeentecode, Gemeentenaam, Provincienaam; semicolons or commas). "
        "Validates the file and reports what changed. Does not touch the database. See petitions/data/README.md."
    )
    # Only a file is rewritten: no system checks or migration warnings, so it runs before a database exists.
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("source", help="CBS municipality list saved as CSV")
        parser.add_argument("--output", default=str(DATA_FILE), help=f"file to rewrite (default: {DATA_FILE})")
        parser.add_argument("--dry-run", action="store_true", help="report the changes without writing the file")

    def handle(self, source, output, dry_run, **options):
        try:
            new = read_cbs_csv(source)
        except MunicipalityDataError as error:
            raise CommandError(f"{source}: {error}") from error
        output = Path(output)
        old = []
        if output.exists():
            try:
                old = read_cbs_csv(output)
            except MunicipalityDataError as error:
                raise CommandError(f"The current file {output} is unreadable: {error}") from error

        changes = diff(old, new)
        for municipality in changes.added:
            self.stdout.write(f"  added    {_describe(municipality)}")
        for municipality in changes.removed:
            self.stdout.write(f"  removed  {_describe(municipality)}")
        for before, after in changes.renamed:
            self.stdout.write(f"  renamed  {before['cbs_code']} {before['name']} -> {after['name']}")
        for before, after in changes.moved:
            self.stdout.write(
                f"  moved    {after['cbs_code']} {after['name']}: {before['province']} -> {after['province']}"
            )
        summary = (
            f"{len(new)} municipalities: {len(changes.added)} added, {len(changes.removed)} removed, "
            f"{len(changes.renamed)} renamed, {len(changes.moved)} moved to another province, "
            f"{changes.unchanged} unchanged."
        )
        if dry_run:
            self.stdout.write(f"{summary} Dry run: {output} not written.")
            return
        write_csv(new, output)
        if output.resolve() == DATA_FILE.resolve():
            load_shipped.cache_clear()
        self.stdout.write(self.style.SUCCESS(f"{summary} Wrote {output}."))
        if changes.changed:
            self.stdout.write("Update petitions/data/README.md, then sync the file into the database.")


def _describe(municipality):
    return f"{municipality['cbs_code']} {municipality['name']} ({municipality['province']})"
