from django.urls import path

from refusjon.portal import appeals, letters, profile, views
from refusjon.portal import recoveries as recovery_views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("claim/new/", views.new_claim, name="new_claim"),
    path("profile/", profile.profile, name="profile"),
    path("eligibility/", profile.eligibility, name="eligibility"),
    path("scheme/<str:scheme>/", profile.scheme_guide, name="scheme_guide"),
    path("claim/<str:reference>/", views.claim_detail, name="claim"),
    path("claim/<str:reference>/lines/", views.add_line, name="add_line"),
    path(
        "claim/<str:reference>/lines/<int:number>/remove/",
        views.remove_line,
        name="remove_line",
    ),
    path("claim/<str:reference>/estimate/", views.estimate, name="estimate"),
    path("claim/<str:reference>/attachments/", views.attachments, name="attachments"),
    path("claim/<str:reference>/submit/", views.submit, name="submit"),
    path("claim/<str:reference>/receipt/", views.receipt, name="receipt"),
    path("claim/<str:reference>/receipt.pdf", letters.receipt_pdf, name="receipt_pdf"),
    path("claim/<str:reference>/letter/", letters.letter, name="letter"),
    path("claim/<str:reference>/letter.pdf", letters.letter_pdf, name="letter_pdf"),
    path("claim/<str:reference>/access/", views.access_log, name="access_log"),
    path("claim/<str:reference>/appeal/", appeals.appeal, name="appeal"),
    path("recoveries/", recovery_views.recovery_list, name="recoveries"),
    path("recovery/<str:reference>/", recovery_views.recovery_letter, name="recovery"),
    path(
        "recovery/<str:reference>/letter.pdf",
        recovery_views.recovery_letter_pdf,
        name="recovery_letter_pdf",
    ),
    path(
        "recovery/<str:reference>/appeal/", recovery_views.recovery_appeal, name="recovery_appeal"
    ),
]
