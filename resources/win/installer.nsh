; Included by electron-builder's NSIS installer (electron-builder.yml › nsis.include).
; Electron 44+ runs on 64-bit Windows 10 or later only; the installer's own check already refuses
; 32-bit Windows, this one refuses Windows 7 / 8 / 8.1 before anything is copied.
; UTF-8 with BOM: the installer is Unicode and the message is Chinese.
!macro customInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "稿台需要 64 位 Windows 10 或更高版本。$\r$\nDraftDesk needs 64-bit Windows 10 or later."
    Quit
  ${EndIf}
!macroend
