from django.urls import path

from refusjon.intake import views

app_name = "intake"
urlpatterns = [
    path("claim/<str:reference>/documents/", views.upload, name="upload"),
    path("documents/<int:pk>/", views.download, name="download"),
]
