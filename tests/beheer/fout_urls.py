"""URLs for the logging tests: the app's URLs plus one view that fails."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def kapot(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("opzettelijke fout voor de logtest")


urlpatterns = [path("kapot/", kapot), path("", include("maatwerk.web.urls"))]
