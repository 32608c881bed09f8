"""The readers' file cache: each whole download built once per version of the record, then served as a file.

A streamed download is too large for the page cache (a whole export weighs 30 MB at 100,000
events and 320 MB at a million) and costs seconds to minutes to build row by row. So, as its
first reader receives it, it is also written to a file, and later readers of the same version
get that file, which the server sends at the disk's speed (``wsgi.file_wrapper``: sendfile).

- Only whole files are kept: an address without a query string. There are as many filtered
  downloads as filters' values, each smaller and quicker to build; the whole ones are a few
  per address of /data/, so the folder's size is bounded by the record's.
- Only what the page cache would store is kept (``page_cache.is_public``: an anonymous reader,
  no cookie set, no private response), under the record's version: a publish, a correction or
  a withdrawal makes a new version, and the next reader builds a new file.
- A file is kept once its download came whole. A reader who breaks off, a server error
  mid-stream or a full disk leave nothing behind but a log line.
- Each version has its own folder; keeping the first file of a version removes the folders of
  the versions before it (a worker still sending an old file keeps reading it: POSIX unlinks).

The folder is ``settings.FILE_CACHE_DIR``. Workers on one machine share it; machines that do
not share it each build their own copy, which costs time but never serves a wrong file.
"""

import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.cache import has_vary_header

logger = logging.getLogger(__name__)

# Headers of the built response that belong to its body; the page cache stamps the validators for each
# reader, and the middleware outside it adds the rest (language, security) to every response.
KEPT_HEADERS = ("content-type", "content-disposition")


def whole_file_path(request, version, language):
    """Where the download at this address is kept, or None for a filtered one (an address with a query string)."""
    if request.META.get("QUERY_STRING"):
        return None
    # Absolute addresses in a file (an entry's URL) depend on the scheme and the host.
    address = "\n".join([request.scheme, request.get_host(), request.path, language])
    return Path(settings.FILE_CACHE_DIR) / version.token / hashlib.sha256(address.encode()).hexdigest()


def can_keep(response):
    """A streamed body, the same for every Accept header (the page key holds it, the file's path does not)."""
    return response.streaming and not response.is_async and not has_vary_header(response, "Accept")


def kept_file(path, method):
    """The response kept at path, or None. The file holds one line of JSON (status and headers), then the body.

    A HEAD gets the headers and the body's length, without the body.
    """
    try:
        body = open(path, "rb")  # noqa: SIM115 - FileResponse closes it once sent
    except FileNotFoundError:
        return None
    except OSError:
        logger.warning("Cannot read the file cache at %s: built afresh", path, exc_info=True)
        return None
    try:
        status, headers = json.loads(body.readline())
        if method == "HEAD":
            length = os.fstat(body.fileno()).st_size - body.tell()
            body.close()
            response = HttpResponse(status=status)
            response["Content-Length"] = length
        else:
            response = FileResponse(body, status=status)
            del response["Content-Disposition"]  # FileResponse's own, named after the kept file
    except (OSError, ValueError):
        body.close()
        logger.warning("Unreadable kept file %s: built afresh", path, exc_info=True)
        return None
    for name, value in headers:
        response[name] = value
    return response


def keep_while_sending(response, path):
    """Write the response's body to path as it is sent; the file counts only once the body came whole."""
    headers = [(name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS]
    response.streaming_content = _written(response.streaming_content, path, [response.status_code, headers])


def _written(chunks, path, head):
    part = _start(path, head)
    complete = False
    try:
        for chunk in chunks:
            if part is not None:
                part = _append(part, chunk)
            yield chunk
        complete = True
    finally:
        if part is not None:
            _finish(part, path, complete)


def _start(path, head):
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".part", delete=False)  # noqa: SIM115
        part.write(json.dumps(head).encode() + b"\n")
        return part
    except OSError:
        logger.warning("Cannot keep %s: the download is sent without it", path, exc_info=True)
        return None


def _append(part, chunk):
    try:
        part.write(chunk)
        return part
    except OSError:
        logger.warning("Stopped keeping %s (disk full?)", part.name, exc_info=True)
        _discard(part)
        return None


def _finish(part, path, complete):
    if not complete:
        _discard(part)
        return
    try:
        part.close()
        os.replace(part.name, path)
    except OSError:
        # The folder was removed meanwhile: a newer version's first file was kept.
        logger.info("Not keeping %s: its version is gone", path)
        _discard(part)
        return
    remove_other_versions(path.parent)


def _discard(part):
    part.close()
    Path(part.name).unlink(missing_ok=True)


def remove_other_versions(folder):
    for other in folder.parent.iterdir():
        if other != folder and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
