BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

AfterAll {
    Import-ModuleUnderTest
}

Describe 'Removing the module' {
    It 'in another runspace closes only what that runspace opened' {
        $mine = Start-TestServer
        $name = New-TestName -Prefix 'ajeno'
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript('param($Manifest, $Name) Import-Module -Name $Manifest -ErrorAction Stop; Start-SocketServer -Port 0 -IPAddress 127.0.0.1 -Name $Name').
                AddArgument((Get-ModuleUnderTest)).AddArgument($name)
            $theirs = $other.Invoke()[0]
            $theirs.State.ToString() | Should -Be 'Listening'
            $other.Commands.Clear()
            $null = $other.AddScript('Remove-Module -Name PSSocketChat').Invoke()

            $theirs.State.ToString() | Should -Be 'Stopped'
            $mine.State.ToString() | Should -Be 'Listening'
            Get-SocketServer -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            $other.Dispose()
            Stop-SocketServer $mine -Confirm:$false
        }
    }

    It 'stops its servers and closes its connections, freeing the ports' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        $port = $server.LocalEndPoint.Port

        Remove-Module -Name PSSocketChat

        $server.State.ToString() | Should -Be 'Stopped'
        $client.State.ToString() | Should -Be 'Closed'
        Test-PortFree -Port $port | Should -BeTrue
    }
}
