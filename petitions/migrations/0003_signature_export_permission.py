from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('petitions', '0002_municipalities_and_lock'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='signature',
            options={'permissions': [('export_signatures', 'Can export signatures')], 'verbose_name': 'signature', 'verbose_name_plural': 'signatures'},
        ),
    ]
