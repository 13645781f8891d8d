"""Ingest from the browser: upload a file, choose its format and options as `vigil ingest`
takes them, and follow the job until the source is in (or the error, with file and line).

The upload is read as it arrives and refused once it passes the size limit, saved to a
temporary folder of its own, and ingested from there by a job (vigil.web.jobs) that any process
of the server may take.
Every route needs the editor role; the audit log names the account (`web:NAME`).
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from vigil.errors import NotFound
from vigil.readers import READERS, ReaderOptions, get_reader
from vigil.readers.table import parse_mapping
from vigil.web import auth, i18n, models, views
from vigil.web.auth import EDITOR, REFUSED, UPLOADER, Caller
from vigil.web.editing import Editor, editor
from vigil.web.jobs import Job, new_folder
from vigil.web.pages import render

router = APIRouter()
api = APIRouter(prefix="/api", tags=["ingest"], responses=REFUSED)

MB = 1024 * 1024
DEFAULT_LIMIT = 200 * MB
FORM_SLACK = 64 * 1024  # room for the other fields and the multipart framing
WARNINGS_SHOWN = 1000
CHUNK = MB
Ingester = Annotated[Caller, Depends(EDITOR)]
Uploader = Annotated[Caller, Depends(UPLOADER)]  # checks the form's token in `accept`


class Refused(Exception):
    """An upload turned away: an interface string key, its values and the HTTP status."""

    def __init__(self, status: int, key: str, **values: Any) -> None:
        self.status, self.key, self.values = status, key, values
        super().__init__(i18n.Translator("en")(key, **values))


def megabytes(size: int) -> str:
    return f"{size / MB:g}"


def formats() -> list[str]:
    get_reader("table")  # loads every reader, each registering its name
    return sorted(READERS)


def _limited(request: Request, limit: int) -> AsyncIterator[bytes]:
    """The request body, refused as soon as it is longer than any allowed upload can be."""

    async def stream() -> AsyncIterator[bytes]:
        seen = 0
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > limit + FORM_SLACK:
                raise Refused(413, "ingest.refused.size", limit=megabytes(limit))
            yield chunk

    return stream()


async def _form(request: Request, limit: int) -> FormData:
    kind = request.headers.get("content-type", "")
    if not kind.startswith("multipart/form-data"):
        raise Refused(415, "ingest.refused.form")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + FORM_SLACK:
        raise Refused(413, "ingest.refused.size", limit=megabytes(limit))
    try:
        parser = MultiPartParser(request.headers, _limited(request, limit), max_files=1,
                                 max_fields=10)  # fmt: skip
        return await parser.parse()
    except MultiPartException as exc:
        raise Refused(400, "ingest.refused.bad", reason=exc.message) from None


def _filename(upload: UploadFile) -> str:
    """The uploaded file's own name (some browsers send a whole Windows path)."""
    name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name if name not in ("", ".", "..") else "upload"


def _save(upload: UploadFile, limit: int, folder: Path) -> Path:
    """Copy the upload into its job's new folder, refusing it past `limit` bytes."""
    path = folder / _filename(upload)
    size = 0
    try:
        with path.open("wb") as out:
            while chunk := upload.file.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise Refused(413, "ingest.refused.size", limit=megabytes(limit))
                out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return path


def _text(form: FormData, key: str) -> str | None:
    value = form.get(key)
    return value.strip() or None if isinstance(value, str) else None


async def accept(request: Request, ed: Editor, caller: Caller) -> Job:
    """Check the upload and its options as `vigil ingest` would, save it, start its job.
    A form sent with the session cookie carries the session's token (`csrf`), checked first."""
    form = await _form(request, ed.upload_limit)
    try:
        auth.pending_token(request, form.get(auth.CSRF_FIELD))
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise Refused(400, "ingest.refused.nofile")
        fmt = _text(form, "format")
        if fmt is not None and fmt not in formats():
            raise Refused(400, "ingest.refused.format", name=fmt, known=", ".join(formats()))
        mapping, id_column = _text(form, "map"), _text(form, "id_column")
        try:
            options = ReaderOptions(parse_mapping(mapping) if mapping else {}, id_column)
        except ValueError as exc:
            raise Refused(400, "ingest.refused.map", reason=str(exc)) from None
        job_id, folder = new_folder()
        path = await run_in_threadpool(_save, upload, ed.upload_limit, folder)
    finally:
        await form.close()
    return ed.jobs.submit(job_id, path, fmt, options, caller.actor)


