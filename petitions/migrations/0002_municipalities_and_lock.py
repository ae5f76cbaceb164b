from django.db import migrations


def load(apps, schema_editor):
    from petitions.municipalities import load_shipped

    Municipality = apps.get_model("petitions", "Municipality")
    for row in load_shipped():
        Municipality.objects.update_or_create(cbs_code=row["cbs_code"],
                                              defaults={"name": row["name"], "province": row["province"]})
    apps.get_model("petitions", "JobLock").objects.get_or_create(name="counting")


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
