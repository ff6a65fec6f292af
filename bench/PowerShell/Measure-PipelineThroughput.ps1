<#
.SYNOPSIS
    Measures how many messages per second PSSocketChat's cmdlets move through a PowerShell pipeline, each beside the
    ceiling of the same pipeline, measured in the same run.

.DESCRIPTION
    Four scenarios, in the PowerShell that runs this script, with Count 64-byte Line messages (63 bytes of payload and
    a line feed) on 127.0.0.1:

      a. Receive-SocketMessage -Server $s -Count N | Measure-Object
      b. Receive-SocketMessage -Server $s -Wait -Count N | ForEach-Object {}
      c. Start-SocketServer -Wait -Once ... | Measure-Object
      d. $lines | Send-SocketMessage $connection

    In a to c a C# sender on a thread-pool task writes the lines in 64 KiB chunks and closes; in d a C# sink reads and
    discards them, and the bytes it read are checked. Beside each scenario the script measures the pipeline's own
    ceiling: Write-PrebuiltObject, a C# cmdlet of this benchmark, writes Count objects built before the clock starts
    into the same downstream (a to c), or the same strings are piped into Send-DiscardedMessage, which binds them as
    Send-SocketMessage's Text parameter set does and drops them (d). The clock runs around the pipeline statement
    alone. Each scenario and its ceiling run in turn, Repeat times, after one untimed warm-up of each.

    Other programs running meanwhile make the figures noisy; on Linux the report says how much of the processors'
    time they took during the run.

    Every server and connection the script makes is stopped or closed before it returns, and every wait is bounded by
    -TimeoutSeconds.

.PARAMETER ModulePath
    The built module manifest, such as out/PSSocketChat/0.1.0/PSSocketChat.psd1.

.PARAMETER Count
    Messages per measurement.

.PARAMETER Repeat
    Timed runs of each scenario and of each ceiling.

.PARAMETER OutFile
    The Markdown report to write.

.PARAMETER JsonFile
    The same numbers as JSON, for a report generator.

.PARAMETER TimeoutSeconds
    The longest any single wait may take: a receive, a sender or sink finishing, a foreground server's client.

.EXAMPLE
    dotnet pwsh -NoProfile -File bench/PowerShell/Measure-PipelineThroughput.ps1 -ModulePath out/PSSocketChat/0.1.0/PSSocketChat.psd1 -OutFile out/bench/pipeline.md -JsonFile out/bench/pipeline.json
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModulePath,

    [ValidateRange(1, [int]::MaxValue)]
    [int] $Count = 200000,

    [ValidateRange(1, 1000)]
    [int] $Repeat = 3,

    [Parameter(Mandatory)]
    [string] $OutFile,

    [string] $JsonFile,

    [ValidateRange(1, 86400)]
    [int] $TimeoutSeconds = 120
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$RunClock = [Diagnostics.Stopwatch]::StartNew()
$Timeout = [TimeSpan]::FromSeconds($TimeoutSeconds)

# 63 ASCII bytes and the line feed: one 64-byte Line message, the same in every scenario and ceiling.
$PayloadText = 'PSSocketChat pipeline benchmark message '.PadRight(63, '.')
$Payload = [Text.Encoding]::ASCII.GetBytes($PayloadText)
$LineBytes = [byte[]] ($Payload + [byte] 10)

# Whatever this run opened, for the last cleanup if a scenario's own cleanup did not run to its end.
$StartedServers = [Collections.Generic.List[object]]::new()
$OpenedConnections = [Collections.Generic.List[object]]::new()

function Resolve-OutputPath {
    param([Parameter(Mandatory)] [string] $Path)

    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    $folder = Split-Path -Parent $full
    if ($folder -and -not (Test-Path -LiteralPath $folder)) {
        $null = New-Item -ItemType Directory -Path $folder
    }

    $full
}

function Write-Utf8File {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Text)

    # Without a byte order mark, which Windows PowerShell's Set-Content -Encoding utf8 would add.
    [IO.File]::WriteAllText($Path, $Text, [Text.UTF8Encoding]::new($false))
}

