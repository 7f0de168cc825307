from django.urls import path

from . import views

app_name = "finance"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("begroting.svg", views.begroting_svg, name="begroting_svg"),
]
