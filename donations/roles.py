"""What the staff roles may do with donations (collected by website.roles; migration 0002 grants it)."""

ROLES = {
    "Editors": ["donations.view_donationad", "donations.add_donationad", "donations.change_donationad"],
    # Campaign staff write the ads and check the names donors asked to show.
    "Campaign staff": [
        "donations.view_donationad",
        "donations.add_donationad",
        "donations.change_donationad",
        "donations.view_donation",
        "donations.change_donation",
        "donations.view_hold",
    ],
    # Finance follows the money: donations, holds and the finance export.
    "Finance": [
        "donations.view_donationad",
        "donations.view_donation",
        "donations.export_donations",
        "donations.view_hold",
    ],
}
