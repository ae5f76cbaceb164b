from django.db import migrations

# A snapshot of what website.roles.ROLES grants for petitions, so this migration keeps meaning the
# same thing when ROLES changes later.
PETITION_ROLES = {
    "Campaign staff": {
        "permissions": [
            "petitions.view_petition", "petitions.add_petition", "petitions.change_petition",
            "petitions.view_targetresponse", "petitions.add_targetresponse", "petitions.change_targetresponse",
            "petitions.view_papersignatures", "petitions.add_papersignatures", "petitions.change_papersignatures",
            "petitions.view_signature", "petitions.change_signature", "petitions.export_signatures",
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


def grant(apps, schema_editor):
    from website.roles import apply_roles

    apply_roles(apps, PETITION_ROLES)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, spec in PETITION_ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [dotted.split(".")[1] for dotted in spec["permissions"]]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="petitions",
                                                            codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_signature_export_permission"),
        ("website", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
