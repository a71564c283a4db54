; Inno Setup script for planmgr (应急预案与演练管理): installs the one-folder PyInstaller
; bundle dist\planmgr for the current user, without administrator rights.
;
;   pyinstaller --noconfirm --clean build_installer.spec   -> dist\planmgr\
;   python tools\make_iss_version.py                        -> build\installer\version.iss
;   ISCC installer\planmgr.iss                              -> dist\planmgr-<version>-setup.exe
;
; Step by step, and how to test the result: docs\windows-build.md. Needs Inno Setup 6.3
; or later (x64compatible). This file is UTF-8 with a byte order mark (Chinese text).
;
; What it does:
; - installs to %LOCALAPPDATA%\Programs\planmgr ({autopf} in per-user mode); an
;   administrator may choose "all users" in the first dialog (then Program Files);
; - Start-menu shortcut, optional desktop shortcut, both to planmgr-gui.exe (windowed);
;   planmgr.exe beside it is the console program (CLI, --selftest);
; - .planpkg files (filing packages) open with planmgr-gui.exe "<file>";
; - uninstalling removes the program only: databases, backups, logs and settings live in
;   %LOCALAPPDATA%\planmgr (planmgr.paths, platformdirs) and are never touched; the
;   uninstaller says where they are.

#ifndef AppVersion
  #if FileExists(AddBackslash(SourcePath) + "..\build\installer\version.iss")
    #include "..\build\installer\version.iss"
  #else
    #error Version unknown: run "python tools\make_iss_version.py" first, or pass /DAppVersion=X.Y.Z to ISCC.
  #endif
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif

#define AppId "{{0C80CE8D-341B-45B0-A028-1FBC46AC9D02}"
#define AppName "应急预案与演练管理"
#define AppShortName "planmgr"
#define AppPublisher "planmgr"
#define GuiExe "planmgr-gui.exe"
#define CliExe "planmgr.exe"
#define BundleDir "..\dist\planmgr"
#define PackageExt ".planpkg"
#define PackageProgId "planmgr.FilingPackage"
; Where planmgr keeps the user's data (platformdirs.user_data_dir("planmgr", appauthor=False)).
#define UserDataDir "{localappdata}\planmgr"
#define HaveChinese FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")

#if !FileExists(AddBackslash(SourcePath) + BundleDir + "\" + GuiExe)
  #error dist\planmgr\planmgr-gui.exe is missing: build the bundle on Windows first (pyinstaller --noconfirm --clean build_installer.spec).
#endif
#if !HaveChinese
  #pragma message "ChineseSimplified.isl is not in Inno Setup's Languages folder: the setup wizard will be in English (docs\windows-build.md says where to get it)."
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
; Per user, no administrator: %LOCALAPPDATA%\Programs\planmgr, HKCU, the user's Start menu.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppShortName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; PySide6 6.x runs on 64-bit Windows 10 and later only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename={#AppShortName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\planmgr.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
; One solid LZMA2 stream over the whole bundle (one block: the two executables carry the
; same Python archive and sit next to each other, so the second should cost little).
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; Closes a running planmgr (Restart Manager) before files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
#if HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
#if HaveChinese
chinesesimplified.AssocGroup=文件类型：
chinesesimplified.AssocTask=用本程序打开备案包（.planpkg 文件）
chinesesimplified.PackageType=应急预案备案包
chinesesimplified.DataKept=程序已卸载。您的数据库、备份、日志和设置仍保留在%n%1%n如确实不再需要，可以手动删除该文件夹。
#endif
english.AssocGroup=File types:
english.AssocTask=Open filing packages (.planpkg files) with this program
english.PackageType=Emergency plan filing package
english.DataKept=The program has been removed. Your databases, backups, logs and settings are still in%n%1%nDelete that folder yourself if you no longer need them.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "associate"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; A new version's bundle replaces the old one whole: no stale libraries left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; HKA: HKCU in a per-user install, HKLM when an administrator installs for all users.
Root: HKA; Subkey: "Software\Classes\{#PackageExt}"; ValueType: string; ValueName: ""; ValueData: "{#PackageProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageExt}\OpenWithProgids"; ValueType: string; ValueName: "{#PackageProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: associate
; "Open with" lists the program under its own name, for filing packages only.
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: "{#PackageExt}"; ValueData: ""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: only what [Files] installed is removed. The user's data is
; outside {app}; a database someone saved inside {app} keeps that folder too.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{#UserDataDir}');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
