"""Where templates live: built-ins shipped in resources/templates, the user's own in the data folder.

Built-ins are read-only (duplicate one to change it). User templates are
saved as ``<id>.toml`` in ``Paths.user_templates``; a template file can be
exported to, and imported from, any folder (a team shares one on a shared
drive). A broken file never hides the others: it is listed in ``problems``.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from desktop.messages import message
from desktop.settings import atomic_write_text


from . import sharing
from .model import Template, TemplateError, load_template_file

log = logging.getLogger(__name__)

#: The order of the groups in the template list; other kinds follow, in order of appearance.
KIND_ORDER = ("文書", "メール", "広報・広聴", "挨拶・式辞", "校正・点検")
#: The known kinds (as template files write them) -> their catalogue code, ``templates.kind_<code>``.
KIND_CODES = {"文書": "document", "メール": "email", "広報・広聴": "public_relations", "挨拶・式辞": "speech",
              "校正・点検": "review"}
#: In the user folder: letterhead file name -> SHA-256 of the letterhead whose body text the user
#: saw in the import preview and accepted.
ACCEPTED_FILE = "letterheads-accepted.json"


def kind_label(kind: str, lang: str | None = None) -> str:
    """The name of a template kind for the user in ``lang``; a kind Fumi does not know is shown as written."""
    code = KIND_CODES.get(kind)
    return message(f"templates.kind_{code}", lang) if code else kind


def builtin_folder() -> Path:
    """``resources/templates`` beside the package (source tree) or inside the frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources" / "templates"
    return Path(__file__).resolve().parents[2] / "resources" / "templates"


