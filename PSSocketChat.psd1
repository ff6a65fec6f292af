@{
    RootModule             = 'PSSocketChat.psm1'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '885b11d0-752a-4cec-a20d-e6ec6ef9a88c'
    Author                 = 'PSSocketChat contributors'
    CompanyName            = 'PSSocketChat contributors'
    Copyright              = '(c) 2026 PSSocketChat contributors.'
    Description            = 'TCP client-server messaging for PowerShell: servers, connections and received messages as typed pipeline objects, with line, raw and length-prefixed framing, acknowledgements, bounded inboxes and Ctrl+C that stops every wait.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    RequiredAssemblies     = @('PSSocketChat.Engine.dll')
    FormatsToProcess       = @('PSSocketChat.format.ps1xml')
    FunctionsToExport      = @()
    CmdletsToExport        = @(
        'Close-SocketConnection'
        'Connect-SocketServer'
        'Enter-SocketChat'
        'Get-SocketConnection'
        'Get-SocketServer'
        'Receive-SocketMessage'
        'Send-SocketMessage'
        'Start-SocketServer'
        'Stop-SocketServer'
    )
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        # What the PowerShell Gallery (and Find-PSResource) shows about the package.
        PSData = @{
            Tags         = @('TCP', 'Socket', 'Network', 'Chat', 'Server', 'Client', 'Messaging', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/PSSocketChat/PSSocketChat'
            LicenseUri   = 'https://github.com/PSSocketChat/PSSocketChat/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Start-SocketServer, Stop-SocketServer, Get-SocketServer, Connect-SocketServer, Send-SocketMessage, Receive-SocketMessage, Get-SocketConnection, Close-SocketConnection and Enter-SocketChat; Line, Raw and LengthPrefixed framing; bounded inboxes with TCP backpressure; help for every cmdlet and about_PSSocketChat.'
        }
    }
}
