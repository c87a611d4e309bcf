// The payloads IOS puts in its IKEv1 messages beyond RFC 2409's minimum: vendor IDs
// (NAT-T RFC 3947 and drafts, Cisco Unity, DPD RFC 3706, XAUTH, the "IOS box" ID) and
// NAT-D (RFC 3947 3.2), plus the byte-level helpers the hashes of RFC 2409 need.
using System.Security.Cryptography;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

/// <summary>Builders and byte helpers for ISAKMP payloads.</summary>
internal static class IkePayloads
{
    /// <summary>RFC 3947 vendor ID: MD5("RFC 3947").</summary>
    public static readonly byte[] NatTRfc3947 = Convert.FromHexString(
        "4a131c81070358455c5728f20e95452f");

    /// <summary>draft-ietf-ipsec-nat-t-ike-07.</summary>
    public static readonly byte[] NatTDraft07 = Convert.FromHexString(
        "439b59f8ba676c4c7737ae22eab8f582");

    /// <summary>draft-ietf-ipsec-nat-t-ike-03.</summary>
    public static readonly byte[] NatTDraft03 = Convert.FromHexString(
        "7d9419a65310ca6f2c179d9215529d56");

    /// <summary>draft-ietf-ipsec-nat-t-ike-02 (with its trailing newline).</summary>
    public static readonly byte[] NatTDraft02 = Convert.FromHexString(
        "90cb80913ebb696e086381b5ec427b1f");

    /// <summary>CISCO-UNITY 1.0.</summary>
    public static readonly byte[] CiscoUnity = Convert.FromHexString(
        "12f5f28c457168a9702d9fe274cc0100");

    /// <summary>RFC 3706 Dead Peer Detection 1.0.</summary>
    public static readonly byte[] DeadPeerDetection = Convert.FromHexString(
        "afcad71368a1f1c96b8696fc77570100");

    /// <summary>XAUTH (8 bytes).</summary>
    public static readonly byte[] Xauth = Convert.FromHexString("09002689dfd6b712");

    /// <summary>The NAT-T vendor IDs IOS sends in message 1, newest first.</summary>
    public static IEnumerable<IsakmpPayload> NatTraversalVendorIds() =>
    [
        VendorId(NatTRfc3947), VendorId(NatTDraft07), VendorId(NatTDraft03),
        VendorId(NatTDraft02),
    ];

    public static IsakmpVendorIdPayload VendorId(byte[] id) => new() { Data = id };

    /// <summary>
    /// The vendor ID by which IOS recognises "another IOS box" in messages 3 and 4: 16
    /// bytes whose bytes 4-7 repeat the sender's cookie with the low bit of byte 5 flipped
    /// and the rest random (as in refdata ISAKMP_sa_setup.pcap, both directions).
    /// </summary>
    public static IsakmpVendorIdPayload IosBoxVendorId(ulong ownCookie, Random random)
    {
        byte[] id = new byte[16];
        random.NextBytes(id);
        byte[] cookie = IsakmpSa.CookieBytes(ownCookie);
        cookie.AsSpan(4, 4).CopyTo(id.AsSpan(4));
        id[5] ^= 0x01;
        return VendorId(id);
    }

    /// <summary>True when a message offers the RFC 3947 NAT-T vendor ID.</summary>
    public static bool OffersNatTraversal(IEnumerable<IsakmpPayload> payloads)
    {
        foreach (var payload in payloads)
        {
            if (payload is IsakmpVendorIdPayload vendor && vendor.Data.AsSpan().SequenceEqual(
                    NatTRfc3947))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// RFC 3947 3.2: NAT-D = HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash; the
    /// first names the peer's address, the second ours.
    /// </summary>
    public static IsakmpRawPayload NatDiscovery(Crypto.IkeHashAlgorithm hash, IsakmpSa sa,
        Ipv4Address address, ushort port)
    {
        byte[] input = new byte[8 + 8 + 4 + 2];
        sa.InitiatorCookieBytes.CopyTo(input, 0);
        sa.ResponderCookieBytes.CopyTo(input, 8);
        address.Write(input.AsSpan(16));
        input[20] = (byte)(port >> 8);
        input[21] = (byte)port;
        byte[] digest = Crypto.IkePrf.Hash(hash, input);
        return new IsakmpRawPayload(IsakmpPayloadType.NatDiscovery) { Body = digest };
    }

    /// <summary>
    /// An ID payload for an IPv4 host: phase 1 IOS sends protocol 17 port 500; Quick Mode
    /// sends the GRE flow, protocol 47 port 0 (RFC 2407 4.6.2).
    /// </summary>
    public static IsakmpIdentificationPayload Identification(Ipv4Address address,
        byte protocol, ushort port)
    {
        byte[] data = new byte[4];
        address.Write(data);
        return new IsakmpIdentificationPayload
        {
            IdType = IsakmpIdentificationType.Ipv4Address,
            ProtocolId = protocol,
            Port = port,
            Data = data,
        };
    }

    /// <summary>The bytes after a payload's generic header ("_b" in RFC 2409).</summary>
    public static byte[] Body(IsakmpPayload payload)
    {
        byte[] bytes = new byte[payload.Length];
        payload.Emit(bytes, IsakmpPayloadType.None);
        return bytes[IsakmpPayload.HeaderLength..];
    }

    /// <summary>The chain's bytes, each Next Payload filled in.</summary>
    public static byte[] Emit(IReadOnlyList<IsakmpPayload> payloads)
    {
        byte[] bytes = new byte[IsakmpPayloadChain.GetLength(payloads)];
        IsakmpPayloadChain.Emit(payloads, bytes);
        return bytes;
    }

    public static T? Find<T>(IReadOnlyList<IsakmpPayload> payloads) where T : IsakmpPayload
    {
        foreach (var payload in payloads)
        {
            if (payload is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The n-th (0-based) payload of a type, or null.</summary>
    public static T? FindNth<T>(IReadOnlyList<IsakmpPayload> payloads, int index)
        where T : IsakmpPayload
    {
        foreach (var payload in payloads)
        {
            if (payload is T found && index-- == 0)
            {
                return found;
            }
        }

        return null;
    }
}
