; Consult Desk: Windows installer (Inno Setup 6). Per-user: no administrator rights needed.
;
; Build on Windows (see README "Installer"):
;   py installer\build.py --smoke --inno
; or, after installer\build.py, by hand:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" installer\windows\consult_desk.iss
; Output: installer\dist\ConsultDesk-Setup-<version>.exe
;
; The program's data (database and its backups) lives in %LOCALAPPDATA%\ConsultDesk\ConsultDesk
; (platformdirs). Installing a newer version over an older one keeps it; the program backs the
; database up and migrates it on its first start. Uninstalling keeps it too, unless the user answers
; "yes" to the question at the end (a silent uninstall never deletes it).
;
; This file is UTF-8 with a byte-order mark (Inno Setup 6 reads the Japanese text correctly only so).

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\consult-desk"
#endif
#ifndef IconFile
  #define IconFile AddBackslash(SourcePath) + "..\build\consult_desk\prepared\consult-desk.ico"
#endif
#ifndef AppVersion
  ; the version resource of the built program, which installer\consult_desk.spec took from pyproject.toml
  #define AppVersion GetVersionNumbersString(BundleDir + "\ConsultDesk.exe")
#endif
#define AppName "Consult Desk"
#define AppNameJa "相談予約デスク"
#define AppExe "ConsultDesk.exe"

[Setup]
AppId={{6B0E7C2A-4F3D-4E51-9C7A-2D8F1B5E9A34}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameJa} ({#AppName}) {#AppVersion}
AppPublisher=Consult Desk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ConsultDesk
DefaultGroupName={#AppNameJa}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
OutputDir=..\dist
OutputBaseFilename=ConsultDesk-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameJa} ({#AppName})
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[CustomMessages]
japanese.DeleteDataQuestion=予約データ（データベースとその控え）も削除しますか？
japanese.DeleteDataKeepHint=「いいえ」を選ぶとデータは残り、再インストールするとそのまま使えます。通常は「いいえ」を選んでください。
japanese.DesktopIcon=デスクトップにアイコンを作る

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; an upgrade removes the previous version's program files first (never the data, which is elsewhere)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppNameJa}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "オンライン相談の予約受付"
Name: "{autodesktop}\{#AppNameJa}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameJa}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataDir = '{localappdata}\ConsultDesk';  { platformdirs.user_data_dir("ConsultDesk", "ConsultDesk") is its ConsultDesk subfolder }
  SettingsKey = 'Software\ConsultDesk';     { QSettings("ConsultDesk", "Consult Desk") }

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Data: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Data := ExpandConstant(DataDir);
  if UninstallSilent() or not DirExists(Data) then
    exit;  { silent uninstall or nothing stored: the data stays }
  if MsgBox(CustomMessage('DeleteDataQuestion') + #13#10#13#10 + Data + #13#10#13#10
            + CustomMessage('DeleteDataKeepHint'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(Data, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKCU, SettingsKey);
  end;
end;
