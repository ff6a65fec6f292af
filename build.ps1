#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and documents the PSSocketChat module.

.DESCRIPTION
    Tasks, one or several in the order given:

      Build  (default)  Compiles in Release and assembles out/PSSocketChat/<version>/: PSSocketChat.dll,
                        PSSocketChat.Engine.dll, the manifest, the root module, the format file and the help
                        (en-US/PSSocketChat.dll-Help.xml and about_PSSocketChat.help.txt, built from docs/en-US).
      Test              Builds, runs the .NET tests (dotnet test), then the Pester suite on the built module in a
                        new PowerShell process.
      Docs              Builds, refreshes docs/en-US from the built module with platyPS, and rebuilds the help.
      Clean             Removes out/, TestResults/ and the .NET build output.

    Pester (5.3 or later) and platyPS (0.14.x) are installed for the current user from the PowerShell Gallery when
    a task needs them and they are missing.

.EXAMPLE
    ./build.ps1

    Builds the module; then: Import-Module ./out/PSSocketChat/0.1.0/PSSocketChat.psd1

.EXAMPLE
    ./build.ps1 -Task Test

.EXAMPLE
    ./build.ps1 -Task Clean, Build
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModuleName = 'PSSocketChat'
$RepositoryRoot = $PSScriptRoot
$ModuleVersion = (Import-PowerShellDataFile -Path (Join-Path $RepositoryRoot "$ModuleName.psd1")).ModuleVersion
$ModuleOutput = [IO.Path]::Combine($RepositoryRoot, 'out', $ModuleName, $ModuleVersion)
$ModuleManifest = Join-Path $ModuleOutput "$ModuleName.psd1"
$HelpSource = [IO.Path]::Combine($RepositoryRoot, 'docs', 'en-US')
$AboutTopic = "about_$ModuleName"

# The PowerShell running this script: Pester and platyPS run in a new process of the same edition. The process's own
# path serves unless the host is not the console (the ISE, an editor's host); then the edition's executable in $PSHOME.
function Get-PowerShellPath {
    $path = (Get-Process -Id $PID).Path
    if ($path -and [IO.Path]::GetFileNameWithoutExtension($path) -in 'pwsh', 'powershell') {
        return $path
    }

    if ($PSVersionTable.PSEdition -eq 'Core') {
        # $IsWindows exists only in PowerShell 6 and later, so it is read only on this branch.
        if ($IsWindows) { return Join-Path $PSHOME 'pwsh.exe' }
        return Join-Path $PSHOME 'pwsh'
    }

    Join-Path $PSHOME 'powershell.exe'
}

$PowerShellPath = Get-PowerShellPath

# A value as a single-quoted PowerShell literal, for command text handed to a new process.
function ConvertTo-Literal {
    param([Parameter(Mandatory)] [string] $Text)
    "'" + ($Text -replace "'", "''") + "'"
}