def job_view(job: Job, shown: int = WARNINGS_SHOWN) -> dict[str, Any]:
    """A job for the page and the API alike, with at most `shown` warnings listed."""
    res = job.result
    warnings = job.warning_lines()
    return {
        "id": job.id,
        "url": f"/ingest/jobs/{job.id}",
        "filename": job.filename,
        "format": job.format,
        "size": job.size,
        "started": job.started,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "source": res.source_id if res else None,
        "source_url": views.source_url(res.source_id) if res else None,
        "created": res.created if res else None,
        **{k: getattr(res, k) if res else None for k in ("records", "events", "claims", "quotes")},
        "warnings_total": job.warnings_total,
        "warnings": [
            {"line": line, "text": text, "message": job.message(line, text)}
            for line, text in warnings[:shown]
        ],
        "error": job.error,
        "error_line": job.error_line,
        "error_reason": job.error_reason,
    }


def _job(ed: Editor, job_id: str) -> Job:
    job = ed.jobs.get(job_id)
    if job is None:
        raise NotFound(f"no ingest job {job_id}")
    return job


def _form_page(
    request: Request,
    ed: Editor,
    caller: Caller,
    refused: Refused | None = None,
    status: int = 200,
) -> HTMLResponse:
    ctx = {
        "csrf": caller.csrf,
        "formats": formats(),
        "limit": megabytes(ed.upload_limit),
        "refused": refused,
        "jobs": [job_view(j, 0) for j in ed.jobs.recent()],
    }
    return render(request, "ingest.html", ctx, status)


@router.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
def ingest_page(
    request: Request, caller: Ingester, ed: Annotated[Editor, Depends(editor)]
) -> HTMLResponse:
    return _form_page(request, ed, caller)


@router.post("/ingest", include_in_schema=False)
async def ingest_form(
    request: Request, caller: Uploader, ed: Annotated[Editor, Depends(editor)]
) -> Response:
    try:
        job = await accept(request, ed, caller)
    except Refused as exc:
        return _form_page(request, ed, caller, exc, exc.status)
    return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)


@router.get("/ingest/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
def job_page(
    request: Request, job_id: str, caller: Ingester, ed: Annotated[Editor, Depends(editor)]
) -> HTMLResponse:
    return render(request, "ingest_job.html", {"j": job_view(_job(ed, job_id))})


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "format": {"type": "string", "description": "reader; detected if empty"},
                        "map": {"type": "string", "description": "table: field=Column,..."},
                        "id_column": {"type": "string", "description": "table: locator column"},
                    },
                }
            }
        },
    }
}


@api.post(
    "/ingest",
    status_code=202,
    response_model=models.IngestJob,
    openapi_extra=UPLOAD_BODY,
    responses={413: {"description": "larger than the server's upload limit"}},
)
async def ingest_api(
    request: Request, caller: Uploader, ed: Annotated[Editor, Depends(editor)]
) -> Any:
    """Upload a source file to ingest in the background, with `vigil ingest`'s options;
    follow it at /api/ingest/jobs/{id}."""
    try:
        job = await accept(request, ed, caller)
    except Refused as exc:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)
    return job_view(job)


@api.get("/ingest/jobs/{job_id}", response_model=models.IngestJob, responses={404: {}})
def job_api(
    job_id: str, caller: Ingester, ed: Annotated[Editor, Depends(editor)]
) -> dict[str, Any]:
    """An ingest job: its progress, then the source it made (with counts and warnings, each
    with its line) or the error, with file, line and reason."""
    return job_view(_job(ed, job_id))
