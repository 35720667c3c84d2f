from django.urls import path

from refusjon.workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
]