function Wait-Until {
    param([Parameter(Mandatory)] [string] $Because, [Parameter(Mandatory)] [scriptblock] $Condition)

    $waited = [Diagnostics.Stopwatch]::StartNew()
    while (-not (& $Condition)) {
        if ($waited.Elapsed -gt $Timeout) {
            throw "Waited $TimeoutSeconds s for $Because, in vain."
        }

        Start-Sleep -Milliseconds 1
    }
}

function Wait-Task {
    param([Parameter(Mandatory)] [Threading.Tasks.Task] $Task, [Parameter(Mandatory)] [string] $What)

    # A faulted task throws from Wait; its own exception says why, below.
    $ended = try { $Task.Wait($Timeout) } catch { $true }
    if (-not $ended) {
        throw "$What did not finish within $TimeoutSeconds s."
    }

    if ($Task.IsFaulted) {
        throw "$What failed: $($Task.Exception.GetBaseException().Message)"
    }

    if ($Task.IsCanceled) {
        throw "$What was cancelled."
    }
}

# Waits out a task of a run that is failing anyway, so nothing it does outlives the run; its error is not the first.
function Wait-Quietly {
    param([Threading.Tasks.Task] $Task)

    if ($Task) {
        try { $null = $Task.Wait($Timeout) } catch { $null = $_ }
    }
}

function Assert-Equal {
    param([Parameter(Mandatory)] [string] $What, [Parameter(Mandatory)] $Expected, [Parameter(Mandatory)] $Actual)

    if ($Actual -ne $Expected) {
        throw "$What`: expected $Expected, got $Actual."
    }
}

# The one thing under the clock is the pipeline the caller passes; variables in it are the caller's. A collection
# first, so that one run's garbage is not collected in the next one's time.
function Measure-Pipeline {
    param([Parameter(Mandatory)] [scriptblock] $Pipeline)

    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    [GC]::Collect()
    $pipelineClock = [Diagnostics.Stopwatch]::StartNew()
    $pipelineOutput = & $Pipeline
    $pipelineClock.Stop()
    [pscustomobject]@{ Seconds = $pipelineClock.Elapsed.TotalSeconds; Output = $pipelineOutput }
}

# a and b: a background server whose one client is connected and streaming before the clock starts; the pipeline
# reads it through $server.
function Invoke-BackgroundReceive {
    param([Parameter(Mandatory)] [scriptblock] $Pipeline)

    $server = Start-SocketServer -IPAddress 127.0.0.1 -Port 0 -NoAcknowledgement -Confirm:$false
    $StartedServers.Add($server)
    $abandon = [Threading.CancellationTokenSource]::new()
    $sender = $null
    try {
        $sender = [PSSocketChatBenchmark.LoopbackPeer]::SendLinesAsync($server.Port, $Count, $LineBytes, $Timeout, $abandon.Token)
        Wait-Until -Because 'the sender to connect' { $server.ConnectionsAccepted -ge 1 -or $sender.IsCompleted }
        if ($sender.IsCompleted) {
            # Done already is fine for a few lines; failed must not leave the receive to wait out its timeout.
            Wait-Task $sender 'The sender'
        }

        $run = Measure-Pipeline $Pipeline
        Wait-Task $sender 'The sender'
        Assert-Equal 'Messages the server received' $Count $server.MessagesReceived
        Assert-Equal 'Messages left in the inbox' 0 $server.Inbox.Count
        $run
    }
    finally {
        Stop-SocketServer $server -Confirm:$false
        $abandon.Cancel()
        Wait-Quietly $sender
        $abandon.Dispose()
    }
}

function Measure-ReceiveCount {
    $run = Invoke-BackgroundReceive -Pipeline {
        Receive-SocketMessage -Server $server -Count $Count -Timeout $Timeout -ErrorAction Stop | Measure-Object
    }
    Assert-Equal 'a: Measure-Object Count' $Count $run.Output.Count
    $run.Seconds
}

function Measure-ReceiveWait {
    # ForEach-Object {} writes nothing to count; the receive itself fails on a shortfall (-ErrorAction Stop), and the
    # server's inbox, checked by Invoke-BackgroundReceive, is empty with N received: exactly N went down the pipeline.
    $run = Invoke-BackgroundReceive -Pipeline {
        Receive-SocketMessage -Server $server -Wait -Count $Count -Timeout $Timeout -ErrorAction Stop | ForEach-Object {}
    }
    $run.Seconds
}

