// RFC 2408 3.7 (Key Exchange), 3.11 (Hash), 3.12 (Signature), 3.13 (Nonce) and
// 3.16 (Vendor ID): after the generic header comes one opaque field filling the payload.
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |                  Data (Key Exchange, Hash, ...)               |
namespace DmvpnLab.Wire.Isakmp;

/// <summary>A payload whose body is a single opaque field.</summary>
public abstract class IsakmpDataPayload : IsakmpPayload
{
    /// <summary>The field: DH public value, hash, signature, nonce or vendor ID.</summary>
    public byte[] Data { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength => Data.Length;

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body) => Data.CopyTo(body);

    /// <summary>A new payload of <paramref name="type"/> holding <paramref name="data"/>, or
    /// null when <paramref name="type"/> is not a data payload.</summary>
    internal static IsakmpDataPayload? Create(IsakmpPayloadType type, ReadOnlySpan<byte> data)
    {
        IsakmpDataPayload? payload = type switch
        {
            IsakmpPayloadType.KeyExchange => new IsakmpKeyExchangePayload(),
            IsakmpPayloadType.Hash => new IsakmpHashPayload(),
            IsakmpPayloadType.Signature => new IsakmpSignaturePayload(),
            IsakmpPayloadType.Nonce => new IsakmpNoncePayload(),
            IsakmpPayloadType.VendorId => new IsakmpVendorIdPayload(),
            _ => null,
        };
        if (payload != null)
        {
            payload.Data = data.ToArray();
        }

        return payload;
    }
}

/// <summary>Key Exchange: the sender's Diffie-Hellman public value (RFC 2408 3.7).</summary>
public sealed class IsakmpKeyExchangePayload : IsakmpDataPayload
{
    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.KeyExchange;
}

/// <summary>Hash: HASH_I, HASH_R, or a Quick Mode / Informational HASH (RFC 2408 3.11).</summary>
public sealed class IsakmpHashPayload : IsakmpDataPayload
{
    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Hash;
}

/// <summary>Signature, kept raw (RFC 2408 3.12).</summary>
public sealed class IsakmpSignaturePayload : IsakmpDataPayload
{
    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Signature;
}

/// <summary>Nonce (RFC 2408 3.13; RFC 2409 5: 8 to 256 bytes).</summary>
public sealed class IsakmpNoncePayload : IsakmpDataPayload
{
    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Nonce;
}

/// <summary>Vendor ID: usually a hash naming a capability (DPD, NAT-T, Cisco Unity).</summary>
public sealed class IsakmpVendorIdPayload : IsakmpDataPayload
{
    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.VendorId;
}
