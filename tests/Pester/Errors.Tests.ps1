BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

Describe 'Errors' {
    AfterEach {
        Close-Everything
    }

    It 'a port in use is a terminating ResourceUnavailable error that names the endpoint' {
        $server = Start-TestServer
        $port = $server.LocalEndPoint.Port

        $failure = { Start-SocketServer -Port $port -IPAddress 127.0.0.1 } |
            Should -Throw -ErrorId 'AddressInUse,PSSocketChat.Commands.StartSocketServerCommand' -PassThru

        $failure.CategoryInfo.Category.ToString() | Should -Be 'ResourceUnavailable'
        $failure.TargetObject | Should -Be "127.0.0.1:$port"
        $failure.Exception.Message | Should -BeLike "*127.0.0.1:$port*"
    }

    It 'a refused connection is a non-terminating ConnectionError' {
        $port = Get-UnusedPort

        $connection = Connect-SocketServer -ComputerName 127.0.0.1 -Port $port -ErrorAction SilentlyContinue -ErrorVariable failures

        $connection | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectionRefused,PSSocketChat.Commands.ConnectSocketServerCommand'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ConnectionError'
    }

    It 'a message with a line break is refused and the connection goes on' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        Send-SocketMessage $client "dos`nlíneas" -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidMessage,PSSocketChat.Commands.SendSocketMessageCommand'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        (Send-SocketMessage $client 'una línea' -WaitForReply).Text | Should -Be 'Mensaje recibido'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'una línea'
    }

    It 'sending on a closed connection is a ConnectionError that says why' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Close-SocketConnection $client -Confirm:$false

        Send-SocketMessage $client 'tarde' -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectionClosed,PSSocketChat.Commands.SendSocketMessageCommand'
        $failures[0].Exception.Message | Should -BeLike '*closed by this side*'
    }

    It 'a name that matches nothing is ObjectNotFound; a wildcard that matches nothing is not an error' {
        Get-SocketServer -Name 'no-such-server' -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'ServerNotFound,PSSocketChat.Commands.GetSocketServerCommand'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
        { Get-SocketServer -Name 'no-such-*' -ErrorAction Stop } | Should -Not -Throw
    }

    It 'a name already in use is ResourceExists' {
        $name = New-TestName
        $null = Start-TestServer -Parameters @{ Name = $name }

        { Start-TestServer -Parameters @{ Name = $name } } |
            Should -Throw -ErrorId 'NameInUse,PSSocketChat.Commands.StartSocketServerCommand'
    }

    It 'too few messages within -Timeout is an OperationTimeout after what did arrive' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'solo uno'

        $received = Receive-SocketMessage -Server $server -Count 2 -Timeout 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        $received.Text | Should -Be 'solo uno'
        $failures[0].FullyQualifiedErrorId | Should -Be 'ReceiveTimeout,PSSocketChat.Commands.ReceiveSocketMessageCommand'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'OperationTimeout'
    }

    It 'a reply that does not come within -Timeout is an OperationTimeout' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server

        Send-SocketMessage $client 'hola' -WaitForReply -Timeout 0.5 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'ReplyTimeout,PSSocketChat.Commands.SendSocketMessageCommand'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'OperationTimeout'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'hola'
    }

    It 'Enter-SocketChat refuses a -Timeout of zero before it connects' {
        { Enter-SocketChat -ComputerName 127.0.0.1 -Port 1 -Timeout 0 } |
            Should -Throw -ErrorId 'InvalidArgument,PSSocketChat.Commands.EnterSocketChatCommand' -ExpectedMessage '*-Timeout must be greater than zero*'
    }

    It 'bad arguments are InvalidArgument or parameter binding errors' {
        { Start-SocketServer -Port 0 -IPAddress 'not-an-address' } |
            Should -Throw -ErrorId 'InvalidArgument,PSSocketChat.Commands.StartSocketServerCommand'
        { Start-SocketServer -Port 0 -IPAddress 127.0.0.1 -Encoding 'klingon' } |
            Should -Throw -ErrorId 'InvalidArgument,PSSocketChat.Commands.StartSocketServerCommand'
        { Start-SocketServer -Port 70000 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,PSSocketChat.Commands.StartSocketServerCommand'
        { Connect-SocketServer -ComputerName 127.0.0.1 -Port 1 -Timeout 'soon' } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,PSSocketChat.Commands.ConnectSocketServerCommand'
    }
}
