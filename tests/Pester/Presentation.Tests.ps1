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

        foreach ($column in 'Name', 'LocalEndPoint', 'State', 'ConnectionCount', 'MessagesReceived') {
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

        foreach ($column in 'ReceivedAt', 'RemoteEndPoint', 'Text') {
            $table | Should -Match "\b$column\b"
        }

        $table | Should -Match 'se ve en la tabla'
    }

    It 'shows a connection with its direction, remote end and state' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server

        $table = $client | Format-Table | Out-String -Width 200

        foreach ($column in 'Direction', 'RemoteEndPoint', 'State') {
            $table | Should -Match "\b$column\b"
        }

        $table | Should -Match 'Outbound'
    }
}

Describe 'Columns and properties' {
    AfterEach {
        Close-Everything
    }

    It 'names every table column after a property, so Select-Object of what the table shows is never blank' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        $sent = Send-SocketMessage $client 'columnas' -PassThru
        $message = Receive-SocketMessage -Server $server -Count 1 -Timeout 10

        foreach ($object in $server, $client, $sent, $message) {
            $header = ($object | Format-Table | Out-String -Width 300) -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1
            foreach ($column in $header -split '\s+' | Where-Object { $_ }) {
                $object.PSObject.Properties.Name | Should -Contain $column -Because "the $($object.GetType().Name) table shows a $column column"
                $value = ($object | Select-Object -Property $column).$column
                $null -ne $value | Should -BeTrue -Because "Select-Object $column on a $($object.GetType().Name) should show what the table does"
            }
        }
    }

    It 'gives times in local time and the listening port as Port' {
        $server = Start-TestServer
        $client = Connect-TestServer -Server $server
        Send-SocketMessage $client 'hora'
        $message = Receive-SocketMessage -Server $server -Count 1 -Timeout 10

        $server.Port | Should -Be $server.LocalEndPoint.Port
        $server.Port | Should -Not -Be 0
        foreach ($time in $message.ReceivedAt, $server.StartedAt, $client.OpenedAt) {
            $time.Kind.ToString() | Should -Be 'Local'
        }

        $table = $message | Format-Table | Out-String
        $table | Should -Match ([regex]::Escape($message.ReceivedAt.ToString('HH:mm:ss')))
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
