# Shared by the PSSocketChat Pester files; dot-source it in BeforeAll. Everything runs on loopback with
# OS-chosen ports, and every wait is bounded.

function Get-ModuleUnderTest {
    if ($env:PSSOCKETCHAT_MODULE) {
        return $env:PSSOCKETCHAT_MODULE
    }

    $builds = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'PSSocketChat')
    $latest = Get-ChildItem -LiteralPath $builds -Directory -ErrorAction SilentlyContinue |
        Sort-Object -Property { [version] $_.Name } -Descending |
        Select-Object -First 1
    if (-not $latest) {
        throw 'PSSocketChat is not built: run ./build.ps1 first.'
    }

    Join-Path $latest.FullName 'PSSocketChat.psd1'
}

# Get-PowerShellCommand: the PowerShell running the tests, for tests that start a new process of the same edition.
. ([IO.Path]::Combine($PSScriptRoot, '..', '..', 'build', 'PowerShellCommand.ps1'))

# Runs a new PowerShell process with these arguments, writes the lines to its standard input, and returns its exit code
# and what it printed on standard output and error; bounded: a process that has not ended by then is killed.
function Invoke-PowerShellProcess {
    param([Parameter(Mandatory)] [string[]] $Arguments, [string[]] $InputLines = @(), [int] $Seconds = 120)

    $command = Get-PowerShellCommand
    $info = New-Object System.Diagnostics.ProcessStartInfo $command[0]
    $info.Arguments = (@($command | Select-Object -Skip 1 | ForEach-Object { '"' + $_ + '"' }) + $Arguments) -join ' '
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $output = $process.StandardOutput.ReadToEndAsync()
        $errors = $process.StandardError.ReadToEndAsync()
        foreach ($line in $InputLines) {
            $process.StandardInput.WriteLine($line)
        }

        $process.StandardInput.Close()
        if (-not $process.WaitForExit($Seconds * 1000)) {
            throw "The PowerShell process did not end within $Seconds s."
        }

        $process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Lines    = @(($output.Result + $errors.Result) -split '\r?\n' | Where-Object { $_ -ne '' })
        }
    }
    finally {
        if (-not $process.HasExited) {
            $process.Kill()
        }

        $process.Dispose()
    }
}

function Import-ModuleUnderTest {
    if (-not (Get-Module -Name PSSocketChat)) {
        Import-Module -Name (Get-ModuleUnderTest) -ErrorAction Stop
    }
}

function Wait-Until {
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $Condition,
        [string] $Because = 'the condition',
        [int] $Seconds = 20
    )

    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) {
            throw "Gave up after $Seconds s waiting for $Because."
        }

        Start-Sleep -Milliseconds 50
    }
}

function New-TestName {
    param([string] $Prefix = 'test')
    '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 8)
}

function Start-TestServer {
    param([hashtable] $Parameters = @{})
    Start-SocketServer -Port 0 -IPAddress 127.0.0.1 @Parameters
}

function Connect-TestServer {
    param([Parameter(Mandatory)] $Server, [hashtable] $Parameters = @{})
    Connect-SocketServer -ComputerName 127.0.0.1 -Port $Server.LocalEndPoint.Port @Parameters
}

