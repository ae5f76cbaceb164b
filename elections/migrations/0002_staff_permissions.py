from django.db import migrations

from website.roles import grant_roles

# Editors keep the comparisons up to date, campaign staff import the analysts' spreadsheets and
# translators translate them through wagtail-localize (which needs the change permission).
# A snapshot of elections/roles.py, so this migration keeps meaning the same thing when it changes.
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


class Migration(migrations.Migration):
    dependencies = [
        ("elections", "0001_initial"),
        ("website", "0002_roles"),
    ]

    operations = [grant_roles(ELECTION_ROLES)]
