"""Language-prefixed routes (inside i18n_patterns): giving and the pages a donor returns to."""

from django.urls import path

from . import views

app_name = "donations"

urlpatterns = [
    path("<str:ad_key>/give/", views.give, name="give"),
    path("thanks/<str:token>/", views.thanks, name="thanks"),
    path("cancelled/<str:token>/", views.cancelled, name="cancelled"),
    path("demo-checkout/<str:token>/", views.demo_checkout, name="demo_checkout"),
]
