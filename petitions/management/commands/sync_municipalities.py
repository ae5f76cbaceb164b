from django.core.management.base import BaseCommand
from django.db import transaction

from petitions.models import Municipality
from petitions.municipalities import load_shipped


class Command(BaseCommand):
    help = (
        "Bring the municipalities in the database in line with petitions/data/municipalities.csv: add new "
        "ones, rename, and mark merged ones inactive (kept: signatures and responses still point at them)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        rows = {row["cbs_code"]: row for row in load_shipped()}
        added = changed = 0
        for code, row in rows.items():
            municipality, created = Municipality.objects.get_or_create(
                cbs_code=code, defaults={"name": row["name"], "province": row["province"]}
            )
            if created:
                added += 1
            elif (municipality.name, municipality.province, municipality.active) != (
                row["name"],
                row["province"],
                True,
            ):
                municipality.name, municipality.province, municipality.active = row["name"], row["province"], True
                municipality.save()
                changed += 1
        retired = Municipality.objects.filter(active=True).exclude(cbs_code__in=rows).update(active=False)
        self.stdout.write(f"{added} added, {changed} updated, {retired} marked inactive; {len(rows)} current.")
