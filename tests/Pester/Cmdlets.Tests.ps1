BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

Describe 'Get-SocketServer and Stop-SocketServer' {
    AfterEach {
        Close-Everything
    }

    It 'finds servers by name, wildcard and id' {
        $name = New-TestName -Prefix 'chat'
        $server = Start-TestServer -Parameters @{ Name = $name }

        (Get-SocketServer -Name $name).Id | Should -Be $server.Id
        (Get-SocketServer -Name 'chat-*').Name | Should -Contain $name
        (Get-SocketServer -Id $server.Id).Name | Should -Be $name
        (Get-SocketServer).Id | Should -Contain $server.Id
    }

    It 'leaves the server listening with -WhatIf' {
        $server = Start-TestServer

        Stop-SocketServer $server -WhatIf

        $server.State.ToString() | Should -Be 'Listening'
    }

    It 'stops by name, disconnects the clients and frees the port' {
        $name = New-TestName
        $server = Start-TestServer -Parameters @{ Name = $name }
        $client = Connect-TestServer -Server $server
        $port = $server.LocalEndPoint.Port

        Stop-SocketServer -Name $name -Confirm:$false

        $server.State.ToString() | Should -Be 'Stopped'
        Get-SocketServer -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Wait-Until -Because 'the client to see the server close' { $client.State.ToString() -eq 'Closed' }
        $client.CloseReason.ToString() | Should -Be 'PeerClosed'
        (Get-SocketConnection -State Closed).Id | Should -Contain $client.Id
        Test-PortFree -Port $port | Should -BeTrue
    }

    It 'stops what is piped to it and passes it through with -PassThru' {
        $server = Start-TestServer

        $stopped = $server | Stop-SocketServer -Confirm:$false -PassThru

        $stopped.Id | Should -Be $server.Id
        $stopped.State.ToString() | Should -Be 'Stopped'
    }
}

Describe 'Get-SocketConnection and Close-SocketConnection' {
    AfterEach {
        Close-Everything
    }

    It 'lists a server''s clients and the connections this session opened' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server -Parameters @{ Name = (New-TestName -Prefix 'mine') }
        Wait-Until -Because 'the server to accept' { @(Get-SocketConnection -Server $server).Count -eq 1 }

        (Get-SocketConnection -Server $server).Direction.ToString() | Should -Be 'Inbound'
        ($server | Get-SocketConnection).RemoteEndPoint.Port | Should -Be $client.LocalEndPoint.Port
        (Get-SocketConnection -Name 'mine-*').Id | Should -Be $client.Id
        (Get-SocketConnection -Id $client.Id).Direction.ToString() | Should -Be 'Outbound'
    }

    It 'leaves the connection open with -WhatIf' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        $client | Close-SocketConnection -WhatIf

        $client.State.ToString() | Should -Be 'Open'
    }

    It 'closes what is piped to it, in order, and closing again is harmless' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        $client | Close-SocketConnection -Confirm:$false
        $client | Close-SocketConnection -Confirm:$false

        $client.State.ToString() | Should -Be 'Closed'
        $client.CloseReason.ToString() | Should -Be 'LocalClose'
        Get-SocketConnection -Id $client.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'disconnects a server''s client by id' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Wait-Until -Because 'the server to accept' { @(Get-SocketConnection -Server $server).Count -eq 1 }
        $serverSide = Get-SocketConnection -Server $server

        Close-SocketConnection -Id $serverSide.Id -Confirm:$false

        Wait-Until -Because 'the client to see the close' { $client.State.ToString() -eq 'Closed' }
        @(Get-SocketConnection -Server $server).Count | Should -Be 0
    }
}

