from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from website.roles import ROLES, declared_roles

APPS = {"projects", "campaigns", "petitions", "donations", "elections"}


def permissions(name):
    return {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=name).permissions.all()}


def page_permissions(name):
    return set(GroupPagePermission.objects.filter(group__name=name).values_list("permission__codename", flat=True))


def test_roles_exist_after_migrating(db):
    assert {"Editors", "Translators", "Campaign staff", "Finance"} <= set(Group.objects.values_list("name", flat=True))


def test_editors_can_publish_pages_and_translate(db):
    assert {"publish_page", "change_page", "add_page"} <= page_permissions("Editors")
    assert "wagtail_localize.submit_translation" in permissions("Editors")


def test_translators_have_no_page_rights_on_the_dutch_tree(db):
    # The translation app grants them the English tree (tests/translation/test_translators.py).
    assert not GroupPagePermission.objects.filter(group__name="Translators", page__depth=1).exists()
    assert "wagtailadmin.access_admin" in permissions("Translators")


def test_campaign_staff_and_finance_reach_the_admin_without_page_rights(db):
    for name in ["Campaign staff", "Finance"]:
        assert "wagtailadmin.access_admin" in permissions(name)
        assert page_permissions(name) == set()


def test_every_role_has_what_the_core_and_the_apps_declare_after_migrating(db):
    for name, spec in declared_roles().items():
        assert set(spec["permissions"]) <= permissions(name), name
        assert set(spec["page"]) <= page_permissions(name), name


def test_the_apps_declare_what_the_roles_may_do_with_their_models():
    roles = declared_roles()
    assert "petitions.export_signatures" in roles["Campaign staff"]["permissions"]
    assert "donations.export_donations" in roles["Finance"]["permissions"]
    assert "elections.change_statement" in roles["Translators"]["permissions"]
    assert not any("." in p and p.split(".")[0] in APPS for spec in ROLES.values() for p in spec["permissions"])
