namespace DmvpnLab.Wire.Dissect;

/// <summary>What happened to one layer of a frame when it was decoded and emitted again.</summary>
public enum LayerOutcome : byte
{
    /// <summary>The emitted bytes equal the captured ones.</summary>
    RoundTrip,

    /// <summary>The layer decoded, but its emitted bytes differ from the captured ones.</summary>
    Differs,

    /// <summary>The codec refused the bytes; the walk stops here.</summary>
    Undecodable,
}
