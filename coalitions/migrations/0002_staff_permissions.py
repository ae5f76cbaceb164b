from django.db import migrations

from website.roles import grant_roles

# A snapshot of what coalitions/roles.py grants, so this migration keeps meaning the same thing when the roles
# change later.
COALITION_ROLES = {
    "Campaign staff": {
        "permissions": [
            "coalitions.view_coalitionpartner",
            "coalitions.add_coalitionpartner",
            "coalitions.change_coalitionpartner",
        ],
        "page": [],
        "collection": [],
    },
    "Editors": {"permissions": ["coalitions.view_coalitionpartner"], "page": [], "collection": []},
}


class Migration(migrations.Migration):
    dependencies = [
        ("coalitions", "0001_initial"),
        ("website", "0002_roles"),
    ]

    operations = [grant_roles(COALITION_ROLES)]
