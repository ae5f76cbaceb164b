from django.db import migrations


def create_roles(apps, schema_editor):
    from website.roles import apply_roles

    apply_roles(apps)


def remove_roles(apps, schema_editor):
    from website.roles import ROLES

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
