"""Admin views: machine translation that tells the editor when it fails, and the translation report."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.views.edit_translation import apply_machine_translation

from website.admin_views import StaffTemplateView

from . import status
from .machine import MachineTranslationFailed


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's view of the same URL, except that a failed request is reported, not a 500.

    The translator raises before anything is written, so the translation stays as it was.
    """
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    try:
        done = apply_machine_translation(translation_id, request.user, translator)
    except MachineTranslationFailed as error:
        messages.error(
            request,
            _("Machine translation failed: %(reason)s. Nothing was changed; try again later or translate by hand.")
            % {"reason": error},
        )
    else:
        if done:
            messages.success(
                request,
                _("Translated with %(tool)s. Check each segment: it stays marked until you save it.")
                % {"tool": translator.display_name},
            )
        else:
            messages.warning(request, _("There isn't anything left to translate."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class ReportView(StaffTemplateView):
    """What English is missing, out of date or machine-made and unchecked, each row linking to its editor."""

    template_name = "translation/report.html"
    page_title = gettext_lazy("English behind Dutch")
    header_icon = "wagtail-localize-language"
    permission_required = "wagtail_localize.submit_translation"

    def get(self, request):
        state = request.GET.get("state", "")
        if state and state not in status.STATES:
            error = _("Unknown filter “%(state)s”: choose one of the filters below.") % {"state": state[:40]}
            return self.render(status=400, error=error, states=status.STATES, state="")
        rows = status.report_rows(request.user, state or None)
        return self.render(rows=rows, states=status.STATES, state=state)
