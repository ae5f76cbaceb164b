"""Translators translate, they do not write the Dutch source.

Pages: their page permissions are granted on each English home page (the English tree), so Wagtail's
own checks keep them out of the Dutch tree everywhere (edit, publish, move, the explorer). An English
home made later (a new site, a fresh database) gets the grant when it is created.

Snippets have no tree: the `before_edit_snippet` hook refuses a Dutch snippet to a user whose right to
change it comes only from the Translators group (an editor who also translates keeps editing Dutch).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, TranslatableMixin

TRANSLATORS = "Translators"
# A snapshot used by migration 0001 too: what translators may do in the English tree.
PAGE_PERMISSIONS = ["change_page", "publish_page"]


def grant_english_tree(Group, Page, Locale, Permission, GroupPagePermission):
    """Give Translators their page permissions on every home page not in the source language.

    Takes the models as arguments so a data migration can pass its historical ones. Safe to run again.
    """
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is None:
        return
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    homes = Page.objects.filter(depth=2).exclude(locale=source)
    codenames = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    for home in homes:
        for permission in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


def grant_on_new_english_home(sender, instance, created, raw=False, **kwargs):
    """post_save: a new home page in English (or another target language) opens its tree to Translators."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        if instance.locale.language_code != settings.LANGUAGE_CODE:
            from wagtail.models import GroupPagePermission, Locale

            grant_english_tree(Group, Page, Locale, Permission, GroupPagePermission)


def may_change_only_as_translator(user, model):
    """Whether the user's right to change `model` comes from the Translators group alone."""
    if user.is_superuser:
        return False
    permission = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        codename=f"change_{model._meta.model_name}",
    )
    other_groups = user.groups.exclude(name=TRANSLATORS)
    return not permission.filter(Q(user=user) | Q(group__in=other_groups)).exists()


def refuse_source_snippet(request, instance):
    """before_edit_snippet: a translator opening a Dutch snippet is sent to its English copy, or the list."""
    if not isinstance(instance, TranslatableMixin) or instance.locale.language_code != settings.LANGUAGE_CODE:
        return None
    if not may_change_only_as_translator(request.user, type(instance)):
        return None
    messages.error(
        request,
        _("Translators edit the English translation; the Dutch text of “%(object)s” is for editors.")
        % {"object": instance},
    )
    finder = AdminURLFinder(request.user)
    english = instance.get_translations().exclude(locale__language_code=settings.LANGUAGE_CODE).first()
    url = english and finder.get_edit_url(english)
    return redirect(url or "wagtailadmin_home")
