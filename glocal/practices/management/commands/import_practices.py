"""Load practices from a file; running it twice with the same file changes nothing."""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from glocal.audit.context import from_command
from glocal.lib.embeddings import get_encoder
from glocal.practices.engine import embed_practices
from glocal.practices.importing import ImportResult, import_practices
from glocal.practices.reading import IPSX_MARKERS, IPSX_SOURCE, ImportFormatError, read_rows

FORMATS = ("csv", "json", "xlsx", "ipsx")


def guess_format(path: Path) -> str:
    """The format from the extension; a CSV with the IPS-X columns is ``ipsx``."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "csv":
        with path.open("rb") as f:
            first_line = f.readline(65536).decode("utf-8-sig", errors="replace")
        header = set(next(csv.reader([first_line]), []))
        return "ipsx" if header >= IPSX_MARKERS else "csv"
    if suffix in FORMATS:
        return suffix
    raise ImportFormatError(
        _("cannot tell the format of '%(name)s'; use --format") % {"name": path.name}
    )


class Command(BaseCommand):
    help = _(
        "Create or update practices from a CSV, JSON, XLSX or JRC IPS-X file, all rows or none. "
        "The last line of output is JSON with the counts."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help=_("the file to import"))
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=FORMATS,
            help=_("default: from the file extension"),
        )
        parser.add_argument(
            "--source",
            help=_("the source name rows are matched by (default: JRC IPS-X, or the file name)"),
        )
        parser.add_argument(
            "--embed-later",
            action="store_true",
            help=_("leave embedding to the task worker instead of embedding before finishing"),
        )

    @from_command("import_practices")
    def handle(
        self, *args, path: Path, fmt: str | None, source: str | None, embed_later: bool, **options
    ) -> None:
        try:
            fmt = fmt or guess_format(path)
            rows = read_rows(path, fmt)
        except (OSError, ImportFormatError) as error:
            self.stderr.write(str(error))
            self._finish(ImportResult(), errors=1)
        source = source or (IPSX_SOURCE if fmt == "ipsx" else path.stem)
        stream = getattr(self.stderr, "_out", self.stderr)  # tqdm writes "\r", not lines
        with tqdm(total=len(rows), file=stream, unit=_("rows"), desc=path.name) as bar:
            result = import_practices(
                rows=rows, source_name=source, progress=bar.update, embed_later=embed_later
            )
        for error in result.errors:
            self.stderr.write(str(error))
        if not result.errors and not embed_later:
            self._embed(result.practice_ids, stream)
        self._finish(result, errors=len(result.errors))

    def _embed(self, practice_ids: list[int], stream) -> None:
        """Embed the written practices in batches now, so that the import ends searchable
        by meaning; the search index is updated once at the end."""
        if get_encoder() is None:
            self.stderr.write(_("The embedding model is not available; run `manage.py reindex`."))
            return
        with tqdm(total=len(practice_ids), file=stream, unit=_("practices"),
                  desc=_("embedding")) as bar:  # fmt: skip
            embed_practices(practice_ids, progress=bar.update)

    def _finish(self, result: ImportResult, *, errors: int) -> None:
        """Print the counts as the last line of output; fail if anything went wrong."""
        self.stdout.write(json.dumps({**result.counts(), "errors": errors}))
        if errors:
            message = ngettext(
                "%(count)d error; nothing was imported.",
                "%(count)d errors; nothing was imported.",
                errors,
            )
            raise CommandError(message % {"count": errors})
