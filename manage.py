#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "menaka_site.settings")
    # manage.py is the developer's tool, so it runs in debug unless told otherwise; the site
    # itself is served through wsgi.py or asgi.py, which never assume debug.
    os.environ.setdefault("DJANGO_DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
