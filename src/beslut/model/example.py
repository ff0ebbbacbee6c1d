"""The example draft a new database starts with: a realistic beslutsärende of our own.

Dates are relative to the day the database is created, so the example always looks
current: the TU is dated that day and goes to the nämnd about a month later.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from beslut.model.draft import (
    Attachment,
    Block,
    BlockKind,
    Draft,
    FileRef,
    Metadata,
    Person,
    Run,
    Section,
    Signatory,
)

_P = BlockKind.PARAGRAPH


def _section(key: str, heading: str, *blocks: Block) -> Section:
    return Section(key, heading, blocks)


def _p(text: str) -> Block:
    return Block.plain(_P, text)


def _bullet(text: str) -> Block:
    return Block.plain(BlockKind.BULLET, text)


def example_draft(today: dt.date) -> tuple[Draft, dict[str, bytes]]:
    """The example TU dated ``today`` and its bilaga files (sha256 -> bytes)."""
    meeting = today + dt.timedelta(days=35)
    year = meeting.year + 1
    files = {
        "kostnad": _pdf(
            f"Kostnadsberäkning för avgiftsfri simskola {year}",
            [
                "Simlärare, 480 timmar: 720 000 kr",
                "Bassängtid, 320 timmar: 384 000 kr",
                "Material och kommunikation: 96 000 kr",
                "Summa: 1 200 000 kr",
            ],
        ),
        "schema": _pdf(
            f"Schema för simskolan, vårterminen {year}",
            [
                "Eriksdalsbadet: måndag och onsdag efter skoltid",
                "Husbybadet: tisdag och torsdag efter skoltid",
                "Farsta simhall: fredag efter skoltid",
            ],
        ),
    }
    refs = {
        key: FileRef(name, len(files[key]), hashlib.sha256(files[key]).hexdigest())
        for key, name in (
            ("kostnad", f"Kostnadsberäkning simskola {year}.pdf"),
            ("schema", f"Schema simskola vt {year}.pdf"),
        )
    }
    draft = Draft(
        meta=Metadata(
            title=f"Avgiftsfri simskola för barn i årskurs 1–3 från {year}",
            subtitle="Svar på uppdrag i nämndens verksamhetsplan",
            doctype="beslutsarende",
            namnd="Idrottsnämnden",
            meeting_date=meeting,
            dnr=f"IDN {today.year}/{today.toordinal() % 900 + 100}",
            date=today,
            forvaltning="Idrottsförvaltningen",
            avdelning="Avdelningen för anläggning och evenemang",
            handlaggare=Person("Sara Lindqvist", "08-508 123 45", "sara.lindqvist@example.se"),
        ),
        decisions=(
            f"Idrottsnämnden inför avgiftsfri simskola för barn i årskurs 1–3 från och med "
            f"den 1 februari {year}.",
            f"Idrottsnämnden avsätter 1,2 miljoner kronor ur nämndens budget för {year} "
            "till simskolan.",
            "Beslutet justeras omedelbart.",
        ),
        sections=(
            _section(
                "sammanfattning",
                "Sammanfattning",
                _p(
                    "Var fjärde elev i årskurs 6 i staden klarar inte skolans krav på "
                    "simkunnighet. Förvaltningen föreslår därför att nämnden erbjuder "
                    "avgiftsfri simskola till alla barn i årskurs 1–3."
                ),
                _p(
                    f"Simskolan startar den 1 februari {year} i tre simhallar. Den kostar "
                    "1,2 miljoner kronor per år och ryms inom nämndens budget."
                ),
            ),
            _section(
                "beredning",
                "Ärendets beredning",
                _p(
                    "Ärendet har beretts av avdelningen för anläggning och evenemang i "
                    "samråd med utbildningsförvaltningen. Simföreningarna i staden har "
                    "fått lämna synpunkter på upplägget."
                ),
            ),
            _section(
                "bakgrund",
                "Bakgrund",
                _p(
                    "Enligt läroplanen ska alla elever kunna simma 200 meter, varav 50 "
                    "meter på rygg, när de slutar årskurs 6. Stadens uppföljning visar att "
                    "24 procent av eleverna inte når målet."
                ),
                _p(
                    "I verksamhetsplanen för i år fick förvaltningen i uppdrag att ta fram "
                    "ett förslag som ökar simkunnigheten bland yngre barn."
                ),
            ),
            _section(
                "arendet",
                "Ärendet",
                _p(
                    "Förvaltningen föreslår en simskola med tio lektioner per termin. "
                    "Lektionerna hålls efter skoltid i Eriksdalsbadet, Husbybadet och "
                    "Farsta simhall."
                ),
                Block(
                    BlockKind.HEADING,
                    (Run("Vem simskolan är till för"),),
                ),
                _p("Simskolan vänder sig till barn som"),
                _bullet("går i årskurs 1–3 i en skola i staden,"),
                _bullet("inte redan kan simma 25 meter,"),
                _bullet("inte deltar i en förenings simskola samma termin."),
                Block(
                    BlockKind.PARAGRAPH,
                    (
                        Run("Anmälan görs av vårdnadshavare i stadens e-tjänst. "),
                        Run("Ingen avgift tas ut", bold=True),
                        Run(", och barnen får låna simglasögon på plats."),
                    ),
                ),
            ),
            _section(
                "synpunkter",
                "Förvaltningens synpunkter",
                _p(
                    "Förvaltningen bedömer att en avgiftsfri simskola når de barn som "
                    "annars inte lär sig simma. Avgiften är i dag det vanligaste skälet "
                    "till att familjer avstår."
                ),
                _p(
                    "Kostnaden ryms inom nämndens budget eftersom bassängtiden redan är "
                    "bokad för skolsimning under förmiddagarna. Förvaltningen följer upp "
                    "resultatet efter första året."
                ),
            ),
        ),
        attachments=(
            Attachment(f"Kostnadsberäkning för avgiftsfri simskola {year}", refs["kostnad"]),
            Attachment(f"Schema för simskolan, vårterminen {year}", refs["schema"]),
        ),
        signatories=(
            Signatory("Anders Holm", "Förvaltningschef"),
            Signatory("Maria Berg", "Avdelningschef"),
        ),
    )
    return draft, {refs[key].sha256: data for key, data in files.items()}


def _pdf(title: str, lines: list[str]) -> bytes:
    """A small valid one-page PDF with a title and some lines (Helvetica, Latin-1)."""

    def text(s: str) -> str:
        raw = s.replace("–", "-").encode("latin-1", "replace")
        out = []
        for byte in raw:
            ch = chr(byte)
            out.append(f"\\{byte:03o}" if byte > 126 or ch in "()\\" else ch)
        return "".join(out)

    content_lines = ["BT", "/F1 16 Tf", "72 770 Td", f"({text(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        content_lines += ["0 -24 Td", f"({text(line)}) Tj"]
    content_lines.append("ET")
    stream = "\n".join(content_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
