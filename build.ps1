#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, documents, packages and runs the PSSocketChat module.

.DESCRIPTION
    Tasks, one or several in the order given (-Task Build,Test or, through -File, -Task "Build,Test"):

      Build  (default)  Compiles in Release and assembles out/PSSocketChat/<version>/: PSSocketChat.dll,
                        PSSocketChat.Engine.dll, the manifest, the root module, the format file and the help
                        (en-US/PSSocketChat.dll-Help.xml and about_PSSocketChat.help.txt, built from docs/en-US).
      Serve             Builds, then runs the seed's server through the module in a new PowerShell process:
                        Start-SocketServer -Wait -Verbose on 0.0.0.0:8000. Ctrl+C stops it.
      Test              Builds, runs every .NET test project (dotnet test), then the whole Pester suite on the built
                        module in a new PowerShell process. Fails if anything in either fails.
      Docs              Builds, brings docs/en-US up to date with the built cmdlets (syntax and parameter facts; the
                        words stay), and rebuilds the help.
      Package           Builds, then writes out/packages/PSSocketChat.<version>.nupkg, which Install-PSResource installs
                        from a local repository (and Publish-PSResource publishes).
      Bench             Builds, runs every benchmark (bench/: the load generator against the console host and the floor
                        server, the framing micro benchmarks, the PowerShell pipeline, a profile of the console host)
                        and writes docs/benchmarks.md from bench/benchmarks.template.md. Linux (taskset, /proc); takes
                        about ten minutes; never part of Test.
      Clean             Removes out/, TestResults/ and the .NET build output.

    A task that fails ends the script with its reason in one line and exit code 1; an unknown task name, with exit
    code 2.

    What the tasks need besides the .NET SDK, and where it comes from:
      - Microsoft.PowerShell.PlatyPS 1.0 (help): any folder on $env:PSModulePath; when it is missing, it is installed
        for the current user from the PowerShell Gallery. Without it Build warns and builds the module without help;
        Test, Docs and Package, and any task when $env:CI is 'true', stop instead.
      - Pester 5 (Test): restored from NuGet by build/PowerShellModules.proj (no Gallery needed); when that fails, an
        installed Pester 5.3 or later.
      - PSResourceGet (Package): ships with PowerShell 7.4 and later; in Windows PowerShell 5.1, install
        Microsoft.PowerShell.PSResourceGet.

.EXAMPLE
    ./build.ps1

    Builds the module; then: Import-Module ./out/PSSocketChat/0.1.0/PSSocketChat.psd1

.EXAMPLE
    dotnet tool restore; dotnet pwsh build.ps1 -Task Test

    On a machine with only the .NET SDK: brings PowerShell 7.6 as a local tool (.config/dotnet-tools.json), then
    builds and runs every test.

.EXAMPLE
    ./build.ps1 -Task Clean, Build, Package
