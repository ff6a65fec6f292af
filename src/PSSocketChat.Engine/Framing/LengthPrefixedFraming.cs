using System;
using System.Collections.Generic;

namespace PSSocketChat.Framing
{
    /// <summary>A 4-byte big-endian payload length, then the payload: any bytes, line breaks included.</summary>
    internal sealed class LengthPrefixedFramer : Framer
    {
        internal const int PrefixLength = 4;

        public override MessageFraming Kind => MessageFraming.LengthPrefixed;

        protected override int HeaderLength => PrefixLength;

        public override FrameDecoder CreateDecoder(int maxMessageSize) => new LengthPrefixedDecoder(maxMessageSize);

        public override string? FindViolation(byte[] frame, int payloadOffset, int payloadLength) => null;

        protected override void WriteEnvelope(byte[] frame, int payloadLength)
        {
            frame[0] = (byte)(payloadLength >> 24);
            frame[1] = (byte)(payloadLength >> 16);
            frame[2] = (byte)(payloadLength >> 8);
            frame[3] = (byte)payloadLength;
        }

        private sealed class LengthPrefixedDecoder : FrameDecoder
        {
            private readonly int _maxMessageSize;
            private readonly byte[] _prefix = new byte[PrefixLength];
            private int _prefixFilled;

            // The message being read: its announced length, and a buffer that grows with what has arrived (a length
            // alone must not make us reserve that much memory: a peer could announce 1 MiB and send nothing more).
            private int _length = -1;
            private byte[] _payload = Array.Empty<byte>();
            private int _payloadFilled;

            public LengthPrefixedDecoder(int maxMessageSize) => _maxMessageSize = maxMessageSize;

            public override int PendingLength => _length < 0 ? _prefixFilled : PrefixLength + _payloadFilled;

            internal override int HeldCapacity => _payload.Length;

            public override byte[]? TakeRemainder(out string? cutOff)
            {
                // Part of a length-prefixed message is not a message: say what was cut off instead of delivering it.
                cutOff = _length >= 0
                    ? $"The peer closed in the middle of a message: {_payloadFilled} of its {_length} bytes arrived."
                    : _prefixFilled > 0
                        ? $"The peer closed in the middle of a length prefix: {_prefixFilled} of its {PrefixLength} bytes arrived."
                        : null;
                return null;
            }

            public override string? Decode(byte[] buffer, int offset, int count, List<byte[]> frames)
            {
                var position = offset;
                var end = offset + count;
                while (position < end)
                {
                    if (_length < 0)
                    {
                        var take = Math.Min(PrefixLength - _prefixFilled, end - position);
                        Buffer.BlockCopy(buffer, position, _prefix, _prefixFilled, take);
                        _prefixFilled += take;
                        position += take;
                        if (_prefixFilled < PrefixLength)
                        {
                            break;
                        }

                        var length = ((uint)_prefix[0] << 24) | ((uint)_prefix[1] << 16) | ((uint)_prefix[2] << 8) | _prefix[3];
                        if (length > (uint)_maxMessageSize)
                        {
                            // Refused before allocating: the length field alone must not make us reserve memory.
                            return TooLarge(length, _maxMessageSize);
                        }

                        _prefixFilled = 0;
                        _length = (int)length;
                        _payloadFilled = 0;
                    }

                    var copy = Math.Min(_length - _payloadFilled, end - position);
                    Reserve(_payloadFilled + copy, end - position);
                    Buffer.BlockCopy(buffer, position, _payload, _payloadFilled, copy);
                    _payloadFilled += copy;
                    position += copy;
                    if (_payloadFilled == _length)
                    {
                        frames.Add(TakePayload());
                    }
                }

                return null;
            }

            /// <summary>Room for <paramref name="needed"/> bytes of the message: exactly its length when all of it is here.</summary>
            private void Reserve(int needed, int available)
            {
                if (needed <= _payload.Length)
                {
                    return;
                }

                // The whole message in hand: one array of its exact size. Otherwise grow by doubling what arrived,
                // never past the announced length.
                var size = _payloadFilled == 0 && available >= _length
                    ? _length
                    : (int)Math.Min(_length, Math.Max(needed, Math.Max(4096L, (long)_payload.Length * 2)));
                var grown = new byte[size];
                Buffer.BlockCopy(_payload, 0, grown, 0, _payloadFilled);
                _payload = grown;
            }

            private byte[] TakePayload()
            {
                byte[] payload;
                if (_payload.Length == _length)
                {
                    payload = _payload;
                    _payload = Array.Empty<byte>();
                }
                else
                {
                    payload = Copy(_payload, 0, _length);
                    if (_payload.Length > KeptCapacity)
                    {
                        _payload = Array.Empty<byte>();
                    }
                }

                _length = -1;
                _payloadFilled = 0;
                return payload;
            }
        }
    }
}
