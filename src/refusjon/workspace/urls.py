from django.urls import path

from refusjon.workspace import appeals, views

app_name = "workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("claim/<str:reference>/", views.claim_page, name="claim"),
    path("claim/<str:reference>/start-review/", views.start_review, name="start_review"),
    path("claim/<str:reference>/return/", views.return_claim, name="return"),
    path("claim/<str:reference>/decide/", views.decide, name="decide"),
    path(
        "claim/<str:reference>/line/<int:number>/override/",
        views.override_line,
        name="override_line",
    ),
    path("claim/<str:reference>/approve/", views.approve, name="approve"),
    path("claim/<str:reference>/send-back/", views.send_back, name="send_back"),
    path("claim/<str:reference>/appeal/", appeals.handle_appeal, name="handle_appeal"),
]
