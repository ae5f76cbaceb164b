from django.db import migrations

# Editors keep the comparisons up to date, campaign staff import the analysts' spreadsheets and
# translators translate them through wagtail-localize (which needs the change permission).
# A snapshot, so this migration keeps meaning the same thing when website.roles.ROLES changes.
MODELS = ["election", "party", "theme", "position", "statement"]
ELECTION_ROLES = {
    "Editors": {
        "permissions": [f"elections.{action}_{model}" for model in MODELS for action in ("view", "add", "change")],
        "page": [],
        "collection": [],
    },
    "Campaign staff": {
        "permissions": [f"elections.{action}_{model}" for model in MODELS for action in ("view", "add", "change")],
        "page": [],
        "collection": [],
    },
    "Translators": {
        "permissions": [f"elections.{action}_{model}" for model in MODELS for action in ("view", "change")],
        "page": [],
        "collection": [],
    },
}


def grant(apps, schema_editor):
    from website.roles import apply_roles

    apply_roles(apps, ELECTION_ROLES)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, spec in ELECTION_ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            codenames = [dotted.split(".")[1] for dotted in spec["permissions"]]
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="elections",
                                                                codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0001_initial"),
        ("website", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
