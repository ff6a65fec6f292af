# The help as a user meets it: Get-Help on the built module, not the markdown it came from (the xunit
# HelpConsistencyTests check the markdown against the assembly).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
    $commands = @(Get-Command -Module PSSocketChat | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-ModuleUnderTest
    $commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # What `Get-Help -Full` prints, wide enough that no line is wrapped by the width alone.
    function Get-HelpText {
        param([Parameter(Mandatory)] [string] $Name)
        Get-Help -Name $Name -Full | Out-String -Width 400
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $commands {
    BeforeAll {
        $command = Get-Command -Name $Name
        $help = Get-Help -Name $Name -Full
        $text = Get-HelpText -Name $Name
    }

    It 'shows each parameter set as its own syntax' {
        @($help.syntax.syntaxItem).Count | Should -Be $command.ParameterSets.Count
        foreach ($set in $command.ParameterSets) {
            $mandatory = @($set.Parameters | Where-Object { $_.IsMandatory } | ForEach-Object Name)
            $match = @($help.syntax.syntaxItem | Where-Object {
                    $documented = @($_.parameter | Where-Object { $_.required -eq 'true' } | ForEach-Object { $_.name })
                    -not (Compare-Object -ReferenceObject $mandatory -DifferenceObject $documented)
                })
            $match.Count | Should -BeGreaterOrEqual 1 -Because "the $($set.Name) set needs a syntax with its mandatory parameters ($($mandatory -join ', '))"
        }
    }

    It 'has a written synopsis and description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without help, PowerShell's synopsis is the syntax: the name followed by parameters in brackets.
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '\s*\[')
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $commonParameters }) {
            $documented = @($help.parameters.parameter | Where-Object { $_.name -eq $parameter })
            $documented.Count | Should -Be 1 -Because "-$parameter needs its help"
            ($documented[0].description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has at least two examples, each with its code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Match ([regex]::Escape($Name)) -Because "$($example.title) needs code that uses $Name"
            $example.code | Should -Not -Match '```'
        }
    }

    It 'shows no markup debris' {
        $text | Should -Not -Match '```'
        $text | Should -Not -Match '\{\{'
        $text | Should -Not -Match 'REMOVE_ME'
        $text | Should -Not -Match ([char] 0x80)
        $text | Should -Not -Match '\.md\b'
    }

    It 'keeps each list item on a line of its own' {
        # A list that ran together shows a bullet after the end of a sentence on the same line.
        $text -split "`n" | Where-Object { $_ -match '[.:;,)] - [`A-Za-z]' } | Should -BeNullOrEmpty
    }
}

Describe 'Help text as written' {
    It 'joins a paragraph''s source lines, so Get-Help wraps it at the reader''s width' {
        # In the markdown this sentence is split across two lines.
        Get-HelpText -Name Start-SocketServer | Should -Match 'Every client that connects can send messages\.'
    }

    It 'shows a list item per line' {
        $lines = (Get-Help -Name Start-SocketServer -Parameter Framing | Out-String -Width 400) -split "`n" | ForEach-Object { $_.Trim() }

        foreach ($framing in 'Line', 'Raw', 'LengthPrefixed') {
            @($lines | Where-Object { $_.StartsWith("- ``$framing``") }).Count | Should -Be 1
        }
    }

    It 'shows default values' {
        (Get-Help -Name Start-SocketServer -Parameter Port).defaultValue | Should -Be '8000'
        (Get-Help -Name Start-SocketServer -Parameter Acknowledgement).defaultValue | Should -Be 'Mensaje recibido'
    }

    It 'shows an example''s code apart from its output and remarks' {
        $example = @((Get-Help -Name Start-SocketServer -Examples).examples.example)[0]

        $example.code | Should -Match '^PS> \$server = Start-SocketServer'
        $example.code | Should -Not -Match 'Listening'
        ($example.remarks | Out-String) | Should -Match 'Listening'
    }
}

Describe 'Get-Help about_PSSocketChat' {
    BeforeAll {
        $topic = Get-Help -Name about_PSSocketChat | Out-String -Width 400
    }

    It 'shows the topic with its sections' {
        $topic | Should -Match '(?m)^TOPIC\s+about_PSSocketChat'
        $topic | Should -Match '(?m)^SHORT DESCRIPTION'
        $topic | Should -Match '(?m)^LONG DESCRIPTION'
        $topic | Should -Match '(?m)^SEE ALSO'
    }

    It 'names every cmdlet' {
        foreach ($command in Get-Command -Module PSSocketChat) {
            $topic | Should -Match ([regex]::Escape($command.Name))
        }
    }

    It 'shows text, not markdown' {
        $topic | Should -Not -Match '```'
        $topic | Should -Not -Match '(?m)^#'
        $topic | Should -Not -Match 'ms\.date'
    }
}
