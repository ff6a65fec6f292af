using System;
using System.Management.Automation;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>Get-SocketServer: the servers this session has running.</summary>
    [Cmdlet(VerbsCommon.Get, "SocketServer", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(SocketServer))]
    public sealed class GetSocketServerCommand : SocketCmdlet
    {
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(ServerNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ArgumentCompleter(typeof(ServerIdCompleter))]
        public int[] Id { get; set; } = Array.Empty<int>();

        protected override void EndProcessing()
        {
            WriteObject(Found(Selection.Servers(Registry.Servers, Name, Id)), enumerateCollection: true);
        }
    }
}
