from django.db import migrations

from website.roles import apply_roles

# A snapshot of what website.roles.ROLES grants, so this migration keeps meaning the same thing when
# ROLES changes later. What the roles may do with the apps' models is granted by the apps' migrations.
ROLES = {
    "Editors": {
        "permissions": [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "website.add_siteidentity",
            "website.change_siteidentity",
        ],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": [
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ],
    },
    "Translators": {
        "permissions": ["wagtailadmin.access_admin", "website.change_siteidentity"],
        "page": ["change_page"],
        "collection": ["choose_image", "choose_document"],
    },
    "Campaign staff": {"permissions": ["wagtailadmin.access_admin"]},
    "Finance": {"permissions": ["wagtailadmin.access_admin"]},
}


def create_roles(apps, schema_editor):
    apply_roles(apps, ROLES)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        # Named, not "__latest__": that resolves to the squashed 0001 of wagtailimages, before
        # the migration that creates the "choose" permissions.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
