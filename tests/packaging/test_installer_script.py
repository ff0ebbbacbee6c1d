"""What can be checked on Linux of the Windows installer: packaging/beslut.iss (Inno
Setup) read by a small reader of its format, and the Windows workflow as text.

Nothing here runs Inno Setup or Windows. The reader follows Inno Setup's documented
script format (https://jrsoftware.org/ishelp/, topics scriptformatoverview, params,
consts): [Section] headers; a ";" at the start of a line is a comment; [Setup] holds
``Directive=Value`` lines; the other sections hold ``Name: value; Name: value`` lines,
where a value in double quotes may hold ";" and writes an embedded " as "".
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import pytest

from beslut import __version__
from beslut.store.paths import data_dir

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "beslut.iss"
SPEC = ROOT / "packaging" / "beslut.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"

# Directory constants as Setup resolves them in non administrative install mode (the
# "auto" constants map to their "user" form; topic_consts). The user's folders are named
# by their environment variables, as Windows sets them by default.
LOCALAPPDATA = r"%LOCALAPPDATA%"
USER_PROGRAMS = r"%APPDATA%\Microsoft\Windows\Start Menu\Programs"
NON_ADMIN_CONSTANTS = {
    "autopf": LOCALAPPDATA + r"\Programs",  # {userpf}: FOLDERID_UserProgramFiles
    "userpf": LOCALAPPDATA + r"\Programs",
    "localappdata": LOCALAPPDATA,
    "autoprograms": USER_PROGRAMS,  # {userprograms}
    "userprograms": USER_PROGRAMS,
    "autodesktop": r"%USERPROFILE%\Desktop",  # {userdesktop}
}
UNINSTALL_FLAGS = {"uninsdeletekey", "uninsdeletekeyifempty", "uninsdeletevalue"}


@dataclass
class Script:
    """An Inno Setup script: ISPP defines, [Setup] directives, the other sections'
    entries (each a dict of parameter name, lower-cased, to value) and the [Code] lines."""

    defines: dict[str, str] = field(default_factory=dict)
    setup: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    code: list[str] = field(default_factory=list)

    def entries(self, section: str) -> list[dict[str, str]]:
        return self.sections.get(section.lower(), [])


def parse_parameters(line: str) -> dict[str, str]:
    """``Name: value; Name: "quoted; value"`` -> {name: value}, with Inno's quoting."""
    params: dict[str, str] = {}
    i, n = 0, len(line)
    while i < n:
        colon = line.index(":", i)
        name = line[i:colon].strip().lower()
        i = colon + 1
        while i < n and line[i] == " ":
            i += 1
        if i < n and line[i] == '"':
            value, i = [], i + 1
            while True:
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':  # "" is an embedded "
                        value.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                value.append(line[i])
                i += 1
            text = "".join(value)
            semicolon = line.find(";", i)
            assert line[i : semicolon if semicolon >= 0 else n].strip() == "", line
            i = semicolon + 1 if semicolon >= 0 else n
        else:
            semicolon = line.find(";", i)
            end = semicolon if semicolon >= 0 else n
            text = line[i:end].strip()
            i = end + 1
        assert name not in params, f"{name} given twice in: {line}"
        params[name] = text
        while i < n and line[i] == " ":
            i += 1
    return params


def parse_script(text: str) -> Script:
    """Read the script: ISPP ``#define``s (and ``#ifndef`` defaults) are applied and
    ``{#Name}`` expanded, as the preprocessor would with no /D on the command line."""
    script = Script()
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            match = re.fullmatch(r'#define\s+(\w+)\s+"([^"]*)"', line)
            if match:
                script.defines.setdefault(match[1], match[2])
            continue
        line = re.sub(r"\{#(\w+)\}", lambda m: script.defines[m[1]], line)
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].lower()
            continue
        if section == "code":  # Pascal Script: kept as text, in Script.code
            script.code.append(raw)
            continue
        assert section, f"a line before any section: {line}"
        if section == "setup":
            key, _, value = line.partition("=")
            script.setup[key.strip().lower()] = value.strip()
        else:
            script.sections.setdefault(section, []).append(parse_parameters(line))
    return script


