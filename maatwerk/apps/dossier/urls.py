from django.urls import path

from . import views

app_name = "dossier"
urlpatterns = [
    path("<int:pk>/contactmoment/", views.contactmoment, name="contactmoment"),
    path("<int:pk>/document/", views.document, name="document"),
    path("<int:pk>/document/<int:document_pk>/", views.document_openen, name="document_openen"),
]
