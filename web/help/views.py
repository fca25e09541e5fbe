"""帮助: the user manual inside the site, for any signed-in user."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from web.help import selectors


@login_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "help/index.html", {"chapters": selectors.chapters()})


@login_required
def chapter(request: HttpRequest, chapter: str) -> HttpResponse:
    found = selectors.chapter_get(chapter)
    if found is None:
        raise Http404(gettext("手册中没有这一章：%(name)s") % {"name": chapter})
    return render(
        request,
        "help/chapter.html",
        {"chapter": found, "html": selectors.chapter_html(found), "chapters": selectors.chapters()},
    )


@login_required
def image(request: HttpRequest, name: str, chapter: str = "") -> FileResponse:
    if chapter and selectors.chapter_get(chapter) is None:
        raise Http404(gettext("手册中没有这一章：%(name)s") % {"name": chapter})
    path = selectors.image_path(name)
    if path is None:
        raise Http404(gettext("手册中没有这张图：%(name)s") % {"name": name})
    response = FileResponse(path.open("rb"), content_type=selectors.IMAGE_SUFFIXES[path.suffix.lower()])
    response["Cache-Control"] = "private, max-age=3600"
    return response
