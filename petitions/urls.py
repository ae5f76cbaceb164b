from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("<str:petition_key>/sign/", views.sign, name="sign"),
    path("<str:petition_key>/thanks/", views.thanks, name="thanks"),
    path("<str:petition_key>/municipalities/", views.tracker_table, name="tracker"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
]
