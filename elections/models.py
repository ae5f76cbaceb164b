"""Elections, parties, themes, the parties' positions and the voting guide's statements.

All are translatable snippets (wagtail-localize). Structure is the same in every language: the
links between them (election, party, theme) and the facts (stance, quote, page number, answers)
are synchronised, so a translation can change words but never what a party said or answered.
Those links always point at the objects in the default language, whose rows are therefore the
keys of the data in both languages (see `elections.comparison`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website import i18n
from website.blocks import BaseStreamBlock
from website.caching import CachedPageMixin
from website.models import SocialMetaMixin

from . import comparison, open_data
from .choices import ANSWER_SYMBOLS, STANCE_SYMBOLS, Answer, Stance
from .corrections import PositionForm

KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
key_validator = RegexValidator(KEY_PATTERN, _("Use letters, digits and hyphens only, e.g. “GH” or “S01”."))


class ElectionLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    MUNICIPAL = "municipal", _("Municipal")
    EUROPEAN = "european", _("European")


class Election(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    date = models.DateField(_("election day"))
    level = models.CharField(_("level"), max_length=12, choices=ElectionLevel.choices)

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("date"), FieldPanel("level")])]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("level", overridable=False),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-date", "name"]

    def __str__(self):
        return self.name


class Party(TranslatableMixin, index.Indexed, models.Model):
    # A party's name is its own: synchronised, though a translator may give an official English name.
    name = models.CharField(_("name"), max_length=120)
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=20,
        validators=[key_validator],
        help_text=_("Also the party's key in links and spreadsheets, e.g. “GH”. Letters, digits and hyphens."),
    )
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#4a5360",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #0b5563."))],
        help_text=_("Only ever an accent next to the name, never the only cue."),
    )
    logo = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(_("website"), blank=True)
    programme_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("election programme (document)"),
    )
    programme_url = models.URLField(_("or a link to the programme"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("abbreviation")]),
        FieldPanel("colour"),
        FieldPanel("logo"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("programme_document"), FieldPanel("programme_url")], heading=_("Election programme")
        ),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("abbreviation", overridable=False),
        SynchronizedField("colour", overridable=False),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("programme_document"),
        SynchronizedField("programme_url"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("abbreviation"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("abbreviation"), "locale", name="unique_party_abbreviation")]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"

    @property
    def key(self):
        """The party in URLs (?parties=gh,pvi) and in the guide's data."""
        return self.abbreviation.lower()

    @property
    def programme_link(self):
        if self.programme_document_id:
            return self.programme_document.url
        return self.programme_url


class Theme(TranslatableMixin, index.Indexed, Orderable):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, help_text=_("The theme in links, e.g. “opvang”."))
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        # ?theme=<slug> means the same in both languages, so switching language keeps the view.
        SynchronizedField("slug", overridable=False),
        TranslatableField("description"),
        SynchronizedField("sort_order", overridable=False),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "pk"]
        constraints = [models.UniqueConstraint("slug", "locale", name="unique_theme_slug")]

    def __str__(self):
        return self.name


class SourceLanguageMixin:
    """Positions and statements hang off the default language's election, parties and themes."""

    source_fields = ()

    def clean(self):
        super().clean()
        errors = {}
        for name in self.source_fields:
            related = getattr(self, name, None) if getattr(self, f"{name}_id", None) else None
            if related is not None and related.locale.language_code != settings.LANGUAGE_CODE:
                errors[name] = _("Choose the one in the default language; translations follow it.")
        if errors:
            raise ValidationError(errors)


