; Sổ Đoàn's Windows installer (NSIS 3, Modern UI 2). `make windows-installer`
; builds it with makensis -INPUTCHARSET UTF8 and these definitions:
;   VERSION      0.1.0        (FyneApp.toml)
;   FILEVERSION  0.1.0.1      (Version and Build)
;   COMPANY      the publisher (FyneApp.toml [Release] Company)
;   STAGE        folder holding sodoan.exe, sodoan-cli.exe, Doc-truoc.txt
;                and giay-phep\ (the bundled fonts' licences)
;   ICON         sodoan.ico   (made from the app's icon)
;   WELCOME      welcome.bmp  (the side picture, 164×314, made by package.sh)
;   OUTFILE      SoDoan-Setup-<version>.exe
;
; Per user, without administrator rights: the program goes to
; %LocalAppData%\Programs\SoDoan, shortcuts to the user's Start menu and
; desktop, the uninstall entry to HKCU. The register and its backups live in
; %AppData%\SoDoan, which the uninstaller never touches.

Unicode true
Target amd64-unicode
ManifestSupportedOS Win10
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include FileFunc.nsh
!include StrFunc.nsh
!include WordFunc.nsh
${StrStr}

!define APPNAME "Sổ Đoàn"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SoDoan"
; The mutex sodoan.exe holds while it is open (cmd/sodoan/dialog_windows.go).
!define RUNNING_MUTEX "SoDoan.DangMo"
; NSIS strings hold 1024 characters: a longer PATH would come back cut, and
; writing it back would lose the rest, so such a PATH is left as it is.
!define PATH_ROOM 900

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\SoDoan"
InstallDirRegKey HKCU "Software\SoDoan" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${FILEVERSION}"
VIFileVersion "${FILEVERSION}"
VIAddVersionKey /LANG=1066 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileVersion" "${FILEVERSION}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APPNAME} ${VERSION}"
VIAddVersionKey /LANG=1066 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "© ${COMPANY}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${WELCOME}"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${WELCOME}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Chương trình này sẽ cài ${APPNAME} ${VERSION}, sổ đoàn viên, hội viên và báo cáo của Đoàn phường, xã, cho riêng tài khoản Windows này (không cần quyền quản trị).$\r$\n$\r$\nSổ dữ liệu được lưu riêng trong %AppData%\SoDoan: cài lại hay gỡ bỏ chương trình đều không xóa sổ và các bản sao lưu.$\r$\n$\r$\n$_CLICK"
!define MUI_FINISHPAGE_RUN "$INSTDIR\sodoan.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APPNAME} ngay"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\Doc-truoc.txt"
!define MUI_FINISHPAGE_SHOWREADME_TEXT "Xem hướng dẫn ngắn (Doc-truoc.txt)"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APPNAME} sẽ được gỡ khỏi máy. Sổ dữ liệu và các bản sao lưu trong %AppData%\SoDoan được giữ nguyên."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  ; Go programs need Windows 10 (64-bit): say so instead of installing a
  ; program that would not start.
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP|MB_OK "${APPNAME} cần Windows 10 hoặc Windows 11 (64-bit). Máy này đang chạy một bản Windows cũ hơn, nên chương trình không cài được." /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  Call checkRunning
FunctionEnd

;; checkRunning: while Sổ Đoàn is open its sodoan.exe cannot be replaced or
;; deleted; instead of NSIS's "cannot open the file for writing" (install)
;; or a "completed" uninstall that left the program behind, ask the user to
;; close it. Silent (/S): exit code 4, nothing touched.
!macro CHECK_RUNNING UN
Function ${UN}checkRunning
  retry:
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r0'
    ${If} $0 != 0
      System::Call 'kernel32::CloseHandle(p r0)'
      MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "${APPNAME} đang mở. Hãy lưu việc đang làm và đóng ${APPNAME}, rồi bấm Thử lại (Retry).$\r$\n$\r$\nBấm Hủy (Cancel) để dừng: chưa có gì thay đổi." /SD IDCANCEL IDRETRY retry
      SetErrorLevel 4
      Quit
    ${EndIf}