function Invoke-DotNet {
    # dotnet reports failure only through its exit code. Windows PowerShell turns a native command's stderr into error
    # records when its own stderr is redirected (CI, a log, the ISE), which 'Stop' would make fatal: judge by the exit
    # code alone. The executable is found first, so that a missing one still stops the build at once.
    $dotnet = (Get-Command -Name dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Path
    $ErrorActionPreference = 'Continue'
    & $dotnet @args
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-PowerShell {
    param([Parameter(Mandatory)] [string] $Script, [string] $Description)

    # As in Invoke-DotNet: the executable is checked first, then the exit code alone tells failure.
    if (-not (Test-Path -LiteralPath $PowerShellPath -PathType Leaf)) {
        throw "$Description needs a new PowerShell process, but $PowerShellPath does not exist."
    }

    $ErrorActionPreference = 'Continue'
    & $PowerShellPath -NoProfile -NonInteractive -Command $Script
    if ($LASTEXITCODE -ne 0) {
        throw "$Description failed (exit code $LASTEXITCODE)."
    }
}

function Use-GalleryModule {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [version] $MinimumVersion,
        [Parameter(Mandatory)] [version] $MaximumVersion
    )

    $find = {
        Get-Module -ListAvailable -Name $Name |
            Where-Object { $_.Version -ge $MinimumVersion -and $_.Version -le $MaximumVersion } |
            Sort-Object -Property Version -Descending |
            Select-Object -First 1
    }

    $module = & $find
    if (-not $module) {
        Write-Host "$Name $MinimumVersion (up to $MaximumVersion) is needed for this task and is not installed."
        Write-Host "Installing it for the current user from the PowerShell Gallery..."
        if ($PSVersionTable.PSEdition -ne 'Core') {
            # The Gallery accepts TLS 1.2 only; Windows PowerShell's PowerShellGet 1.x does not ask for it by itself.
            [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        }

        try {
            Install-Module -Name $Name -MinimumVersion $MinimumVersion -MaximumVersion $MaximumVersion `
                -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber -Repository PSGallery
        }
        catch {
            throw "Could not install $Name from the PowerShell Gallery: $($_.Exception.Message) " +
                "Install it yourself: Install-Module $Name -MinimumVersion $MinimumVersion -MaximumVersion $MaximumVersion -Scope CurrentUser"
        }

        $module = & $find
        if (-not $module) {
            throw "$Name was installed but Get-Module -ListAvailable does not find it; check that the CurrentUser module folder is in `$env:PSModulePath."
        }
    }

    $module
}

function Invoke-BuildTask {
    $publish = [IO.Path]::Combine($RepositoryRoot, 'out', 'publish')
    Invoke-DotNet publish ([IO.Path]::Combine($RepositoryRoot, 'src', $ModuleName, "$ModuleName.csproj")) `
        --configuration $Configuration --output $publish --nologo

    if (Test-Path -LiteralPath $ModuleOutput) {
        Remove-Item -LiteralPath $ModuleOutput -Recurse -Force
    }

    $null = New-Item -ItemType Directory -Path $ModuleOutput
    foreach ($assembly in "$ModuleName.dll", "$ModuleName.Engine.dll", "$ModuleName.pdb", "$ModuleName.Engine.pdb") {
        Copy-Item -LiteralPath (Join-Path $publish $assembly) -Destination $ModuleOutput
    }

    Copy-Item -LiteralPath (Join-Path $RepositoryRoot "$ModuleName.psd1") -Destination $ModuleOutput
    foreach ($file in "$ModuleName.psm1", "$ModuleName.format.ps1xml") {
        Copy-Item -LiteralPath ([IO.Path]::Combine($RepositoryRoot, 'src', $ModuleName, $file)) -Destination $ModuleOutput
    }

    try {
        Build-Help
    }
    catch {
        Write-Warning "The module is built without its help, so Get-Help shows only syntax: $($_.Exception.Message)"
    }

    Write-Host "Built $ModuleManifest"
}

function Build-Help {
    $platyPS = Use-GalleryModule -Name platyPS -MinimumVersion '0.14.0' -MaximumVersion '0.14.99'
    Import-Module -Name $platyPS.Path -Force

    $helpOutput = Join-Path $ModuleOutput 'en-US'
    $cmdletHelp = Get-ChildItem -LiteralPath $HelpSource -Filter '*-*.md' | ForEach-Object { $_.FullName }
    $null = New-ExternalHelp -Path $cmdletHelp -OutputPath $helpOutput -Force

    # platyPS names an about topic's text after its markdown file, so about_X.help.md would become
    # about_X.help.help.txt: convert a copy named about_X.md.
    $staging = Join-Path ([IO.Path]::GetTempPath()) ("$ModuleName-help-" + [guid]::NewGuid())
    $null = New-Item -ItemType Directory -Path $staging
    try {
        Copy-Item -LiteralPath (Join-Path $HelpSource "$AboutTopic.help.md") -Destination (Join-Path $staging "$AboutTopic.md")
        $null = New-ExternalHelp -Path (Join-Path $staging "$AboutTopic.md") -OutputPath $helpOutput -Force
    }
    finally {
        Remove-Item -LiteralPath $staging -Recurse -Force
    }
}

function Invoke-TestTask {
    Invoke-DotNet test (Join-Path $RepositoryRoot "$ModuleName.slnx") --configuration $Configuration

    $pester = Use-GalleryModule -Name Pester -MinimumVersion '5.3.0' -MaximumVersion '5.99.99'
    $runner = [IO.Path]::Combine($RepositoryRoot, 'tests', 'Pester', 'Invoke-PesterSuite.ps1')
    # -Command turns a script's own exit code into 0 or 1 by $?; the runner ends with an explicit exit, passed on here.
    # $LASTEXITCODE starts at 1 so that a run stopped before that exit still fails.
    Invoke-PowerShell -Description 'The Pester suite' -Script (
        '$LASTEXITCODE = 1; & {0} -ModuleManifest {1} -PesterPath {2}; exit $LASTEXITCODE' -f
        (ConvertTo-Literal $runner), (ConvertTo-Literal $ModuleManifest), (ConvertTo-Literal $pester.Path))
}

function Invoke-DocsTask {
    $platyPS = Use-GalleryModule -Name platyPS -MinimumVersion '0.14.0' -MaximumVersion '0.14.99'

    # Refreshed in a new process, so this session never loads (and, on Windows, locks) the module it builds.
    # 'Stop' there too: a module that fails to import must fail the task, not leave every page "command not found".
    Invoke-PowerShell -Description 'Update-MarkdownHelp' -Script (
        '$ErrorActionPreference = ''Stop''; Import-Module {0}; Import-Module {1}; $null = Update-MarkdownHelp -Path {2} -AlphabeticParamsOrder -ExcludeDontShow' -f
        (ConvertTo-Literal $platyPS.Path), (ConvertTo-Literal $ModuleManifest), (ConvertTo-Literal $HelpSource))

    # platyPS 0.14 on PowerShell 7.4 and later documents the new common parameter -ProgressAction as if it were
    # the cmdlet's own; it is not, so its section is removed again.
    foreach ($file in Get-ChildItem -LiteralPath $HelpSource -Filter '*-*.md') {
        $text = [IO.File]::ReadAllText($file.FullName)
        $cleaned = [regex]::Replace($text, '(?ms)^### -ProgressAction\r?\n.*?(?=^### )', '')
        $cleaned = $cleaned -replace ' \[-ProgressAction <ActionPreference>\]', ''
        if ($cleaned -ne $text) {
            [IO.File]::WriteAllText($file.FullName, $cleaned, (New-Object System.Text.UTF8Encoding $false))
        }
    }

    Build-Help
    Write-Host "Help rebuilt in $(Join-Path $ModuleOutput 'en-US')"
}

function Invoke-CleanTask {
    foreach ($folder in 'out', 'TestResults') {
        $path = Join-Path $RepositoryRoot $folder
        if (Test-Path -LiteralPath $path) {
            Remove-Item -LiteralPath $path -Recurse -Force
        }
    }

    Invoke-DotNet clean (Join-Path $RepositoryRoot "$ModuleName.slnx") --configuration $Configuration --nologo
}

$built = $false
foreach ($name in $Task) {
    if ($name -in 'Build', 'Test', 'Docs' -and -not $built) {
        Invoke-BuildTask
        $built = $true
    }

    switch ($name) {
        'Test' { Invoke-TestTask }
        'Docs' { Invoke-DocsTask }
        'Clean' {
            Invoke-CleanTask
            $built = $false
        }
    }
}
