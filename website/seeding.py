"""Idempotent demo content in both languages: Dutch objects, translated with wagtail-localize.

A builder is a function `build(t)` returning model field values, where `t(nl, en)` picks the
text for the language being built. It runs twice, once per language, so both versions have
the same shape and every Dutch string gets its English translation.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .localization import string_pairs, translate_object

# Dotted paths of each app's `seed(seeder)`, added from its `AppConfig.ready`: they run in that
# order (INSTALLED_APPS order), so an app whose pages live under another app's comes after it.
DEMO_SEEDERS = []


def register_demo(path):
    if path not in DEMO_SEEDERS:
        DEMO_SEEDERS.append(path)


def dutch(nl, en):
    return nl


def english(nl, en):
    return en


def rich(*paragraphs):
    """Rich text from plain paragraphs (strings are escaped by nobody: write them as HTML-safe)."""
    return RichText("".join(f"<p>{p}</p>" for p in paragraphs))


def p(*paragraphs):
    """A paragraph block of `BaseStreamBlock`."""
    return ("paragraph", rich(*paragraphs))


def numbered(obj):
    """Give an unsaved object's orderable children (partners, answers…) the sort order of their place in
    the list, as the editor's form does. Without it they tie, PostgreSQL may read them back in any
    order, and the translation, which pairs strings by position, would pair the wrong ones."""
    for relation in get_all_child_relations(type(obj)):
        field = getattr(relation.related_model, "sort_order_field", None)
        if field:
            for index, child in enumerate(getattr(obj, relation.get_accessor_name()).all()):
                if getattr(child, field) is None:
                    setattr(child, field, index)
    return obj


class Seeder:
    def __init__(self, log=print):
        self.log = log
        self.nl, _ = Locale.objects.get_or_create(language_code="nl")
        self.en, _ = Locale.objects.get_or_create(language_code="en")
        self.created = 0

    def page(self, parent, model, build):
        """The Dutch page under `parent` (created if missing) with its English translation.

        The builder gives the slug too (`"slug": t("over-ons", "about-us")`): it identifies the page.
        """
        slug = build(dutch)["slug"]
        page = parent.get_children().filter(slug=slug).specific().first()
        if page is None:
            page = numbered(model(**build(dutch)))
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
            self.log(f"  + {model.__name__} {page.url_path}")
        self.translate(page, model, build)
        return page

    def translate(self, obj, model, build):
        if obj.has_translation(self.en):
            return obj.get_translation(self.en)
        values = build(english)
        translated = translate_object(obj, self.en, model(**values, locale=self.en))
        self.created += 1
        return translated

    def snippet(self, model, build, lookup):
        obj = model.objects.filter(locale=self.nl, **lookup).first()
        if obj is None:
            obj = numbered(model(locale=self.nl, **build(dutch)))
            obj.save()
            self.created += 1
            self.log(f"  + {model.__name__} {obj}")
        self.translate(obj, model, build)
        return obj

    def home_page(self, model, build):
        """The Dutch home page at the site root, replacing Wagtail's placeholder welcome page."""
        root = Page.get_first_root_node()
        home = model.objects.filter(locale=self.nl, depth=2).first()
        if home is None:
            for placeholder in root.get_children().exact_type(Page):
                if not placeholder.get_children().exists():
                    placeholder.delete()  # its Site row goes with it; recreated below
            home = numbered(model(**build(dutch), locale=self.nl))
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
            self.log("  + home page")
        # Full URLs (sitemap, emails) come from the Site record: make it match SITE_URL.
        url = urlsplit(settings.SITE_URL)
        port = url.port or (443 if url.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if (site.root_page_id, site.hostname, site.port) != (home.pk, url.hostname, port):
            site.root_page, site.hostname, site.port = home, url.hostname, port
            site.site_name = site.site_name or "VluchtelingenWerk Nederland"
            site.save()
        self.translate(home, model, build)
        return home

    def republish(self, page, dutch_part=None, english_part=None):
        """Publish an edited Dutch page and update its English translation through wagtail-localize.

        `dutch_part` and `english_part` are unsaved copies holding only the edited fields: they give the
        English text of any new strings. The translation stays one that editors can keep working on.
        """
        page.save_revision().publish()
        pairs = string_pairs(dutch_part, english_part) if dutch_part is not None else {}
        with transaction.atomic():
            source, _created = TranslationSource.update_or_create_from_instance(page)
            for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
                text = pairs.get(segment.string.data)
                if text and text != segment.string.data:
                    StringTranslation.objects.update_or_create(
                        translation_of=segment.string,
                        locale=self.en,
                        context=segment.context,
                        defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
                    )
            Translation.objects.get(source=source, target_locale=self.en).save_target(publish=True)

    def admin_user(self, username="admin", password="campagne-demo"):
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, "admin@example.org", password)
            self.created += 1
        return username, password


# Invented signers and donors in the demo: first names common in the Netherlands today.
DEMO_FIRST_NAMES = [
    "Anna",
    "Bram",
    "Chaima",
    "Daan",
    "Emma",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jesse",
    "Kees",
    "Lotte",
    "Mohammed",
    "Noor",
    "Olivier",
    "Priya",
    "Quinten",
    "Rosa",
    "Sem",
    "Tess",
    "Umar",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
]
