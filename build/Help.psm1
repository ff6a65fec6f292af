# The module's help, from docs/en-US to what Get-Help reads: Build-ExternalHelp writes PSSocketChat.dll-Help.xml (MAML)
# from the cmdlet pages and about_PSSocketChat.help.txt from the about topic; Update-HelpMarkdown brings the pages'
# syntax and parameter facts up to date with the built module, keeping their words.
#
# Microsoft.PowerShell.PlatyPS 1.0 (the maintained platyPS) reads the markdown and writes the MAML's structure:
# syntax per parameter set, parameter facts, types, links. Its MAML text is not yet what a reader should see, so the
# text of every section is written again here from the markdown that platyPS parsed:
# - it copies each paragraph's line breaks, so Get-Help wraps the source lines a second time at the console's width;
# - a bullet list is only lines of text to it;
# - an example's code fences stay in the example as literal ``` lines, and its code element stays empty;
# - it writes no default values.
# Windows PowerShell 5.1 and PowerShell 7 both run this file.

Set-StrictMode -Version 3.0

$MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'

<#
.SYNOPSIS
    Splits markdown text into the blocks Get-Help shows as paragraphs.
.DESCRIPTION
    Prose is joined into one line, which Get-Help wraps at the reader's width; a list keeps one line per item; code
    (fenced or indented) and tables keep their lines exactly, without the fences. Each block is an object with its
    Kind (Prose, List, Code), Text, whether it was Fenced, and a fence's Language.
#>
function ConvertFrom-HelpMarkdown {
    [CmdletBinding()]
    param([AllowEmptyString()] [AllowNull()] [string] $Markdown)

    if ([string]::IsNullOrWhiteSpace($Markdown)) {
        return
    }

    $lines = ($Markdown -replace "`r`n", "`n").Split("`n")
    $index = 0
    while ($index -lt $lines.Count) {
        $line = $lines[$index]
        if ($line.Trim() -eq '') {
            $index++
            continue
        }

        if ($line -match '^\s*```\s*(\S*)') {
            # A fence ends only at its closing fence, blank lines included.
            $language = $Matches[1]
            $code = New-Object System.Collections.Generic.List[string]
            $index++
            while ($index -lt $lines.Count -and $lines[$index] -notmatch '^\s*```\s*$') {
                $code.Add($lines[$index])
                $index++
            }

            $index++
            [pscustomobject]@{ Kind = 'Code'; Fenced = $true; Language = $language; Text = ($code -join "`n").TrimEnd() }
            continue
        }

        $block = New-Object System.Collections.Generic.List[string]
        while ($index -lt $lines.Count -and $lines[$index].Trim() -ne '' -and $lines[$index] -notmatch '^\s*```') {
            $block.Add($lines[$index])
            $index++
        }

        if ($block[0] -match '^(    |\t)' -or $block[0] -match '^\s*\|') {
            [pscustomobject]@{ Kind = 'Code'; Fenced = $false; Language = ''; Text = ($block -join "`n").TrimEnd() }
        }
        elseif ($block[0] -match '^\s*([-*+]|\d+[.)])\s') {
            # A new item starts at a marker; any other line continues the item above it.
            $items = New-Object System.Collections.Generic.List[string]
            foreach ($itemLine in $block) {
                if ($itemLine -match '^\s*([-*+]|\d+[.)])\s' -or $items.Count -eq 0) {
                    $items.Add($itemLine.Trim())
                }
                else {
                    $items[$items.Count - 1] += ' ' + $itemLine.Trim()
                }
            }

            [pscustomobject]@{ Kind = 'List'; Fenced = $false; Language = ''; Text = $items -join "`n" }
        }
        else {
            [pscustomobject]@{ Kind = 'Prose'; Fenced = $false; Language = ''; Text = (($block | ForEach-Object { $_.Trim() }) -join ' ') }
        }
    }
}

function Set-MamlParagraph {
    param(
        [Parameter(Mandatory)] [System.Xml.XmlElement] $Element,
        [AllowEmptyCollection()] [object[]] $Block
    )

    while ($Element.HasChildNodes) {
        $null = $Element.RemoveChild($Element.FirstChild)
    }

    foreach ($item in $Block) {
        $para = $Element.OwnerDocument.CreateElement('maml', 'para', $MamlNamespace)
        $para.InnerText = $item.Text
        $null = $Element.AppendChild($para)
    }
}

