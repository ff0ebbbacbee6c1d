; beslut: a per-user Windows installer (Inno Setup 6.4 or later).
;
; Build from the repository root, after `py dev.py package` made dist\beslut\:
;
;     iscc /DAppVersion=0.1.0 packaging\beslut.iss
;
; which writes dist\beslut-setup-0.1.0.exe. Relative paths in this script (Source,
; OutputDir) are relative to this file's folder, packaging\, so they do not depend on
; the folder iscc is started from.
;
; This file is kept ASCII-only (tests/packaging/test_installer_script.py checks that), so
; its encoding is never a question for the compiler.
;
; Inno Setup documentation this script relies on (https://jrsoftware.org/ishelp/):
;   topic_setup_privilegesrequired  PrivilegesRequired=lowest: never asks for elevation,
;                                   always "non administrative install mode"
;   topic_consts                    "auto" constants map to their "user" form in non
;                                   administrative install mode: {autopf} -> {userpf},
;                                   {autoprograms} -> {userprograms}, {autodesktop} ->
;                                   {userdesktop}
;   topic_registrysection           HKCU root; uninsdelete* flags (nothing is removed on
;                                   uninstall without one); HKCR is not recommended,
;                                   use Software\Classes under HKA/HKCU instead
;   topic_params                    "" inside a quoted parameter value is one "
;   topic_setup_changesassociations ChangesAssociations=yes refreshes Explorer's icons
;   topic_isppcc                    iscc /DName=Value emulates #define public Name Value
;   topic_setup_changesenvironment  ChangesEnvironment=yes tells Windows the user's PATH
;                                   changed (install and uninstall)
;   topic_scriptevents              CurStepChanged(ssPostInstall) and
;                                   CurUninstallStepChanged(usPostUninstall)

; The version comes from the command line; the default is beslut's own version
; (src/beslut/__init__.py), so a plain `iscc packaging\beslut.iss` still names the file
; right. The test checks that the two agree.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "beslut"
#define AppExe "beslut.exe"
; The console twin of beslut.exe (packaging/beslut.spec): what `beslut ...` at a cmd or
; PowerShell prompt runs, since PATHEXT lists .COM before .EXE.
#define ConsoleExe "beslut.com"
#define ProgId "beslut.draft"

[Setup]
; Never change AppId: Windows and Inno recognise an installed beslut by it (upgrades
; install over it, the uninstaller entry is found by it). "{{" is a literal "{".
AppId={{057D1306-62D9-4F0B-BB73-562009F8CDB5}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
; Per user, no administrator rights: Setup never asks for elevation and always runs in
; non administrative install mode, even when started by an administrator. Without
; PrivilegesRequiredOverridesAllowed, /ALLUSERS on the command line cannot change that.
PrivilegesRequired=lowest
; {autopf} is {userpf} in non administrative install mode: the current user's Program
; Files folder, Windows' known folder FOLDERID_UserProgramFiles, whose default is
; %LOCALAPPDATA%\Programs (it follows the folder if an administrator redirected it).
; So beslut installs into %LOCALAPPDATA%\Programs\beslut by default.
DefaultDirName={autopf}\{#AppName}
; No Start-menu folder: one shortcut directly in the user's Start-menu Programs.
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; The PyInstaller build is 64-bit (64-bit Python); this also makes Setup refuse 32-bit
; Windows with a clear message instead of installing something that cannot start.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Tell Explorer the .beslut association changed (install and uninstall), so the icon and
; the double-click work without logging off.
ChangesAssociations=yes
; The install folder goes on the user's own PATH ([Code] below), so `beslut` works at a
; new command prompt; tell Windows, so new prompts see it without logging off.
ChangesEnvironment=yes
OutputDir=..\dist
OutputBaseFilename=beslut-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The language dialog only when Windows' UI language is neither Swedish nor English.
ShowLanguageDialog=auto

[Languages]
; Swedish first: it is the fallback when Windows' UI language matches neither. Both
; message files ship with Inno Setup: Default.isl (English) always, and Swedish.isl
; among the official translations in the Languages folder since Inno Setup 6.4 (it was
; an unofficial, separately downloaded translation before that).
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade first removes the previous version's PyInstaller support folder, so no
; library left over from an older build is loaded beside the new ones. (The user's data
; is not in {app}: the database lives in %APPDATA%\beslut and is never touched here.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole PyInstaller one-folder build: dist\beslut\ (beslut.exe, beslut.com and their
; _internal).
Source: "..\dist\beslut\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; {autoprograms} is {userprograms} here: the current user's Start menu, Programs.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The .beslut association, per user under HKCU\Software\Classes (never HKCR or HKLM,
; which need administrator rights). Every key and value is removed on uninstall:
; .beslut's own value, and the key itself once nothing else is registered under it; the
; whole ProgID key with its subkeys.
Root: HKCU; Subkey: "Software\Classes\.beslut"; Flags: uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.beslut"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.beslut\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Utkast (beslut)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Flags: uninsdeletekey
; The command Explorer runs on a double-click: "<app>\beslut.exe" "<the file>". In a
; quoted Inno value "" is one ", so this value is exactly: "{app}\beslut.exe" "%1"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The install folder on the user's PATH (HKCU\Environment, the user's own part of PATH;
  never the machine's), added once on install and removed on uninstall, so the command
  line finds beslut.com. Entries are compared without regard to case, as Windows does;
  the user's other entries are kept as they are, %VARIABLES% unexpanded. }

const
  EnvironmentKey = 'Environment';

function PathWithout(const Path, Dir: string): string;
var
  Rest, Entry: string;
  P: Integer;
begin
  Result := '';
  Rest := Path;
  while Rest <> '' do
  begin
    P := Pos(';', Rest);
    if P = 0 then
    begin
      Entry := Rest;
      Rest := '';
    end
    else
    begin
      Entry := Copy(Rest, 1, P - 1);
      Delete(Rest, 1, P);
    end;
    if (Entry <> '') and (CompareText(Entry, Dir) <> 0) then
    begin
      if Result <> '' then
        Result := Result + ';';
      Result := Result + Entry;
    end;
  end;
end;

procedure AddToUserPath(const Dir: string);
var
  Path, Others: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Path) then
    Path := '';
  { PathWithout(Path, '') is Path without empty entries: a difference means Dir is there. }
  if PathWithout(Path, Dir) <> PathWithout(Path, '') then
    exit;
  if (Path <> '') and (Copy(Path, Length(Path), 1) <> ';') then
    Path := Path + ';';
  Path := Path + Dir;
  if not RegWriteExpandStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Path) then
    Log('Could not add ' + Dir + ' to the user''s PATH');
end;

procedure RemoveFromUserPath(const Dir: string);
var
  Path, Others: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Path) then
    exit;
  Others := PathWithout(Path, Dir);
  if Others = PathWithout(Path, '') then
    exit;
  if Others = '' then
    RegDeleteValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path')
  else
    RegWriteExpandStringValue(HKEY_CURRENT_USER, EnvironmentKey, 'Path', Others);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    AddToUserPath(ExpandConstant('{app}'));
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemoveFromUserPath(ExpandConstant('{app}'));
end;
