# What a message is: bytes sent and received exactly, a last line that lacked its line feed, and errors and verbose
# text in words a PowerShell user reads.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest

    # A plain TCP peer, as nc would be: writes exactly these bytes, then closes its sending side.
    function Send-RawAndClose {
        param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [byte[]] $Bytes)
        $client = New-Object System.Net.Sockets.TcpClient
        $client.Connect([System.Net.IPAddress]::Loopback, $Server.Port)
        $client.GetStream().Write($Bytes, 0, $Bytes.Length)
        $client.Client.Shutdown([System.Net.Sockets.SocketShutdown]::Send)
        $client
    }

    $everyByte = [byte[]] (0..255)
}

Describe 'Binary messages' {
    AfterEach {
        Close-Everything
    }

    It 'sends -Bytes exactly, and a received message''s Bytes sent back round-trip' {
        $server = Start-TestServer -Parameters @{ Framing = 'LengthPrefixed'; NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server -Parameters @{ Framing = 'LengthPrefixed' }

        $sent = Send-SocketMessage $client -Bytes $everyByte -PassThru
        $received = Receive-SocketMessage -Server $server -Count 1 -Timeout 10
        Send-SocketMessage $received.Connection -Bytes $received.Bytes

        $sent.Length | Should -Be 256
        [Convert]::ToBase64String($sent.Bytes) | Should -Be ([Convert]::ToBase64String($everyByte))
        [Convert]::ToBase64String($received.Bytes) | Should -Be ([Convert]::ToBase64String($everyByte))
        $back = Receive-SocketMessage $client -Count 1 -Timeout 10
        [Convert]::ToBase64String($back.Bytes) | Should -Be ([Convert]::ToBase64String($everyByte))
    }

    It 'sends a byte array piped in as one message, not one per byte' {
        $server = Start-TestServer -Parameters @{ Framing = 'LengthPrefixed'; NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server -Parameters @{ Framing = 'LengthPrefixed' }

        $everyByte | Send-SocketMessage $client
        Send-SocketMessage $client 'después'

        # Messages of one connection arrive in order: the one after the bytes shows that nothing else came between.
        $messages = @(Receive-SocketMessage -Server $server -Count 2 -Timeout 10)
        $messages[0].Length | Should -Be 256
        $messages[1].Text | Should -Be 'después'
    }

    It 'sends each byte array that arrives whole as a message of its own' {
        $server = Start-TestServer -Parameters @{ Framing = 'LengthPrefixed'; NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server -Parameters @{ Framing = 'LengthPrefixed' }

        Write-Output -NoEnumerate ([byte[]] (1, 2, 3)) | Send-SocketMessage $client
        @([byte[]] (4, 5), [byte[]] (6)) | Send-SocketMessage $client

        $messages = @(Receive-SocketMessage -Server $server -Count 3 -Timeout 10)
        ($messages | ForEach-Object { $_.Bytes -join ',' }) -join ' | ' | Should -Be '1,2,3 | 4,5 | 6'
    }

    It 'sends a single byte given with -Bytes to every connection piped in, and keeps gathered bytes in their place' {
        $server = Start-TestServer -Parameters @{ Framing = 'LengthPrefixed'; NoAcknowledgement = $true }
        $first = Connect-TestServer -Server $server -Parameters @{ Framing = 'LengthPrefixed' }
        $second = Connect-TestServer -Server $server -Parameters @{ Framing = 'LengthPrefixed' }

        $first, $second | Send-SocketMessage -Bytes ([byte] 65)
        @([byte] 1, [byte[]] (2, 3), [byte] 4) | Send-SocketMessage $first
        Send-SocketMessage $first -Bytes @()

        $messages = @(Receive-SocketMessage -Server $server -Count 6 -Timeout 10)
        $fromFirst = $messages | Where-Object ConnectionId -NE ($messages | Where-Object { $_.RemoteEndPoint.Port -eq $second.LocalEndPoint.Port }).ConnectionId
        ($fromFirst | ForEach-Object { '[' + ($_.Bytes -join ',') + ']' }) -join ' ' | Should -Be '[65] [1] [2,3] [4] []'
        ($messages | Where-Object { $_.RemoteEndPoint.Port -eq $second.LocalEndPoint.Port }).Bytes -join ',' | Should -Be '65'
    }

    It 'refuses bytes with a line break in Line framing, and the connection goes on' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server

        Send-SocketMessage $client -Bytes ([byte[]] (104, 10, 105)) -ErrorAction SilentlyContinue -ErrorVariable failures
        Send-SocketMessage $client -Bytes ([byte[]] (0, 255))

        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidMessage,PSSocketChat.Commands.SendSocketMessageCommand'
        (Receive-SocketMessage -Server $server -Count 1 -Timeout 10).Bytes -join ',' | Should -Be '0,255'
    }

    It 'refuses a byte array given as -Message, and an object with properties piped as text' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        { Send-SocketMessage $client -Message ([byte[]] (1, 2)) -ErrorAction Stop } | Should -Throw '*send them as they are with -Bytes*'
        { Send-SocketMessage $client -Message @([byte] 1, [byte] 2) -ErrorAction Stop } | Should -Throw '*send them as they are with -Bytes*'
        { Send-SocketMessage $client -Message @([pscustomobject] @{ Nombre = 'ana' }, 'x') -ErrorAction Stop } | Should -Throw '*An object with properties is not text*'
        { [pscustomobject] @{ Nombre = 'ana' } | Send-SocketMessage $client -ErrorAction Stop } | Should -Throw
        $client.MessagesSent | Should -Be 0
    }
}

Describe 'Messages a peer did not finish' {
    AfterEach {
        Close-Everything
    }

    It 'delivers a last line without its line feed, marked Unterminated, when the peer closes' {
        $server = Start-TestServer
        $peer = Send-RawAndClose -Server $server -Bytes ([Text.Encoding]::UTF8.GetBytes("entera`nsin fin"))
        try {
            $messages = @(Receive-SocketMessage -Server $server -Count 2 -Timeout 10)

            ($messages | ForEach-Object { "$($_.Text):$($_.Unterminated)" }) -join '|' | Should -Be 'entera:False|sin fin:True'
        }
        finally {
            $peer.Dispose()
        }
    }

    It 'says in CloseDetail what a length-prefixed peer cut off' {
        $server = Start-TestServer -Parameters @{ Framing = 'LengthPrefixed'; NoAcknowledgement = $true }
        $peer = Send-RawAndClose -Server $server -Bytes ([byte[]] (0, 0, 0, 10, 97, 98, 99))
        try {
            Wait-Until -Because 'the peer to be gone' { $server.ConnectionsAccepted -eq 1 -and $server.ConnectionCount -eq 0 }
            $records = Receive-SocketMessage -Server $server -Verbose 4>&1

            ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" |
                Should -Match 'the peer closed the connection: The peer closed in the middle of a message: 3 of its 10 bytes arrived'
            @($records | Where-Object { $_ -is [PSSocketChat.SocketMessage] }).Count | Should -Be 0
        }
        finally {
            $peer.Dispose()
        }
    }
}

Describe 'Errors and verbose text in PowerShell''s words' {
    AfterEach {
        Close-Everything
    }

    It 'has no .NET parameter suffix in error messages' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        $failures = foreach ($attempt in @(
                { Start-SocketServer -Port 0 -IPAddress 'no-es-una-ip' },
                { Start-SocketServer -Port 0 -Encoding 'klingon' },
                { Start-SocketServer -Port 0 -Encoding 'unicode' },
                { Send-SocketMessage $client -Message $client -ErrorAction Stop },
                { Receive-SocketMessage $client -Timeout -5 },
                { Connect-SocketServer -ComputerName $server -ErrorAction Stop },
                { Connect-SocketServer -ComputerName 127.0.0.1 -Port $server.Port -Timeout 0 -ErrorAction Stop })) {
            $attempt | Should -Throw -PassThru
        }

        foreach ($failure in $failures) {
            $failure.Exception.Message | Should -Not -Match '\(Parameter '''
            $failure.Exception.Message | Should -Not -Match 'Parameter name:|Actual value was'
        }

        $failures[-1].Exception.Message | Should -Match 'The connect timeout must be greater than zero\.'
    }

    It 'says that it is the acknowledgement that does not fit in -MaxMessageSize' {
        $failure = { Start-SocketServer -Port 0 -IPAddress 127.0.0.1 -MaxMessageSize 8 } |
            Should -Throw -ErrorId 'MessageTooLarge,PSSocketChat.Commands.StartSocketServerCommand' -PassThru

        $failure.Exception.Message | Should -Match "^The acknowledgement 'Mensaje recibido' is 16 bytes, more than the maximum message size of 8 bytes"
    }

    It 'tells why a receive ended, and how a connection closed, in words' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'hola'
        $null = Receive-SocketMessage -Server $server -Count 1 -Timeout 10

        $receive = (Receive-SocketMessage -Server $server -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $close = @((Close-SocketConnection $client -Confirm:$false -Verbose 4>&1).Message)[-1]

        $receive | Should -Match 'Received 0 message\(s\): nothing more was waiting\.'
        $close | Should -Match 'closed: closed by this side\.$'
        "$receive $close" | Should -Not -Match 'QueueDrained|LocalClose'
    }

    It 'reports in -Verbose a client turned away by -MaxConnections' {
        $name = New-TestName -Prefix 'limite'
        $run = Start-ForegroundServer -Name $name -Arguments '-MaxConnections 1 -Verbose'
        try {
            $server = Get-SocketServer -Name $name
            $first = Connect-TestServer -Server $server
            $second = Connect-TestServer -Server $server

            Wait-Until -Because 'the verbose line' { @($run.PowerShell.Streams.Verbose | Where-Object { $_.Message -match 'turned away' }).Count -ge 1 }
            $line = @($run.PowerShell.Streams.Verbose | Where-Object { $_.Message -match 'turned away' })[0].Message
            $line | Should -Match ([regex]::Escape("127.0.0.1:$($second.LocalEndPoint.Port) turned away"))
            $line | Should -Match 'already serves 1 client\(s\), its maximum'
        }
        finally {
            Stop-InRunspace $run
        }
    }
}

