"""The voting guide's result without JavaScript.

The answers are political opinions. This view reads them from the POST body, ranks the parties
and renders the result: it writes nothing to the database, starts no session, logs nothing of the
body (error reports hide every POST value) and lets no cache keep a copy.

No CSRF token: the guide page comes from the page cache, so it cannot carry a per-visitor token.
None is needed: this view changes no state and reads no cookies, so a forged post could only show
its own sender a result.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import comparison
from .models import ElectionComparisonPage


@csrf_exempt
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def guide_result(request, page_id):
    if page_id >= 2**63:  # the URL takes any digits; the database's ids stop here
        raise Http404("No such page")
    page = get_object_or_404(ElectionComparisonPage.objects.live().public().select_related("election"), pk=page_id)
    if request.method == "GET":
        # A reload of the result or a shared link: it carries no answers, so back to the guide (in this language).
        return redirect(page.localized.guide_url())
    data = comparison.load(page.election, page.locale, with_statements=True)
    answers, important, dealbreakers = comparison.read_answers(request.POST, data)
    return render(
        request,
        "elections/guide_result.html",
        {
            "page": page,
            "data": data,
            "answered": len(answers),
            "results": comparison.guide_result(data, answers, important, dealbreakers),
        },
    )
