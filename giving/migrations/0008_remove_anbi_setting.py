"""The ANBI data lives on the site identity now (0007 moved it): the setting goes, with its permissions,
so that no role keeps a right to a model that is gone."""

from django.db import migrations


def forget_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.filter(app_label="giving", model="anbisettings").first()
    if content_type is not None:
        Permission.objects.filter(content_type=content_type).delete()
        content_type.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("giving", "0007_anbi_data_to_site_identity"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forget_permissions, migrations.RunPython.noop),
        migrations.DeleteModel(name="AnbiSettings"),
    ]
