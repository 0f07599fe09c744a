from django.urls import path

from . import post_views

app_name = "post"

urlpatterns = [
    path("", post_views.post, name="post"),
    path("samenstellen/", post_views.samenstellen, name="samenstellen"),
    path("batch/<int:pk>/", post_views.batch, name="batch"),
    path("batch/<int:pk>/bevestigen/", post_views.bevestigen, name="bevestigen"),
    path("batch/<int:pk>/<str:wat>.pdf", post_views.download, name="download"),
]