function Get-MamlChild {
    param([Parameter(Mandatory)] [System.Xml.XmlNode] $Node, [Parameter(Mandatory)] [string] $Path)

    $namespaces = New-Object System.Xml.XmlNamespaceManager $Node.OwnerDocument.NameTable
    $namespaces.AddNamespace('maml', $MamlNamespace)
    $namespaces.AddNamespace('command', $CommandNamespace)
    $namespaces.AddNamespace('dev', $DevNamespace)
    # Streamed, never returned as an array: a single XmlElement indexed with [0] would be read as a child's name.
    foreach ($found in $Node.SelectNodes($Path, $namespaces)) {
        $found
    }
}

function Get-MamlFirst {
    param([Parameter(Mandatory)] [System.Xml.XmlNode] $Node, [Parameter(Mandatory)] [string] $Path)

    Get-MamlChild $Node $Path | Select-Object -First 1
}

function New-MamlElement {
    param([Parameter(Mandatory)] [System.Xml.XmlDocument] $Document, [string] $Prefix, [string] $Name, [string] $Namespace, [string] $Text)

    $element = $Document.CreateElement($Prefix, $Name, $Namespace)
    if ($Text) {
        $element.InnerText = $Text
    }

    $element
}

# Writes one command's text again from its markdown model (see the top of this file for why).
function Repair-MamlCommand {
    param([Parameter(Mandatory)] [System.Xml.XmlElement] $Command, [Parameter(Mandatory)] $Help)

    $document = $Command.OwnerDocument
    foreach ($description in Get-MamlChild $Command 'maml:description') {
        Set-MamlParagraph -Element $description -Block @(ConvertFrom-HelpMarkdown $Help.Description)
    }

    foreach ($parameter in Get-MamlChild $Command 'command:parameters/command:parameter') {
        $name = (Get-MamlFirst $parameter 'maml:name').InnerText
        $model = $Help.Parameters | Where-Object { $_.Name -eq $name } | Select-Object -First 1
        if (-not $model) {
            continue
        }

        Set-MamlParagraph -Element (Get-MamlFirst $parameter 'maml:description') -Block @(ConvertFrom-HelpMarkdown $model.Description)
        foreach ($old in Get-MamlChild $parameter 'dev:defaultValue') {
            $null = $parameter.RemoveChild($old)
        }

        if ($model.DefaultValue) {
            $null = $parameter.AppendChild((New-MamlElement $document 'dev' 'defaultValue' $DevNamespace $model.DefaultValue))
        }
    }

    $examples = @(Get-MamlChild $Command 'command:examples/command:example')
    for ($i = 0; $i -lt $examples.Count -and $i -lt $Help.Examples.Count; $i++) {
        Repair-MamlExample -Example $examples[$i] -Model $Help.Examples[$i]
    }

    foreach ($pair in @(
            @{ Path = 'command:inputTypes/command:inputType'; Models = $Help.Inputs },
            @{ Path = 'command:returnValues/command:returnValue'; Models = $Help.Outputs })) {
        $values = @(Get-MamlChild $Command $pair.Path)
        for ($i = 0; $i -lt $values.Count -and $i -lt $pair.Models.Count; $i++) {
            Set-MamlParagraph -Element (Get-MamlFirst $values[$i] 'maml:description') -Block @(ConvertFrom-HelpMarkdown $pair.Models[$i].Description)
        }
    }

    foreach ($alert in Get-MamlChild $Command 'maml:alertSet/maml:alert') {
        Set-MamlParagraph -Element $alert -Block @(ConvertFrom-HelpMarkdown $Help.Notes)
    }

    # A link to another page of these docs is a file name, which means nothing at a prompt: Get-Help shows the name.
    foreach ($uri in Get-MamlChild $Command 'command:relatedLinks/maml:navigationLink/maml:uri') {
        if ($uri.InnerText -notmatch '^https?://') {
            $uri.InnerText = ''
        }
    }
}

