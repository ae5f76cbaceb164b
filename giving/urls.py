from django.urls import path

from . import views

app_name = "giving"

urlpatterns = [
    path("<int:page_id>/give/", views.give, name="give"),
    path("thanks/<str:token>/", views.thanks, name="thanks"),
    path("cancelled/<str:token>/", views.cancelled, name="cancelled"),
    path("monthly/<str:token>/", views.make_monthly, name="make_monthly"),
    path("manage/", views.request_manage_link, name="request_manage_link"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("manage/<str:token>/statement-<int:year>.pdf", views.statement, name="statement"),
    path("demo-checkout/<str:token>/", views.demo_checkout, name="demo_checkout"),
    path("demo-portal/<str:token>/", views.demo_portal, name="demo_portal"),
]