# c: the foreground server blocks the pipeline, so its port is chosen first and the sender, started before the clock,
# connects as soon as the server listens. Under the clock: the server's start, accept, N messages, and its stop.
function Measure-ForegroundServer {
    $port = [PSSocketChatBenchmark.LoopbackPeer]::FreePort()
    $abandon = [Threading.CancellationTokenSource]::new()
    $sender = $null
    $watchdog = $null
    try {
        $sender = [PSSocketChatBenchmark.LoopbackPeer]::SendLinesAsync($port, $Count, $LineBytes, $Timeout, $abandon.Token)
        $watchdog = [PSSocketChatBenchmark.LoopbackPeer]::DisconnectAfterAsync($port, $Timeout, $abandon.Token)
        $run = Measure-Pipeline {
            Start-SocketServer -IPAddress 127.0.0.1 -Port $port -NoAcknowledgement -Wait -Once -Confirm:$false | Measure-Object
        }
        if ($watchdog.IsCompleted -and -not $watchdog.IsCanceled) {
            throw "c: the foreground server's client did not finish within $TimeoutSeconds s; the watchdog ended the server."
        }

        Wait-Task $sender 'The sender'
        Assert-Equal 'c: Measure-Object Count' $Count $run.Output.Count
        $run.Seconds
    }
    finally {
        $abandon.Cancel()
        Wait-Quietly $sender
        Wait-Quietly $watchdog
        $abandon.Dispose()
        # The command stops its server however it ends; one still listening would be the module's bug, and this run's
        # to clean up.
        $left = @(Get-SocketServer -ErrorAction SilentlyContinue | Where-Object { $_.Port -eq $port })
        if ($left.Count -gt 0) {
            $left | Stop-SocketServer -Confirm:$false
            throw "c: Start-SocketServer -Wait -Once returned with its server still running on port $port."
        }
    }
}

# d: the connection and the sink are up before the clock starts; the close after it makes the sink see the end.
function Measure-Send {
    $sink = [PSSocketChatBenchmark.DiscardingSink]::Start($Timeout)
    try {
        $connection = Connect-SocketServer -ComputerName 127.0.0.1 -Port $sink.Port -Timeout $Timeout
        $OpenedConnections.Add($connection)
        try {
            $run = Measure-Pipeline { $Lines | Send-SocketMessage $connection -ErrorAction Stop }
        }
        finally {
            Close-SocketConnection $connection -Confirm:$false
        }

        Wait-Task $sink.BytesRead 'The sink'
        Assert-Equal 'd: bytes the sink read' ([long] $Count * $LineBytes.Length) $sink.BytesRead.Result
        $run.Seconds
    }
    finally {
        $sink.Dispose()
    }
}

function Measure-PrebuiltCount {
    $run = Measure-Pipeline { Write-PrebuiltObject $Objects | Measure-Object }
    Assert-Equal 'ceiling: Measure-Object Count' $Count $run.Output.Count
    $run.Seconds
}

function Measure-PrebuiltForEach {
    $run = Measure-Pipeline { Write-PrebuiltObject $Objects | ForEach-Object {} }
    Assert-Equal 'ceiling: objects written' ([long] $Count) ([PSSocketChatBenchmark.WritePrebuiltObjectCommand]::LastWritten)
    $run.Seconds
}

function Measure-DiscardedSend {
    # Send-SocketMessage's connection, bound the same way; the ceiling never touches it.
    $connection = [object]::new()
    $run = Measure-Pipeline { $Lines | Send-DiscardedMessage $connection }
    Assert-Equal 'ceiling: strings consumed' ([long] $Count) ([PSSocketChatBenchmark.SendDiscardedMessageCommand]::LastConsumed)
    $run.Seconds
}

function Get-Summary {
    param([Parameter(Mandatory)] [double[]] $Rates)

    $sorted = @($Rates | Sort-Object)
    $middle = [int] [Math]::Floor($sorted.Count / 2)
    $median = if ($sorted.Count % 2 -eq 1) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
    [pscustomobject]@{ Median = $median; Min = $sorted[0]; Max = $sorted[-1]; Runs = $Rates }
}

