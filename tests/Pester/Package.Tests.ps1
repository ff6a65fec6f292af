# The package as a user gets it: registered in a local repository, installed with Install-PSResource, imported by
# name and used for the seed exchange, all in a new PowerShell process whose home is a temporary folder, so nothing
# of this machine's own repositories or modules is touched or used.
BeforeDiscovery {
    $psResourceGet = [bool] (Get-Command -Name Install-PSResource -ErrorAction SilentlyContinue)
}

Describe 'The package' -Skip:(-not $psResourceGet) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

        $root = Join-Path ([IO.Path]::GetTempPath()) ('pssocketchat-package-' + [guid]::NewGuid().ToString('N'))
        $repository = Join-Path $root 'repository'
        $null = New-Item -ItemType Directory -Path $repository -Force

        # build.ps1 -Task Test packs the module first (its Package task) and names the package here; run alone, the suite
        # packs the module under test the same way.
        if ($env:PSSOCKETCHAT_PACKAGE) {
            Copy-Item -LiteralPath $env:PSSOCKETCHAT_PACKAGE -Destination $repository
        }
        else {
            Compress-PSResource -Path (Split-Path -Parent (Get-ModuleUnderTest)) -DestinationPath $repository
        }

        $manifest = Import-PowerShellDataFile -Path (Get-ModuleUnderTest)
        $package = Get-ChildItem -LiteralPath $repository -Filter '*.nupkg'

        $script = @'
$ErrorActionPreference = 'Stop'
# Progress would reach the parent as CLIXML on standard error.
$ProgressPreference = 'SilentlyContinue'
$repository = $env:PSSOCKETCHAT_TEST_REPOSITORY
Register-PSResourceRepository -Name PSSocketChatTest -Uri $repository -Trusted
$found = Find-PSResource -Name PSSocketChat -Repository PSSocketChatTest
if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
    # Windows keeps CurrentUser modules in Documents, which a temporary home does not move: save into a folder instead.
    $modules = Join-Path $env:USERPROFILE 'Modules'
    Save-PSResource -Name PSSocketChat -Repository PSSocketChatTest -Path $modules -TrustRepository -Quiet
    $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
}
else {
    Install-PSResource -Name PSSocketChat -Repository PSSocketChatTest -Scope CurrentUser -TrustRepository -Quiet
}

Import-Module -Name PSSocketChat
$server = Start-SocketServer -Port 0 -IPAddress 127.0.0.1
$client = Connect-SocketServer -ComputerName 127.0.0.1 -Port $server.LocalEndPoint.Port -Timeout 10
$reply = Send-SocketMessage $client 'hola' -WaitForReply -Timeout 10
$received = Receive-SocketMessage -Server $server -Count 1 -Timeout 10
Close-SocketConnection $client -Confirm:$false
Stop-SocketServer $server -Confirm:$false
$module = Get-Module -Name PSSocketChat
[pscustomobject]@{
    ModuleBase   = $module.ModuleBase
    Version      = "$($module.Version)"
    HasHelp      = [bool] (Get-Help -Name Start-SocketServer).description
    Reply        = $reply.Text
    Received     = $received.Text
    Description  = $found.Description
    Tags         = @($found.Tags)
    ProjectUri   = "$($found.ProjectUri)"
    LicenseUri   = "$($found.LicenseUri)"
    ReleaseNotes = $found.ReleaseNotes
} | ConvertTo-Json -Compress
'@

        # A home of its own: PSResourceGet's repository list and the CurrentUser modules live under it on Linux and macOS.
        $saved = @{}
        foreach ($name in 'HOME', 'USERPROFILE', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath', 'PSSOCKETCHAT_TEST_REPOSITORY') {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        }

        $temporaryHome = Join-Path $root 'home'
        $null = New-Item -ItemType Directory -Path $temporaryHome -Force
        try {
            [Environment]::SetEnvironmentVariable('HOME', $temporaryHome)
            [Environment]::SetEnvironmentVariable('USERPROFILE', $temporaryHome)
            foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') {
                [Environment]::SetEnvironmentVariable($name, $null)
            }

            # Only PowerShell's own modules and PSResourceGet's folder (they are one in PowerShell 7.4 and later); the new
            # process adds its own user folder itself.
            $psResourceGetBase = (Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet | Select-Object -First 1).ModuleBase
            if ((Split-Path -Leaf $psResourceGetBase) -ne 'Microsoft.PowerShell.PSResourceGet') {
                $psResourceGetBase = Split-Path -Parent $psResourceGetBase
            }

            $psResourceGetFolder = Split-Path -Parent $psResourceGetBase
            [Environment]::SetEnvironmentVariable('PSModulePath', ($psResourceGetFolder, (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator)
            [Environment]::SetEnvironmentVariable('PSSOCKETCHAT_TEST_REPOSITORY', $repository)
            # Encoded, so that no edition's quoting of native arguments can change the script.
            $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
            $run = Invoke-PowerShellProcess -Arguments '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded
            $printed = $run.Lines
            $exitCode = $run.ExitCode
        }
        finally {
            foreach ($name in $saved.Keys) {
                [Environment]::SetEnvironmentVariable($name, $saved[$name])
            }
        }

        $result = $printed | Where-Object { $_.StartsWith("{") } | Select-Object -Last 1 | ConvertFrom-Json
    }

    AfterAll {
        if ($root -and (Test-Path -LiteralPath $root)) {
            Remove-Item -LiteralPath $root -Recurse -Force
        }
    }

    It 'is one .nupkg named for the module and its version' {
        @($package).Count | Should -Be 1
        $package.Name | Should -Be "PSSocketChat.$($manifest.ModuleVersion).nupkg"
    }

    It 'installs from a local repository with Install-PSResource and runs the seed exchange' {
        $exitCode | Should -Be 0 -Because ($printed -join "`n")
        $result.ModuleBase | Should -BeLike "$root*"
        $result.Version | Should -Be $manifest.ModuleVersion
        $result.Reply | Should -Be 'Mensaje recibido'
        $result.Received | Should -Be 'hola'
        $result.HasHelp | Should -BeTrue
    }

    It 'carries what the Gallery shows' {
        $result.Description | Should -Be $manifest.Description
        $result.Tags | Should -Contain 'TCP'
        $result.ProjectUri | Should -Be $manifest.PrivateData.PSData.ProjectUri
        $result.LicenseUri | Should -Be $manifest.PrivateData.PSData.LicenseUri
        $result.ReleaseNotes | Should -Be $manifest.PrivateData.PSData.ReleaseNotes
    }
}
