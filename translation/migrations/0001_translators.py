from django.db import migrations

from translation.permissions import PAGE_PERMISSIONS, TRANSLATORS, grant_english_tree
from website.roles import grant_roles

# A snapshot of what translation/roles.py grants, so this migration keeps meaning the same thing later.
TRANSLATOR_ROLES = {
    "Translators": {
        "permissions": [
            f"{app_label}.{action}_{model}"
            for app_label, model in [
                ("coalitions", "coalitionpartner"),
                ("donations", "donationad"),
                ("petitions", "petition"),
                ("projects", "funder"),
                ("projects", "partnerorganisation"),
            ]
            for action in ("view", "change")
        ],
    }
}


def english_tree_only(apps, schema_editor):
    """Translators' page rights move from the root (the Dutch tree too) to the English home pages."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group__name=TRANSLATORS, page__depth=1).delete()
    grant_english_tree(
        apps.get_model("auth", "Group"),
        apps.get_model("wagtailcore", "Page"),
        apps.get_model("wagtailcore", "Locale"),
        apps.get_model("auth", "Permission"),
        GroupPagePermission,
    )


def whole_tree_again(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group__name=TRANSLATORS, permission__codename__in=PAGE_PERMISSIONS).delete()
    group = apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).first()
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    change = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="wagtailcore", codename="change_page"
    )
    if group and root and change.exists():
        GroupPagePermission.objects.create(group=group, page=root, permission=change.get())


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_roles"),
        ("coalitions", "0001_initial"),
        ("donations", "0001_initial"),
        ("petitions", "0001_initial"),
        ("projects", "0001_initial"),
    ]

    operations = [grant_roles(TRANSLATOR_ROLES), migrations.RunPython(english_tree_only, whole_tree_again)]
