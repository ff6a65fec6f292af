# The classroom programs PSSocketChat replaces, run for real (tests/Seed, python3): they send no newline, so the
# module talks to them in Raw framing, and in the default Line framing it says why nothing arrives.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
}

Describe 'cliente.py against the module''s server' {
    AfterEach {
        Close-Everything
    }

    It 'chats with Start-SocketServer -Framing Raw -Wait as it did with the seed server' {
        $name = New-TestName -Prefix 'seed'
        $run = Start-ForegroundServer -Name $name -Arguments '-Framing Raw'
        try {
            $server = Get-SocketServer -Name $name

            $printed = Invoke-SeedClient -Port $server.Port -Lines 'hola', 'que tal', 'salir'

            $printed -join '|' | Should -Be 'Mensaje recibido|Mensaje recibido'
            Wait-Until -Because 'both messages on the pipeline' { $run.Output.Count -ge 2 }
            (Get-RunOutput $run | ForEach-Object { $_.Text }) -join '|' | Should -Be 'hola|que tal'
        }
        finally {
            Stop-InRunspace $run
        }
    }

    It 'in Line framing, is warned about once it pauses without a line feed, and what it sent is delivered when it leaves' {
        $name = New-TestName -Prefix 'seed'
        $run = Start-ForegroundServer -Name $name
        $client = $null
        try {
            $server = Get-SocketServer -Name $name
            $client = New-SeedProcess -Program 'cliente.py' -Arguments '127.0.0.1', "$($server.Port)"
            $client.StandardInput.WriteLine('hola')
            $client.StandardInput.Flush()

            Wait-Until -Because 'the warning' { $run.PowerShell.Streams.Warning.Count -ge 1 }
            $warning = $run.PowerShell.Streams.Warning[0].Message
            $warning | Should -Match 'sent 4 byte\(s\) without a line feed'
            $warning | Should -Match '-Framing Raw'

            # cliente.py waits for the reply a Line server cannot give. A line sent from the server ends that wait, the
            # end of its input then ends cliente.py, and it closes its socket in order: its words arrive as the last line.
            $client.StandardInput.Close()
            Get-SocketConnection -Server $server | Send-SocketMessage -Message 'adios'
            $client.WaitForExit(20000) | Should -BeTrue
            Wait-Until -Because 'the last line to be delivered' { $run.Output.Count -ge 1 }
            $delivered = @(Get-RunOutput $run)
            $delivered.Count | Should -Be 1
            $delivered[0].Text | Should -Be 'hola'
            $delivered[0].Unterminated | Should -BeTrue
            $run.PowerShell.Streams.Warning.Count | Should -Be 1
        }
        finally {
            Stop-SeedProcess -Process $client
            Stop-InRunspace $run
        }
    }
}

Describe 'The module against servidor.py' {
    BeforeEach {
        $seed = Start-SeedServer
    }

    AfterEach {
        Close-Everything
        Stop-SeedProcess -Process $seed.Process
    }

    It 'gets each answer with Connect-SocketServer -Framing Raw and Send-SocketMessage -WaitForReply' {
        $connection = Connect-SocketServer -ComputerName 127.0.0.1 -Port $seed.Port -Framing Raw -Timeout 10

        (Send-SocketMessage $connection 'hola' -WaitForReply -Timeout 10).Text | Should -Be 'Mensaje recibido'
        (Send-SocketMessage $connection 'adios' -WaitForReply -Timeout 10).Text | Should -Be 'Mensaje recibido'
        Close-SocketConnection $connection -Confirm:$false

        $seed.Process.WaitForExit(20000) | Should -BeTrue
        $printed = $seed.Process.StandardOutput.ReadToEnd()
        $printed | Should -Match 'Mensaje: hola'
        $printed | Should -Match 'Mensaje: adios'
    }

    It 'chats with Enter-SocketChat -Framing Raw' {
        $printed = Invoke-ChatProcess -Command "Enter-SocketChat -ComputerName 127.0.0.1 -Port $($seed.Port) -Framing Raw -Timeout 10" -Lines 'hola', 'salir'

        ($printed -join "`n") | Should -Match 'Mensaje recibido'
        $seed.Process.WaitForExit(20000) | Should -BeTrue
        $seed.Process.StandardOutput.ReadToEnd() | Should -Match 'Mensaje: hola'
    }

    It 'in Line framing, says why no reply came: the answer has no line feed' {
        $connection = Connect-SocketServer -ComputerName 127.0.0.1 -Port $seed.Port -Timeout 10

        Send-SocketMessage $connection 'hola' -WaitForReply -Timeout 2 -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'ReplyTimeout,PSSocketChat.Commands.SendSocketMessageCommand'
        $failures[0].Exception.Message | Should -Match '16 byte\(s\) did arrive, but without a line feed'
        $failures[0].Exception.Message | Should -Match 'Raw framing'
        $connection.PartialMessageBytes | Should -Be 16
    }

    It 'in Line framing, Enter-SocketChat warns that the line got no reply, and why' {
        $printed = Invoke-ChatProcess -Command "Enter-SocketChat -ComputerName 127.0.0.1 -Port $($seed.Port) -Timeout 2" -Lines 'hola', 'salir'

        $text = $printed -join "`n"
        $text | Should -Match 'No reply within 2 s'
        $text | Should -Match 'without a line feed'
        $text | Should -Match '-Framing Raw'
    }
}
