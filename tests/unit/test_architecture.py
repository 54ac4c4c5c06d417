"""The folders of generator/ are the stages of the pipeline, and imports only go down them:
shared ground (errors, clock, textnorm, untrusted_text, safefiles) <- model/ (read and check -> the catalog) <- pages/
(the catalog as pages) <- publish/ (open data, feeds, search index) <- the importer and synth
(tools beside the pipeline) <- cli.py, build.py and the builder adapter on top. And no circle.

Read from the code itself with `ast` (every import, also the ones inside functions), so a new
import that breaks the rule fails here, with the file and line of the import."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# (module prefix, stage): the longest prefix decides. A module imports only modules of its own
# stage or lower.
STAGES = (
    ("generator.errors", 0),
    ("generator.clock", 0),
    ("generator.textnorm", 0),
    ("generator.untrusted_text", 0),
    ("generator.safefiles", 0),
    ("generator.model", 1),
    ("generator.pages", 2),
    ("generator.publish", 3),
    ("generator.importer", 4),
    ("generator.synth", 4),
    ("generator", 5),
)
NAMES = {0: "shared ground", 1: "model/", 2: "pages/", 3: "publish/", 4: "importer/synth", 5: "top"}
# Circles allowed for now: none (the importer's two were removed with issue 26: textfile.py chooses
# the text reader, pdfread.py takes its limits from limits.py).
KNOWN_CIRCLES: set[frozenset[str]] = set()


def module_name(path: Path, root: Path = GENERATOR) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path = GENERATOR) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> list[tuple[str, int]]:
    """(imported generator module, line) for every import in the file, relative ones resolved;
    `from pkg import mod` counts as an import of pkg.mod. Imports under `if TYPE_CHECKING:`
    are for the type checker only and do not count."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "generator"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "generator":
                continue
            subs = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in known]
            out += [(s, node.lineno) for s in subs] or [(target, node.lineno)]
    return out


def _runtime_nodes(tree: ast.AST):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            yield from (n for child in node.orelse for n in _runtime_nodes_of(child))
            continue
        yield node
        yield from _runtime_nodes(node)


def _runtime_nodes_of(node: ast.AST):
    yield node
    yield from _runtime_nodes(node)


def graph(root: Path = GENERATOR) -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    """Module -> the generator modules it imports; and every import as (module, line, target)."""
    mods = modules(root)
    edges: dict[str, set[str]] = {m: set() for m in mods}
    where = []
    for name, path in mods.items():
        for target, line in imports(name, path, set(mods)):
            if target in mods and target != name:
                edges[name].add(target)
                where.append((name, line, target))
    return edges, where


def stage(module: str) -> int:
    return next(s for prefix, s in STAGES if module == prefix or module.startswith(prefix + "."))


def upward_imports(root: Path = GENERATOR) -> list[str]:
    mods = modules(root)
    return [
        f"{mods[m].relative_to(root.parent)}:{line}: {NAMES[stage(m)]} imports {t} ({NAMES[stage(t)]})"
        for m, line, t in graph(root)[1]
        if stage(t) > stage(m)
    ]


def circles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(frozenset(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def levels(edges: dict[str, set[str]]) -> int:
    """Floors of the graph: the longest chain of imports, in modules (circles counted once)."""
    depth: dict[str, int] = {}

    def floor(v: str, seen: frozenset[str]) -> int:
        if v not in depth:
            below = [floor(w, seen | {v}) for w in edges[v] if w not in seen | {v}]
            depth[v] = 1 + max(below, default=0)
        return depth[v]

    return max(floor(v, frozenset()) for v in edges)


def test_imports_only_go_down_the_stages():
    assert upward_imports() == []


def test_the_model_reaches_no_page_code():
    """The rule's sharpest case, named: model/ imports neither pages/ nor publish/ nor the
    importer (crosschecks.py once reached contexts/ through redirects.py)."""
    edges, _ = graph()
    reached = {t for m, ts in edges.items() if m.startswith("generator.model") for t in ts}
    shared = tuple(prefix for prefix, stage in STAGES if stage == 0)
    assert not {t for t in reached if not t.startswith(("generator.model",) + shared)}


def test_no_import_circle():
    assert [sorted(c) for c in circles(graph()[0]) if c not in KNOWN_CIRCLES] == []


def test_the_rule_sees_a_forbidden_import(tmp_path):
    """The checks read what is written: a copy of generator/ with model/catalog.py importing
    pages/links.py breaks both the stages and (pages import the catalog) the no-circle rule."""
    copy = tmp_path / "generator"
    for path in GENERATOR.rglob("*.py"):
        dest = copy / path.relative_to(GENERATOR)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    catalog = copy / "model" / "catalog.py"
    catalog.write_text(
        catalog.read_text(encoding="utf-8") + "\nfrom ..pages.specs import HOME\n", encoding="utf-8"
    )
    assert any(
        "model/catalog.py" in u and "generator.pages.specs (pages/)" in u for u in upward_imports(copy)
    )
    assert any({"generator.model.catalog", "generator.pages.specs"} <= c for c in circles(graph(copy)[0]))


def adapter_faults(source: str) -> list[str]:
    """What would tie the portal to MkDocs' insides in the adapter's source: a private attribute
    of another object (page._title_from_render), a method patched in (MethodType), state in
    module globals (`global`)."""
    faults = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id == "self")
        ):
            faults.append(f"{node.lineno}: private attribute {node.attr}")
        elif isinstance(node, ast.Name) and node.id == "MethodType":
            faults.append(f"{node.lineno}: MethodType")
        elif isinstance(node, ast.Global):
            faults.append(f"{node.lineno}: global {', '.join(node.names)}")
    return faults


def test_the_mkdocs_adapter_uses_mkdocs_public_interface_and_keeps_no_global_state():
    """generator/mkdocs_hook.py: its state on one PortalHook instance, MkDocs reached through its
    events and public attributes only (the hook before issue 29 had five globals, patched
    page.render and wrote page._title_from_render: this finds 7 faults in it)."""
    assert adapter_faults((GENERATOR / "mkdocs_hook.py").read_text(encoding="utf-8")) == []
