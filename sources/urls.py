from django.urls import path

from . import views

urlpatterns = [
    # Routes for sources and claims, and their public history logs, go here.
]
