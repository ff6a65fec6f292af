using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using PSSocketChat.Module;

namespace PSSocketChat.Commands
{
    /// <summary>
    /// What every PSSocketChat cmdlet shares: a token that Ctrl+C (StopProcessing) cancels, passed to every wait in the
    /// engine; errors built in one way; and inbox items written on the pipeline thread as the reader yields them.
    /// </summary>
    public abstract class SocketCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        static SocketCmdlet() => ModuleState.EnsureExitHook();

        protected static SocketRegistry Registry => ModuleState.Registry;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancelToken => _stopping.Token;

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        // Runs on another thread while ProcessRecord waits: cancel, and let the wait end on the pipeline thread.
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs a wait that takes the cancel token. Ctrl+C ends it at once, as the pipeline stop PowerShell expects
        /// (also in cleanup, where that stop is already under way); what it waited for goes on by itself.
        /// </summary>
        protected void WhileStoppable(Action wait)
        {
            try
            {
                wait();
            }
            catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// The one error wrapper for engine work: Ctrl+C becomes the pipeline stop; an engine error or a bad value
        /// becomes an ErrorRecord with its id, category and target, written so the next input goes on, or terminating
        /// where the command cannot go on. Anything else is a bug and propagates. Returns false when the work failed.
        /// </summary>
        protected bool TryEngine(Action work, object? target, bool terminating = false)
        {
            try
            {
                WhileStoppable(work);
                return true;
            }
            catch (Exception e) when (e is SocketChatException || e is ArgumentException)
            {
                if (terminating)
                {
                    ThrowTerminatingError(e, target);
                }

                WriteError(e, target);
                return false;
            }
        }

        protected void WriteError(Exception exception, object? target) => WriteError(ErrorMapping.ToErrorRecord(exception, target));

        protected void ThrowTerminatingError(Exception exception, object? target) => ThrowTerminatingError(ErrorMapping.ToErrorRecord(exception, target));

        /// <summary>Reports each name or id that matched nothing, and returns what matched.</summary>
        protected IReadOnlyList<T> Found<T>(Selection<T> selection)
        {
            foreach (var error in selection.Errors)
            {
                WriteError(error, null);
            }

            return selection.Items;
        }

        /// <summary>
        /// A connection event as PowerShell reports it: a peer that seems never to send line feeds is a warning, as it
        /// is the usual reason messages "never arrive" in Line framing; the lifecycle goes to the verbose stream.
        /// </summary>
        protected void WriteEvent(ConnectionEvent connectionEvent)
        {
            if (connectionEvent.Kind == ConnectionEventKind.UnterminatedLine)
            {
                WriteWarning($"{connectionEvent} Use -Framing Raw on this side.");
            }
            else
            {
                WriteVerbose(connectionEvent.ToString());
            }
        }

        /// <summary>
        /// Drains a reader on this (the pipeline) thread: messages to the output, connection events to verbose.
        /// A cancelled wait becomes the pipeline stop PowerShell expects.
        /// </summary>
        protected void WriteReceived(InboxReader reader) => WhileStoppable(() =>
        {
            foreach (var item in reader.Read(CancelToken))
            {
                if (item is SocketMessage message)
                {
                    WriteObject(message);
                }
                else
                {
                    WriteEvent((ConnectionEvent)item);
                }
            }
        });
    }
}
