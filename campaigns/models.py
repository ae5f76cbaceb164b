from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from website.caching import CachedPageMixin
from website.models import SocialMetaMixin

from .blocks import CampaignStreamBlock


class CampaignStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")
    WON = "won", _("Won")


class CampaignPage(CachedPageMixin, SocialMetaMixin, Page):
    hero_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    ask = models.CharField(
        _("the ask"), max_length=200, help_text=_("One line: what the campaign asks, e.g. “Take in 500 children”.")
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("For cards and search results."))
    status = models.CharField(_("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.ACTIVE)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    body = StreamField(CampaignStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_image"),
        FieldPanel("ask"),
        FieldPanel("summary"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("ask"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})

    @property
    def is_active(self):
        return self.status == CampaignStatus.ACTIVE

    def get_social_image(self):
        return self.social_image or self.hero_image


class CampaignIndexPage(CachedPageMixin, SocialMetaMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["campaigns.CampaignPage", "elections.ElectionComparisonPage"]
    per_page = 12

    class Meta:
        verbose_name = _("campaign index")

    def get_campaigns(self):
        return (
            CampaignPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = list(self.get_campaigns())
        years = sorted({c.start_date.year for c in campaigns}, reverse=True)
        chosen, notices = {}, []
        year = request.GET.get("year", "").strip()
        if year:
            if year.isdigit() and int(year) in years:
                chosen["year"] = year
            else:
                notices.append(
                    gettext("There are no campaigns from “%(value)s”; that filter was ignored.") % {"value": year[:32]}
                )
        status = request.GET.get("status", "").strip()
        if status:
            if status in CampaignStatus.values:
                chosen["status"] = status
            else:
                notices.append(
                    gettext("There is no status “%(value)s”; that filter was ignored.") % {"value": status[:32]}
                )
        shown = [
            c
            for c in campaigns
            if ("year" not in chosen or c.start_date.year == int(chosen["year"]))
            and ("status" not in chosen or c.status == chosen["status"])
        ]
        # Active campaigns first, then the most recent.
        shown.sort(key=lambda c: (not c.is_active, -c.start_date.toordinal(), c.title))
        context.update(
            years=years,
            statuses=CampaignStatus.choices,
            chosen=chosen,
            notices=notices,
            page_obj=Paginator(shown, self.per_page).get_page(request.GET.get("page")),
            querystring_without_page=urlencode(chosen),
        )
        return context
