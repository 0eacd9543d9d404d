"""Background work for practices, run by the django-tasks worker."""

from django_tasks import task

from .engine import embed_practices


@task()
def embed_practice(practice_id: int) -> int:
    """Compute and store the embedding of one practice after it was saved."""
    return embed_practices([practice_id])


@task()
def embed_practice_batch(practice_ids: list[int]) -> int:
    """Embed many practices (an import) in batches, then update the search index once."""
    return embed_practices(practice_ids)
