from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PreviewableMixin, TranslatableMixin
from wagtail.search import index

from website.blocks import BaseStreamBlock
from website.caching import CachedPageMixin
from website.filtering import page_or_first
from website.models import SocialMetaMixin

from . import filters
from .blocks import OfferBlock, PrincipleBlock, StepBlock


class PartnerOrganisation(TranslatableMixin, PreviewableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = models.TextField(
        _("short description"), blank=True, help_text=_("One or two sentences: who they are and what they do.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "projects/partner_preview.html"


class Funder(TranslatableMixin, PreviewableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "projects/funder_preview.html"


class ProjectStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    COMPLETED = "completed", _("Completed")


class Region(models.TextChoices):
    WESTERN_BALKANS = "western-balkans", _("Western Balkans")
    MEDITERRANEAN = "mediterranean", _("Greece and Italy hotspots")
    TURKEY = "turkey", _("Turkey")
    EAST_AFRICA = "east-africa", _("East Africa")
    EASTERN_EUROPE = "eastern-europe", _("Eastern Europe")
    NORTH_AFRICA = "north-africa", _("North Africa")


class ProjectPage(CachedPageMixin, SocialMetaMixin, Page):
    """One twinning project with a partner organisation abroad."""

    hero_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for cards and the page top."))
    countries = CountryField(_("countries"), multiple=True, blank=True)
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True, help_text=_("When given, the status follows from it."))
    duration = models.CharField(
        _("duration"),
        max_length=80,
        blank=True,
        help_text=_("In words when exact dates are not known, e.g. “one year”."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.CURRENT,
        help_text=_("Used only when there is no end date."),
    )
    situation = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("the situation"))
    what_we_do = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("what we do"))
    media = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("media"),
        help_text=_("Videos, photos with credits and downloadable reports."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("hero_image"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("duration"),
                FieldPanel("status"),
            ],
            heading=_("Where and when"),
        ),
        InlinePanel("partners", label=_("Partner organisations")),
        InlinePanel("funders", label=_("Funders")),
        FieldPanel("situation"),
        FieldPanel("what_we_do"),
        FieldPanel("media"),
        InlinePanel("related_projects", label=_("Related projects"), max_num=4),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("situation"),
        index.SearchField("what_we_do"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})

    @property
    def current_status(self):
        """Completed once the end date has passed; otherwise what the editor chose."""
        if self.end_date:
            return ProjectStatus.COMPLETED if self.end_date < timezone.localdate() else ProjectStatus.CURRENT
        return self.status

    @property
    def is_current(self):
        return self.current_status == ProjectStatus.CURRENT

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read inside a `{% pagepart %}`, usually from the cache.
        context["partners"] = SimpleLazyObject(lambda: list(self.partners.select_related("partner__logo")))
        context["funders"] = SimpleLazyObject(lambda: list(self.funders.select_related("funder")))
        context["related_projects"] = SimpleLazyObject(self.get_related_projects)
        return context

    def get_related_projects(self):
        """The chosen related projects in this page's language (choosers keep the source's pages)."""
        chosen = [link.project_id for link in self.related_projects.all()]
        if not chosen:
            return []
        keys = Page.objects.filter(pk__in=chosen).values_list("translation_key", flat=True)
        return list(
            ProjectPage.objects.live()
            .public()
            .filter(translation_key__in=keys, locale_id=self.locale_id)
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def get_status_display_label(self):
        return ProjectStatus(self.current_status).label

    def get_social_image(self):
        return self.social_image or self.hero_image


# Links to snippets are translatable children, so that wagtail-localize points a translated
# page at the translated partner or funder.
class ProjectPartner(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner organisation")
    )
    panels = [FieldPanel("partner")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class ProjectFunder(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="funders")
    funder = models.ForeignKey(Funder, on_delete=models.CASCADE, related_name="+", verbose_name=_("funder"))
    panels = [FieldPanel("funder")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class RelatedProject(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("project")
    )
    panels = [FieldPanel("project", heading=_("Project"))]

    def clean(self):
        if self.project_id and not isinstance(self.project.specific, ProjectPage):
            raise ValidationError({"project": _("Choose a project page.")})


class ProjectIndexPage(CachedPageMixin, SocialMetaMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    per_page = 12
    # Filters that mean the same in both languages (funders are per-language snippets, so not those).
    shared_query_parameters = ("country", "region", "status")

    class Meta:
        verbose_name = _("project index")

    def get_projects(self):
        return ProjectPage.objects.child_of(self).live().public()

    def get_listed_projects(self):
        """The projects for the cards, current ones first, then the most recent; `listed_status` is the status
        shown (completed once the end date has passed)."""
        today = timezone.localdate()
        listed_status = Case(
            When(end_date__lt=today, then=Value(ProjectStatus.COMPLETED)),
            When(end_date__isnull=False, then=Value(ProjectStatus.CURRENT)),
            default=F("status"),
        )
        return (
            self.get_projects()
            .annotate(listed_status=listed_status)
            .order_by(
                Case(When(listed_status=ProjectStatus.CURRENT, then=0), default=1),
                F("start_date").desc(nulls_last=True),
                "title",
            )
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = list(self.get_projects().prefetch_related("funders__funder"))  # for the map and the choices
        choices = filters.options(projects, ProjectStatus.choices)
        filterset = filters.ProjectFilter(request.GET, queryset=self.get_listed_projects(), choices=choices)
        page_obj, page_notices = page_or_first(filterset.qs, self.per_page, request.GET.get("page"))
        context.update(
            filter_fields=[
                ("country", _("Country")),
                ("region", _("Region")),
                ("status", _("Status")),
                ("funder", _("Funder")),
            ],
            filter_options=choices,
            chosen=filterset.chosen,
            notices=filterset.notices + page_notices,
            page_obj=page_obj,
            projects_map=SimpleLazyObject(lambda: filters.map_countries(projects, self, request)),  # in a pagepart
            querystring_without_page=urlencode(filterset.chosen),
        )
        return context


class ReturnProgrammeIndexPage(CachedPageMixin, SocialMetaMixin, Page):
    intro = models.TextField(_("introduction"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    principles = StreamField(
        [("principle", PrincipleBlock())],
        blank=True,
        verbose_name=_("principles"),
        help_text=_("The principles every return programme follows."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("principles")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["projects.ReturnProgrammePage"]

    class Meta:
        verbose_name = _("return programme index")

    def get_programmes(self):
        return (
            ReturnProgrammePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = self.get_programmes()
        return context


class ReturnProgrammePage(CachedPageMixin, SocialMetaMixin, Page):
    """Counselling and reintegration after a rejected asylum claim.

    Safety information must not go stale unnoticed: every programme carries a review date, shown on
    the page, and the admin lists programmes past it.
    """

    hero_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
    )
    summary = models.TextField(_("summary"))
    target_group = models.TextField(_("who it is for"))
    offers = StreamField([("offer", OfferBlock())], blank=True, verbose_name=_("what the programme offers"))
    principles = StreamField([("principle", PrincipleBlock())], blank=True, verbose_name=_("principles"))
    method = StreamField(
        [("step", StepBlock())],
        blank=True,
        verbose_name=_("method, step by step"),
        help_text=_("The steps in order, e.g. the support points of the method."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("more information"))
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("role"), max_length=120, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"), help_text=_("When someone last checked that this information is still right.")
    )
    next_review = models.DateField(_("next review"), help_text=_("The admin lists programmes past this date."))

    content_panels = Page.content_panels + [
        FieldPanel("hero_image"),
        FieldPanel("summary"),
        FieldPanel("target_group"),
        FieldPanel("offers"),
        FieldPanel("principles"),
        FieldPanel("method"),
        FieldPanel("body"),
        InlinePanel("partners", label=_("Partner organisations in countries of origin")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review")], heading=_("Review")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("target_group"),
        index.SearchField("method"),
    ]

    parent_page_types = ["projects.ReturnProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("return programme")

    def clean(self):
        super().clean()
        if self.last_reviewed and self.next_review and self.next_review <= self.last_reviewed:
            raise ValidationError({"next_review": _("The next review must come after the last one.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = list(self.partners.select_related("partner"))
        return context

    @property
    def review_overdue(self):
        return self.next_review < timezone.localdate()

    def get_social_image(self):
        return self.social_image or self.hero_image


class ReturnProgrammePartner(TranslatableMixin, Orderable):
    page = ParentalKey(ReturnProgrammePage, on_delete=models.CASCADE, related_name="partners")
    partner = models.ForeignKey(
        PartnerOrganisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner organisation")
    )
    panels = [FieldPanel("partner")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
