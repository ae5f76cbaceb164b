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
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtail_localize", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
