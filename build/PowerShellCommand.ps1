# The PowerShell running this script, as a command and its first arguments, for starting a new process of the same
# edition; dot-sourced by build.ps1 and by the Pester suite. The process's own path serves when it is pwsh or
# powershell. Under `dotnet pwsh` the process is dotnet, and the tool's pwsh.dll runs on every OS and processor, where
# the pwsh launcher beside it is built for one; any other host (the ISE, an editor's) falls back to the edition's
# executable in $PSHOME. Windows PowerShell 5.1 and PowerShell 7 both run this file.
function Get-PowerShellCommand {
    $path = (Get-Process -Id $PID).Path
    $name = if ($path) { [IO.Path]::GetFileNameWithoutExtension($path) } else { '' }
    if ($name -in 'pwsh', 'powershell') {
        return , @($path)
    }

    $library = Join-Path $PSHOME 'pwsh.dll'
    if ($name -eq 'dotnet' -and (Test-Path -LiteralPath $library)) {
        return , @($path, $library)
    }

    if ($PSVersionTable.PSEdition -eq 'Core') {
        # $IsWindows exists only in PowerShell 6 and later, so it is read only on this branch.
        if ($IsWindows) { return , @(Join-Path $PSHOME 'pwsh.exe') }
        return , @(Join-Path $PSHOME 'pwsh')
    }

    , @(Join-Path $PSHOME 'powershell.exe')
}