Describe 'Receive-SocketMessage' {
    AfterEach {
        Close-Everything
    }

    It 'returns at once with what is queued, which may be nothing' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        Receive-SocketMessage $client | Should -BeNullOrEmpty
    }

    It 'takes only one client''s messages from a server-side connection' {
        $server = Start-TestServer
        $ana = Connect-TestServer -Server $server
        $luis = Connect-TestServer -Server $server
        Send-SocketMessage $ana 'de ana' -WaitForReply | Out-Null
        Send-SocketMessage $luis 'de luis' -WaitForReply | Out-Null
        $luisOnServer = Get-SocketConnection -Server $server | Where-Object { $_.RemoteEndPoint.Port -eq $luis.LocalEndPoint.Port }

        (Receive-SocketMessage $luisOnServer).Text | Should -Be 'de luis'
        (Receive-SocketMessage -Server $server).Text | Should -Be 'de ana'
    }

    It 'is not starved by another client that fills its queue (each client has its own)' {
        $server = Start-TestServer
        $flooder = Connect-TestServer -Server $server
        $quiet = Connect-TestServer -Server $server
        1..3000 | ForEach-Object { "linea $_" } | Send-SocketMessage $flooder
        $flooderOnServer = Get-SocketConnection -Server $server | Where-Object { $_.RemoteEndPoint.Port -eq $flooder.LocalEndPoint.Port }
        Wait-Until -Because 'the flooder to fill its queue' { $flooderOnServer.QueuedMessages -eq 1024 }

        # Delivered and acknowledged at once, while the flooder's 1,024 messages (and the rest behind them) wait.
        (Send-SocketMessage $quiet 'soy b' -WaitForReply -Timeout 20).Text | Should -Be 'Mensaje recibido'
        $quietOnServer = Get-SocketConnection -Server $server | Where-Object { $_.RemoteEndPoint.Port -eq $quiet.LocalEndPoint.Port }
        (Receive-SocketMessage $quietOnServer -Count 1 -Timeout 20).Text | Should -Be 'soy b'
        $flooderOnServer.QueuedMessages | Should -Be 1024
    }

    It 'takes -Timeout in seconds or as a TimeSpan' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'a'

        (Receive-SocketMessage $client -Timeout 10).Text | Should -Be 'Mensaje recibido'
        Send-SocketMessage $client 'b'
        (Receive-SocketMessage $client -Timeout '00:00:10').Text | Should -Be 'Mensaje recibido'
    }
}

Describe 'Send-SocketMessage' {
    AfterEach {
        Close-Everything
    }

    It 'writes what it sent with -PassThru' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        $sent = Send-SocketMessage $client 'registro' -PassThru

        $sent | Should -BeOfType ([PSSocketChat.SentMessage])
        $sent.Text | Should -Be 'registro'
        $sent.ConnectionId | Should -Be $client.Id
    }

    It 'carries line breaks with LengthPrefixed framing' {
        $server = Start-TestServer -Parameters @{ Framing = 'LengthPrefixed' }
        $client = Connect-TestServer -Server $server -Parameters @{ Framing = 'LengthPrefixed' }

        Send-SocketMessage $client "dos`nlíneas"

        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be "dos`nlíneas"
    }
}

Describe 'Pipeline binding of connections' {
    AfterEach {
        Close-Everything
    }

    It 'sends to every connection piped in when the text is given with -Message' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $first = Connect-TestServer -Server $server
        $second = Connect-TestServer -Server $server

        $first, $second | Send-SocketMessage -Message 'a todos'

        @(Receive-SocketMessage -Server $server -Count 2 -Timeout 10 | Where-Object Text -EQ 'a todos').Count | Should -Be 2
    }

    It 'refuses to send a piped connection''s description as a message' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server

        { $client | Send-SocketMessage -ErrorAction Stop } | Should -Throw

        Send-SocketMessage $client 'después'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'después'
    }
}

Describe 'Stop-SocketServer and Close-SocketConnection by id and name' {
    AfterEach {
        Close-Everything
    }

    It 'stops a server by -Id and passes it through' {
        $server = Start-TestServer

        $stopped = Stop-SocketServer -Id $server.Id -PassThru -Confirm:$false

        $stopped.Id | Should -Be $server.Id
        $server.State.ToString() | Should -Be 'Stopped'
    }

    It 'closes connections by -Name with a wildcard and passes them through' {
        $server = Start-TestServer
        $prefix = New-TestName -Prefix 'cerrar'
        $first = Connect-TestServer -Server $server -Parameters @{ Name = "$prefix-1" }
        $second = Connect-TestServer -Server $server -Parameters @{ Name = "$prefix-2" }
        $other = Connect-TestServer -Server $server

        $closed = @(Close-SocketConnection -Name "$prefix-*" -PassThru -Confirm:$false)

        ($closed.Id | Sort-Object) -join ',' | Should -Be (($first.Id, $second.Id | Sort-Object) -join ',')
        $first.State.ToString() | Should -Be 'Closed'
        $second.State.ToString() | Should -Be 'Closed'
        $other.State.ToString() | Should -Be 'Open'
    }

    It 'reports a connection name that matches nothing as ConnectionNotFound' {
        Close-SocketConnection -Name 'no-such-connection' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ObjectNotFound'
    }
}