function Get-UnusedPort {
    $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try {
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

function Test-PortFree {
    param([Parameter(Mandatory)] [int] $Port)
    $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback, $Port)
    try {
        $listener.Start()
        $true
    }
    catch {
        $false
    }
    finally {
        $listener.Stop()
    }
}

function Close-Everything {
    Get-SocketConnection | Close-SocketConnection -Confirm:$false
    Get-SocketServer | Stop-SocketServer -Confirm:$false
}

# Starts `Start-SocketServer -Wait` (with -Once, and other arguments, if asked) in a second runspace and returns once it
# listens.
function Start-ForegroundServer {
    param([Parameter(Mandatory)] [string] $Name, [switch] $Once, [string] $Arguments = '')

    $script = "Start-SocketServer -Port 0 -IPAddress 127.0.0.1 -Name $Name -Wait $Arguments"
    if ($Once) {
        $script += ' -Once'
    }

    $run = Start-InRunspace -Script $script
    Wait-Until -Because "$Name to listen" { Get-SocketServer -Name $Name -ErrorAction SilentlyContinue }
    $run
}

# What a runspace started with Start-InRunspace has written so far. Enumerating its output collection directly would
# block until the script ends, because an open PSDataCollection waits for more items.
function Get-RunOutput {
    param([Parameter(Mandatory)] $Run)
    for ($i = 0; $i -lt $Run.Output.Count; $i++) {
        $Run.Output[$i]
    }
}

# Stops a script started with Start-InRunspace (as Ctrl+C would) and waits for it to end before releasing it: the
# invocation reports the stop on a thread of its own, and a PowerShell disposed before that ends the process.
function Stop-InRunspace {
    param([Parameter(Mandatory)] $Run)
    try {
        $Run.PowerShell.Stop()
        $null = $Run.PowerShell.EndInvoke($Run.Handle)
    }
    catch {
        # The stop itself, reported as the invocation's end: expected.
    }
    finally {
        $Run.PowerShell.Dispose()
    }
}

# Runs a script in a second runspace of this process, where the module is imported too and shares this
# session's servers: the way to run a blocking command (-Wait) while the test drives it from here.
function Start-InRunspace {
    param([Parameter(Mandatory)] [string] $Script)

    $powershell = [powershell]::Create()
    $null = $powershell.AddScript('param($Manifest) Import-Module -Name $Manifest -ErrorAction Stop').AddArgument((Get-ModuleUnderTest))
    $null = $powershell.AddStatement().AddScript($Script)
    $noInput = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
    $noInput.Complete()
    $output = New-Object 'System.Management.Automation.PSDataCollection[psobject]'
    $handle = $powershell.BeginInvoke($noInput, $output)
    [pscustomobject]@{ PowerShell = $powershell; Handle = $handle; Output = $output }
}

# Runs a command in a new PowerShell process that imports the module, then feeds it lines on standard input, and
# returns what it printed (warnings included). Enter-SocketChat reads lines with Host.UI.ReadLine. Windows
# PowerShell's console host answers that from redirected standard input only in "-Command -" mode (for a -Command
# string it reads the console itself), so the command is the first line of input and the chat lines follow it. A
# line after the quit word should be a comment: harmless when the host runs it as a command.
function Invoke-ChatProcess {
    param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [string[]] $Lines)

    # The manifest's path reaches the new process through its environment, so no encoding of standard input
    # (ASCII in Windows PowerShell) can garble it.
    $env:PSSOCKETCHAT_CHAT_MODULE = Get-ModuleUnderTest
    try {
        $lines = @("Import-Module -Name `$env:PSSOCKETCHAT_CHAT_MODULE -ErrorAction Stop; $Command") + $Lines
        (Invoke-PowerShellProcess -Arguments '-NoProfile', '-NoLogo', '-Command', '-' -InputLines $lines).Lines
    }
    finally {
        Remove-Item -Path Env:PSSOCKETCHAT_CHAT_MODULE -ErrorAction SilentlyContinue
    }
}

# The copies of the classroom seed programs (tests/Seed), run with the Python on this machine.
function Get-PythonPath {
    foreach ($name in 'python3', 'python') {
        $command = Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) {
            return $command.Path
        }
    }

    throw 'The seed-program tests run the original Python programs: put python3 (or python) on PATH.'
}

function New-SeedProcess {
    param([Parameter(Mandatory)] [string] $Program, [string[]] $Arguments = @())

    $info = New-Object System.Diagnostics.ProcessStartInfo (Get-PythonPath)
    $script = [IO.Path]::Combine($PSScriptRoot, '..', 'Seed', $Program)
    $info.Arguments = (@("""$script""") + $Arguments) -join ' '
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.StandardOutputEncoding = [Text.Encoding]::UTF8
    $info.EnvironmentVariables['PYTHONIOENCODING'] = 'utf-8'
    [System.Diagnostics.Process]::Start($info)
}

# servidor.py on 127.0.0.1 and a port the system chooses; returns the process and the port it printed.
function Start-SeedServer {
    $process = New-SeedProcess -Program 'servidor.py' -Arguments '127.0.0.1', '0'
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait(20000) -or -not $line.Result) {
        Stop-SeedProcess -Process $process
        throw "servidor.py did not start: $($process.StandardError.ReadToEnd())"
    }

    [pscustomobject]@{ Process = $process; Port = [int] ($line.Result -replace '^.*:(\d+)$', '$1') }
}

# cliente.py against a port: types the lines, then returns what it printed once it has ended.
function Invoke-SeedClient {
    param([Parameter(Mandatory)] [int] $Port, [Parameter(Mandatory)] [string[]] $Lines)

    $process = New-SeedProcess -Program 'cliente.py' -Arguments '127.0.0.1', "$Port"
    try {
        foreach ($line in $Lines) {
            $process.StandardInput.WriteLine($line)
        }

        $process.StandardInput.Close()
        $printed = $process.StandardOutput.ReadToEndAsync()
        if (-not $process.WaitForExit(20000)) {
            throw 'cliente.py did not end.'
        }

        @($printed.Result -split "\r?\n" | Where-Object { $_ -ne '' })
    }
    finally {
        Stop-SeedProcess -Process $process
    }
}

# Ends a seed program this test started, by its own process object, if it is still running.
function Stop-SeedProcess {
    param($Process)
    if ($Process -and -not $Process.HasExited) {
        $Process.Kill()
        $null = $Process.WaitForExit(10000)
    }
}
