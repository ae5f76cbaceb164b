"""What the staff roles may do with elections (collected by website.roles; migration 0002 grants it).

Editors keep the comparisons up to date, campaign staff import the analysts' spreadsheets and
translators translate them through wagtail-localize (which needs the change permission).
"""

MODELS = ["election", "party", "theme", "position", "statement"]

ROLES = {
    "Editors": [f"elections.{action}_{model}" for model in MODELS for action in ("view", "add", "change")],
    "Campaign staff": [f"elections.{action}_{model}" for model in MODELS for action in ("view", "add", "change")],
    "Translators": [f"elections.{action}_{model}" for model in MODELS for action in ("view", "change")],
}
