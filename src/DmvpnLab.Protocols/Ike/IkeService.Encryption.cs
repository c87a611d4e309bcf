// RFC 2409 5.3 and Appendix B: after Main Mode message 4 every message is encrypted with
// the ISAKMP SA's CBC cipher; phase 1 chains the IV across messages, each phase 2 or
// Informational exchange starts its own chain from the last phase 1 block and its
// message ID. A message that fails to decrypt or verify must leave the chain as it was.
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

public sealed partial class IkeService
{
    /// <summary>Encrypts a payload chain and wraps it in a header; returns the datagram.</summary>
    private static byte[] BuildEncrypted(IsakmpSa sa, IsakmpExchangeType exchange,
        uint messageId, byte[] plaintext, IsakmpPayloadType firstPayload)
    {
        var cipher = sa.Cipher!;
        byte[] body = new byte[cipher.GetEncryptedLength(plaintext.Length)];
        cipher.Encrypt(messageId, plaintext, body);
        var message = new IsakmpMessage
        {
            InitiatorCookie = sa.InitiatorCookie,
            ResponderCookie = sa.ResponderCookie,
            NextPayload = firstPayload,
            ExchangeType = exchange,
            Flags = IsakmpFlags.Encryption,
            MessageId = messageId,
            EncryptedBody = body,
        };
        return Emit(message);
    }

    private static byte[] Emit(IsakmpMessage message)
    {
        byte[] datagram = new byte[message.Length];
        message.Emit(datagram);
        return datagram;
    }

    /// <summary>
    /// Decrypts and parses an encrypted message. On failure the IV is restored; on
    /// success the caller gets the saved IV to restore if a hash then fails.
    /// </summary>
    private static bool TryOpen(IsakmpSa sa, IsakmpMessage message, out OpenedMessage opened)
    {
        opened = default;
        if (sa.Cipher is not { } cipher || message.EncryptedBody is not { } body)
        {
            return false;
        }

        byte[] savedIv = cipher.GetIv(message.MessageId).ToArray();
        byte[] plaintext = new byte[body.Length];
        if (!cipher.TryDecrypt(message.MessageId, body, plaintext)
            || !IsakmpPayloadChain.TryParse(message.NextPayload, plaintext, allowPadding: true,
                out var payloads, out int consumed, out _))
        {
            cipher.RestoreIv(message.MessageId, savedIv);
            return false;
        }

        opened = new OpenedMessage(payloads!, plaintext, consumed, savedIv);
        return true;
    }

    /// <summary>Writes the hash into the HASH payload that starts a chain.</summary>
    private static void FillLeadingHash(byte[] plaintext, byte[] hash) =>
        hash.CopyTo(plaintext, Wire.Isakmp.IsakmpPayload.HeaderLength);

    /// <summary>A decrypted message: payloads, plaintext and where the chain ends.</summary>
    private readonly record struct OpenedMessage(
        List<IsakmpPayload> Payloads, byte[] Plaintext, int ChainLength, byte[] SavedIv)
    {
        /// <summary>The bytes after a leading HASH, as Quick Mode hashes cover them.</summary>
        public byte[] AfterLeadingHash => Payloads.Count > 0
            ? Plaintext[Payloads[0].Length..ChainLength]
            : [];

        public IsakmpHashPayload? LeadingHash =>
            Payloads.Count > 0 ? Payloads[0] as IsakmpHashPayload : null;
    }
}
