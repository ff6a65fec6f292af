BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

AfterAll {
    Import-ModuleUnderTest
}

Describe 'Removing the module' {
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
