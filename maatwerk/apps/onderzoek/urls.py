from django.urls import path

from . import views

app_name = "onderzoek"
urlpatterns = [
    path("<int:zaak_pk>/", views.onderzoek, name="onderzoek"),
    path("<int:zaak_pk>/indicatie/", views.indicatie, name="indicatie"),
    path("<int:zaak_pk>/concept/", views.concept, name="concept"),
    path("<int:zaak_pk>/concept/weggooien/", views.concept_weggooien, name="concept_weggooien"),
    path("<int:zaak_pk>/reactie/", views.reactie, name="reactie"),
    path("<int:zaak_pk>/verslag/", views.verslag, name="verslag"),
    path("<int:zaak_pk>/tweede-mening/", views.tweede_mening, name="tweede_mening"),
]