# An example in the shape Get-Help expects: the first PowerShell block as its code, everything after it as remarks.
function Repair-MamlExample {
    param([Parameter(Mandatory)] [System.Xml.XmlElement] $Example, [Parameter(Mandatory)] $Model)

    $blocks = @(ConvertFrom-HelpMarkdown $Model.Remarks)
    $codeBlock = $blocks | Where-Object { $_.Fenced -and $_.Language -in 'powershell', 'PowerShell', '' } | Select-Object -First 1
    $before = @()
    $after = $blocks
    if ($codeBlock) {
        $at = [array]::IndexOf($blocks, $codeBlock)
        $before = @($blocks | Select-Object -First $at)
        $after = @($blocks | Select-Object -Skip ($at + 1))
    }

    Set-MamlParagraph -Element (Get-MamlFirst $Example 'maml:introduction') -Block $before
    $code = (Get-MamlFirst $Example 'dev:code')
    if ($codeBlock) { $code.InnerText = $codeBlock.Text } else { $code.InnerText = '' }
    # An empty last paragraph keeps a blank line between one example and the next title.
    Set-MamlParagraph -Element (Get-MamlFirst $Example 'dev:remarks') -Block (@($after) + [pscustomobject]@{ Kind = 'Prose'; Fenced = $false; Language = ''; Text = '' })
}

<#
.SYNOPSIS
    Converts an about topic in platyPS 1.0's about form to the plain text Get-Help shows.
.DESCRIPTION
    The source keeps its own line breaks (about topics are read as written, within 80 columns): headings become
    Get-Help's section titles, the text is indented under them, and code loses its fences.
#>
function ConvertTo-AboutText {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Markdown)

    $text = $Markdown -replace "`r`n", "`n"
    $text = $text -replace '(?s)\A---\n.*?\n---\n', ''
    $output = New-Object System.Text.StringBuilder
    $inFence = $false
    $afterHeading = $false
    foreach ($line in $text.Split("`n")) {
        # A heading's text follows it on the next line, as in PowerShell's own about topics.
        if ($afterHeading -and $line.Trim() -eq '') {
            continue
        }

        $afterHeading = -not $inFence -and $line -match '^#+ '
        if ($line -match '^\s*```') {
            $inFence = -not $inFence
            continue
        }

        if ($inFence) {
            $null = $output.AppendLine(('        ' + $line).TrimEnd())
        }
        elseif ($line -match '^# (.+)$') {
            $null = $output.AppendLine('TOPIC').AppendLine('    ' + $Matches[1].Trim())
        }
        elseif ($line -match '^## (.+)$') {
            $null = $output.AppendLine($Matches[1].Trim().ToUpperInvariant())
        }
        elseif ($line -match '^###+ (.+)$') {
            $null = $output.AppendLine('  ' + $Matches[1].Trim())
        }
        else {
            $null = $output.AppendLine(('    ' + $line).TrimEnd())
        }
    }

    ($output.ToString() -replace '(\r?\n){3,}', "`n`n").Trim() + [Environment]::NewLine
}

<#
.SYNOPSIS
    Builds the help files of a module from its platyPS 1.0 markdown.
.PARAMETER Source
    The folder of markdown: one page per cmdlet (Verb-Noun.md) and about_*.help.md topics.
.PARAMETER Destination
    The module's culture folder (en-US) to write into.
