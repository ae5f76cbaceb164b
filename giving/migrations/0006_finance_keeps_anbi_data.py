from django.db import migrations

from website.roles import grant_roles

# A snapshot: Finance keeps the ANBI data printed on yearly statements (giving/roles.py).
ANBI_ROLES = {"Finance": {"permissions": ["giving.change_anbisettings"], "page": [], "collection": []}}


class Migration(migrations.Migration):
    dependencies = [("giving", "0005_anbi_settings")]

    operations = [grant_roles(ANBI_ROLES)]
