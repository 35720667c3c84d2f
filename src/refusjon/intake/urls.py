from django.urls import path

from refusjon.intake import views

app_name = "intake"
urlpatterns = [
    path("claim/<str:reference>/documents/", views.upload, name="upload"),
    path("claim/<str:reference>/appeal/documents/", views.appeal_upload, name="appeal_upload"),
    path("documents/<int:pk>/", views.download, name="download"),
    path("documents/<int:pk>/inline/", views.inline, name="inline"),
    path("claim/<str:reference>/found/", views.found_lines, name="found_lines"),
    path("claim/<str:reference>/found/<int:pk>/add/", views.add_found, name="add_found"),
    path("claim/<str:reference>/documents/<int:pk>/name/", views.state_name, name="state_name"),
    path("documents/found/<int:pk>/page.png", views.highlight, name="highlight"),
]