#>
function Build-ExternalHelp {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Source,
        [Parameter(Mandatory)] [string] $Destination
    )

    $null = New-Item -ItemType Directory -Path $Destination -Force
    $pages = @(Get-ChildItem -LiteralPath $Source -Filter '*-*.md' | Sort-Object Name)
    $help = @($pages | ForEach-Object { Import-MarkdownCommandHelp -Path $_.FullName })
    if ($help.Count -eq 0) {
        throw "No cmdlet help pages (*-*.md) in $Source."
    }

    $staging = Join-Path ([IO.Path]::GetTempPath()) ('help-' + [guid]::NewGuid().ToString('N'))
    try {
        $written = @($help | Export-MamlCommandHelp -OutputFolder $staging -Force)
        foreach ($file in $written) {
            $document = New-Object System.Xml.XmlDocument
            $document.PreserveWhitespace = $false
            $document.Load($file.FullName)
            foreach ($command in Get-MamlChild $document.DocumentElement 'command:command') {
                $name = (Get-MamlFirst $command 'command:details/command:name').InnerText
                $model = $help | Where-Object { $_.Title -eq $name } | Select-Object -First 1
                if (-not $model) {
                    throw "The MAML names a command, $name, that no markdown page describes."
                }

                Repair-MamlCommand -Command $command -Help $model
            }

            $target = Join-Path $Destination $file.Name
            $settings = New-Object System.Xml.XmlWriterSettings
            $settings.Indent = $true
            $settings.Encoding = New-Object System.Text.UTF8Encoding $false
            $writer = [System.Xml.XmlWriter]::Create($target, $settings)
            try { $document.Save($writer) } finally { $writer.Dispose() }
            Get-Item -LiteralPath $target
        }
    }
    finally {
        if (Test-Path -LiteralPath $staging) {
            Remove-Item -LiteralPath $staging -Recurse -Force
        }
    }

    foreach ($topic in Get-ChildItem -LiteralPath $Source -Filter 'about_*.help.md') {
        $target = Join-Path $Destination ($topic.Name -replace '\.md$', '.txt')
        $text = ConvertTo-AboutText -Markdown ([IO.File]::ReadAllText($topic.FullName))
        [IO.File]::WriteAllText($target, $text, (New-Object System.Text.UTF8Encoding $true))
        Get-Item -LiteralPath $target
    }
}

<#
.SYNOPSIS
    Brings the cmdlet pages up to date with the imported module: syntax and parameter facts from the cmdlets, every
    word from the pages. A cmdlet without a page gets a new one, with placeholders to fill in.
.DESCRIPTION
    platyPS 1.0's own Update-MarkdownCommandHelp merges the words of the help loaded with the module into the page,
    so descriptions come out twice; this takes the facts platyPS reads off each cmdlet (New-CommandHelp) and copies
    the words into them from the page instead.
#>
function Update-HelpMarkdown {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [System.Management.Automation.PSModuleInfo] $Module
    )

    $staging = Join-Path ([IO.Path]::GetTempPath()) ('help-' + [guid]::NewGuid().ToString('N'))
    try {
        foreach ($command in Get-Command -Module $Module.Name -CommandType Cmdlet, Function | Sort-Object Name) {
            $page = Join-Path $Path "$($command.Name).md"
            $live = New-CommandHelp -CommandInfo $command
            foreach ($parameter in $live.Parameters) {
                # New-CommandHelp lists the values of a ValidateSet but not an enum's, which the syntax shows.
                $type = $command.Parameters[$parameter.Name].ParameterType
                if ($type.IsArray) {
                    $type = $type.GetElementType()
                }

                if ($type.IsEnum -and $parameter.AcceptedValues.Count -eq 0) {
                    $parameter.AddAcceptedValueRange([string[]][Enum]::GetNames($type))
                }
            }

            if (Test-Path -LiteralPath $page) {
                $help = Import-MarkdownCommandHelp -Path $page
                $help.Syntax.Clear()
                $help.Syntax.AddRange($live.Syntax)
                $written = @{}
                foreach ($parameter in $help.Parameters) {
                    $written[$parameter.Name] = $parameter
                }

                $help.Parameters.Clear()
                foreach ($parameter in $live.Parameters) {
                    if ($written.ContainsKey($parameter.Name)) {
                        $parameter.Description = $written[$parameter.Name].Description
                        $parameter.DefaultValue = $written[$parameter.Name].DefaultValue
                    }

                    $help.Parameters.Add($parameter)
                }
            }
            else {
                $help = $live
                $help.Metadata['Locale'] = 'en-US'
                $help.Metadata['title'] = $command.Name
            }

            $help.Metadata['ms.date'] = (Get-Date).ToString('MM/dd/yyyy', [cultureinfo]::InvariantCulture)
            $exported = $help | Export-MarkdownCommandHelp -OutputFolder $staging -Force
            Move-Item -LiteralPath $exported.FullName -Destination $page -Force
            Get-Item -LiteralPath $page
        }
    }
    finally {
        if (Test-Path -LiteralPath $staging) {
            Remove-Item -LiteralPath $staging -Recurse -Force
        }
    }
}

Export-ModuleMember -Function Build-ExternalHelp, Update-HelpMarkdown, ConvertFrom-HelpMarkdown, ConvertTo-AboutText
