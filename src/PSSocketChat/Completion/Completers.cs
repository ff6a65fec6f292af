using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSSocketChat.Module
{
    /// <summary>Turns the engine's completion offers for what is open into PowerShell completion results.</summary>
    public abstract class OpenObjectCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters) =>
            Offer(ModuleState.Registry, wordToComplete)
                .Select(c => new CompletionResult(c.CompletionText, c.ListItemText, CompletionResultType.ParameterValue, c.ToolTip))
                .ToList();

        protected abstract IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete);
    }

    public sealed class ServerNameCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.ServerNames(registry, wordToComplete);
    }

    public sealed class ServerIdCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.ServerIds(registry, wordToComplete);
    }

    public sealed class ServerCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.Servers(registry, wordToComplete);
    }

    public sealed class ConnectionNameCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.ConnectionNames(registry, wordToComplete);
    }

    public sealed class ConnectionIdCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.ConnectionIds(registry, wordToComplete);
    }

    public sealed class ConnectionCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.Connections(registry, wordToComplete);
    }

    public sealed class EncodingCompleter : OpenObjectCompleter
    {
        protected override IEnumerable<Completion> Offer(SocketRegistry registry, string wordToComplete) => Completions.Encodings(wordToComplete);
    }
}
