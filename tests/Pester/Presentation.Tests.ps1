BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
    if (Get-Variable -Name PSStyle -ErrorAction SilentlyContinue) {
        $PSStyle.OutputRendering = 'PlainText'
    }
}

Describe 'Default views' {
    AfterEach {
        Close-Everything
    }

    It 'shows a server with its name, endpoint, state, clients and messages' {
        $server = Start-TestServer -Parameters @{ Name = 'vista' }

        $table = $server | Format-Table | Out-String -Width 200

        foreach ($column in 'Name', 'Endpoint', 'State', 'Clients', 'Messages') {
            $table | Should -Match "\b$column\b"
        }

        $table | Should -Match 'vista'
        $table | Should -Match ([regex]::Escape("127.0.0.1:$($server.LocalEndPoint.Port)"))
    }

    It 'shows a message with its time, sender and text' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'se ve en la tabla'

        $table = Receive-SocketMessage -Server $server -Count 1 -Timeout 10 | Format-Table | Out-String -Width 200

        foreach ($column in 'Time', 'From', 'Text') {
            $table | Should -Match "\b$column\b"
        }

        $table | Should -Match 'se ve en la tabla'
    }

    It 'shows a connection with its direction, remote end and state' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        $table = $client | Format-Table | Out-String -Width 200

        foreach ($column in 'Direction', 'Remote', 'State') {
            $table | Should -Match "\b$column\b"
        }

        $table | Should -Match 'Outbound'
    }
}

Describe 'Tab completion' {
    AfterEach {
        Close-Everything
    }

    It 'completes the names of open servers' {
        $name = New-TestName -Prefix 'completa'
        $null = Start-TestServer -Parameters @{ Name = $name }
        $line = 'Stop-SocketServer -Name compl'

        $completions = [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches

        $completions.CompletionText | Should -Contain $name
    }

    It 'completes a connection parameter with an expression that fetches an open connection' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        $line = 'Send-SocketMessage -Connection '

        $completions = [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches

        $completions.CompletionText | Should -Contain "(Get-SocketConnection -Id $($client.Id))"
    }
}

Describe 'Verbose output' {
    AfterEach {
        Close-Everything
    }

    It 'tells the lifecycle in verbose output' {
        $records = Start-SocketServer -Port 0 -IPAddress 127.0.0.1 -Verbose 4>&1

        $server = $records | Where-Object { $_ -is [PSSocketChat.SocketServer] }
        $verbose = $records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose | ForEach-Object Message) -join "`n" | Should -Match ([regex]::Escape("listening on $($server.LocalEndPoint)"))
    }
}
