"""The portal's entities as frozen dataclasses: what templates and exports receive."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import Location
from .fields import choice
from .timeframes import Timeframe
from . import urls


@dataclass(frozen=True)
class Position:
    lat: float
    lon: float
    place: str
    source: str
    note: str | None


@dataclass(frozen=True)
class Province:
    id: str
    name: str
    kind: str
    code: str | None
    merged_into: str | None
    merged_on: date | None
    change_note: str | None
    former_ids: tuple[str, ...]
    position: Position | None
    loc: Location

    @property
    def url(self) -> str:
        return urls.province_url(self.id)

    @property
    def is_former(self) -> bool:
        return self.merged_into is not None

    @property
    def kind_name(self) -> str:
        return choice("Province", "kind").label(self.kind)

    @property
    def display_name(self) -> str:
        if self.kind == "thanh-pho" or self.name.startswith("Thành phố"):
            return self.name
        return f"Tỉnh {self.name}"


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    short_name: str | None
    province: str | None
    aliases: tuple[str, ...]
    source: str | None
    note: str | None
    former_ids: tuple[str, ...]
    loc: Location

    @property
    def url(self) -> str:
        return urls.agency_url(self.id)


@dataclass(frozen=True)
class Agreement:
    title: str
    kind: str
    signed: date | None
    place: str | None
    source: str | None

    @property
    def kind_name(self) -> str:
        return choice("Agreement", "kind").label(self.kind)


@dataclass(frozen=True)
class Partnership:
    id: str
    name: str
    provinces: tuple[str, ...]
    part_of: str | None
    agreements: tuple[Agreement, ...]
    note: str | None
    former_ids: tuple[str, ...]
    loc: Location

    @property
    def url(self) -> str:
        return urls.partnership_url(self.id)


@dataclass(frozen=True)
class Signer:
    name: str | None
    position: str | None
    formula: tuple[str, ...]


@dataclass(frozen=True)
class Related:
    title: str
    number: str | None
    date: date | None
    relation: str | None
    plan: str | None


@dataclass(frozen=True)
class Deadline:
    text: str
    date: date | None
    to: str | None


@dataclass(frozen=True)
class Appendix:
    title: str
    subtitle: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Update:
    date: date
    status: str
    note: str | None
    source: str

    STATUS = choice("Update", "status")

    @property
    def status_name(self) -> str:
        return self.STATUS.label(self.status)


@dataclass(frozen=True)
class Task:
    plan: str
    id: str
    position: int  # 1-based order in the plan
    number: str | None
    label: str  # how the portal names it: "1.1", "1.1 – ý 2"
    section_trail: tuple[str, ...]  # section headings from the top, for context
    section_anchor: str
    content: str
    title: str  # short: set in the data, or the first clause of the content
    form: str | None
    lead: tuple[str, ...]
    lead_collective: tuple[str, ...]
    lead_text: str | None
    lead_from_section: bool
    coordinating: tuple[str, ...]
    coordinating_collective: tuple[str, ...]
    coordinating_text: str | None
    timeframe: Timeframe
    timeframe_from_section: bool
    product: str | None
    contact: str | None
    note: str | None
    partnership: str | None
    former_ids: tuple[str, ...]
    updates: tuple[Update, ...]
    loc: Location

    @property
    def key(self) -> str:
        return f"{self.plan}/{self.id}"

    @property
    def url(self) -> str:
        return urls.task_url(self.plan, self.id)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.content.split("\n\n") if p.strip()]

    @property
    def latest_update(self) -> Update | None:
        return max(self.updates, key=lambda u: u.date) if self.updates else None


@dataclass(frozen=True)
class Section:
    number: str | None
    title: str | None
    anchor: str
    depth: int
    paragraphs: tuple[str, ...]
    lead_text: str | None
    timeframe: str | None
    source: str | None
    partnership: str | None
    tasks: tuple[Task, ...]
    sections: tuple["Section", ...]

    @property
    def heading(self) -> str:
        return " ".join(p for p in (self.number, self.title) if p) or "Nhiệm vụ"

    def all_tasks(self) -> list[Task]:
        out = list(self.tasks)
        for sub in self.sections:
            out.extend(sub.all_tasks())
        return out


@dataclass(frozen=True)
class Plan:
    id: str
    type: str
    title: str | None
    label: str | None
    number: str | None
    issued: date | None
    place: str | None
    issuer: str
    year: int
    period: Timeframe
    signer: Signer | None
    partnerships: tuple[str, ...]
    focal_agency: str | None
    legal_bases: tuple[str, ...]
    related_documents: tuple[Related, ...]
    preamble: tuple[str, ...]
    purpose: tuple[str, ...]
    requirements: tuple[str, ...]
    targets: tuple[str, ...]
    budget_sources: tuple[str, ...]
    organisation: tuple[str, ...]
    reporting_deadlines: tuple[Deadline, ...]
    closing: tuple[str, ...]
    recipients: tuple[str, ...]
    appendices: tuple[Appendix, ...]
    sections: tuple[Section, ...]
    tasks: tuple[Task, ...]
    source_file: str
    source_note: str | None
    source_url: str | None  # the official file, when one is recorded
    former_ids: tuple[str, ...]
    path: str  # data file, relative to the project
    loc: Location

    @property
    def url(self) -> str:
        return urls.plan_url(self.id)

    @property
    def type_name(self) -> str:
        return choice("Plan", "type").label(self.type)

    @property
    def long_name(self) -> str:
        """'Kế hoạch <title>' (the type once, even when the title or label begins with it)."""
        name = str(self.title or self.label)
        if name.lower().startswith(self.type_name.lower() + " "):
            return name
        return f"{self.type_name} {name}"

    @property
    def short_title(self) -> str:
        """'Kế hoạch 4778/KH-UBND' or, without a number, 'Kế hoạch <title>'."""
        if self.number:
            return f"{self.type_name} số {self.number}"
        if self.title is None:
            return str(self.label)
        if self.title.lower().startswith(self.type_name.lower() + " "):
            return self.title
        return f"{self.type_name} {self.title[0].lower()}{self.title[1:]}"
