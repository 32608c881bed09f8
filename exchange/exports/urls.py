from django.urls import path

from . import views

urlpatterns = [
    path("", views.data_index, name="data"),
    path("<str:name>", views.data_file, name="data-file"),
]