function Format-Rate {
    param([Parameter(Mandatory)] [double] $Rate)

    [string]::Format([Globalization.CultureInfo]::InvariantCulture, '{0:N0}', $Rate)
}

# Other programs share the processors with the run and make its figures noisy: how much of the machine's processor
# time they took (all busy time less this process's) is reported beside the figures. Linux only; null elsewhere.
function Get-ProcessorSample {
    if (-not (Test-Path -LiteralPath '/proc/stat')) {
        return $null
    }

    # user nice system idle iowait irq softirq steal, summed over all processors, in clock ticks.
    $machine = @((Get-Content -LiteralPath '/proc/stat' -TotalCount 1) -split '\s+' | Select-Object -Skip 1 -First 8 | ForEach-Object { [long] $_ })
    $process = [IO.File]::ReadAllText("/proc/$PID/stat")
    # utime and stime, the 14th and 15th fields; the command name before them may contain spaces, so count from ')'.
    $fields = $process.Substring($process.LastIndexOf(')') + 2) -split ' '
    [pscustomobject]@{
        Total = ($machine | Measure-Object -Sum).Sum
        Busy  = ($machine | Measure-Object -Sum).Sum - $machine[3] - $machine[4]
        Own   = [long] $fields[11] + [long] $fields[12]
    }
}

function Get-OtherProcessorShare {
    param($Start, $End)

    if (-not $Start -or -not $End -or $End.Total -le $Start.Total) {
        return $null
    }

    [Math]::Round([Math]::Max(0.0, (($End.Busy - $Start.Busy) - ($End.Own - $Start.Own)) / ($End.Total - $Start.Total)), 3)
}