Describe 'Start-SocketServer options' {
    AfterEach {
        Close-Everything
    }

    It 'answers with the -Acknowledgement text' {
        $server = Start-TestServer -Parameters @{ Acknowledgement = 'OK' }
        $client = Connect-TestServer -Server $server

        (Send-SocketMessage $client 'hola' -WaitForReply -Timeout 10).Text | Should -Be 'OK'
        $server.Acknowledgement | Should -Be 'OK'
    }

    It 'sends nothing back with -NoAcknowledgement' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'hola'
        $received = Receive-SocketMessage -Server $server -Count 1 -Timeout 10

        # What the server script sends is the client's first message: no acknowledgement went before it.
        Send-SocketMessage $received.Connection 'solo esto'
        (Receive-SocketMessage $client -Count 1 -Timeout 10).Text | Should -Be 'solo esto'
        $client.MessagesReceived | Should -Be 1
    }

    It 'decodes and encodes with -Encoding' {
        $server = Start-TestServer -Parameters @{ Encoding = 'latin1' }
        $client = Connect-TestServer -Server $server -Parameters @{ Encoding = 'latin1' }

        Send-SocketMessage $client ([string] [char[]] (0xF1, 0x61, 0x6E, 0x64, 0xFA) -replace ' ', '')

        $received = Receive-SocketMessage -Server $server -Count 1 -Timeout 10
        $received.Text | Should -Be ([string] [char[]] (0xF1, 0x61, 0x6E, 0x64, 0xFA) -replace ' ', '')
        $received.Bytes.Length | Should -Be 5
    }

    It 'disconnects only the client whose message exceeds -MaxMessageSize' {
        $server = Start-TestServer -Parameters @{ MaxMessageSize = 16 }
        $big = Connect-TestServer -Server $server -Parameters @{ MaxMessageSize = 64 }
        $fine = Connect-TestServer -Server $server

        Send-SocketMessage $big ('x' * 40)

        Wait-Until -Because 'the server to disconnect the client' { $big.State.ToString() -eq 'Closed' }
        (Send-SocketMessage $fine 'corto' -WaitForReply -Timeout 10).Text | Should -Be 'Mensaje recibido'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Text | Should -Be 'corto'
    }

    It 'turns away clients beyond -MaxConnections and counts them' {
        $server = Start-TestServer -Parameters @{ MaxConnections = 1 }
        $first = Connect-TestServer -Server $server
        Wait-Until -Because 'the server to accept the first client' { $server.ConnectionCount -eq 1 }

        $second = Connect-TestServer -Server $server

        Wait-Until -Because 'the server to turn the second client away' { $second.State.ToString() -eq 'Closed' }
        $server.ConnectionsRejected | Should -Be 1
        (Send-SocketMessage $first 'sigo' -WaitForReply -Timeout 10).Text | Should -Be 'Mensaje recibido'
    }
}

Describe 'Connect-SocketServer options' {
    AfterEach {
        Close-Everything
    }

    It 'binds -ComputerName and -Port by property name from piped objects' {
        $server = Start-TestServer
        $target = [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $server.LocalEndPoint.Port }

        $client = $target | Connect-SocketServer -Timeout 10

        $client.RemoteEndPoint.Port | Should -Be $server.LocalEndPoint.Port
        $client.State.ToString() | Should -Be 'Open'
    }

    It 'refuses to send a message over its -MaxMessageSize, and the connection goes on' {
        $server = Start-TestServer
        # Room for the 16-byte acknowledgement, which the connection must accept.
        $client = Connect-TestServer -Server $server -Parameters @{ MaxMessageSize = 20 }

        Send-SocketMessage $client ('x' * 21) -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'MessageTooLarge,PSSocketChat.Commands.SendSocketMessageCommand'
        (Send-SocketMessage $client 'corto' -WaitForReply -Timeout 10).Text | Should -Be 'Mensaje recibido'
    }
}