def expand(value: str, app: str = r"C:\app") -> str:
    """Resolve Inno constants as Setup would in non administrative install mode."""

    def constant(match: re.Match[str]) -> str:
        name = match[1]
        if name == "app":
            return app
        return NON_ADMIN_CONSTANTS[name]

    value = value.replace("{{", "\0")  # "{{" is a literal "{"
    return re.sub(r"\{(\w+)\}", constant, value).replace("\0", "{")


def windows_argv(command: str) -> list[str]:
    """Split a command line as Windows programs do (the Microsoft C runtime's rules,
    which Python and PyInstaller's bootloader follow): spaces separate arguments outside
    double quotes; 2n backslashes before a quote are n backslashes and the quote opens or
    closes; 2n+1 are n backslashes and a literal quote; other backslashes are literal."""
    args: list[str] = []
    current: list[str] = []
    in_quotes = started = False
    i, n = 0, len(command)
    while i < n:
        char = command[i]
        if char == "\\":
            j = i
            while j < n and command[j] == "\\":
                j += 1
            count = j - i
            if j < n and command[j] == '"':
                current.append("\\" * (count // 2))
                if count % 2:
                    current.append('"')
                    i = j + 1
                else:
                    i = j
            else:
                current.append("\\" * count)
                i = j
            started = True
            continue
        if char == '"':
            if in_quotes and i + 1 < n and command[i + 1] == '"':
                current.append('"')  # "" inside quotes: a literal quote
                i += 2
                continue
            in_quotes = not in_quotes
            started = True
        elif char in " \t" and not in_quotes:
            if started:
                args.append("".join(current))
                current, started = [], False
        else:
            current.append(char)
            started = True
        i += 1
    if started:
        args.append("".join(current))
    return args


@pytest.fixture(scope="module")
def script() -> Script:
    return parse_script(ISS.read_text(encoding="ascii"))


def registry(script: Script) -> list[dict[str, str]]:
    return script.entries("Registry")


def flags(entry: dict[str, str]) -> set[str]:
    return set(entry.get("flags", "").lower().split())


def classes_value(script: Script, subkey: str, value_name: str = "") -> str:
    """The string written to HKCU\\Software\\Classes\\<subkey> (the named value)."""
    found = [
        e
        for e in registry(script)
        if e["subkey"].lower() == rf"software\classes\{subkey}".lower()
        and e.get("valuetype", "none").lower() == "string"
        and e.get("valuename", "") == value_name
    ]
    assert len(found) == 1, f"{subkey} [{value_name}]: {found}"
    return found[0]["valuedata"]


# --- the reader itself ---------------------------------------------------------------


def test_the_reader_follows_inno_quoting() -> None:
    line = 'Name: "a; b"; ValueData: """{app}\\x.exe"" ""%1"""; Flags: one two'
    assert parse_parameters(line) == {
        "name": "a; b",
        "valuedata": '"{app}\\x.exe" "%1"',
        "flags": "one two",
    }
    assert parse_parameters('Name: """"') == {"name": '"'}  # the documented 4-quote case


def test_the_splitter_follows_windows_rules() -> None:
    assert windows_argv(r'"C:\Program Files\a.exe" "C:\x y\z.beslut"') == [
        r"C:\Program Files\a.exe",
        r"C:\x y\z.beslut",
    ]
    assert windows_argv(r'a\\\"b "c d" e\\"f"') == [r"a\"b", "c d", r"e\f"]
    assert windows_argv('"" x') == ["", "x"]


# --- the script --------------------------------------------------------------------


def test_the_script_is_ascii_and_names_the_app(script: Script) -> None:
    ISS.read_bytes().decode("ascii")  # no encoding question for the compiler
    assert script.setup["appname"] == "beslut"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", script.setup["appid"])


def test_the_default_version_is_besluts_version(script: Script) -> None:
    """iscc /DAppVersion=x.y.z overrides it; without /D the file is still named right."""
    assert script.defines["AppVersion"] == __version__, (
        "update #define AppVersion in packaging/beslut.iss to src/beslut/__init__.py's"
    )
    assert script.setup["appversion"] == __version__
    assert script.setup["outputbasefilename"] == f"beslut-setup-{__version__}"


def test_per_user_without_administrator_rights(script: Script) -> None:
    assert script.setup["privilegesrequired"].lower() == "lowest"
    # No override: /ALLUSERS or a dialog could otherwise switch to an admin install.
    assert "privilegesrequiredoverridesallowed" not in script.setup


def test_installs_under_localappdata_programs(script: Script) -> None:
    assert expand(script.setup["defaultdirname"]) == r"%LOCALAPPDATA%\Programs\beslut"


def test_installs_the_pyinstaller_folder(script: Script) -> None:
    (entry,) = script.entries("Files")
    source = PureWindowsPath(entry["source"])
    assert source.name == "*"
    resolved = (ISS.parent / Path(*source.parent.parts)).resolve()
    assert resolved == ROOT / "dist" / "beslut"
    assert entry["destdir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= flags(entry)
    out_dir = (ISS.parent / Path(*PureWindowsPath(script.setup["outputdir"]).parts)).resolve()
    assert out_dir == ROOT / "dist"


def _spec_names(node: ast.expr, assigned: dict[str, ast.expr]) -> set[str]:
    """The strings a name= expression in the spec can be: a constant, a module-level
    variable, or either branch of ``a if cond else b``."""
    if isinstance(node, ast.Constant):
        return {str(node.value)}
    if isinstance(node, ast.Name) and node.id in assigned:
        return _spec_names(assigned[node.id], assigned)
    if isinstance(node, ast.IfExp):
        return _spec_names(node.body, assigned) | _spec_names(node.orelse, assigned)
    return set()


def test_the_spec_builds_that_folder_and_exe() -> None:
    """packaging/beslut.spec (PyInstaller) gives the exe and the folder one name, and that
    name can be beslut: dist/beslut/beslut(.exe), which [Files] and [Icons] expect."""
    if not SPEC.exists():
        pytest.skip("packaging/beslut.spec is not written yet")
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    assigned = {
        target.id: stmt.value
        for stmt in tree.body
        if isinstance(stmt, ast.Assign)
        for target in stmt.targets
        if isinstance(target, ast.Name)
    }
    names = _spec_call_names(tree)
    (collect,) = names["COLLECT"]
    # The first EXE is the app, named as its folder; the spec may add the console twin.
    assert ast.dump(names["EXE"][0]) == ast.dump(collect)
    assert "beslut" in _spec_names(names["EXE"][0], assigned)  # PyInstaller adds .exe


def _spec_call_names(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """The name= of each call in the spec, by the function called, in source order."""
    calls = sorted(
        (node for node in ast.walk(tree) if isinstance(node, ast.Call)),
        key=lambda node: (node.lineno, node.col_offset),
    )
    names: dict[str, list[ast.expr]] = {}
    for call in calls:
        if isinstance(call.func, ast.Name):
            for kw in call.keywords:
                if kw.arg == "name":
                    names.setdefault(call.func.id, []).append(kw.value)
    return names


def test_the_spec_adds_the_console_twin_on_windows() -> None:
    """beslut.com: the same program as a console one, in the same folder, so `beslut ...`
    at a Windows prompt prints and is waited for (cmd tries .COM before .EXE)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    exes = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "EXE"
    ]
    keywords = [{kw.arg: kw.value for kw in exe.keywords} for exe in exes]
    console = [
        k
        for k in keywords
        if isinstance(k["name"], ast.Constant) and k["name"].value == "beslut-console"
    ]
    assert len(console) == 1
    assert ast.literal_eval(console[0]["console"]) is True
    assert ast.literal_eval(console[0]["exclude_binaries"]) is True  # _internal is shared
    text = SPEC.read_text(encoding="utf-8")
    assert '(folder / "beslut-console.exe").replace(folder / "beslut.com")' in text
    assert "*executables," in text  # both go into the one COLLECT


def test_every_program_named_is_beslut_exe_in_app(script: Script) -> None:
    exe = "{app}\\beslut.exe"
    icons = script.entries("Icons")
    assert icons and all(icon["filename"] == exe for icon in icons)
    assert [e["filename"] for e in script.entries("Run")] == [exe]
    assert script.setup["uninstalldisplayicon"] == exe
    assert classes_value(script, r"beslut.draft\DefaultIcon") == exe + ",0"


def test_start_menu_shortcut_per_user_and_optional_desktop_icon(script: Script) -> None:
    by_name = {expand(icon["name"]): icon for icon in script.entries("Icons")}
    assert USER_PROGRAMS + r"\beslut" in by_name
    assert "tasks" not in by_name[USER_PROGRAMS + r"\beslut"]
    desktop = by_name[r"%USERPROFILE%\Desktop\beslut"]
    (task,) = script.entries("Tasks")
    assert desktop["tasks"] == task["name"] == "desktopicon"
    assert "unchecked" in flags(task)


def _code_text(script: Script) -> str:
    """The [Code] section without its { } comments (outside '...' strings, where {app}
    is a constant), whitespace collapsed."""
    text = "\n".join(script.code)
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "'":
            end = text.index("'", i + 1)  # '' inside a string: two strings, same text
            out.append(text[i : end + 1])
            i = end + 1
        elif text[i] == "{":
            i = text.index("}", i) + 1
            out.append(" ")
        else:
            out.append(text[i])
            i += 1
    return " ".join("".join(out).split())


def test_the_install_folder_goes_on_the_users_path_and_off_again(script: Script) -> None:
    """The user's own PATH (HKCU\\Environment), never the machine's: added after the
    files are installed, removed after uninstall, and Windows is told both times."""
    assert script.setup["changesenvironment"].lower() == "yes"
    code = _code_text(script)
    assert "EnvironmentKey = 'Environment';" in code
    assert "HKEY_LOCAL_MACHINE" not in code and "HKLM" not in code
    assert "if CurStep = ssPostInstall then AddToUserPath(ExpandConstant('{app}'));" in code
    assert (
        "if CurUninstallStep = usPostUninstall then "
        "RemoveFromUserPath(ExpandConstant('{app}'));" in code
    )
    for call in (
        "RegWriteExpandStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path'",
        "RegDeleteValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path')",
    ):
        assert call in code
    # Entries compare as Windows compares paths, without regard to case.
    assert "CompareText(Entry, Dir)" in code


def test_the_console_twin_is_installed_beside_the_app(script: Script) -> None:
    assert script.defines["ConsoleExe"] == "beslut.com"
    (entry,) = script.entries("Files")
    assert PureWindowsPath(entry["source"]).name == "*"  # the whole folder, beslut.com too


def test_swedish_and_english(script: Script) -> None:
    files = {e["name"]: e["messagesfile"] for e in script.entries("Languages")}
    assert files == {
        "swedish": r"compiler:Languages\Swedish.isl",
        "english": "compiler:Default.isl",
    }


def test_the_association_is_per_user_and_changes_associations(script: Script) -> None:
    assert script.setup["changesassociations"].lower() == "yes"
    for entry in registry(script):
        assert entry["root"].upper() == "HKCU", entry
        assert entry["subkey"].lower().startswith("software\\classes\\"), entry
    assert classes_value(script, ".beslut") == "beslut.draft"
    assert classes_value(script, r".beslut\OpenWithProgids", "beslut.draft") == ""


def test_the_open_command_is_the_exe_and_the_quoted_file(script: Script) -> None:
    prog_id = classes_value(script, ".beslut")
    command = classes_value(script, rf"{prog_id}\shell\open\command")
    app = r"C:\Users\x\AppData\Local\Programs\beslut"
    assert expand(command, app) == f'"{app}\\beslut.exe" "%1"'


def test_every_registry_key_goes_on_uninstall(script: Script) -> None:
    entries = registry(script)
    removed_trees = [e["subkey"].lower() for e in entries if "uninsdeletekey" in flags(e)]
    emptied = {e["subkey"].lower() for e in entries if "uninsdeletekeyifempty" in flags(e)}
    for entry in entries:
        assert flags(entry) & UNINSTALL_FLAGS, f"left behind on uninstall: {entry}"
        key = entry["subkey"].lower()
        assert key in emptied or any(
            key == tree or key.startswith(tree + "\\") for tree in removed_trees
        ), f"the key stays after uninstall: {entry['subkey']}"
        if entry.get("valuetype", "none").lower() != "none" and "uninsdeletekey" not in flags(
            entry
        ):
            # In a key that may stay (other programs' values), our value goes itself.
            assert "uninsdeletevalue" in flags(entry), entry


@pytest.mark.parametrize(
    ("app", "draft"),
    [
        (r"C:\Users\x\AppData\Local\Programs\beslut", r"C:\Users\x\Desktop\utkast.beslut"),
        (
            r"C:\Users\Anna Öberg\AppData\Local\Programs\beslut",
            r"\\server\delat\Nämnd 2025\förslag till beslut.beslut",
        ),
    ],
)
def test_the_association_command_parses_as_opening_a_file(
    script: Script, app: str, draft: str
) -> None:
    """Explorer runs the command with %1 replaced by the file; beslut's parser must
    read that as "open this file" (the positional FILE argument of a plain start),
    also when the user's folder or the file's path has spaces."""
    from beslut.cli import build_parser

    command = classes_value(script, r"beslut.draft\shell\open\command")
    argv = windows_argv(expand(command, app).replace("%1", draft))
    assert argv == [app + r"\beslut.exe", draft]
    args = build_parser().parse_args(argv[1:])
    assert args.command is None
    assert getattr(args, "file", None) == draft


# --- the Windows workflow (as text: PyYAML is not among the project's tools) -----------


@pytest.fixture(scope="module")
def workflow() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def test_the_workflow_is_plain_yaml(workflow: str) -> None:
    assert "\t" not in workflow
    top = [line.split(":")[0] for line in workflow.splitlines() if re.match(r"[a-z]", line)]
    assert top == ["name", "on", "jobs"]
    for trigger in ("push", "pull_request", "workflow_dispatch"):
        assert re.search(rf"^  {trigger}:", workflow, re.M), trigger


def test_the_workflow_parses_as_yaml_when_pyyaml_is_there(workflow: str) -> None:
    yaml = pytest.importorskip("yaml")  # in the test extra: skipped only outside dev.py
    data = yaml.safe_load(workflow)
    assert data["jobs"]["windows"]["runs-on"] == "windows-latest"
    assert data["jobs"]["linux"]["runs-on"] == "ubuntu-latest"


def test_the_workflow_builds_checks_and_packs_on_windows(workflow: str) -> None:
    assert "runs-on: windows-latest" in workflow
    assert 'python-version: "3.11"' in workflow
    assert re.search(r"^\s+py dev\.py package$", workflow, re.M)
    assert re.search(r'iscc "/DAppVersion=\$version" packaging\\beslut\.iss', workflow)
    assert "choco install innosetup" in workflow
    assert r"src\beslut\__init__.py" in workflow and "__version__" in workflow
    assert "dist/beslut-setup-*.exe" in workflow and "path: dist/beslut/" in workflow
    assert "runs-on: ubuntu-latest" in workflow and "bash .ci/run" in workflow


def test_the_workflow_runs_the_frozen_app_on_an_empty_profile(workflow: str) -> None:
    assert "QT_QPA_PLATFORM: offscreen" in workflow
    assert 'Invoke-Frozen "--smoke-test"' in workflow
    assert 'Invoke-Frozen "export 1 -o' in workflow
    assert "Remove-Item Env:BESLUT_DB" in workflow
    assert "$env:APPDATA = $profileDir" in workflow
    # The folder the workflow expects the database in is the one beslut chooses on
    # Windows from APPDATA.
    assert data_dir({"APPDATA": r"D:\t\p"}, "win32") == Path(r"D:\t\p") / "beslut"
    assert 'Join-Path $profileDir "beslut\\beslut.db"' in workflow


def test_the_workflow_runs_the_console_twin(workflow: str) -> None:
    """On real Windows (which Wine cannot show): beslut.com's output and exit code reach
    the shell that started it."""
    assert r'"dist\beslut\beslut.com"' in workflow
    assert "$version = & $com --version" in workflow
    assert "& $com show 999" in workflow and "$LASTEXITCODE -ne 1" in workflow
