# Root module of PSSocketChat. The cmdlets live in PSSocketChat.dll; this script imports them and, because
# Windows PowerShell 5.1 offers binary modules no cleanup hook, closes what this runspace opened when the module is
# removed from it. The cmdlets it imports are exported because this script never calls Export-ModuleMember.
Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, 'PSSocketChat.dll')) -ErrorAction Stop

# Each runspace's removal closes what that runspace opened; the last one closes everything.
[PSSocketChat.Module.ModuleState]::Imported([runspace]::DefaultRunspace.InstanceId)
$ExecutionContext.SessionState.Module.OnRemove = {
    [PSSocketChat.Module.ModuleState]::Removed([runspace]::DefaultRunspace.InstanceId)
}
