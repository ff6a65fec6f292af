<#
.SYNOPSIS
    Runs the PSSocketChat Pester suite against a built module. `./build.ps1 -Task Test` calls it in a new process.

.EXAMPLE
    ./tests/Pester/Invoke-PesterSuite.ps1

    Tests the newest build in out/PSSocketChat/ (run ./build.ps1 first).
#>
[CmdletBinding()]
param(
    # The built module's manifest; by default the newest one in out/PSSocketChat/.
    [string] $ModuleManifest,

    # A Pester 5 module to use; by default the newest installed one.
    [string] $PesterPath
)

$ErrorActionPreference = 'Stop'
if ($PesterPath) {
    Import-Module -Name $PesterPath
}
else {
    Import-Module -Name Pester -MinimumVersion 5.3.0
}

if ($ModuleManifest) {
    $env:PSSOCKETCHAT_MODULE = $ModuleManifest
}

$results = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'TestResults')
$null = New-Item -ItemType Directory -Path $results -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
# A log file or CI gets plain text; a terminal gets colours.
if ([Console]::IsOutputRedirected) {
    $configuration.Output.RenderMode = 'Plaintext'
}
$configuration.TestResult.Enabled = $true
# NUnit 3 states the passed count itself; .ci/run adds it to the .NET tests' counts.
$configuration.TestResult.OutputFormat = 'NUnit3'
$configuration.TestResult.OutputPath = Join-Path $results 'Pester.xml'
$run = Invoke-Pester -Configuration $configuration

# Always an explicit exit code: 0 when the run passed, otherwise the number of failures (at least 1). Pester's own
# Run.Exit exits only on failure, which leaves a passing run's exit code to whatever native command a test ran last.
if ($run.Result -eq 'Passed') {
    exit 0
}

$failures = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount
exit ([Math]::Max(1, $failures))
