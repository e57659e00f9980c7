; Vigie — NSIS additions (included by electron-builder, see electron-builder.yml).
; The machine-wide data folder %ProgramData%\Vigie holds the configuration, the credentials store,
; the operators, the registry and its keys, and the wall pairing. It is never in the install folder.
; Only Administrators, SYSTEM and the local group "Vigie" (the accounts Vigie runs under) may read it.
; Written for Windows; it cannot run on the Linux build machines, so it is checked on the first
; Windows install (README, technician's checklist).

!macro customInstall
  SetShellVarContext all ; $APPDATA is then C:\ProgramData
  CreateDirectory "$APPDATA\Vigie"
  ; The group the post's Windows accounts join; it already exists after the first install.
  nsExec::Exec 'net localgroup Vigie /add /comment:"Comptes autorisés à exécuter Vigie"'
  ; No inherited rights; Administrators (S-1-5-32-544) and SYSTEM (S-1-5-18) full; the group modify.
  nsExec::ExecToLog 'icacls "$APPDATA\Vigie" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F Vigie:(OI)(CI)M'
!macroend

!macro customUnInstall
  SetShellVarContext all ; $APPDATA is then C:\ProgramData
  ; An upgrade runs the old uninstaller: the data stays. An uninstall keeps it too, unless the
  ; technician asks: Uninstall Vigie.exe /S /PURGE
  ${ifNot} ${isUpdated}
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/PURGE" $R1
    ${ifNot} ${Errors}
      RMDir /r "$APPDATA\Vigie"
    ${endIf}
  ${endIf}
!macroend
