from django.urls import path

from . import views

app_name = "schouw"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("resultaten/", views.resultaten, name="resultaten"),
    path("<int:pk>/", views.schouw, name="schouw"),
]
