from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404

from web.jobs.models import Job


def job_for_user(user: AbstractBaseUser | AnonymousUser, job_id: int) -> Job:
    """The user's own job (an administrator sees every one); someone else's is not found."""
    jobs = Job.objects.defer("input_file", "result")
    if not getattr(user, "is_superuser", False):
        jobs = jobs.filter(created_by_id=user.pk)
    job = jobs.filter(pk=job_id).first()
    if job is None:
        raise Http404("没有这个任务")
    return job
