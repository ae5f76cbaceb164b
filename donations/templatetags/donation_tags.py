from django import template

from donations.area import format_cm2, format_euros

register = template.Library()


@register.filter
def cm2(units):
    """Hundredths of a cm² as the page's language writes cm² (12 / 0,35)."""
    return format_cm2(units or 0)


@register.filter
def euros(amount_cents):
    """Cents as euros in the page's language (€ 12,50)."""
    return format_euros(amount_cents or 0)
