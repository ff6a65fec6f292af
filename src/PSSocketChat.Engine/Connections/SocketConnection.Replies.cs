using System;
using System.Collections.Generic;
using System.Threading;

namespace PSSocketChat
{
    /// <summary>
    /// Reply matching, such as plain TCP allows: the next message from this connection's peer, taken from this
    /// connection's own queue, so a reply is never stuck behind another client's messages.
    /// </summary>
    public sealed partial class SocketConnection
    {
        /// <summary>
        /// One turn of a chat, as the seed client did it: send a line, wait up to <paramref name="replyTimeout"/> for
        /// the first reply, and take whatever else the peer has sent by then. Empty when nothing came back in time
        /// or the connection closed (see <see cref="State"/>).
        /// </summary>
        public IReadOnlyList<SocketMessage> Exchange(string text, TimeSpan replyTimeout, CancellationToken cancellationToken = default)
        {
            Send(text, cancellationToken);
            var replies = new List<SocketMessage>();
            var reader = new InboxReader(Inbox, new ReceiveRequest { From = this, Timeout = replyTimeout });
            foreach (var item in reader.Read(cancellationToken))
            {
                if (item is SocketMessage reply)
                {
                    replies.Add(reply);
                }
            }

            return replies;
        }

        /// <summary>
        /// Waits on the calling thread for the next message from this connection's peer (a reply), up to
        /// <paramref name="timeout"/>. Connection events met on the way are passed over.
        /// </summary>
        /// <exception cref="SocketChatException">No reply came in time, or the connection closed first.</exception>
        public SocketMessage WaitForReply(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var reader = new InboxReader(Inbox, new ReceiveRequest { From = this, Count = 1, Timeout = timeout });
            foreach (var item in reader.Read(cancellationToken))
            {
                if (item is SocketMessage reply)
                {
                    return reply;
                }
            }

            if (reader.Outcome == ReceiveOutcome.SourceClosed)
            {
                throw ClosedError();
            }

            throw new SocketChatException(
                SocketErrorKind.ReplyTimeout,
                $"No reply from {RemoteEndPoint} on connection {Id} within {timeout}.{UnterminatedLineHint()}",
                this);
        }

        /// <summary>
        /// For a wait that found nothing: a sentence, with a leading space, about bytes that arrived without the line
        /// feed that would make them a message, the usual reason a peer's reply "never comes" in Line framing; empty
        /// when there are none. Hosts add how their users choose Raw framing.
        /// </summary>
        public string UnterminatedLineHint()
        {
            var partial = PartialMessageBytes;
            return Framing == MessageFraming.Line && partial > 0
                ? $" {partial} byte(s) did arrive, but without a line feed, so in Line framing they are not a message yet; a peer that never ends its messages with one needs Raw framing."
                : string.Empty;
        }
    }
}
