from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, When
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from elections.models import ElectionComparisonPage
from website.caching import CachedPageMixin
from website.filtering import page_or_first
from website.models import SocialMetaMixin

from .blocks import CampaignStreamBlock
from .filters import CampaignFilter


class CampaignStatus(models.TextChoices):
    """A campaign is live or finished; a finished one may have won. Its modules follow it (see `is_finished`)."""

    ACTIVE = "active", _("Live")
    CLOSED = "closed", _("Finished")
    WON = "won", _("Finished: won")


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
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CampaignStatus.choices,
        default=CampaignStatus.ACTIVE,
        help_text=_(
            "A live campaign takes signatures and gifts. A finished one shows what it achieved and no form, "
            "even if its petition or ad was left open: close those too."
        ),
    )
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

    @property
    def is_finished(self):
        """Read by the module templates (petition, ad) through the page in their context: a finished
        campaign shows results, never an open ask, whatever state a module was left in."""
        return not self.is_active

    def get_social_image(self):
        return self.social_image or self.hero_image


class CampaignIndexPage(CachedPageMixin, SocialMetaMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["campaigns.CampaignPage", "elections.ElectionComparisonPage"]
    per_page = 12
    # Filters that mean the same in both languages: the language switcher keeps them (website/i18n.py).
    shared_query_parameters = ("year", "status")

    class Meta:
        verbose_name = _("campaign index")

    def get_campaigns(self):
        return CampaignPage.objects.child_of(self).live().public()

    def get_comparisons(self):
        """Election comparisons kept here: listed, so that one no campaign carries is still reachable."""
        return ElectionComparisonPage.objects.child_of(self).live().public().order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = self.get_campaigns()
        years = [day.year for day in campaigns.dates("start_date", "year", order="DESC")]
        filterset = CampaignFilter(
            request.GET,
            # Active campaigns first, then the most recent.
            queryset=campaigns.order_by(
                Case(When(status=CampaignStatus.ACTIVE, then=0), default=1), "-start_date", "title"
            )
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions"),
            choices={"year": [(str(year), str(year)) for year in years], "status": CampaignStatus.choices},
        )
        page_obj, page_notices = page_or_first(filterset.qs, self.per_page, request.GET.get("page"))
        context.update(
            years=years,
            statuses=CampaignStatus.choices,
            chosen=filterset.chosen,
            notices=filterset.notices + page_notices,
            page_obj=page_obj,
            querystring_without_page=urlencode(filterset.chosen),
            comparisons=self.get_comparisons(),
        )
        return context
