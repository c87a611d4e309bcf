using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// prf(key, a | b | ...) as HMAC with the negotiated hash (RFC 2409 4), and the plain
/// hash used for IVs (RFC 2409 Appendix B). Control-plane helpers; they allocate.
/// </summary>
internal static class IkePrf
{
    public static byte[] Compute(
        IkeHashAlgorithm hash, ReadOnlySpan<byte> key, params ReadOnlySpan<byte[]> parts)
    {
        using IncrementalHash hmac =
            IncrementalHash.CreateHMAC(hash.ToHashAlgorithmName(), key);
        foreach (byte[] part in parts)
        {
            hmac.AppendData(part);
        }

        return hmac.GetHashAndReset();
    }

    public static byte[] Hash(IkeHashAlgorithm hash, params ReadOnlySpan<byte[]> parts)
    {
        using IncrementalHash digest = IncrementalHash.CreateHash(hash.ToHashAlgorithmName());
        foreach (byte[] part in parts)
        {
            digest.AppendData(part);
        }

        return digest.GetHashAndReset();
    }

    /// <summary>The 4-byte message ID as it sits in the ISAKMP header (network order).</summary>
    public static byte[] MessageIdBytes(uint messageId)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, messageId);
        return bytes;
    }
}
