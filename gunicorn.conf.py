"""Gunicorn as production runs it (`make serve`); every value can be overridden by the env.

Two sync workers suit the 2-core machine; each worker pins BLAS/OpenMP to one thread so the
query encoder of one worker does not steal the other's core. gunicorn reads this file from
the working directory.
"""

import os

for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")

wsgi_app = "glocal.wsgi:application"
bind = os.environ.get("GLOCAL_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GLOCAL_WEB_WORKERS", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GLOCAL_WEB_TIMEOUT", "60"))
max_requests = int(os.environ.get("GLOCAL_WEB_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GLOCAL_ACCESS_LOG") or None
errorlog = "-"
