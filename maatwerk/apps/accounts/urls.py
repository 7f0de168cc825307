from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.tweede_factor, name="tweede_factor"),
    path("instellen/", views.instellen, name="tweede_factor_instellen"),
]