class Position(SourceLanguageMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """What one party's programme says about one theme for one election, with the evidence."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="positions", verbose_name=_("election")
    )
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="positions", verbose_name=_("party"))
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="positions", verbose_name=_("theme"))
    stance = models.CharField(_("stance"), max_length=20, choices=Stance.choices)
    summary = models.TextField(_("summary"), help_text=_("The gist in one or two sentences."))
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("Verbatim from the programme, in its original language. Never translated.")
    )
    quote_language = models.CharField(
        _("language of the quote"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    quote_translation = models.TextField(
        _("quote in this language"),
        blank=True,
        help_text=_(
            "Shown beside the quote, marked as our translation. Left empty, it is filled with the quote "
            "so that translators have it to translate."
        ),
    )
    page_number = models.PositiveIntegerField(_("page"), null=True, blank=True)
    source_url = models.URLField(_("link to the source"), blank=True, max_length=500)
    assessment = models.TextField(_("our assessment"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    source_fields = ("election", "party", "theme")
    base_form_class = PositionForm
    panels = [
        FieldPanel("election"),
        FieldRowPanel([FieldPanel("party"), FieldPanel("theme")]),
        FieldPanel("stance"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("quote"),
                FieldPanel("quote_language"),
                FieldPanel("quote_translation"),
                FieldRowPanel([FieldPanel("page_number"), FieldPanel("source_url")]),
            ],
            heading=_("Evidence"),
        ),
        FieldPanel("assessment"),
        InlinePanel(
            "corrections",
            label=_("Corrections"),
            help_text=_("A changed stance or quote needs a dated note: it is shown on the page."),
        ),
    ]
    translatable_fields = [
        SynchronizedField("election", overridable=False),
        SynchronizedField("party", overridable=False),
        SynchronizedField("theme", overridable=False),
        SynchronizedField("stance", overridable=False),
        TranslatableField("summary"),
        SynchronizedField("quote", overridable=False),
        SynchronizedField("quote_language", overridable=False),
        TranslatableField("quote_translation"),
        SynchronizedField("page_number", overridable=False),
        SynchronizedField("source_url", overridable=False),
        TranslatableField("assessment"),
        TranslatableField("corrections"),
    ]
    search_fields = [index.SearchField("summary"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [models.UniqueConstraint("election", "party", "theme", "locale", name="unique_position")]

    def __str__(self):
        return f"{self.party.abbreviation} · {self.theme.name}" if self.party_id and self.theme_id else "–"

    def clean(self):
        super().clean()
        if not self.quote.strip() and self.stance != Stance.NOT_ADDRESSED:
            raise ValidationError({"quote": _("Quote the programme, or choose “not in the programme”.")})

    def save(self, *args, **kwargs):
        if not self.quote_translation:
            self.quote_translation = self.quote
        super().save(*args, **kwargs)

    @property
    def stance_symbol(self):
        return STANCE_SYMBOLS.get(self.stance, "")

    def shows_translation(self, language):
        """Whether a translation of the quote is shown beside it on a page in `language`."""
        return bool(self.quote_translation) and self.quote_translation != self.quote and language != self.quote_language


class Correction(TranslatableMixin, Orderable):
    """A dated change to a published position after a party's reaction: part of the public record."""

    position = ParentalKey(Position, on_delete=models.CASCADE, related_name="corrections")
    made_on = models.DateField(_("date"))
    reaction_from = models.CharField(
        _("after a reaction from"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the party's name or its programme committee."),
    )
    note = models.TextField(_("what changed and why"))
    previous_stance = models.CharField(_("previous stance"), max_length=20, choices=Stance.choices, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("made_on"), FieldPanel("reaction_from")]),
        FieldPanel("note"),
        FieldPanel("previous_stance"),
    ]
    translatable_fields = [
        SynchronizedField("made_on", overridable=False),
        TranslatableField("reaction_from"),
        TranslatableField("note"),
        SynchronizedField("previous_stance", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["made_on", "sort_order"]
        verbose_name = _("correction")

    @property
    def previous_stance_symbol(self):
        return STANCE_SYMBOLS.get(self.previous_stance, "")


class Statement(SourceLanguageMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """A proposition of the voting guide, with each party's answer."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="statements", verbose_name=_("election")
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="statements", verbose_name=_("theme"))
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[key_validator],
        help_text=_("The statement's key in spreadsheets, e.g. “S01”."),
    )
    text = models.CharField(_("statement"), max_length=300)
    explanation = models.TextField(
        _("background"), blank=True, help_text=_("What voters need to know to answer, in a sentence or two.")
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    source_fields = ("election", "theme")
    panels = [
        FieldPanel("election"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("text"),
        FieldPanel("explanation"),
        InlinePanel("answers", label=_("Answers of the parties")),
    ]
    translatable_fields = [
        SynchronizedField("election", overridable=False),
        SynchronizedField("theme", overridable=False),
        SynchronizedField("code", overridable=False),
        TranslatableField("text"),
        TranslatableField("explanation"),
        SynchronizedField("sort_order", overridable=False),
        TranslatableField("answers"),
    ]
    search_fields = [index.SearchField("text"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["sort_order", "code"]
        constraints = [models.UniqueConstraint("election", "code", "locale", name="unique_statement_code")]

    def __str__(self):
        return f"{self.code}: {self.text}"


class StatementAnswer(SourceLanguageMixin, TranslatableMixin, Orderable):
    statement = ParentalKey(Statement, on_delete=models.CASCADE, related_name="answers")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+", verbose_name=_("party"))
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    explanation = models.TextField(_("the party's explanation"), blank=True)

    source_fields = ("party",)
    panels = [FieldRowPanel([FieldPanel("party"), FieldPanel("answer")]), FieldPanel("explanation")]
    translatable_fields = [
        SynchronizedField("party", overridable=False),
        SynchronizedField("answer", overridable=False),
        TranslatableField("explanation"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("answer")
        constraints = [models.UniqueConstraint("statement", "party", name="unique_statement_answer")]

    @property
    def symbol(self):
        return ANSWER_SYMBOLS.get(self.answer, "")


class ElectionComparisonPage(CachedPageMixin, RoutablePageMixin, SourceLanguageMixin, SocialMetaMixin, Page):
    """“Choose a side”: what the parties' programmes say, side by side, and a private voting guide.

    The comparison's state lives in the query string (?parties=gh,pvi&theme=opvang&party=gh), so
    every view can be shared. The guide's answers never leave the browser: matching runs in
    static/js/elections.js, and without JavaScript a POST to `elections.views.guide_result`
    computes the result without storing or logging anything.
    """

    election = models.ForeignKey(Election, on_delete=models.PROTECT, related_name="+", verbose_name=_("election"))
    intro = models.TextField(_("introduction"))
    method = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("method"),
        help_text=_("How the programmes were read and the positions assessed."),
    )
    guide_intro = models.TextField(_("introduction to the voting guide"), blank=True)

    source_fields = ("election",)
    content_panels = Page.content_panels + [
        FieldPanel("election"),
        FieldPanel("intro"),
        FieldPanel("method"),
        FieldPanel("guide_intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("method")]
    # The election is the key of all the data: the same in every language (see the module docstring).
    override_translatable_fields = [SynchronizedField("election", overridable=False)]

    # The comparison's state means the same in both languages (theme slugs are synchronised): the
    # language switcher keeps it.
    shared_query_parameters = ("parties", "theme", "party")
    parent_page_types = ["website.HomePage", "campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("election comparison")

    # Views -------------------------------------------------------------------------------------

    @path("")
    def comparison(self, request):
        canonical = comparison.canonical_querystring(request.GET)
        if canonical:  # the compare form's checkboxes send ?parties=a&parties=b; links share ?parties=a,b
            return redirect(self.url + canonical)
        data = comparison.load(self.election, self.locale)
        state, notices = comparison.parse_state(request.GET, data)
        return self.render(
            request,
            context_overrides={
                "data": data,
                "state": state,
                "notices": notices,
                **comparison.view_context(data, state),
            },
        )

    @path("stemhulp/", name="guide_nl")
    @path("guide/", name="guide")
    def guide(self, request):
        data = comparison.load(self.election, self.locale, with_statements=True)
        return self.render(
            request,
            template="elections/voting_guide.html",
            context_overrides={
                "data": data,
                "guide": comparison.guide_context(data),
                "result_url": self.guide_result_url(),
                "answer_choices": [*Answer.choices, ("skip", _("Skip"))],
            },
        )

    @path("open-data/positions-csv/", name="positions_csv")
    def positions_csv(self, request):
        return open_data.positions_csv(self)

    @path("open-data/statements-csv/", name="statements_csv")
    def statements_csv(self, request):
        return open_data.statements_csv(self)

    @path("open-data/json/", name="open_data_json")
    def open_data_json(self, request):
        return open_data.everything_json(self, request)

    # URLs --------------------------------------------------------------------------------------

    def guide_url(self):
        route = "guide_nl" if i18n.language_code_of(self) == "nl" else "guide"
        return self.url + self.reverse_subpage(route)

    def guide_result_url(self):
        """Where the guide's form posts without JavaScript; None until the site's URLs include it."""
        from django.urls import NoReverseMatch, reverse

        try:
            return reverse("elections:guide_result", args=[self.pk])
        except NoReverseMatch:
            return None

    def open_data_urls(self):
        return [
            (_("Positions (CSV)"), self.url + self.reverse_subpage("positions_csv")),
            (_("Statements and answers (CSV)"), self.url + self.reverse_subpage("statements_csv")),
            (_("Everything (JSON)"), self.url + self.reverse_subpage("open_data_json")),
        ]
