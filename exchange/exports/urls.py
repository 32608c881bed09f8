from django.urls import path

from . import views

# The page that lists the files, in the reader's language (under /fr/ too).
urlpatterns = [path("", views.data_index, name="data")]
# The files themselves: one address each, whatever the reader's language.
file_urlpatterns = [path("<str:name>", views.data_file, name="data-file")]
