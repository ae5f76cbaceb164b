from django.db import migrations

from website.roles import grant_roles

# A snapshot of what petitions/roles.py grants, so this migration keeps meaning the same thing
# when the roles change later.
PETITION_ROLES = {
    "Campaign staff": {
        "permissions": [
            "petitions.view_petition",
            "petitions.add_petition",
            "petitions.change_petition",
            "petitions.view_targetresponse",
            "petitions.add_targetresponse",
            "petitions.change_targetresponse",
            "petitions.view_papersignatures",
            "petitions.add_papersignatures",
            "petitions.change_papersignatures",
            "petitions.view_signature",
            "petitions.change_signature",
            "petitions.export_signatures",
            "petitions.view_municipality",
        ],
        "page": [],
        "collection": [],
    },
    "Editors": {
        "permissions": ["petitions.view_petition", "petitions.add_petition", "petitions.change_petition"],
        "page": [],
        "collection": [],
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_signature_export_permission"),
        ("website", "0002_roles"),
    ]

    operations = [grant_roles(PETITION_ROLES)]
