BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

Describe 'Start-SocketServer -Wait' {
    AfterEach {
        Close-Everything
    }

    It 'writes each message as it arrives; Ctrl+C stops it and frees the port' {
        $name = New-TestName -Prefix 'foreground'
        $run = Start-ForegroundServer -Name $name
        try {
            $server = Get-SocketServer -Name $name
            $port = $server.LocalEndPoint.Port
            $client = Connect-TestServer -Server $server

            'uno', 'dos' | Send-SocketMessage $client
            Wait-Until -Because 'two messages on the pipeline' { $run.Output.Count -ge 2 }

            # PowerShell.Stop() is what Ctrl+C does: it calls the cmdlet's StopProcessing.
            $run.PowerShell.Stop()

            $run.PowerShell.InvocationStateInfo.State.ToString() | Should -Be 'Stopped'
            ($run.Output | ForEach-Object { $_.Text }) -join ',' | Should -Be 'uno,dos'
            $run.Output[0] | Should -BeOfType ([PSSocketChat.SocketMessage])
            Get-SocketServer -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Test-PortFree -Port $port | Should -BeTrue
        }
        finally {
            Stop-InRunspace $run
        }
    }

    It 'ends when Stop-SocketServer is run from another runspace' {
        $name = New-TestName -Prefix 'foreground'
        $run = Start-ForegroundServer -Name $name
        try {

            Stop-SocketServer -Name $name -Confirm:$false

            Wait-Until -Because 'the foreground server to return' { $run.Handle.IsCompleted }
            $run.PowerShell.InvocationStateInfo.State.ToString() | Should -Be 'Completed'
            $run.PowerShell.Streams.Error.Count | Should -Be 0
        }
        finally {
            Stop-InRunspace $run
        }
    }

    It 'with -Once ends when its first client disconnects, as the seed server did' {
        $name = New-TestName -Prefix 'once'
        $run = Start-ForegroundServer -Name $name -Once
        try {
            $client = Connect-TestServer -Server (Get-SocketServer -Name $name)

            Send-SocketMessage $client 'hola' -WaitForReply | Out-Null
            Close-SocketConnection $client -Confirm:$false

            Wait-Until -Because 'the foreground server to return' { $run.Handle.IsCompleted }
            $run.PowerShell.InvocationStateInfo.State.ToString() | Should -Be 'Completed'
            ($run.Output | ForEach-Object { $_.Text }) -join ',' | Should -Be 'hola'
            Get-SocketServer -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            Stop-InRunspace $run
        }
    }
}

Describe 'Receive-SocketMessage -Wait' {
    AfterEach {
        Close-Everything
    }

    It 'streams until the connection closes' {
        $server = Start-TestServer -Parameters @{ NoAcknowledgement = $true }
        $client = Connect-TestServer -Server $server
        Wait-Until -Because 'the server to accept' { @(Get-SocketConnection -Server $server).Count -eq 1 }
        $serverSide = Get-SocketConnection -Server $server
        'uno', 'dos' | Send-SocketMessage $serverSide
        Close-SocketConnection $serverSide -Confirm:$false

        $streamed = @(Receive-SocketMessage $client -Wait)

        ($streamed | ForEach-Object { $_.Text }) -join ',' | Should -Be 'uno,dos'
    }
}

Describe 'Receive-SocketMessage -Server -Wait' {
    AfterEach {
        Close-Everything
    }

    It 'streams every client''s messages until the server stops' {
        $name = New-TestName -Prefix 'escucha'
        $server = Start-TestServer -Parameters @{ Name = $name; NoAcknowledgement = $true }
        $run = Start-InRunspace -Script "Receive-SocketMessage -Server (Get-SocketServer -Name $name) -Wait"
        try {
            $ana = Connect-TestServer -Server $server
            $luis = Connect-TestServer -Server $server
            Send-SocketMessage $ana 'de ana'
            Send-SocketMessage $luis 'de luis'
            Wait-Until -Because 'both messages on the pipeline' { $run.Output.Count -ge 2 }

            Stop-SocketServer $server -Confirm:$false

            Wait-Until -Because 'the wait to end with the server' { $run.Handle.IsCompleted }
            ($run.Output | ForEach-Object { $_.Text } | Sort-Object) -join ',' | Should -Be 'de ana,de luis'
        }
        finally {
            Stop-InRunspace $run
        }
    }
}

Describe 'Ctrl+C during a stop or a close' {
    AfterEach {
        Close-Everything
    }

    It 'ends Stop-SocketServer''s wait for a client that does not close, and the stop goes on' {
        $name = New-TestName -Prefix 'parar'
        $server = Start-TestServer -Parameters @{ Name = $name }
        # A plain client that never closes its side: the stop waits for it up to the close timeout (5 s).
        $silent = New-Object System.Net.Sockets.TcpClient
        $silent.Connect([System.Net.IPAddress]::Loopback, $server.Port)
        Wait-Until -Because 'the server to accept' { $server.ConnectionCount -eq 1 }
        $run = Start-InRunspace -Script "Stop-SocketServer -Name $name -Confirm:`$false"
        try {
            Wait-Until -Because 'the stop to begin' { $server.State.ToString() -eq 'Stopping' }

            # PowerShell.Stop() is what Ctrl+C does; it returns once the pipeline has stopped.
            $run.PowerShell.Stop()

            $run.PowerShell.InvocationStateInfo.State.ToString() | Should -Be 'Stopped'
            # Had the cmdlet waited for the stop to finish, the server would be Stopped by now.
            $server.State.ToString() | Should -Be 'Stopping'
        }
        finally {
            $silent.Dispose()
            Stop-InRunspace $run
        }

        Wait-Until -Because 'the stop to finish once the client is gone' { $server.State.ToString() -eq 'Stopped' }
    }
}
