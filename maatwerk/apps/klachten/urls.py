from django.urls import path

from . import views

app_name = "klachten"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.klacht, name="klacht"),
    path("<int:pk>/<slug:naam>/", views.actie, name="actie"),
]
