namespace DmvpnLab.Wire.Nhrp;

/// <summary>The Error Code of an Error Indication (RFC 2332 5.2.7).</summary>
public enum NhrpErrorCode : ushort
{
    /// <summary>A compulsory extension was not understood.</summary>
    UnrecognizedExtension = 1,

    LoopDetected = 3,

    ProtocolAddressUnreachable = 6,

    ProtocolError = 7,

    SduSizeExceeded = 8,

    InvalidExtension = 9,

    InvalidResolutionReplyReceived = 10,

    AuthenticationFailure = 11,

    HopCountExceeded = 15,
}