#>
[CmdletBinding()]
param(
    [ArgumentCompleter({
            param($commandName, $parameterName, $wordToComplete)
            'Build', 'Serve', 'Test', 'Docs', 'Package', 'Bench', 'Clean' | Where-Object { $_ -like "$wordToComplete*" }
        })]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$KnownTasks = 'Build', 'Serve', 'Test', 'Docs', 'Package', 'Bench', 'Clean'
# `pwsh -File build.ps1 -Task Build,Docs` passes "Build,Docs" as one string: a list is split wherever it came from.
$Task = @($Task | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
foreach ($name in $Task) {
    if ($name -notin $KnownTasks) {
        $Host.UI.WriteErrorLine("build.ps1: unknown task '$name'. The tasks are: $($KnownTasks -join ', ').")
        exit 2
    }
}

$ModuleName = 'PSSocketChat'
$RepositoryRoot = $PSScriptRoot
$ModuleVersion = (Import-PowerShellDataFile -Path (Join-Path $RepositoryRoot "$ModuleName.psd1")).ModuleVersion
$ModuleOutput = [IO.Path]::Combine($RepositoryRoot, 'out', $ModuleName, $ModuleVersion)
$ModuleManifest = Join-Path $ModuleOutput "$ModuleName.psd1"
$HelpSource = [IO.Path]::Combine($RepositoryRoot, 'docs', 'en-US')
$HelpTools = [IO.Path]::Combine($RepositoryRoot, 'build', 'Help.psm1')
$ModuleTools = [IO.Path]::Combine($RepositoryRoot, 'build', 'PowerShellModules.proj')
$PlatyPSName = 'Microsoft.PowerShell.PlatyPS'
$PlatyPSVersions = @{ Minimum = [version] '1.0.3'; Below = [version] '2.0' }

# Help is optional only for a local Build: everything that tests, documents or ships the module needs it.
$HelpRequired = $env:CI -eq 'true' -or @($Task | Where-Object { $_ -in 'Test', 'Docs', 'Package' }).Count -gt 0

# The PowerShell running this script: Pester, platyPS and the server run in a new process of the same edition, so this
# session never loads (and, on Windows, locks) what it builds.
. ([IO.Path]::Combine($PSScriptRoot, 'build', 'PowerShellCommand.ps1'))
$PowerShellCommand = Get-PowerShellCommand

# A value as a single-quoted PowerShell literal, for command text handed to a new process.
function ConvertTo-Literal {
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)
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
    param([Parameter(Mandatory)] [string] $Script, [Parameter(Mandatory)] [string] $Description)

    # As in Invoke-DotNet: the executable is checked first, then the exit code alone tells failure. The script runs
    # with 'Stop' (an error it does not handle ends it with exit code 1) and ends with its last native exit code.
    if (-not (Test-Path -LiteralPath $PowerShellCommand[0] -PathType Leaf)) {
        throw "$Description needs a new PowerShell process, but $($PowerShellCommand[0]) does not exist."
    }

    # Encoded, because Windows PowerShell (and pwsh before 7.3) pass a quote inside an argument to a program unescaped.
    $wrapped = "`$ErrorActionPreference = 'Stop'; `$LASTEXITCODE = 0; $Script; exit `$LASTEXITCODE"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($wrapped))
    $first = @($PowerShellCommand | Select-Object -Skip 1)
    $ErrorActionPreference = 'Continue'
    # Text, because a PowerShell started from PowerShell with -EncodedCommand answers in CLIXML when its output is redirected.
    & $PowerShellCommand[0] @first -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) {
        throw "$Description failed (exit code $LASTEXITCODE)."
    }
}

