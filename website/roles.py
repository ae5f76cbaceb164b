"""The staff roles and what each may do.

The core names the roles and grants what they need of Wagtail and of the core itself (`ROLES` below).
Each app says what the roles may do with its own models in a `roles` module of its own
(`ROLES = {"Campaign staff": ["petitions.view_signature", ...]}`); `declared_roles()` collects them.

Data migrations grant the roles: each keeps a snapshot of what it grants (so it keeps meaning the same
thing when a role changes later) and hands it to `apply_roles`, or to `grant_roles` for an operation
that also takes the permissions back when migrating backwards.
"""

from importlib import import_module

from django.apps import apps as installed_apps
from django.db import migrations
from django.utils.module_loading import module_has_submodule

ROLES = {
    "Editors": {
        "permissions": [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "website.add_siteidentity",
            "website.change_siteidentity",
        ],
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": [
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ],
    },
    # Translators edit and publish translations through wagtail-localize's editor, not the Dutch source:
    # their page rights are on the English tree, granted by the translation app (translation/permissions.py).
    "Translators": {
        "permissions": ["wagtailadmin.access_admin", "website.change_siteidentity"],
        "page": [],
        "collection": ["choose_image", "choose_document"],
    },
    # Campaign staff run the campaigns' tools (petitions, donations, elections): what they may do there
    # is said by each app.
    "Campaign staff": {"permissions": ["wagtailadmin.access_admin"], "page": [], "collection": []},
    # Finance follows the money: what that is, is said by the apps that take it.
    "Finance": {"permissions": ["wagtailadmin.access_admin"], "page": [], "collection": []},
}


def declared_roles():
    """The core's roles with what every installed app's `roles` module adds to them."""
    roles = {name: {key: list(value) for key, value in spec.items()} for name, spec in ROLES.items()}
    for app_config in installed_apps.get_app_configs():
        if app_config.name == __package__ or not module_has_submodule(app_config.module, "roles"):
            continue
        for name, permissions in import_module(f"{app_config.name}.roles").ROLES.items():
            spec = roles.setdefault(name, {"permissions": [], "page": [], "collection": []})
            spec["permissions"] += [permission for permission in permissions if permission not in spec["permissions"]]
    return roles


# For data migrations -----------------------------------------------------------------------------------


def apply_roles(apps, roles):
    """Create or update the groups. Safe to run again: it only adds what is missing.

    `roles` maps a group name to {"permissions": ["app.codename", ...], "page": [...], "collection": [...]}
    ("page" and "collection" may be left out): page permissions are granted on the root page,
    collection permissions on the root collection.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        try:
            return permissions(apps, app_label, [codename]).get()
        except apps.get_model("auth", "Permission").DoesNotExist:
            raise LookupError(f"permission {app_label}.{codename} does not exist") from None

    # Apps whose models are not migrated yet are skipped: their own data migration grants their
    # permissions once the models exist.
    migrated = {app_config.label for app_config in apps.get_app_configs()}
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, spec in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in spec["permissions"]:
            app_label, codename = dotted.split(".")
            if app_label in migrated:
                group.permissions.add(permission(app_label, codename))
        for codename in spec.get("page", []):
            if root_page:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission("wagtailcore", codename)
                )
        for codename in spec.get("collection", []):
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            if root_collection:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(app_label, codename)
                )


def revoke_roles(apps, roles):
    """Take back the model permissions `apply_roles` granted; the groups stay."""
    Group = apps.get_model("auth", "Group")
    for name, spec in roles.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        by_app = {}
        for dotted in spec["permissions"]:
            app_label, codename = dotted.split(".")
            by_app.setdefault(app_label, []).append(codename)
        for app_label, codenames in by_app.items():
            group.permissions.remove(*permissions(apps, app_label, codenames))


def grant_roles(roles):
    """A migration operation: `apply_roles` forwards, `revoke_roles` backwards."""
    return migrations.RunPython(
        lambda apps, schema_editor: apply_roles(apps, roles),
        lambda apps, schema_editor: revoke_roles(apps, roles),
    )


def permissions(apps, app_label, codenames):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
