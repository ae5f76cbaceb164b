"""Dates and numbers as each language writes them (settings.FORMAT_MODULE_PATH).

One style per language, used by every template through the named formats (`|date:"DATE_FORMAT"`,
`|date:"SHORT_DATE_FORMAT"`, …) and by Django's number formatting. What is not set here falls back
to Django's own formats for the language (input formats, first day of the week).
"""
