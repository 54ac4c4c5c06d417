"""A .docx's zip archive opened within limits, before python-docx sees it.

python-docx unpacks every member whole in memory (a 1 MB .docx unpacked to 1 GB took 2.1 GB)
and builds the whole XML tree (66 KB of 3.5 million empty paragraphs ran for minutes). Here
the archive is rebuilt for it: each XML member is unpacked a piece at a time with a running
count (its declared size is not trusted), all together at most MAX_XML_BYTES; its elements
are counted as they are parsed, without keeping them, and the file refused past
MAX_XML_ELEMENTS elements, MAX_PARAGRAPHS paragraphs, MAX_RUNS runs (300,000 one-letter runs
took python-docx 32 s), MAX_CELLS cells, MAX_COLUMNS cells a row or MAX_ROWS table rows; pictures, fonts
and other members are left out (python-docx gets them empty: the importer reads only text).

XML is parsed as python-docx parses it: no DTD loaded, no network, entities not expanded. A
DTD-declared entity in the text (Word never writes one) is replaced by its declared text when
that is plain text, else by nothing, and the document gets a '# KIỂM TRA:' line: python-docx
kept neither the entity nor the text after it in the same run."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .blocks import ImportFailure
from .limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_MEMBERS,
    MAX_PARAGRAPHS,
    MAX_ROWS,
    MAX_RUNS,
    MAX_XML_BYTES,
    MAX_XML_ELEMENTS,
    count,
    mb,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _refuse(file: str, what: str) -> ImportFailure:
    return ImportFailure(file, f"tệp Word quá lớn khi giải nén ({what}): tách văn bản / Word file too large")


def _unpack(zf: zipfile.ZipFile, info: zipfile.ZipInfo, room: int, file: str) -> bytes:
    if info.file_size > room:
        raise _refuse(
            file,
            f"phần '{info.filename[:60]}' khai {count(info.file_size)} byte; tối đa "
            f"{mb(MAX_XML_BYTES)} chữ XML cả tệp",
        )
    chunks, size = [], 0
    with zf.open(info) as member:
        while chunk := member.read(1 << 20):
            size += len(chunk)
            if size > room:
                raise _refuse(file, f"tối đa {mb(MAX_XML_BYTES)} chữ XML cả tệp")
            chunks.append(chunk)
    return b"".join(chunks)


class _Counts:
    def __init__(self, file: str):
        self.file, self.elements, self.paragraphs, self.rows, self.runs = file, 0, 0, 0, 0
        self.cells, self.in_row = 0, 0

    def add(self, tag: str) -> None:
        self.elements += 1
        if tag == W + "r":
            self.runs += 1
            if self.runs > MAX_RUNS:
                raise _refuse(self.file, f"hơn {count(MAX_RUNS)} đoạn chữ (run)")
        elif tag == W + "p":
            self.paragraphs += 1
        elif tag == W + "tc":
            self.cells, self.in_row = self.cells + 1, self.in_row + 1
            if self.cells > MAX_CELLS or self.in_row > MAX_COLUMNS:
                raise _refuse(self.file, f"hơn {count(MAX_CELLS)} ô bảng, hoặc hơn {MAX_COLUMNS} ô một dòng")
        elif tag == W + "tr":
            self.rows, self.in_row = self.rows + 1, 0
        if self.elements > MAX_XML_ELEMENTS:
            raise _refuse(self.file, f"hơn {count(MAX_XML_ELEMENTS)} phần tử XML")
        if self.paragraphs > MAX_PARAGRAPHS:
            raise _refuse(self.file, f"hơn {count(MAX_PARAGRAPHS)} đoạn văn")
        if self.rows > MAX_ROWS:
            raise ImportFailure(
                self.file,
                f"bảng quá lớn (hơn {count(MAX_ROWS)} dòng mọi bảng cộng lại): "
                "tách văn bản / tables too large",
            )


def _scan(data: bytes, counts: _Counts) -> None:
    """Counts the elements as they are parsed; each is dropped once read."""
    for event, elem in etree.iterparse(io.BytesIO(data), events=("start", "end"), **_SAFE):
        if event == "start":
            counts.add(elem.tag if isinstance(elem.tag, str) else "")
        else:
            elem.clear(keep_tail=False)
            while elem.getprevious() is not None:
                del elem.getparent()[0]


def _without_entities(data: bytes, notes: list[str]) -> bytes:
    """A part with a DTD: each entity reference replaced by its declared plain text (or nothing)."""
    tree = etree.parse(io.BytesIO(data), etree.XMLParser(**_SAFE))
    declared = {}
    dtd = tree.docinfo.internalDTD
    for ent in dtd.iterentities() if dtd is not None else []:
        content = ent.content if ent.system_url is None else None
        declared[ent.name] = content if content and not set(content) & set("<&%") else ""
    refs = [e for e in tree.iter() if isinstance(e, etree._Entity)]
    for ent in refs:
        name = ent.text.strip("&;")
        text = declared.get(name, "") + (ent.tail or "")
        parent, prev = ent.getparent(), ent.getprevious()
        if prev is None:
            parent.text = (parent.text or "") + text
        else:
            prev.tail = (prev.tail or "") + text
        parent.remove(ent)
    if refs:
        names = sorted({e.text for e in refs})
        kept = [f"{n} = '{declared[n.strip('&;')][:30]}'" for n in names if declared.get(n.strip("&;"))]
        notes.append(
            f"{len(refs)} thực thể XML khai báo trong DTD ({', '.join(names[:5])}: Word không viết "
            f"thực thể; thực thể ngoài không được mở) đã thay bằng chữ khai báo"
            f"{' (' + '; '.join(kept[:5]) + ')' if kept else ''} hoặc bỏ: đối chiếu các ô và đoạn "
            "có chúng với văn bản gốc / DTD entities replaced"
        )
    return etree.tostring(tree.getroot(), xml_declaration=True, encoding="UTF-8", standalone=True)


def bounded_docx(raw: bytes, file: str, notes: list[str]) -> bytes:
    """The archive rebuilt (stored, not compressed) with its XML members only, checked."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_MEMBERS:
            raise _refuse(file, f"{count(len(infos))} phần; tối đa {count(MAX_MEMBERS)}")
        out = io.BytesIO()
        counts, room = _Counts(file), MAX_XML_BYTES
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rebuilt:
            for info in infos:
                data = b""
                if info.filename.lower().endswith((".xml", ".rels")):
                    data = _unpack(zf, info, room, file)
                    room -= len(data)
                    _scan(data, counts)
                    if b"<!DOCTYPE" in data:
                        data = _without_entities(data, notes)
                rebuilt.writestr(info.filename, data)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        etree.XMLSyntaxError,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:  # RuntimeError: an encrypted member
        raise ImportFailure(
            file, f"không đọc được tệp Word / cannot read the Word file ({type(exc).__name__})"
        ) from None
    return out.getvalue()
