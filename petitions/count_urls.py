"""Routes outside the language prefix: one count.json and one data.json URL per petition, so one cache entry."""

from django.urls import path

from . import views

urlpatterns = [
    path("<str:petition_key>/count.json", views.count_json, name="petition_count"),
    path("<str:petition_key>/data.json", views.open_data_json, name="petition_open_data"),
]
