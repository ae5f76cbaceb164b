"""Staff views in the Wagtail admin: the spreadsheet import and the voting guide's checks (routed by
the viewsets in wagtail_hooks.py)."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.log_actions import log

from website.admin_views import StaffTemplateView
from website.exports import stream_csv

from . import comparison, guide_checks, importing
from .forms import ImportForm
from .models import Answer, Election

PREVIEW_SECONDS = 3600
# Importing a kind of rows needs both permissions on its model.
PERMISSIONS = {
    "positions": ("elections.add_position", "elections.change_position"),
    "statements": ("elections.add_statement", "elections.change_statement"),
}
CHECK_PERMISSIONS = ["elections.view_statement", "elections.change_statement"]  # either will do


def can_import(user, kind=None):
    kinds = [kind] if kind else list(PERMISSIONS)
    return any(user.has_perms(PERMISSIONS[name]) for name in kinds)


class ElectionsAdminView(StaffTemplateView):
    """Base: a user who may import either kind gets in (403 otherwise); the form checks the kind chosen."""

    header_icon = "upload"
    any_permission_required = list(PERMISSIONS.values())


def column_table():
    return [(_("Positions"), importing.COLUMNS["positions"]), (_("Statements"), importing.COLUMNS["statements"])]


class ImportView(ElectionsAdminView):
    """Upload → preview with per-row errors → confirm. The preview waits in the cache for an hour."""

    template_name = "elections/admin/import.html"
    page_title = gettext_lazy("Import from a spreadsheet")

    def get(self, request):
        return self.render(form=ImportForm(), columns=column_table())

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request, request.POST["token"])
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(status=400, form=form, columns=column_table())
        kind, election = form.cleaned_data["kind"], form.cleaned_data["election"]
        if not can_import(request.user, kind):
            form.add_error("kind", _("You may not import these."))
            return self.render(status=403, form=form, columns=column_table())
        try:
            header, rows = importing.read_table(form.cleaned_data["file"])
        except importing.ImportRefused as refused:
            form.add_error("file", str(refused))
            return self.render(status=400, form=form, columns=column_table())
        preview = importing.preview(kind, election, header, rows)
        token = None
        if preview.can_import:
            token = secrets.token_urlsafe(16)
            cache.set(
                self.cache_key(token),
                {
                    "kind": kind,
                    "election": election.pk,
                    "header": header,
                    "rows": rows,
                    "filename": form.cleaned_data["file"].name,
                },
                PREVIEW_SECONDS,
            )
        return self.render(
            status=200 if preview.can_import else 400,
            preview=preview,
            token=token,
            filename=form.cleaned_data["file"].name,
        )

    def cache_key(self, token):
        # The user is part of the key: nobody else can confirm someone's upload.
        return f"elections:import:{self.request.user.pk}:{token}"

    def confirm(self, request, token):
        stored = cache.get(self.cache_key(token)) if token else None
        if stored is None:
            messages.error(request, _("That preview has expired. Upload the file again."))
            return redirect("election_import:index")
        election = Election.objects.filter(pk=stored["election"]).first()
        if election is None or not can_import(request.user, stored["kind"]):
            messages.error(request, _("That preview can no longer be imported."))
            return redirect("election_import:index")
        result = importing.apply(stored["kind"], election, stored["header"], stored["rows"], user=request.user)
        if not result.can_import:  # the data changed since the preview
            return self.render(status=409, preview=result, token=None, filename=stored["filename"], changed=True)
        cache.delete(self.cache_key(token))
        counts = result.counts
        log(
            instance=election,
            action="elections.import",
            user=request.user,
            data={"kind": stored["kind"], "file": stored["filename"], **counts},
        )
        messages.success(request, _("Imported: %(create)s new, %(update)s updated, %(unchanged)s unchanged.") % counts)
        if stored["kind"] == "statements":
            for warning in check_messages(election):
                messages.warning(request, warning)
        return redirect("election_import:index")


class ImportTemplateView(ElectionsAdminView):
    """The current data of one election as the importer reads it: edit it and upload it again."""

    def get(self, request):
        form = ImportForm(request.GET)
        form.fields["file"].required = False
        if not form.is_valid():
            return redirect("election_import:index")
        kind, election = form.cleaned_data["kind"], form.cleaned_data["election"]
        data = comparison.load(election, election.locale, with_statements=kind == "statements")
        header = [column.name for column in importing.COLUMNS[kind]]
        rows = position_template_rows(data) if kind == "positions" else statement_template_rows(data)
        return stream_csv(f"{slugify(election.name)[:60]}-{kind}.csv", header, rows)


def position_template_rows(data):
    for theme in data.themes:
        for party in data.parties:
            position = data.position(party, theme)
            if position:
                yield [
                    party.abbreviation,
                    theme.slug,
                    position.stance,
                    position.summary,
                    position.quote,
                    position.quote_language,
                    position.quote_translation if position.quote_translation != position.quote else "",
                    position.page_number or "",
                    position.source_url,
                    position.assessment,
                    "",
                    "",
                ]


def statement_template_rows(data):
    for statement in data.statements:
        for party in data.parties:
            answer = statement.answer_by_party.get(party.source_pk)
            if answer:
                yield [
                    statement.code,
                    statement.shown_theme.slug,
                    statement.text,
                    statement.explanation,
                    party.abbreviation,
                    answer.answer,
                    answer.explanation,
                ]


def election_checks(election):
    """The guide checks of one election, with parties and statements by name."""
    data = comparison.load(election, election.locale, with_statements=True)
    found = guide_checks.check(comparison.guide_input(data))
    names = {party.key: party.name for party in data.parties}
    texts = {statement.code: statement for statement in data.statements}
    labels = dict(Answer.choices)
    return {
        "election": election,
        "statements": len(data.statements),
        "indistinguishable": [(names[first], names[second]) for first, second in found["indistinguishable"]],
        "unanimous": [(texts[code], labels[answer]) for code, answer in found["unanimous"]],
        "missing": [(texts[code], [names[key] for key in parties]) for code, parties in found["missing"]],
    }


def check_messages(election):
    checks = election_checks(election)
    warnings = [
        _("The guide cannot tell %(first)s and %(second)s apart: they gave the same answer on every statement.")
        % {"first": first, "second": second}
        for first, second in checks["indistinguishable"]
    ]
    warnings += [
        _("Every party gave the same answer to statement %(code)s: it brings no party closer.")
        % {"code": statement.code}
        for statement, _answer in checks["unanimous"]
    ]
    return warnings


class GuideChecksView(ElectionsAdminView):
    template_name = "elections/admin/guide_checks.html"
    page_title = gettext_lazy("Voting guide checks")
    header_icon = "warning"
    any_permission_required = CHECK_PERMISSIONS

    def get(self, request):
        elections = Election.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        return self.render(reports=[election_checks(election) for election in elections])
