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
            private byte[]? _payload;
            private int _payloadFilled;

            public LengthPrefixedDecoder(int maxMessageSize) => _maxMessageSize = maxMessageSize;

            public override int PendingLength => _payload is null ? _prefixFilled : PrefixLength + _payloadFilled;

            public override byte[]? TakeRemainder(out string? cutOff)
            {
                // Part of a length-prefixed message is not a message: say what was cut off instead of delivering it.
                cutOff = _payload != null
                    ? $"The peer closed in the middle of a message: {_payloadFilled} of its {_payload.Length} bytes arrived."
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
                    if (_payload is null)
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
                        _payload = length == 0 ? Array.Empty<byte>() : new byte[length];
                        _payloadFilled = 0;
                    }

                    var copy = Math.Min(_payload.Length - _payloadFilled, end - position);
                    Buffer.BlockCopy(buffer, position, _payload, _payloadFilled, copy);
                    _payloadFilled += copy;
                    position += copy;
                    if (_payloadFilled == _payload.Length)
                    {
                        frames.Add(_payload);
                        _payload = null;
                    }
                }

                return null;
            }
        }
    }
}
