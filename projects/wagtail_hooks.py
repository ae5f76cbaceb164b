from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Funder, PartnerOrganisation, ReturnProgrammePage


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "country", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "tag"
    menu_label = _("Funders")
    list_display = ["name", "website", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["name"]


class ProjectSnippets(SnippetViewSetGroup):
    items = (PartnerOrganisationViewSet, FunderViewSet)
    menu_icon = "globe"
    menu_label = _("Projects")
    menu_name = "projects"
    menu_order = 300


register_snippet(ProjectSnippets)


class OverdueReviewsView(PageReportView):
    """Return programmes whose safety information is past its review date."""

    page_title = _("Return programmes due for review")
    header_icon = "warning"
    index_url_name = "overdue_reviews"
    index_results_url_name = "overdue_reviews_results"
    results_template_name = "projects/admin/overdue_reviews_results.html"
    list_export = ["title", "next_review", "last_reviewed", "locale"]

    def get_queryset(self):
        return ReturnProgrammePage.objects.filter(next_review__lt=timezone.localdate()).order_by("next_review")


@hooks.register("register_admin_urls")
def register_overdue_reviews_url():
    return [
        path("reports/overdue-reviews/", OverdueReviewsView.as_view(), name="overdue_reviews"),
        path(
            "reports/overdue-reviews/results/",
            OverdueReviewsView.as_view(results_only=True),
            name="overdue_reviews_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_overdue_reviews_menu_item():
    return MenuItem(_("Reviews due"), reverse("overdue_reviews"), icon_name="warning", order=700)
