"""The staff roles and what each may do. Applied by a data migration; later apps add to them."""

ROLES = {
    "Editors": {
        "permissions": [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "website.add_siteidentity",
            "website.change_siteidentity",
            "petitions.view_petition",
            "petitions.add_petition",
            "petitions.change_petition",
            "donations.view_donationad",
            "donations.add_donationad",
            "donations.change_donationad",
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
    # Translators edit translations through wagtail-localize's editor; publishing stays with editors.
    "Translators": {
        "permissions": ["wagtailadmin.access_admin", "website.change_siteidentity"],
        "page": ["change_page"],
        "collection": ["choose_image", "choose_document"],
    },
    # Campaign staff run petitions: record responses and paper signatures, follow and export signatures.
    "Campaign staff": {
        "permissions": [
            "wagtailadmin.access_admin",
            "petitions.view_petition",
            "petitions.add_petition",
            "petitions.change_petition",
            "petitions.view_targetresponse",
            "petitions.add_targetresponse",
            "petitions.change_targetresponse",
            "petitions.view_papersignatures",
            "petitions.add_papersignatures",
            "petitions.change_papersignatures",
            "petitions.view_signature",
            "petitions.change_signature",
            "petitions.export_signatures",
            "petitions.view_municipality",
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
    # Finance follows the money: donations, holds and the finance export.
    "Finance": {
        "permissions": [
            "wagtailadmin.access_admin",
            "donations.view_donationad",
            "donations.view_donation",
            "donations.export_donations",
            "donations.view_hold",
        ],
        "page": [],
        "collection": [],
    },
}


def apply_roles(apps, roles=ROLES):
    """Create or update the groups. Safe to run again: it only adds what is missing."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        try:
            return Permission.objects.get(content_type__app_label=app_label, codename=codename)
        except Permission.DoesNotExist:
            raise LookupError(f"permission {app_label}.{codename} does not exist") from None

    # Apps whose models are not migrated yet are skipped: their own data migration grants their
    # permissions (e.g. petitions 0004) once the models exist.
    migrated = {app_config.label for app_config in apps.get_app_configs()}
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, spec in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in spec["permissions"]:
            app_label, codename = dotted.split(".")
            if app_label in migrated:
                group.permissions.add(permission(app_label, codename))
        for codename in spec["page"]:
            if root_page:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission("wagtailcore", codename)
                )
        for codename in spec["collection"]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            if root_collection:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(app_label, codename)
                )
