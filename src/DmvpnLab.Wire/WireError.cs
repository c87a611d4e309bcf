namespace DmvpnLab.Wire;

/// <summary>
/// Why a codec refused a packet. Every parser in this assembly reports one of these instead
/// of throwing; callers turn them into named drop counters.
/// </summary>
public enum WireError
{
    /// <summary>The bytes parsed.</summary>
    None = 0,

    /// <summary>Fewer bytes than the fixed part of the header needs.</summary>
    Truncated,

    /// <summary>A length field disagrees with the bytes present or with the header rules.</summary>
    BadLength,

    /// <summary>A checksum or integrity field does not verify.</summary>
    BadChecksum,

    /// <summary>A version field holds a value this codec does not speak.</summary>
    BadVersion,

    /// <summary>A type or code this codec recognises as legal but does not handle.</summary>
    UnsupportedType,

    /// <summary>Fields are individually in range but inconsistent with each other.</summary>
    Malformed,

    /// <summary>A reserved bit or field that must be zero is not.</summary>
    ReservedNotZero,

    /// <summary>The destination span is too small for what an emitter must write.</summary>
    BufferTooSmall,

    /// <summary>A capture file header or block is not one this reader knows.</summary>
    BadMagic,
}
