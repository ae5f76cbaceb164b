from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, PreviewableMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from . import i18n
from .blocks import BaseStreamBlock
from .caching import CachedPageMixin


class CustomImage(AbstractImage):
    """Wagtail's image with a credit line: photographers are named wherever an image appears."""

    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class SocialMetaMixin(models.Model):
    """Open Graph data for link previews; pages choose their own image through `social_image`."""

    social_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared. The page's main image is used if empty."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image


class FeaturedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    summary = blocks.TextBlock(
        required=False, label=_("Summary"), help_text=_("Leave empty to use the page's own description.")
    )

    class Meta:
        icon = "pick"
        label = _("Featured page")


class HomePage(CachedPageMixin, SocialMetaMixin, Page):
    mission = models.TextField(_("mission statement"), help_text=_("One or two sentences at the top of the page."))
    hero_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    cta_label = models.CharField(_("call to action label"), max_length=60, blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("call to action page"),
    )
    featured_campaigns = StreamField(
        [("featured", FeaturedPageBlock())], blank=True, verbose_name=_("featured campaigns")
    )
    featured_projects = StreamField(
        [("featured", FeaturedPageBlock())], blank=True, verbose_name=_("featured projects")
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("mission"),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel("cta_label"), FieldPanel("cta_page")], heading=_("Call to action")),
        FieldPanel("featured_campaigns"),
        FieldPanel("featured_projects"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("mission"), index.SearchField("body")]

    # No subpage_types: each app's page types say they may live here (their parent_page_types).
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the cards render inside a `{% pagepart %}`, usually from the cache.
        cards = SimpleLazyObject(lambda: self.featured_cards(self.featured_campaigns, self.featured_projects))
        context["campaign_cards"] = SimpleLazyObject(lambda: cards[0])
        context["project_cards"] = SimpleLazyObject(lambda: cards[1])
        return context

    def featured_cards(self, *streams):
        """Cards for each stream of chosen pages: the pages in this page's language with their images,
        fetched together for all streams in a fixed number of queries (choosers keep the source
        language's pages; cards must not cost queries each). The streams' raw ids are read, so the
        chosen pages themselves are never fetched, only their translation keys."""
        chosen = [
            [
                (item["value"]["page"], item["value"].get("summary", ""))
                for item in stream.raw_data
                if item["value"].get("page")
            ]
            for stream in streams
        ]
        ids = {pk for stream in chosen for pk, _summary in stream}
        if not ids:
            return [[] for _stream in streams]
        keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        pages = {
            page.translation_key: page
            for page in i18n.public(
                Page.objects.filter(translation_key__in=set(keys.values()), locale_id=self.locale_id).live()
            ).specific()
        }
        image_ids = {getattr(page, "hero_image_id", None) for page in pages.values()} - {None}
        images = {
            image.pk: image for image in CustomImage.objects.filter(pk__in=image_ids).prefetch_related("renditions")
        }
        chosen = [[(keys[pk], summary) for pk, summary in stream if pk in keys] for stream in chosen]
        return [self._cards(stream, pages, images) for stream in chosen]

    @staticmethod
    def _cards(chosen, pages, images):
        cards = []
        for translation_key, summary in chosen:
            page = pages.get(translation_key)
            if page is not None:
                image = images.get(getattr(page, "hero_image_id", None))
                cards.append(
                    {
                        "page": page,
                        "image": image,
                        "summary": summary or page.search_description or getattr(page, "summary", ""),
                    }
                )
        return cards


class StandardPage(CachedPageMixin, SocialMetaMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class SiteIdentity(TranslatableMixin, PreviewableMixin, ClusterableModel):
    """Who runs the site and how to reach them: one per language, translated with wagtail-localize.

    Wagtail's site settings hold one row per site and cannot be translated, so this lives in a
    translatable snippet instead.
    """

    organisation_name = models.CharField(_("organisation name"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    contact_text = models.TextField(_("contact details"), blank=True, help_text=_("Address and opening hours."))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy statement"),
    )
    donate_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("donate page"),
    )
    donate_url = models.URLField(_("or an external donate link"), blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    x_url = models.URLField("X", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    # What a donor's yearly statement and receipts need for the Dutch tax return (gifts to an ANBI).
    legal_name = models.CharField(
        _("legal name"), max_length=200, blank=True, help_text=_("As registered, e.g. Stichting …")
    )
    rsin = models.CharField(
        _("RSIN"),
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{9}\Z", _("An RSIN has nine digits."))],
        help_text=_("The organisation's RSIN (fiscal number), printed on donors' yearly statements."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("tagline"),
        MultiFieldPanel([FieldPanel("contact_text"), FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("donate_page"), FieldPanel("donate_url")], heading=_("Links")
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
        MultiFieldPanel([FieldPanel("legal_name"), FieldPanel("rsin")], heading=_("ANBI")),
    ]
    # The legal name and the RSIN are the same in every language.
    override_translatable_fields = [
        SynchronizedField("legal_name", overridable=False),
        SynchronizedField("rsin", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self):
        return f"{self.organisation_name} ({self.locale.language_code})"

    def get_preview_template(self, request, mode_name):
        return "website/site_identity_preview.html"

    @property
    def social_links(self):
        return [
            (name, url)
            for name, url in [
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("LinkedIn", self.linkedin_url),
                ("X", self.x_url),
                ("YouTube", self.youtube_url),
            ]
            if url
        ]
