"""The shared StreamField block library, reused by every page type (bakerydemo's BaseStreamBlock)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from website import caching


class KeptSnippetChooserBlock(SnippetChooserBlock):
    """A snippet chooser for live modules (`Meta.live`: rendered on every render, see website.page_parts): the chosen
    snippets are read once per content version rather than on every render. Only for models that move the
    content version on when saved (`purge_on_save`). Migrations see Wagtail's own chooser (`deconstruct`)."""

    def bulk_to_python(self, values):
        values = list(values)
        label = self.model_class._meta.label_lower
        name = f"snippets:{label}:{','.join(map(str, values))}"
        return caching.per_version(None, name, lambda: super(KeptSnippetChooserBlock, self).bulk_to_python(values))

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


VIDEO_PATTERNS = [
    # (pattern, embed URL template): privacy-enhanced players only.
    (
        re.compile(r"^https?://(?:www\.|m\.)?youtube\.com/watch\?(?:.*&)?v=([\w-]{11})"),
        "https://www.youtube-nocookie.com/embed/{}",
    ),
    (re.compile(r"^https?://youtu\.be/([\w-]{11})"), "https://www.youtube-nocookie.com/embed/{}"),
    (re.compile(r"^https?://(?:www\.)?vimeo\.com/(\d+)"), "https://player.vimeo.com/video/{}?dnt=1"),
]


def video_embed_url(url):
    """The privacy-friendly player URL for a YouTube or Vimeo link, or None."""
    for pattern, template in VIDEO_PATTERNS:
        match = pattern.match(url or "")
        if match:
            return template.format(match.group(1))
    return None


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        template = "website/blocks/heading_block.html"
        label = _("Heading")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it. Leave empty if decorative."),
    )
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False, max_length=200, label=_("Credit"), help_text=_("Overrides the image's own credit.")
    )

    class Meta:
        icon = "image"
        template = "website/blocks/captioned_image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "website/blocks/quote_block.html"
        label = _("Quote")


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video behind a click: nothing loads from the platform until asked."""

    url = blocks.URLBlock(label=_("YouTube or Vimeo link"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    transcript = blocks.RichTextBlock(required=False, features=["bold", "italic", "link"], label=_("Transcript"))

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value["url"]):
            raise StructBlockValidationError(
                {"url": ValidationError(_("Use a YouTube (youtube.com, youtu.be) or Vimeo link."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        template = "website/blocks/video_block.html"
        label = _("Video")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        template = "website/blocks/document_block.html"
        label = _("Document download")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an external link"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                {"page": ValidationError(_("Choose a page or give a link, not both and not neither."))}
            )
        return value

    class Meta:
        icon = "pick"
        template = "website/blocks/call_to_action_block.html"
        label = _("Call to action")


class FigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=30, label=_("Figure"), help_text=_("E.g. 21,000 or 1030 cm²"))
    label = blocks.CharBlock(max_length=150, label=_("What it counts"))


class FactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    facts = blocks.ListBlock(FigureBlock(), min_num=1, max_num=8, label=_("Facts"))

    class Meta:
        icon = "list-ul"
        template = "website/blocks/facts_block.html"
        label = _("Facts and figures")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250, label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("Answer"))


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    items = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        template = "website/blocks/accordion_block.html"
        label = _("Questions and answers")


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Text"), template="website/blocks/paragraph_block.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    facts = FactsBlock()
    accordion = AccordionBlock()