class TemplateStore:
    """The templates a user can pick: built-ins first, then their own, each sorted by kind and title."""

    def __init__(self, user_folder: Path, builtin_dir: Path | None = None) -> None:
        self.user_folder = Path(user_folder)
        self.builtin_dir = builtin_dir or builtin_folder()
        self.templates: list[Template] = []
        #: (file, message) for every file that could not be read.
        self.problems: list[tuple[Path, str]] = []
        self.reload()

    @classmethod
    def for_paths(cls, paths) -> TemplateStore:  # paths: desktop.settings.Paths
        return cls(paths.user_templates)

    def reload(self) -> None:
        """Read every template file again (built-ins, then the user folder)."""
        self.templates, self.problems = [], []
        builtin_ids = set()
        for path in sorted(self.builtin_dir.glob("*.toml")):
            template = self._load(path, "builtin")
            if template:
                builtin_ids.add(template.id)
                self.templates.append(template)
        seen = set(builtin_ids)
        if self.user_folder.is_dir():
            for path in sorted(self.user_folder.glob("*.toml")):
                template = self._load(path, "user")
                if template is None:
                    continue
                if template.id in seen:
                    self.problems.append((path, message("templates.id_taken", file=path.name, id=template.id)))
                    continue
                seen.add(template.id)
                self.templates.append(template)
        self.templates = self._in_list_order(self.templates)
        accepted = self._accepted()
        for template in self.templates:
            self._mark_letterhead_body(template, accepted)

    @staticmethod
    def _in_list_order(templates: list[Template]) -> list[Template]:
        """Grouped by kind (``KIND_ORDER`` first), built-ins before user templates, files in name order."""
        kinds = list(KIND_ORDER)
        for template in templates:
            if template.kind not in kinds:
                kinds.append(template.kind)
        return sorted(templates, key=lambda t: (kinds.index(t.kind), t.source != "builtin"))

    def _load(self, path: Path, source: str) -> Template | None:
        try:
            return load_template_file(path, source=source)
        except TemplateError as exc:
            log.warning("template %s skipped: %s", path, exc.message)
            self.problems.append((path, exc.message))
            return None

    # ------------------------------------------------------------- lookups

    def ids(self) -> list[str]:
        return [t.id for t in self.templates]

    def get(self, template_id: str) -> Template:
        """The template with this id; raises ``KeyError``."""
        for template in self.templates:
            if template.id == template_id:
                return template
        raise KeyError(template_id)

    def is_builtin_id(self, template_id: str) -> bool:
        return any(t.id == template_id and t.source == "builtin" for t in self.templates)

    def unused_id(self, base: str) -> str:
        """``base`` or ``base-2``, ``base-3``... whichever no template uses yet."""
        taken = set(self.ids())
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    # -------------------------------------------------------------- changes

    def save_user(self, template: Template) -> Template:
        """Check and save ``template`` as ``<id>.toml`` in the user folder; returns the saved template.

        Raises ``TemplateError`` if it is invalid or its id belongs to a built-in.
        """
        if self.is_builtin_id(template.id):
            raise TemplateError(message("templates.builtin_id", id=template.id), key="id")
        checked = Template.from_dict(template.to_dict(), source="user")
        target = self.user_folder / f"{checked.id}.toml"
        letterhead = template.letterhead_path()
        if letterhead is not None and letterhead.parent != self.user_folder:
            copied = self.user_folder / f"{checked.id}-letterhead.docx"
            data = letterhead.read_bytes()
            _write_bytes(copied, data)
            if template.letterhead_body:
                self._remember_letterhead(copied.name, sharing.digest(data))
            checked = replace(checked, letterhead=copied.name)
        atomic_write_text(target, checked.to_toml())
        if template.path and template.source == "user" and template.path != target and template.path.parent == self.user_folder:
            template.path.unlink(missing_ok=True)  # the id changed: the old file goes
        self.reload()
        return self.get(checked.id)

    def delete_user(self, template_id: str) -> None:
        """Remove a user template's file; built-ins cannot be deleted (``TemplateError``)."""
        template = self.get(template_id)
        if template.read_only:
            raise TemplateError(message("templates.builtin_delete"))
        if template.path:
            template.path.unlink(missing_ok=True)
        self.reload()

    def export(self, template: Template, target: Path) -> Path:
        """Write ``template`` as one file to share: ``.toml``, or ``.zip`` (``sharing``) when it has a
        letterhead or ``target`` ends in .zip. Returns the path written (its suffix may change)."""
        target = Path(target)
        as_zip = template.letterhead_path() is not None or target.suffix.lower() == ".zip"
        suffix = ".zip" if as_zip else ".toml"
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix) if target.suffix.lower() not in (".toml", ".zip") \
                else target.with_suffix(suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        if as_zip:
            _write_bytes(target, sharing.package_bytes(template))
        else:
            atomic_write_text(target, replace(template, letterhead="").to_toml())
        return target

    def read_import(self, source: Path) -> Template:
        """Read and check a template file to import; raises ``TemplateError`` naming the problem."""
        return self.read_package(source).template

    def read_package(self, source: Path) -> sharing.ImportPackage:
        """A shared template (.toml or .zip) read with bounds, for the import preview; nothing is written.
        Raises ``TemplateError`` naming the file and the problem (also for a built-in's id)."""
        package = sharing.read_package(source)
        if self.is_builtin_id(package.template.id):
            raise TemplateError(message("templates.import_builtin_id", file=Path(source).name, id=package.template.id), key="id")
        return package

    def import_file(self, source: Path, *, overwrite: bool = False) -> Template:
        """Import a template file into the user folder (the caller has shown its preview). Raises
        ``TemplateError`` if it is invalid, or ``FileExistsError`` if a user template with its id
        exists and ``overwrite`` is false."""
        return self.install(self.read_package(source), overwrite=overwrite)

    def install(self, package: sharing.ImportPackage, *, overwrite: bool = False) -> Template:
        """Save an imported template, and its letterhead as ``<id>-letterhead.docx``, in the user folder.

        The user has seen the preview and said yes, so the letterhead's body text is from now on
        used in exports (its digest is recorded; a changed file is not trusted again).
        """
        template = package.template
        if self.is_builtin_id(template.id):
            raise TemplateError(message("templates.import_builtin_id", file=package.source.name, id=template.id), key="id")
        if not overwrite and template.id in self.ids():
            raise FileExistsError(template.id)
        self.user_folder.mkdir(parents=True, exist_ok=True)
        letterhead_file = self.user_folder / f"{template.id}-letterhead.docx"
        if package.letterhead is not None:
            _write_bytes(letterhead_file, package.letterhead)
            self._remember_letterhead(letterhead_file.name, sharing.digest(package.letterhead))
            template = replace(template, letterhead=letterhead_file.name)
        else:
            letterhead_file.unlink(missing_ok=True)
            template = replace(template, letterhead="")
        atomic_write_text(self.user_folder / f"{template.id}.toml", template.to_toml())
        self.reload()
        return self.get(template.id)

    # ---------------------------------------------------- letterhead consent

    def _accepted(self) -> dict[str, str]:
        try:
            data = json.loads((self.user_folder / ACCEPTED_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}

    def _remember_letterhead(self, name: str, hex_digest: str) -> None:
        accepted = self._accepted()
        accepted[name] = hex_digest
        atomic_write_text(self.user_folder / ACCEPTED_FILE, json.dumps(accepted, ensure_ascii=False, indent=1))

    def _mark_letterhead_body(self, template: Template, accepted: dict[str, str]) -> None:
        path = template.letterhead_path()
        if path is None:
            return
        if template.source == "builtin":
            template.letterhead_body = True
            return
        expected = accepted.get(path.name)
        if expected:
            try:
                template.letterhead_body = sharing.digest(path.read_bytes()) == expected
            except OSError:
                template.letterhead_body = False


def _write_bytes(target: Path, data: bytes) -> None:
    """Atomic write (temp file, fsync, replace); raises ``OSError``."""
    from desktop.documents import DocumentError
    from desktop.documents.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(target, data)
    except DocumentError as exc:
        from desktop.messages import describe

        raise OSError(describe(exc)) from None