# Microsoft.PowerShell.PlatyPS 1.0 from the module path, installed from the Gallery first if it is not there. The
# error says what was looked for, what was tried, and what to do.
function Find-PlatyPS {
    $find = {
        Get-Module -ListAvailable -Name $PlatyPSName |
            Where-Object { $_.Version -ge $PlatyPSVersions.Minimum -and $_.Version -lt $PlatyPSVersions.Below } |
            Sort-Object -Property Version -Descending |
            Select-Object -First 1
    }

    $module = & $find
    if ($module) {
        return $module
    }

    $wanted = "$PlatyPSName $($PlatyPSVersions.Minimum) or a later 1.x"
    $found = @(Get-Module -ListAvailable -Name $PlatyPSName, platyPS | ForEach-Object { "$($_.Name) $($_.Version)" })
    $seen = if ($found) { "found only $($found -join ', ')" } else { 'found none' }
    Write-Host "$wanted builds the help; the module path ($seen). Installing it for the current user from the PowerShell Gallery..."
    try {
        if (Get-Command -Name Install-PSResource -ErrorAction SilentlyContinue) {
            $tried = "Install-PSResource -Name $PlatyPSName -Version '[$($PlatyPSVersions.Minimum),$($PlatyPSVersions.Below))' -Scope CurrentUser"
            Install-PSResource -Name $PlatyPSName -Version "[$($PlatyPSVersions.Minimum),$($PlatyPSVersions.Below))" -Scope CurrentUser -TrustRepository -Quiet
        }
        else {
            # The Gallery accepts TLS 1.2 only; Windows PowerShell's PowerShellGet 1.x does not ask for it by itself.
            [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
            $tried = "Install-Module -Name $PlatyPSName -MinimumVersion $($PlatyPSVersions.Minimum) -Scope CurrentUser"
            Install-Module -Name $PlatyPSName -MinimumVersion $PlatyPSVersions.Minimum -MaximumVersion '1.99.99' -Scope CurrentUser -Force -AllowClobber -Repository PSGallery
        }
    }
    catch {
        throw "$wanted is needed to build the help. Looked on `$env:PSModulePath and $seen; tried $tried, which failed: " +
            "$($_.Exception.Message) To fix: install it yourself ($tried), or put a folder that holds it on `$env:PSModulePath."
    }

    $module = & $find
    if (-not $module) {
        throw "$tried reported no error, but Get-Module -ListAvailable still does not find $wanted; check that the " +
            "CurrentUser module folder is on `$env:PSModulePath."
    }

    $module
}

# Pester 5 at the version build/PowerShellModules.proj names, restored from NuGet into the NuGet package cache (the
# module is the package's tools/ folder); if the restore fails, an installed Pester 5.
function Find-Pester {
    [xml] $project = Get-Content -LiteralPath $ModuleTools -Raw
    $version = ($project.Project.ItemGroup.PackageDownload | Where-Object { $_.Include -eq 'Pester' }).Version.Trim('[]')
    try {
        # Shown, not returned: this function's output is the manifest's path alone.
        Invoke-DotNet restore $ModuleTools --nologo --verbosity quiet | Out-Host
        $cache = & (Get-Command -Name dotnet -CommandType Application | Select-Object -First 1).Path nuget locals global-packages --list
        $root = ($cache | Select-String -Pattern '^global-packages:\s*(.+)$').Matches[0].Groups[1].Value.Trim()
        $manifest = [IO.Path]::Combine($root, 'pester', $version, 'tools', 'Pester.psd1')
        if (Test-Path -LiteralPath $manifest) {
            return $manifest
        }

        $restoreProblem = "the restore succeeded but $manifest does not exist"
    }
    catch {
        $restoreProblem = $_.Exception.Message
    }

    $installed = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge [version] '5.3.0' -and $_.Version.Major -eq 5 } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if ($installed) {
        Write-Warning "Pester $version could not be restored from NuGet ($restoreProblem); using the installed Pester $($installed.Version)."
        return $installed.Path
    }

    throw "Pester 5 is needed to run the Pester suite. Tried: dotnet restore $ModuleTools (for Pester $version from NuGet): " +
        "$restoreProblem; then Get-Module -ListAvailable Pester: no Pester 5.3 or later. To fix: make NuGet reachable and " +
        "run the task again, or install Pester 5 yourself (Install-PSResource Pester -Version '[5.3,6.0)')."
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

    foreach ($file in "$ModuleName.psd1", 'LICENSE') {
        Copy-Item -LiteralPath (Join-Path $RepositoryRoot $file) -Destination $ModuleOutput
    }

    foreach ($file in "$ModuleName.psm1", "$ModuleName.format.ps1xml") {
        Copy-Item -LiteralPath ([IO.Path]::Combine($RepositoryRoot, 'src', $ModuleName, $file)) -Destination $ModuleOutput
    }

    try {
        Build-Help
    }
    catch {
        if ($HelpRequired) {
            throw
        }

        Write-Warning "The module is built without its help, so Get-Help shows only syntax. $($_.Exception.Message)"
    }

    Write-Host "Built $ModuleManifest"
}

function Build-Help {
    $platyPS = Find-PlatyPS
    Invoke-PowerShell -Description 'Building the help' -Script (
        'Import-Module {0}; Import-Module {1}; Build-ExternalHelp -Source {2} -Destination {3} | ForEach-Object {{ "Help: $($_.Name)" }}' -f
        (ConvertTo-Literal $platyPS.Path), (ConvertTo-Literal $HelpTools), (ConvertTo-Literal $HelpSource),
        (ConvertTo-Literal (Join-Path $ModuleOutput 'en-US')))
}