Describe 'The README''s log recipe' {
    AfterEach {
        Close-Everything
    }

    It 'appends each ERROR line to the log as it arrives, while the server runs' {
        $log = Join-Path ([IO.Path]::GetTempPath()) ("errors-" + [guid]::NewGuid().ToString('N') + '.log')
        $name = New-TestName -Prefix 'registro'
        # The recipe exactly as the README gives it, but on loopback, a port the system chooses and a log of the test's.
        $readme = [IO.File]::ReadAllText([IO.Path]::Combine($PSScriptRoot, '..', '..', 'README.md'))
        $section = $readme.Substring($readme.IndexOf('### Receive log lines from devices'))
        $recipe = [regex]::Match($section, '(?s)```powershell\r?\n(.*?)```').Groups[1].Value
        $recipe | Should -Match 'Start-SocketServer -Port 5140 -NoAcknowledgement -Wait'
        $recipe = $recipe.Replace('-Port 5140', "-Port 0 -IPAddress 127.0.0.1 -Name $name").Replace('./errors.log', "'$log'")
        $run = Start-InRunspace -Script $recipe
        try {
            Wait-Until -Because 'the server to listen' { Get-SocketServer -Name $name -ErrorAction SilentlyContinue }
            $device = Connect-TestServer -Server (Get-SocketServer -Name $name)
            'INFO arranque', 'ERROR disco lleno', 'INFO sigue' | Send-SocketMessage $device

            Wait-Until -Because 'the line in the log while the server still runs' { (Test-Path -LiteralPath $log) -and (Get-Content -LiteralPath $log) }
            $run.Handle.IsCompleted | Should -BeFalse
            @(Get-Content -LiteralPath $log) | Should -HaveCount 1
            (Get-Content -LiteralPath $log) | Should -Match ('^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 127\.0\.0\.1:' + $device.LocalEndPoint.Port + ' ERROR disco lleno$')
        }
        finally {
            Stop-InRunspace $run
            Remove-Item -LiteralPath $log -ErrorAction SilentlyContinue
        }
    }
}
