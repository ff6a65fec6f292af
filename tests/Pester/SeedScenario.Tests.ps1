BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

AfterEach {
    Close-Everything
}

Describe 'The seed scenario' {
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
        $powershell = (Get-Process -Id $PID).Path
        $script = "Import-Module '{0}'; Enter-SocketChat -ComputerName 127.0.0.1 -Port {1} -Timeout 10" -f (Get-ModuleUnderTest), $server.LocalEndPoint.Port

        $printed = "hola`nsalir`nnunca enviado`n" | & $powershell -NoProfile -Command $script

        ($printed -join "`n") | Should -Match 'Mensaje recibido'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'hola'
        Receive-SocketMessage -Server $server | Where-Object { $_.Text -eq 'nunca enviado' } | Should -BeNullOrEmpty
    }
}
