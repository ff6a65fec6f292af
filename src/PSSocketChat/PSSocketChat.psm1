# Root module of PSSocketChat. The cmdlets live in PSSocketChat.dll; this script imports them and, because
# Windows PowerShell 5.1 offers binary modules no cleanup hook, closes what the session opened when the module is
# removed. The cmdlets it imports are exported because this script never calls Export-ModuleMember.
Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, 'PSSocketChat.dll')) -ErrorAction Stop

$ExecutionContext.SessionState.Module.OnRemove = {
    [PSSocketChat.Module.ModuleState]::Shutdown()
}