function Invoke-ServeTask {
    # The seed's server: every message printed with its sender and time, each one answered "Mensaje recibido".
    Write-Host 'Starting the seed server on 0.0.0.0:8000 in PowerShell; press Ctrl+C to stop it.'
    Invoke-PowerShell -Description 'The server' -Script (
        'Import-Module {0}; Start-SocketServer -Wait -Verbose' -f (ConvertTo-Literal $ModuleManifest))
}

function Invoke-TestTask {
    # Results of this run only: CI counts every file in TestResults/.
    $results = Join-Path $RepositoryRoot 'TestResults'
    if (Test-Path -LiteralPath $results) {
        Remove-Item -LiteralPath $results -Recurse -Force
    }

    $failures = New-Object System.Collections.Generic.List[string]
    try {
        Invoke-DotNet test (Join-Path $RepositoryRoot "$ModuleName.slnx") --configuration $Configuration
    }
    catch {
        $failures.Add($_.Exception.Message)
    }

    # The Pester suite runs even when a .NET test failed, so that one run shows every failure. It installs the package
    # this task makes, as a user would.
    try {
        $pester = Find-Pester
        if (Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet) {
            $env:PSSOCKETCHAT_PACKAGE = Invoke-PackageTask
        }
        else {
            Write-Warning 'Microsoft.PowerShell.PSResourceGet is not installed, so the module is not packed and the Pester suite skips the package test.'
        }

        $runner = [IO.Path]::Combine($RepositoryRoot, 'tests', 'Pester', 'Invoke-PesterSuite.ps1')
        Invoke-PowerShell -Description 'The Pester suite' -Script (
            '& {0} -ModuleManifest {1} -PesterPath {2}' -f
            (ConvertTo-Literal $runner), (ConvertTo-Literal $ModuleManifest), (ConvertTo-Literal $pester))
    }
    catch {
        $failures.Add($_.Exception.Message)
    }
    finally {
        Remove-Item -Path Env:PSSOCKETCHAT_PACKAGE -ErrorAction SilentlyContinue
    }

    if ($failures.Count -gt 0) {
        throw "Tests failed: $($failures -join ' ')"
    }
}

function Invoke-DocsTask {
    $platyPS = Find-PlatyPS
    Invoke-PowerShell -Description 'Updating docs/en-US' -Script (
        'Import-Module {0}; Import-Module {1}; $module = Import-Module {2} -PassThru; Update-HelpMarkdown -Path {3} -Module $module | ForEach-Object {{ "Updated $($_.Name)" }}' -f
        (ConvertTo-Literal $platyPS.Path), (ConvertTo-Literal $HelpTools), (ConvertTo-Literal $ModuleManifest),
        (ConvertTo-Literal $HelpSource))

    Build-Help
    Write-Host "Help rebuilt in $(Join-Path $ModuleOutput 'en-US')"
}

function Invoke-PackageTask {
    $packages = [IO.Path]::Combine($RepositoryRoot, 'out', 'packages')
    $null = New-Item -ItemType Directory -Path $packages -Force
    $package = Join-Path $packages "$ModuleName.$ModuleVersion.nupkg"
    if (Test-Path -LiteralPath $package) {
        Remove-Item -LiteralPath $package -Force
    }

    Invoke-PowerShell -Description 'Compress-PSResource' -Script (
        'if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) {{ throw ''Packaging needs Microsoft.PowerShell.PSResourceGet 1.1 or later (it ships with PowerShell 7.4): Install-Module Microsoft.PowerShell.PSResourceGet -Scope CurrentUser'' }}; Compress-PSResource -Path {0} -DestinationPath {1}' -f
        (ConvertTo-Literal $ModuleOutput), (ConvertTo-Literal $packages)) | Out-Host
    if (-not (Test-Path -LiteralPath $package)) {
        throw "Compress-PSResource reported no error but wrote no $package."
    }

    Write-Host "Packaged $package"
    $package
}

