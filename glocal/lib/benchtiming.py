"""For benchmarks only: an answer says how long its search query took to embed.

Installed by ``GLOCAL_BENCH_TIMING=1`` (``bench_serve`` sets it; production never does): a
request whose answer embedded a query carries ``X-Glocal-Embed-Ms``, the encoder's time inside
the serving worker, which the benchmark sets beside the standalone encoder's.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from glocal.lib.embeddings import query_embedding_ms

HEADER = "X-Glocal-Embed-Ms"


def embedding_time_header(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        reset = query_embedding_ms.set(None)
        try:
            response = get_response(request)
            if (spent := query_embedding_ms.get()) is not None:
                response[HEADER] = f"{spent:.2f}"
            return response
        finally:
            query_embedding_ms.reset(reset)

    return middleware
