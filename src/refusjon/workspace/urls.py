from django.urls import path

from refusjon.workspace import appeals, jobs, payouts, reports, schemes, views
from refusjon.workspace import recoveries as recovery_views

app_name = "workspace"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("take-next/", views.take_next, name="take_next"),
    path("claim/<str:reference>/", views.claim_page, name="claim"),
    path("claim/<str:reference>/take/", views.take, name="take"),
    path("claim/<str:reference>/assign/", views.assign, name="assign"),
    path("claim/<str:reference>/start-review/", views.start_review, name="start_review"),
    path("claim/<str:reference>/return/", views.return_claim, name="return"),
    path("claim/<str:reference>/decide/", views.decide, name="decide"),
    path(
        "claim/<str:reference>/line/<int:number>/override/",
        views.override_line,
        name="override_line",
    ),
    path(
        "claim/<str:reference>/line/<int:number>/clear-override/",
        views.clear_override,
        name="clear_override",
    ),
    path("claim/<str:reference>/approve/", views.approve, name="approve"),
    path("claim/<str:reference>/send-back/", views.send_back, name="send_back"),
    path("claim/<str:reference>/appeal/", appeals.handle_appeal, name="handle_appeal"),
    path("claim/<str:reference>/recover/", recovery_views.open_recovery, name="open_recovery"),
    path("recoveries/", recovery_views.open_debts, name="open_debts"),
    path("recovery/<str:reference>/", recovery_views.recovery, name="recovery"),
    path(
        "recovery/<str:reference>/appeal/",
        recovery_views.handle_appeal,
        name="recovery_appeal",
    ),
    path(
        "recovery/<str:reference>/repayment/",
        recovery_views.record_repayment,
        name="recovery_repayment",
    ),
    path(
        "recovery/<str:reference>/write-off/",
        recovery_views.write_off,
        name="recovery_write_off",
    ),
    path("payouts/", payouts.runs, name="payouts"),
    path("payouts/prepare/", payouts.prepare, name="payout_prepare"),
    path("payouts/bank-answer/", payouts.bank_answer, name="payout_answer"),
    path("payouts/run/<str:reference>/", payouts.run_page, name="payout_run"),
    path("payouts/run/<str:reference>/freeze/", payouts.freeze, name="payout_freeze"),
    path("payouts/run/<str:reference>/discard/", payouts.discard, name="payout_discard"),
    path("payouts/run/<str:reference>/bank-file/", payouts.bank_file, name="payout_bank_file"),
    path(
        "payouts/run/<str:reference>/payment/<str:end_to_end_id>/withdraw/",
        payouts.withdraw,
        name="payout_withdraw",
    ),
    path("jobs/", jobs.failed, name="jobs"),
    path("jobs/<str:job_id>/try-again/", jobs.try_again, name="job_try_again"),
    path("schemes/", schemes.schemes, name="schemes"),
    path("schemes/<str:scheme>/new/", schemes.new_version, name="scheme_new"),
    path("schemes/<str:scheme>/<int:number>/", schemes.version_page, name="scheme_version"),
    path(
        "schemes/<str:scheme>/<int:number>/file/",
        schemes.version_file,
        name="scheme_version_file",
    ),
    path("schemes/<str:scheme>/<int:number>/approve/", schemes.approve, name="scheme_approve"),
    path("schemes/<str:scheme>/<int:number>/discard/", schemes.discard, name="scheme_discard"),
    path("reports/", reports.dashboard, name="reports"),
    path("reports/payments.csv", reports.runs_csv, name="report_payments_csv"),
    path("reports/decisions.csv", reports.decisions_csv, name="report_decisions_csv"),
]
