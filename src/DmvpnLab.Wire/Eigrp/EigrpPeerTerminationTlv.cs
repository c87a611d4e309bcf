namespace DmvpnLab.Wire.Eigrp;

// Peer Termination TLV 0x0007 (RFC 7868 section 6.7 lists the type). Its value is carried
// through as bytes: this codec does not decode the list it holds. IOS signals its own
// shutdown with the all-255 K values of the Parameters TLV, which is decoded.

/// <summary>A peer termination TLV, value kept as bytes (not decoded).</summary>
public sealed class EigrpPeerTerminationTlv : EigrpTlv
{
    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.PeerTermination;

    /// <summary>The value bytes after the TLV header.</summary>
    public byte[] Value { get; set; } = [];

    /// <inheritdoc/>
    protected override int ValueLength => Value.Length;

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value) => Value.CopyTo(value);
}