# A report of one benchmark as a section of docs/benchmarks.md: its own title dropped, its headings one level down.
function ConvertTo-Section {
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Markdown)
    $lines = $Markdown -split "`r?`n" | Where-Object { $_ -notmatch '^# ' } | ForEach-Object { $_ -replace '^(##+) ', '#$1 ' }
    ($lines -join "`n").Trim()
}

function Invoke-BenchTask {
    if (-not ($PSVersionTable.PSVersion.Major -ge 6 -and $IsLinux)) {
        throw 'The benchmarks pin processes with taskset and read memory from /proc: they run on Linux only.'
    }

    $bench = Join-Path $RepositoryRoot 'bench'
    $results = [IO.Path]::Combine($RepositoryRoot, 'out', 'bench')
    $null = New-Item -ItemType Directory -Path $results -Force
    $cliProject = [IO.Path]::Combine($RepositoryRoot, 'src', "$ModuleName.Cli", "$ModuleName.Cli.csproj")
    $loadProject = [IO.Path]::Combine($bench, "$ModuleName.Benchmarks.Load", "$ModuleName.Benchmarks.Load.csproj")
    $microProject = [IO.Path]::Combine($bench, "$ModuleName.Benchmarks.Micro", "$ModuleName.Benchmarks.Micro.csproj")
    Invoke-DotNet publish $cliProject --configuration Release --output (Join-Path $results 'cli') --nologo
    Invoke-DotNet publish $loadProject --configuration Release --output (Join-Path $results 'load') --nologo
    $hostDll = [IO.Path]::Combine($results, 'cli', 'pssocketchat.dll')
    $loadDll = [IO.Path]::Combine($results, 'load', 'pssocketchat-load.dll')

    # dotnet-trace, as a tool of this folder only: the test run's tool manifest stays as small as CI needs.
    $tools = Join-Path $results 'tools'
    $traceTool = Join-Path $tools 'dotnet-trace'
    if (-not (Test-Path -LiteralPath $traceTool)) {
        Invoke-DotNet tool install dotnet-trace --tool-path $tools --version 10.0.750501
    }

    Write-Host 'Macro: the load generator against the floor server and the console host (about 3 minutes).'
    Invoke-DotNet $loadDll suite --host $hostDll --out (Join-Path $results 'macro.md')
    Write-Host 'Profile: the console host under load.'
    Invoke-DotNet $loadDll profile --host $hostDll --trace-tool $traceTool --work (Join-Path $results 'trace') --out (Join-Path $results 'profile.md')
    Write-Host 'Micro: framing per message (about 4 minutes).'
    Invoke-DotNet run --configuration Release --project $microProject -- --summary (Join-Path $results 'micro.md') --artifacts (Join-Path $results 'micro')
    Write-Host 'PowerShell: the pipeline, beside its own ceiling.'
    Invoke-PowerShell -Description 'The PowerShell benchmark' -Script (
        '& {0} -ModulePath {1} -OutFile {2} -JsonFile {3}' -f (ConvertTo-Literal ([IO.Path]::Combine($bench, 'PowerShell', 'Measure-PipelineThroughput.ps1'))),
        (ConvertTo-Literal $ModuleManifest), (ConvertTo-Literal (Join-Path $results 'powershell.md')), (ConvertTo-Literal (Join-Path $results 'powershell.json')))

    $processor = (Get-Content -LiteralPath '/proc/cpuinfo' | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
    $memory = [math]::Round(((Get-Content -LiteralPath '/proc/meminfo' | Select-Object -First 1) -replace '\D', '') / 1MB, 1)
    $machine = @(
        "- Processor: $processor, $([Environment]::ProcessorCount) cores visible; $memory GiB of memory"
        "- System: $((Get-Content -LiteralPath '/etc/os-release' | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME=|\"', ''), kernel $(& uname -r)"
        "- .NET SDK $(& dotnet --version); PowerShell $($PSVersionTable.PSVersion) for the PowerShell benchmark"
    ) -join [Environment]::NewLine
    # The targets of the micro and PowerShell levels, judged from those reports as the load suite judges its own.
    $decode = Get-Content -LiteralPath (Join-Path $results 'micro.md') |
        Where-Object { $_ -match '^\| Decode \| Line \| 64 B \| [0-9]{2,} .*\| ASCII \|' } | Select-Object -First 1
    $cells = @($decode -split '\|' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    $nanoseconds = [double] $cells[5]
    $allocated = [int] $cells[7]
    $pipeline = Get-Content -LiteralPath (Join-Path $results 'powershell.json') -Raw | ConvertFrom-Json
    $targets = @(
        '| Target | Result | Met |', '|---|---|---|'
        "| Line decode of 64-byte messages, many per read: 20 million per second per core or more | $([math]::Round(1000 / $nanoseconds, 1)) million ($nanoseconds ns each) | $(if ($nanoseconds -le 50) { 'yes' } else { 'no' }) |"
        "| No allocation per decoded message beyond its own bytes (64 + 24 of array header) | $allocated bytes | $(if ($allocated -le 88) { 'yes' } else { 'no' }) |"
        foreach ($scenario in $pipeline.scenarios) {
            "| Through PowerShell, $($scenario.id): at least 0.9x the pipeline's own ceiling | $(([double] $scenario.ratio).ToString('0.00', [Globalization.CultureInfo]::InvariantCulture))x | $(if ($scenario.ratio -ge 0.9) { 'yes' } else { 'no' }) |"
        }
    ) -join "`n"
    $commit = (& git -C $RepositoryRoot rev-parse --short HEAD)
    $dirty = if (& git -C $RepositoryRoot status --porcelain --untracked-files=no) { ' (with uncommitted changes)' } else { '' }
    $report = Get-Content -LiteralPath (Join-Path $bench 'benchmarks.template.md') -Raw
    $values = @{
        date = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
        commit = "$commit$dirty"
        machine = $machine
        macro = Get-Content -LiteralPath (Join-Path $results 'macro.md') -Raw
        profile = Get-Content -LiteralPath (Join-Path $results 'profile.md') -Raw
        micro = Get-Content -LiteralPath (Join-Path $results 'micro.md') -Raw
        powershell = Get-Content -LiteralPath (Join-Path $results 'powershell.md') -Raw
        targets = $targets
    }
    foreach ($name in $values.Keys) {
        $report = $report.Replace("{{$name}}", (ConvertTo-Section $values[$name]))
    }

    $target = [IO.Path]::Combine($RepositoryRoot, 'docs', 'benchmarks.md')
    [IO.File]::WriteAllText($target, $report.TrimEnd() + "`n")
    Write-Host "Wrote $target"
}

function Invoke-CleanTask {
    foreach ($folder in 'out', 'TestResults', (Join-Path 'build' 'obj')) {
        $path = Join-Path $RepositoryRoot $folder
        if (Test-Path -LiteralPath $path) {
            Remove-Item -LiteralPath $path -Recurse -Force
        }
    }

    Invoke-DotNet clean (Join-Path $RepositoryRoot "$ModuleName.slnx") --configuration $Configuration --nologo
}

# A failure ends the script with its reason in one message and exit code 1, not a script trace.
try {
    $built = $false
    foreach ($name in $Task) {
        if ($name -ne 'Clean' -and -not $built) {
            Invoke-BuildTask
            $built = $true
        }

        switch ($name) {
            'Serve' { Invoke-ServeTask }
            'Test' { Invoke-TestTask }
            'Docs' { Invoke-DocsTask }
            'Package' { $null = Invoke-PackageTask }
            'Bench' { Invoke-BenchTask }
            'Clean' {
                Invoke-CleanTask
                $built = $false
            }
        }
    }
}
catch {
    $Host.UI.WriteErrorLine("build.ps1 -Task $($Task -join ','): $($_.Exception.Message)")
    exit 1
}
