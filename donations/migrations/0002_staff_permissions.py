from django.db import migrations

from website.roles import grant_roles

# A snapshot of what donations/roles.py grants, so this migration keeps meaning the same thing
# when the roles change later.
DONATION_ROLES = {
    "Editors": {
        "permissions": ["donations.view_donationad", "donations.add_donationad", "donations.change_donationad"],
        "page": [],
        "collection": [],
    },
    "Campaign staff": {
        "permissions": [
            "donations.view_donationad",
            "donations.add_donationad",
            "donations.change_donationad",
            "donations.view_donation",
            "donations.change_donation",
            "donations.view_hold",
        ],
        "page": [],
        "collection": [],
    },
    "Finance": {
        "permissions": [
            "donations.view_donationad",
            "donations.view_donation",
            "donations.export_donations",
            "donations.view_hold",
        ],
        "page": [],
        "collection": [],
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("donations", "0001_initial"),
        ("website", "0002_roles"),
    ]

    operations = [grant_roles(DONATION_ROLES)]