Describe 'Choosing servers and connections by name and id' {
    AfterEach {
        Close-Everything
    }

    BeforeAll {
        $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 6)
    }

    It 'matches <Pattern> against <Name> as PowerShell wildcards do, ignoring case: <Matches>' -ForEach @(
        @{ Pattern = 'chat{0}'; Name = 'Chat{0}'; Matches = $true }
        @{ Pattern = 'chat{0}'; Name = 'chat{0}x'; Matches = $false }
        @{ Pattern = 'chat{0}*'; Name = 'chat{0}room'; Matches = $true }
        @{ Pattern = '*room{0}'; Name = 'ChatRoom{0}'; Matches = $true }
        @{ Pattern = 'c?at{0}'; Name = 'chat{0}'; Matches = $true }
        @{ Pattern = 'c?at{0}'; Name = 'cat{0}'; Matches = $false }
        @{ Pattern = 'srv{0}[12]'; Name = 'Srv{0}2'; Matches = $true }
        @{ Pattern = 'srv{0}[1-3]'; Name = 'srv{0}3'; Matches = $true }
        @{ Pattern = 'srv{0}[1-3]'; Name = 'srv{0}4'; Matches = $false }
        @{ Pattern = 'a{0}`*b'; Name = 'a{0}*b'; Matches = $true }
        @{ Pattern = 'a{0}`*b'; Name = 'a{0}xb'; Matches = $false }
        @{ Pattern = 'dots{0}.and+plus'; Name = 'dots{0}.and+plus'; Matches = $true }
        @{ Pattern = 'dots{0}.and+plus'; Name = 'dots{0}Xand+plus'; Matches = $false }
    ) {
        $server = Start-TestServer -Parameters @{ Name = ($Name -f $tag) }

        $found = Get-SocketServer -Name ($Pattern -f $tag) -ErrorAction SilentlyContinue

        [bool]($found.Id -contains $server.Id) | Should -Be $Matches
    }

    It 'reports plain names and ids that match nothing, and wildcards that match nothing not at all' {
        $alpha = Start-TestServer -Parameters @{ Name = "alpha$tag" }
        $beta = Start-TestServer -Parameters @{ Name = "beta$tag" }

        $found = Get-SocketServer -Name "alpha$tag*", "gamma$tag", "zeta$tag*" -ErrorVariable missing -ErrorAction SilentlyContinue
        $byId = Get-SocketServer -Id $beta.Id, -5 -ErrorVariable missingId -ErrorAction SilentlyContinue

        $found.Id | Should -Be @($alpha.Id)
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ServerNotFound,*'
        $missing[0].Exception.Message | Should -BeLike "*'gamma$tag'*"
        $byId.Id | Should -Be @($beta.Id)
        $missingId[0].Exception.Message | Should -BeLike '*-5*'
        (Get-SocketServer).Id | Should -Contain $alpha.Id
    }

    It 'escapes a wildcard with a backtick, so the escaped name is a plain name that must exist' {
        Get-SocketServer -Name "none$tag``*" -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $missing.Count | Should -Be 1
    }

    It 'chooses connections by state and by server' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Wait-Until -Because 'the server to accept' { @(Get-SocketConnection -Server $server).Count -eq 1 }

        Stop-SocketServer $server -Confirm:$false
        Wait-Until -Because 'the client to see the close' { $client.State.ToString() -eq 'Closed' }

        (Get-SocketConnection -State Closed).Id | Should -Contain $client.Id
        (Get-SocketConnection -State Open).Id | Should -Not -Contain $client.Id
    }
}

Describe 'Names that are not valid wildcards' {
    AfterEach {
        Close-Everything
    }

    It 'takes an unclosed bracket as a plain name, found as written or reported as not found' {
        $name = '[sala{0}' -f [guid]::NewGuid().ToString('N').Substring(0, 6)
        $server = Start-TestServer -Parameters @{ Name = $name }

        (Get-SocketServer -Name $name).Id | Should -Be $server.Id
        Get-SocketServer -Name "$name-no" -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ServerNotFound,*'
    }
}
