"""gunicorn for the Ménaka record in production, behind a TLS-terminating proxy.

    gunicorn -c deploy/gunicorn.conf.py

Any setting can be overridden on the command line (``--bind``, ``--workers``).
"""

import multiprocessing
import os

wsgi_app = "menaka_site.wsgi"

# The proxy runs on the same machine and is the only client: listen on loopback.
bind = ["127.0.0.1:8000"]

# Sync workers: a page is a few short queries and template rendering, bound by the
# CPU, so two workers per core keep the cores busy while one waits on the database.
# Each worker holds one persistent database connection (CONN_MAX_AGE), so
# PostgreSQL's max_connections must exceed the number of workers of every server.
# WEB_CONCURRENCY, gunicorn's usual variable, sets another number.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))

# A sync worker tells the arbiter it is alive only between requests, so the timeout bounds
# the longest answer: the whole-record files, which stream for minutes at a real conflict's
# size (ACLED's file of 1,000,000 events took 131 s on PostgreSQL, docs/benchmark.md; a
# 30-second timeout killed them mid-file). Pages answer in well under a second; a worker
# silent for five minutes is stuck, and is replaced.
timeout = 300
# On a restart or a deploy, requests under way get as long to finish.
graceful_timeout = 30
# The proxy keeps its connections to gunicorn open between requests.
keepalive = 5
# Replace each worker after a couple of thousand requests, staggered, so that a slow
# leak in any library never grows without bound.
max_requests = 2000
max_requests_jitter = 200

# The proxy writes the access log; gunicorn's errors and Django's log go to stderr,
# for the process manager (systemd's journal) to keep.
errorlog = "-"
loglevel = "info"