function Get-ProcessorName {
    if (Test-Path -LiteralPath '/proc/cpuinfo') {
        $model = Select-String -LiteralPath '/proc/cpuinfo' -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1
        if ($model) {
            return $model.Matches[0].Groups[1].Value.Trim()
        }
    }

    if ($env:PROCESSOR_IDENTIFIER) {
        return $env:PROCESSOR_IDENTIFIER
    }

    [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString()
}

$scenarios = @(
    [pscustomobject]@{
        Id       = 'a'
        Pipeline = 'Receive-SocketMessage -Server $s -Count N | Measure-Object'
        Ceiling  = 'Write-PrebuiltObject $objects | Measure-Object'
        Measure  = ${function:Measure-ReceiveCount}
        Baseline = ${function:Measure-PrebuiltCount}
    }
    [pscustomobject]@{
        Id       = 'b'
        Pipeline = 'Receive-SocketMessage -Server $s -Wait -Count N | ForEach-Object {}'
        Ceiling  = 'Write-PrebuiltObject $objects | ForEach-Object {}'
        Measure  = ${function:Measure-ReceiveWait}
        Baseline = ${function:Measure-PrebuiltForEach}
    }
    [pscustomobject]@{
        Id       = 'c'
        Pipeline = 'Start-SocketServer -IPAddress 127.0.0.1 -Port $port -NoAcknowledgement -Wait -Once | Measure-Object'
        Ceiling  = 'Write-PrebuiltObject $objects | Measure-Object'
        Measure  = ${function:Measure-ForegroundServer}
        Baseline = ${function:Measure-PrebuiltCount}
    }
    [pscustomobject]@{
        Id       = 'd'
        Pipeline = '$lines | Send-SocketMessage $connection'
        Ceiling  = '$lines | Send-DiscardedMessage $connection'
        Measure  = ${function:Measure-Send}
        Baseline = ${function:Measure-DiscardedSend}
    }
)

$benchmarkModule = $null
$processorAtStart = Get-ProcessorSample
try {
    $manifest = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    $module = Import-Module -Name $manifest -PassThru
    $loaded = (Get-Command Receive-SocketMessage).Module
    if ($loaded.ModuleBase -ne (Split-Path -Parent $manifest)) {
        throw "PSSocketChat is already loaded from $($loaded.ModuleBase) in this session; run the benchmark in a new one."
    }

    if (-not ('PSSocketChatBenchmark.WritePrebuiltObjectCommand' -as [type])) {
        Add-Type -TypeDefinition ([IO.File]::ReadAllText((Join-Path $PSScriptRoot 'PipelineBenchmark.cs')))
    }

    $benchmarkModule = Import-Module -Assembly ([PSSocketChatBenchmark.WritePrebuiltObjectCommand].Assembly) -PassThru

    # Everything the ceilings and d pipe, built before any clock starts.
    $Objects = [PSSocketChatBenchmark.PrebuiltMessage]::Build($Count, $PayloadText, $Payload)
    $Lines = [object[]] (@($PayloadText) * $Count)

    $results = foreach ($scenario in $scenarios) {
        Write-Host "$($scenario.Id). $($scenario.Pipeline)"
        # A full-size untimed run of each first: .NET compiles hot methods again, optimised, only after they have run
        # a while, and every timed run should see that code, not all but the first.
        $null = & $scenario.Measure
        $null = & $scenario.Baseline
        $rates = [Collections.Generic.List[double]]::new()
        $ceilingRates = [Collections.Generic.List[double]]::new()
        for ($run = 1; $run -le $Repeat; $run++) {
            $rate = $Count / (& $scenario.Measure)
            $ceilingRate = $Count / (& $scenario.Baseline)
            $rates.Add($rate)
            $ceilingRates.Add($ceilingRate)
            Write-Host ('   run {0}/{1}: {2} msgs/s; ceiling {3} msgs/s' -f $run, $Repeat, (Format-Rate $rate), (Format-Rate $ceilingRate))
        }

        $summary = Get-Summary $rates.ToArray()
        $ceiling = Get-Summary $ceilingRates.ToArray()
        [pscustomobject]@{
            Id       = $scenario.Id
            Pipeline = $scenario.Pipeline
            Scenario = $summary
            Ceiling  = [pscustomobject]@{ Pipeline = $scenario.Ceiling; Median = $ceiling.Median; Min = $ceiling.Min; Max = $ceiling.Max; Runs = $ceiling.Runs }
            Ratio    = $summary.Median / $ceiling.Median
        }
    }

    $RunClock.Stop()
    $invariant = [Globalization.CultureInfo]::InvariantCulture
    $environment = [ordered]@{
        powerShell          = "$($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition))"
        runtime             = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        os                  = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        processor           = Get-ProcessorName
        processorCount      = [Environment]::ProcessorCount
        module              = "PSSocketChat $($module.Version)"
        # The share of all processors' time, 0 to 1, that other processes were busy during the run.
        otherProcessorShare = Get-OtherProcessorShare $processorAtStart (Get-ProcessorSample)
    }
    $others = if ($null -eq $environment.otherProcessorShare) { 'unknown' } else {
        [string]::Format($invariant, '{0:0}%', 100 * $environment.otherProcessorShare)
    }

    $markdown = [Text.StringBuilder]::new()
    $null = $markdown.AppendLine('# PSSocketChat: PowerShell pipeline throughput').AppendLine()
    $null = $markdown.AppendLine('## Method').AppendLine()
    $method = @(
        "Each figure is N / t, where t is a Stopwatch around the pipeline statement alone: setup, the peer's start, checks"
        'and cleanup are outside it, and a full garbage collection precedes it.'
        "N = $Count messages of 64 bytes (63 bytes of payload and a line feed, Line framing) on 127.0.0.1; $Repeat timed"
        'runs of each scenario and of its ceiling, in turn, after one untimed warm-up run of each with the same N; median'
        'and min–max in messages per second.'
        'In a–c a C# sender on a thread-pool task writes the lines in 64 KiB chunks of whole lines and closes: in a and b'
        'it is connected before the clock starts; in c it is started first and connects, retrying every millisecond, as'
        "soon as the foreground server listens, so c's time includes the server's start, the accept and the stop."
        'In d a C# sink reads and discards, and the bytes it read are checked against N × 64; a–c check that exactly N'
        'messages went down the pipeline.'
        "The commands in the table leave out what bounds and checks them: a and b also pass -Timeout $TimeoutSeconds and"
        '-ErrorAction Stop, c -Confirm:$false, d -ErrorAction Stop.'
        'The ceiling is the same downstream fed by Write-PrebuiltObject, a C# cmdlet of the benchmark that writes N objects'
        '(Text and Bytes properties, built before the clock) with one WriteObject each; for d, the same N strings piped'
        "into Send-DiscardedMessage, which binds them as Send-SocketMessage's Text parameter set does and drops them."
        'Ratio = scenario median / ceiling median.'
        "PowerShell $($environment.powerShell) on $($environment.runtime), $($environment.os), $($environment.processor),"
        "$($environment.processorCount) processors, of whose time other processes took $others during the run;"
        "$($environment.module)."
        [string]::Format($invariant, 'The whole run took {0:N0} s.', $RunClock.Elapsed.TotalSeconds)
    ) -join ' '
    $null = $markdown.AppendLine($method).AppendLine()
    $null = $markdown.AppendLine('| Scenario | msgs/s median | min–max | ceiling msgs/s median | ratio |')
    $null = $markdown.AppendLine('| --- | ---: | ---: | ---: | ---: |')
    foreach ($result in $results) {
        $null = $markdown.AppendLine(('| {0}. `{1}` | {2} | {3}–{4} | {5} | {6} |' -f
                $result.Id, ($result.Pipeline -replace '\|', '\|'), (Format-Rate $result.Scenario.Median),
                (Format-Rate $result.Scenario.Min), (Format-Rate $result.Scenario.Max), (Format-Rate $result.Ceiling.Median),
                [string]::Format($invariant, '{0:0.00}', $result.Ratio)))
    }

    $null = $markdown.AppendLine().AppendLine('Ceilings, min–max in messages per second:').AppendLine()
    foreach ($result in $results) {
        $null = $markdown.AppendLine(('- {0}. `{1}`: {2}–{3}' -f $result.Id, $result.Ceiling.Pipeline,
                (Format-Rate $result.Ceiling.Min), (Format-Rate $result.Ceiling.Max)))
    }

    $outPath = Resolve-OutputPath $OutFile
    Write-Utf8File -Path $outPath -Text $markdown.ToString()
    Write-Host "Wrote $outPath"

    if ($JsonFile) {
        $json = [ordered]@{
            benchmark      = 'PSSocketChat PowerShell pipeline throughput'
            count          = $Count
            repeat         = $Repeat
            warmUpRuns     = 1
            messageBytes   = $LineBytes.Length
            environment    = $environment
            runSeconds     = [Math]::Round($RunClock.Elapsed.TotalSeconds, 1)
            scenarios      = @($results | ForEach-Object {
                    [ordered]@{
                        id       = $_.Id
                        pipeline = $_.Pipeline
                        median   = [long] $_.Scenario.Median
                        min      = [long] $_.Scenario.Min
                        max      = [long] $_.Scenario.Max
                        runs     = @($_.Scenario.Runs | ForEach-Object { [long] $_ })
                        ceiling  = [ordered]@{
                            pipeline = $_.Ceiling.Pipeline
                            median   = [long] $_.Ceiling.Median
                            min      = [long] $_.Ceiling.Min
                            max      = [long] $_.Ceiling.Max
                            runs     = @($_.Ceiling.Runs | ForEach-Object { [long] $_ })
                        }
                        ratio    = [Math]::Round($_.Ratio, 3)
                    }
                })
        }
        $jsonPath = Resolve-OutputPath $JsonFile
        Write-Utf8File -Path $jsonPath -Text ($json | ConvertTo-Json -Depth 6)
        Write-Host "Wrote $jsonPath"
    }

    $markdown.ToString()
}
finally {
    # Each scenario cleans up after itself; this catches what a scenario interrupted midway left.
    foreach ($connection in $OpenedConnections) {
        if ($connection.State.ToString() -ne 'Closed') {
            Close-SocketConnection $connection -Confirm:$false -ErrorAction Continue
        }
    }

    foreach ($server in $StartedServers) {
        if ($server.State.ToString() -ne 'Stopped') {
            Stop-SocketServer $server -Confirm:$false -ErrorAction Continue
        }
    }

    if ($benchmarkModule) {
        Remove-Module -ModuleInfo $benchmarkModule
    }
}
