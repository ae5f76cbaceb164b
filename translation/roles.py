"""What Translators may do with the translatable snippets of other apps (collected by website.roles).

Translation is this app's concern, so it says which snippets a translator reaches; elections declares
its own. Editing a snippet's Dutch source stays refused to them (translation/permissions.py), and their
page rights cover the English tree only (granted by migration 0001 and when an English home is made).
A test checks that every translatable snippet model is listed here or by its app.
"""

MODELS = [
    "coalitions.coalitionpartner",
    "donations.donationad",
    "petitions.petition",
    "projects.funder",
    "projects.partnerorganisation",
]

ROLES = {
    "Translators": [
        f"{app_label}.{action}_{model}"
        for app_label, model in (m.split(".") for m in MODELS)
        for action in ("view", "change")
    ],
}
