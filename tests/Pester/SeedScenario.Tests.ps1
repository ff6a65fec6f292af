BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

Describe 'The seed scenario' {
    AfterEach {
        Close-Everything
    }

    It 'confirms every message with "Mensaje recibido", as the seed server did' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        $reply = Send-SocketMessage $client 'hola' -WaitForReply

        $reply | Should -BeOfType ([PSSocketChat.SocketMessage])
        $reply.Text | Should -Be 'Mensaje recibido'
        $received = Receive-SocketMessage -Server $server -Count 1 -Timeout 10
        $received.Text | Should -Be 'hola'
        $received.RemoteEndPoint.Port | Should -Be $client.LocalEndPoint.Port
        $received.Sequence | Should -Be 1
    }

    It 'sends each line piped in as one message, in order' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        'uno', 'dos', 'tres' | Send-SocketMessage $client

        (Receive-SocketMessage -Server $server -Count 3 -Timeout 10).Text -join ',' | Should -Be 'uno,dos,tres'
    }

    It 'answers the sender when a received message is piped back' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'ping'

        $message = Receive-SocketMessage -Server $server -Count 1 -Timeout 10
        $message | Send-SocketMessage -Message "echo $($message.Text)"

        (Receive-SocketMessage $client -Count 1 -Timeout 10).Text | Should -Be 'echo ping'
    }

    It 'echoes a piped message back on its own connection with its own text' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'eco'

        Receive-SocketMessage -Server $server -Count 1 -Timeout 10 | Send-SocketMessage

        (Receive-SocketMessage $client -Count 1 -Timeout 10).Text | Should -Be 'eco'
    }

    It 'serves many clients at once, each one in order and acknowledged' {
        $server = Start-TestServer
        $clients = @(1..10 | ForEach-Object { Connect-TestServer -Server $server })

        for ($i = 0; $i -lt $clients.Count; $i++) {
            1..5 | ForEach-Object { "$i-$_" } | Send-SocketMessage $clients[$i]
        }

        $messages = @(Receive-SocketMessage -Server $server -Count 50 -Timeout 20)
        $messages.Count | Should -Be 50
        foreach ($group in $messages | Group-Object -Property ConnectionId) {
            ($group.Group | ForEach-Object { ($_.Text -split '-')[1] }) -join ',' | Should -Be '1,2,3,4,5'
        }

        foreach ($client in $clients) {
            $acknowledgements = @(Receive-SocketMessage $client -Count 5 -Timeout 10)
            @($acknowledgements | Where-Object Text -EQ 'Mensaje recibido').Count | Should -Be 5
        }
    }

    It 'chats from standard input with Enter-SocketChat until the quit word' {
        $server = Start-TestServer
        $afterQuit = '# nunca enviado'

        $printed = Invoke-ChatProcess -Command "Enter-SocketChat -ComputerName 127.0.0.1 -Port $($server.LocalEndPoint.Port) -Timeout 10" -Lines 'hola', 'salir', $afterQuit

        ($printed -join "`n") | Should -Match 'Mensaje recibido'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'hola'
        Receive-SocketMessage -Server $server | Where-Object { $_.Text -eq $afterQuit } | Should -BeNullOrEmpty
    }

    It 'chats on a piped connection with its own -QuitWord and leaves the connection open' {
        $server = Start-TestServer
        $command = "`$c = Connect-SocketServer -ComputerName 127.0.0.1 -Port $($server.LocalEndPoint.Port) -Timeout 10; " +
            "`$c | Enter-SocketChat -QuitWord adios -Timeout 10; 'after the chat: ' + `$c.State"

        $printed = Invoke-ChatProcess -Command $command -Lines 'salir', 'adios'

        ($printed -join "`n") | Should -Match 'Mensaje recibido'
        ($printed -join "`n") | Should -Match 'after the chat: Open'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'salir'
    }
}
