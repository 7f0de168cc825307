from django.urls import path

from . import views

app_name = "bemiddeling"
urlpatterns = [path("zaak/<int:pk>/", views.zaak, name="zaak")]
