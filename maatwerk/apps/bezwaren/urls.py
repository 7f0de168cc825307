from django.urls import path

from . import views

app_name = "bezwaren"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("termijnen/", views.termijnen, name="termijnen"),
    path("<int:pk>/", views.bezwaar, name="bezwaar"),
    path("<int:pk>/<slug:naam>/", views.actie, name="actie"),
]
