"""A job's page: its progress while it runs (htmx polls a fragment), then its file, summary or reason."""

from __future__ import annotations

import contextlib
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from web.jobs.models import Job
from web.jobs.registry import JobError
from web.jobs.selectors import job_for_user
from web.jobs.services import job_retry


@login_required
def job_page(request: HttpRequest, job_id: int) -> HttpResponse:
    job = job_for_user(request.user, job_id)
    return render(request, "jobs/job.html", {"job": job})


@login_required
def job_status(request: HttpRequest, job_id: int) -> HttpResponse:
    """The fragment htmx swaps in every second; a finished job's fragment stops the polling."""
    job = job_for_user(request.user, job_id)
    return render(request, "jobs/status.html", {"job": job})


@login_required
def job_file(request: HttpRequest, job_id: int) -> HttpResponse:
    job = job_for_user(request.user, job_id)
    content = Job.objects.filter(pk=job.pk).values_list("result", flat=True).first()
    if job.state != Job.State.DONE or content is None:
        raise Http404("这个任务没有可下载的文件")
    response = HttpResponse(bytes(content), content_type=job.result_type or "application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(job.result_name)}"
    return response


@login_required
@require_POST
def job_retry_view(request: HttpRequest, job_id: int) -> HttpResponse:
    job = job_for_user(request.user, job_id)
    # A second click finds it back in the queue already: the page then shows where it stands.
    with contextlib.suppress(JobError):
        job_retry(job=job)
    return redirect("job", job_id=job.pk)


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.defer("input_file", "result").filter(created_by_id=request.user.pk)[:50]
    return render(request, "jobs/list.html", {"jobs": jobs})
