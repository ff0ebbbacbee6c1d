"""The commands on drafts: list, show, import-json, export-json, export and check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from beslut.cli import publish, tracked
from beslut.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    load_draft_source,
    local_time,
    notices,
    open_store,
    read_draft_file,
)
from beslut.errors import BeslutError
from beslut.i18n import _
from beslut.settings import load_settings
from beslut.store import resolve_db_path

if TYPE_CHECKING:
    from beslut.workflow.exporting import Exported


def cmd_list(args: argparse.Namespace) -> int:
    """List drafts, optionally filtered by a search."""
    with open_store(args) as store:
        drafts = store.list_drafts(args.search, trash=args.trash)
    if args.json:
        import json

        print(json.dumps([d.as_json() for d in drafts], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not drafts:
        print(_("Inga utkast hittades.") if args.search else _("Det finns inga utkast."))
        return EXIT_OK
    for d in drafts:
        when = local_time(d.modified)
        print(f"{d.id:>5}  {when}  {d.status:<10}  {d.dnr:<16}  {d.namnd:<24}  {d.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """Print a draft as readable text."""
    from beslut.cli.show import render_text

    draft, _files = load_draft_source(args.id, args)
    print(render_text(draft))
    return EXIT_OK


def cmd_import_json(args: argparse.Namespace) -> int:
    """Import draft files: all or none, so a bad file never leaves half an import."""
    if args.replace is not None:
        from beslut.cli.versions import cmd_receive

        return cmd_receive(args)
    loaded, problems = [], []
    for name in args.files:
        try:
            loaded.append(read_draft_file(Path(name), resolve_db_path(args.db)))
        except BeslutError as exc:
            problems.append(exc.user_message)
    if problems:
        for message in problems:
            print(f"beslut: {message}", file=sys.stderr)
        print("beslut: " + _("inget utkast importerades."), file=sys.stderr)
        return EXIT_INPUT
    with open_store(args) as store:
        for draft_id in store.create_drafts(loaded):
            print(draft_id)
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    """Write a stored draft, bilaga files included, to a draft file."""
    from beslut.export.safe_write import write_bytes
    from beslut.model.jsonio import dumps

    draft, files = load_draft_source(args.id, args)
    text = dumps(draft, files)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_bytes(Path(args.output), text.encode("utf-8"))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export a draft to Word in the city template; optionally PDF/A and the bilagor.

    A stored draft's export is kept as a version of it, as the app does. A fel or a
    personnummer left in the text stops the export unless --force is given; a bilaga
    or the document in a folder replaces a file of its name only with --force (else it
    gets a numbered name). With --publish every personal-data finding but those named by
    --keep is masked in the copy written (cli/publish.py).
    """
    from beslut.workflow.checking import check_draft
    from beslut.workflow.exporting import export_draft, export_stored
    from beslut.workflow.gate import export_gate
    from beslut.workflow.publish import publish_draft, publish_stored

    publish.check_options(args)
    template = Path(args.template) if args.template else None
    target = Path(args.output)
    with open_store(args) as store:  # the draft, and the organisation's template and footer
        settings = load_settings(store)
        if args.id.isdigit():
            draft_id = int(args.id)
            draft = store.load_draft(draft_id)
            present = store.has_files(ref.sha256 for ref in draft.file_refs())
        else:
            draft_id, (draft, files) = None, load_draft_source(args.id, args, store)
            present = set(files)
        checked = check_draft(draft, settings, present)
        notices(checked.notices)
        masked, rest = publish.masked_and_rest(args, checked.report)
        gate = export_gate(rest)
        if gate.stops and not args.force:
            print("beslut: " + gate.refusal(), file=sys.stderr)
            return EXIT_INPUT
        if gate.stops:
            print("beslut: " + gate.reasons(), file=sys.stderr)
        from beslut.store.ownfiles import refuse_database_file

        for written in (target, target.with_suffix(".pdf")):  # a draft file's too
            refuse_database_file(written, store.path)
        options = {
            "pdf": args.pdf,
            "attachments": args.attachments,
            "template": template,
            "overwrite": args.force,
            "comments": args.comments,
        }
        since = tracked.changes_since(args, draft_id)
        if args.publish:
            del options["attachments"], options["comments"]
            kept = len(publish.personal_findings(checked.report)) - len(masked)
            if draft_id is not None:
                exported = publish_stored(
                    store, draft_id, target, settings, masked, draft=draft,
                    doctype=checked.doctype, **options,
                )  # fmt: skip
            else:
                exported = publish_draft(draft, files, target, settings, masked, **options)
            notices([publish.summary(masked, kept)])
        elif draft_id is not None:
            exported = export_stored(
                store, draft_id, target, settings, draft=draft, changes_since=since, **options
            )
        else:
            exported = export_draft(draft, files, target, settings, **options)
    notices([notice for notice in exported.notices if notice not in checked.notices])
    _accessibility(exported)
    for path in exported.written:
        print(path)
    return EXIT_OK


def _accessibility(exported: Exported) -> None:
    """The accessibility check of the documents written, on stderr (a .txt has none)."""
    from beslut.workflow.accessibility import documents, summary

    if documents(exported.written):
        for line in summary(exported.accessibility):
            print(f"beslut: {line}", file=sys.stderr)


SUGGESTIONS = 3  # for each unknown word: enough to choose from, each costs up to a second


def cmd_check(args: argparse.Namespace) -> int:
    """Run the granskning checks; exit code 1 when a finding of severity fel remains."""
    from beslut.checks.report import exit_code, format_json, format_text
    from beslut.workflow.checking import check_draft
    from beslut.workflow.spelling import spelling_check, word_lists

    with open_store(args) as store:  # the draft, and the user's Dnr pattern, rules, templates
        settings = load_settings(store)
        draft, files = load_draft_source(args.id, args, store)
        lists, list_notices = word_lists(store, settings)
    if args.personal:  # no spelling: only what a publication copy masks
        from beslut.workflow.publish import personal_findings

        checked = check_draft(draft, settings, set(files))
        notices(checked.notices)
        found = personal_findings(checked.report)
        sys.stdout.write(publish.personal_listing(found, draft, checked.doctype))
        return EXIT_OK
    spelling = spelling_check(lists, suggestions=SUGGESTIONS)
    checked = check_draft(draft, settings, set(files), spelling=spelling)
    notices((*list_notices, *checked.notices))
    findings = checked.report.findings
    if args.format == "json":
        sys.stdout.write(format_json(findings))
    else:
        sys.stdout.write(format_text(findings, draft, checked.doctype))
    return exit_code(findings)
