"""What the staff roles may do with giving (collected by website.roles; migration 0002 grants it)."""

ROLES = {
    # Finance follows the money: gifts, monthly gifts, failed payments and the figures.
    "Finance": [
        "giving.view_gift",
        "giving.view_monthlygift",
        "giving.view_failedpayment",
        "giving.export_gifts",
    ],
    "Campaign staff": ["giving.view_monthlygift"],
}
