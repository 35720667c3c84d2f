from django.urls import path

from refusjon.intake import views

app_name = "intake"
urlpatterns = [
    path("claim/<str:reference>/documents/", views.upload, name="upload"),
    path("claim/<str:reference>/appeal/documents/", views.appeal_upload, name="appeal_upload"),
    path("documents/<int:pk>/", views.download, name="download"),
    path("documents/<int:pk>/inline/", views.inline, name="inline"),
]
