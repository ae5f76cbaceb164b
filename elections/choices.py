"""The scales the comparison shows: a party's stance on a theme, and an answer to a statement."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stance(models.TextChoices):
    """Where a position takes refugees' protection; shown as words and a symbol, never colour alone."""

    MUCH_MORE = "much_more", _("Much more protection")
    MORE = "more", _("More protection")
    MIXED = "mixed", _("Mixed")
    LESS = "less", _("Less protection")
    MUCH_LESS = "much_less", _("Much less protection")
    NOT_ADDRESSED = "not_addressed", _("Not in the programme")


STANCE_SYMBOLS = {
    Stance.MUCH_MORE: "++",
    Stance.MORE: "+",
    Stance.MIXED: "±",
    Stance.LESS: "−",
    Stance.MUCH_LESS: "−−",
    Stance.NOT_ADDRESSED: "○",
}


class Answer(models.TextChoices):
    AGREE = "agree", _("Agree")
    NEUTRAL = "neutral", _("Neutral")
    DISAGREE = "disagree", _("Disagree")


ANSWER_SYMBOLS = {Answer.AGREE: "✓", Answer.NEUTRAL: "~", Answer.DISAGREE: "✗"}
