from django.urls import path

from refusjon.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("claim/new/", views.new_claim, name="new_claim"),
    path("claim/<str:reference>/", views.claim_detail, name="claim"),
    path("claim/<str:reference>/lines/", views.add_line, name="add_line"),
    path(
        "claim/<str:reference>/lines/<int:number>/remove/",
        views.remove_line,
        name="remove_line",
    ),
    path("claim/<str:reference>/submit/", views.submit, name="submit"),
]
