from django.db import migrations

# A snapshot of what website.roles.ROLES grants for donations, so this migration keeps meaning the
# same thing when ROLES changes later.
DONATION_ROLES = {
    "Editors": {
        "permissions": ["donations.view_donationad", "donations.add_donationad", "donations.change_donationad"],
        "page": [],
        "collection": [],
    },
    "Campaign staff": {
        "permissions": [
            "donations.view_donationad", "donations.add_donationad", "donations.change_donationad",
            "donations.view_donation", "donations.change_donation", "donations.view_hold",
        ],
        "page": [],
        "collection": [],
    },
    "Finance": {
        "permissions": [
            "donations.view_donationad", "donations.view_donation", "donations.export_donations",
            "donations.view_hold",
        ],
        "page": [],
        "collection": [],
    },
}


def grant(apps, schema_editor):
    from website.roles import apply_roles

    apply_roles(apps, DONATION_ROLES)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, spec in DONATION_ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [dotted.split(".")[1] for dotted in spec["permissions"]]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="donations",
                                                            codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("donations", "0001_initial"),
        ("website", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
