using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace PSSocketChat
{
    /// <summary>Waiting on the calling thread for work that goes on by itself, as a cmdlet must.</summary>
    internal static class Blocking
    {
        /// <summary>
        /// Waits for <paramref name="task"/>, or until the token is cancelled, whichever comes first; the task goes on
        /// either way. Its own failure is rethrown as itself, not wrapped.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
        public static void Wait(Task task, CancellationToken cancellationToken)
        {
            try
            {
                task.Wait(cancellationToken);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
            }
        }
    }
}
