"""The ANBI data moves from the giving setting to the site identity (every language: the same values)."""

from django.conf import settings
from django.db import migrations


def to_site_identity(apps, schema_editor):
    AnbiSettings = apps.get_model("giving", "AnbiSettings")
    SiteIdentity = apps.get_model("website", "SiteIdentity")
    Locale = apps.get_model("wagtailcore", "Locale")
    anbi = AnbiSettings.objects.first()
    if anbi is None or not (anbi.legal_name or anbi.rsin):
        return
    # The setting allowed eight digits; an RSIN has nine (a leading zero lost on the way).
    rsin = anbi.rsin.zfill(9) if anbi.rsin else ""
    identities = list(SiteIdentity.objects.all())
    if not identities:
        locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.first()
        if locale is None:
            return
        # Nothing to attach the data to: a minimal identity keeps it, for editors to complete.
        identities = [SiteIdentity(locale=locale, organisation_name=anbi.legal_name or "")]
    for identity in identities:
        identity.legal_name = identity.legal_name or anbi.legal_name
        identity.rsin = identity.rsin or rsin
        identity.save()


def to_setting(apps, schema_editor):
    AnbiSettings = apps.get_model("giving", "AnbiSettings")
    SiteIdentity = apps.get_model("website", "SiteIdentity")
    identity = SiteIdentity.objects.exclude(rsin="", legal_name="").order_by("pk").first()
    if identity is not None:
        AnbiSettings.objects.update_or_create(pk=1, defaults={"legal_name": identity.legal_name, "rsin": identity.rsin})


class Migration(migrations.Migration):
    dependencies = [
        ("giving", "0006_finance_keeps_anbi_data"),
        ("website", "0003_site_identity_anbi"),
    ]

    operations = [migrations.RunPython(to_site_identity, to_setting)]
