from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from refusjon.web.accounts import PasswordChangeView

logout_view = auth_views.LogoutView.as_view()
if settings.REFUSJON_OIDC_ENABLED:
    from refusjon.web.oidc import RefusjonLogoutView

    # Signing out also ends the session at the provider, for those who signed in there.
    logout_view = RefusjonLogoutView.as_view()

urlpatterns = [
    path("", include("refusjon.portal.urls")),
    path("workspace/", include("refusjon.workspace.urls")),
    path("", include("refusjon.intake.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", logout_view, name="logout"),
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# An unreadable request (an upload whose file name the parser refuses, say) gets the site's
# own page in the reader's language, or goes back to its upload form with a message.
handler400 = "refusjon.web.errors.bad_request"

if settings.REFUSJON_OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