FunctionEnd
!macroend
!insertmacro CHECK_RUNNING ""
!insertmacro CHECK_RUNNING "un."

Function un.onInit
  Call un.checkRunning
FunctionEnd

Section "${APPNAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\sodoan.exe"
  File "${STAGE}\sodoan-cli.exe"
  File "${STAGE}\Doc-truoc.txt"
  SetOutPath "$INSTDIR\giay-phep"
  File "${STAGE}\giay-phep\*.txt"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Shortcuts for this user only; the icon is the program's own.
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\sodoan.exe" "" "$INSTDIR\sodoan.exe" 0 SW_SHOWNORMAL "" "Sổ đoàn viên, hội viên và báo cáo"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\sodoan.exe" "" "$INSTDIR\sodoan.exe" 0 SW_SHOWNORMAL "" "Sổ đoàn viên, hội viên và báo cáo"

  WriteRegStr HKCU "Software\SoDoan" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\sodoan.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ; A ward's package (.sodoan) opens in Sổ Đoàn when double-clicked: the
  ; upper level's consolidation register asks its passphrase.
  WriteRegStr HKCU "Software\Classes\.sodoan" "" "SoDoan.GoiSoLieu"
  WriteRegStr HKCU "Software\Classes\SoDoan.GoiSoLieu" "" "Gói số liệu Sổ Đoàn"
  WriteRegStr HKCU "Software\Classes\SoDoan.GoiSoLieu\DefaultIcon" "" "$INSTDIR\sodoan.exe,0"
  WriteRegStr HKCU "Software\Classes\SoDoan.GoiSoLieu\shell\open\command" "" '"$INSTDIR\sodoan.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; sodoan-cli on this user's PATH, so that a new cmd window finds it.
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $1 $0
  ${StrStr} $2 ";$0;" ";$INSTDIR;"
  ${If} $2 != ""
    DetailPrint "PATH đã có $INSTDIR"
  ${ElseIf} $1 > ${PATH_ROOM}
    DetailPrint "PATH của tài khoản quá dài ($1 ký tự): không thêm $INSTDIR"
  ${Else}
    ${If} $0 == ""
      StrCpy $0 "$INSTDIR"
    ${Else}
      StrCpy $0 "$0;$INSTDIR"
    ${EndIf}
    WriteRegExpandStr HKCU "Environment" "Path" "$0"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Only what the installer put here: the register and its backups
  ; (%AppData%\SoDoan) and the reports the user saved stay where they are.
  Delete "$INSTDIR\sodoan.exe"
  Delete "$INSTDIR\sodoan-cli.exe"
  Delete "$INSTDIR\Doc-truoc.txt"
  Delete "$INSTDIR\giay-phep\*.txt"
  RMDir "$INSTDIR\giay-phep"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; Take the folder off this user's PATH, the rest of it as it was.
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $1 $0
  ${If} $1 <= ${PATH_ROOM}
    ${un.WordReplace} ";$0;" ";$INSTDIR;" ";" "+" $2
    StrCpy $2 $2 "" 1
    StrCpy $2 $2 -1
    ${If} $2 != $0
      ${If} $2 == ""
        DeleteRegValue HKCU "Environment" "Path"
      ${Else}
        WriteRegExpandStr HKCU "Environment" "Path" "$2"
      ${EndIf}
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
    ${EndIf}
  ${EndIf}

  ; The file type, and .sodoan's link to it while it is still ours.
  DeleteRegKey HKCU "Software\Classes\SoDoan.GoiSoLieu"
  ReadRegStr $0 HKCU "Software\Classes\.sodoan" ""
  ${If} $0 == "SoDoan.GoiSoLieu"
    DeleteRegKey HKCU "Software\Classes\.sodoan"
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\SoDoan"
SectionEnd
