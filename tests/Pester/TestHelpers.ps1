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

# The executable of the PowerShell running the tests, for tests that start a new process of the same edition. The
# process's own path serves unless the host is not the console (the ISE, an editor's host).
function Get-PowerShellPath {
    $path = (Get-Process -Id $PID).Path
    if ($path -and [IO.Path]::GetFileNameWithoutExtension($path) -in 'pwsh', 'powershell') {
        return $path
    }

    if ($PSVersionTable.PSEdition -eq 'Core') {
        if ($IsWindows) { return Join-Path $PSHOME 'pwsh.exe' }
        return Join-Path $PSHOME 'pwsh'
    }

    Join-Path $PSHOME 'powershell.exe'
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

# Starts `Start-SocketServer -Wait` (with -Once if asked) in a second runspace and returns once it listens.
function Start-ForegroundServer {
    param([Parameter(Mandatory)] [string] $Name, [switch] $Once)

    $script = "Start-SocketServer -Port 0 -IPAddress 127.0.0.1 -Name $Name -Wait"
    if ($Once) {
        $script += ' -Once'
    }

    $run = Start-InRunspace -Script $script
    Wait-Until -Because "$Name to listen" { Get-SocketServer -Name $Name -ErrorAction SilentlyContinue }
    $run
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
