"""What the staff roles may do with coalitions (collected by website.roles; migration 0002 grants it).

Exporting a partner's opt-ins is no role's: each partner has its own permission, given to its staff's group.
"""

ROLES = {
    "Campaign staff": [
        "coalitions.view_coalitionpartner",
        "coalitions.add_coalitionpartner",
        "coalitions.change_coalitionpartner",
    ],
    "Editors": ["coalitions.view_coalitionpartner"],
}
