from django.db import migrations

from website.roles import grant_roles

# A snapshot of what giving/roles.py grants, so this migration keeps meaning the same thing later.
GIVING_ROLES = {
    "Finance": {
        "permissions": ["giving.view_gift", "giving.view_monthlygift", "giving.view_failedpayment"],
        "page": [],
        "collection": [],
    },
    "Campaign staff": {"permissions": ["giving.view_monthlygift"], "page": [], "collection": []},
}


class Migration(migrations.Migration):
    dependencies = [
        ("giving", "0001_initial"),
        ("website", "0002_roles"),
    ]

    operations = [grant_roles(GIVING_ROLES)]
