; Inno Setup script for PlanDesk 规划编制助手 (Inno Setup 6.2 or later).
; Build the bundle first (see BUILD.md), then from the repository root:
;     iscc /DAppVersion=0.1.0 build_spec\windows\plandesk.iss
; → build\PlanDesk-0.1.0-setup.exe
;
; Per-user install without administrator rights into %LOCALAPPDATA%\Programs\PlanDesk. The user's
; library lives in %LOCALAPPDATA%\PlanDesk (platformdirs' user data folder): this installer never
; creates or removes it, so uninstalling or upgrading keeps it, and a newer PlanDesk upgrades it
; when it opens it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define RepoRoot AddBackslash(SourcePath) + "..\.."

[Setup]
; Keep this AppId for every release: it is how an upgrade finds the installed copy.
AppId={{5C7E2D9A-4B1F-4F3E-9A62-7D3C1E8B0F41}
AppName=PlanDesk 规划编制助手
AppVersion={#AppVersion}
AppVerName=PlanDesk 规划编制助手 {#AppVersion}
AppPublisher=PlanDesk
DefaultDirName={localappdata}\Programs\PlanDesk
DefaultGroupName=PlanDesk 规划编制助手
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#RepoRoot}\build
OutputBaseFilename=PlanDesk-{#AppVersion}-setup
SetupIconFile={#RepoRoot}\resources\icons\plandesk.ico
UninstallDisplayIcon={app}\plandesk.exe
UninstallDisplayName=PlanDesk 规划编制助手
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running PlanDesk first, so its files can be replaced.
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder: no module of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#RepoRoot}\build\dist\plandesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; One entry, named in Chinese and English; plandeskw.exe opens the window without a console.
Name: "{userprograms}\PlanDesk 规划编制助手"; Filename: "{app}\plandeskw.exe"; WorkingDir: "{app}"; Comment: "规划编制助手 PlanDesk"
Name: "{userdesktop}\PlanDesk 规划编制助手"; Filename: "{app}\plandeskw.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\plandeskw.exe"; Description: "{cm:LaunchProgram,PlanDesk 规划编制助手}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. The library in %LOCALAPPDATA%\PlanDesk is the user's and stays.
Type: filesandordirs; Name: "{app}\_internal"
