from django.urls import path

from . import views

app_name = "elections"

urlpatterns = [
    path("guide/<int:page_id>/result/", views.guide_result, name="guide_result"),
]
