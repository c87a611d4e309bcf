namespace DmvpnLab.Wire.Isakmp;

/// <summary>
/// Notify Message Types: errors below 16384 (RFC 2408 3.14.1), IPsec DOI status values
/// (RFC 2407 4.6.3) and the dead peer detection messages (RFC 3706).
/// </summary>
public enum IsakmpNotifyMessageType : ushort
{
    InvalidPayloadType = 1,
    DoiNotSupported = 2,
    SituationNotSupported = 3,
    InvalidCookie = 4,
    InvalidMajorVersion = 5,
    InvalidExchangeType = 7,
    InvalidFlags = 8,
    InvalidMessageId = 9,
    InvalidProtocolId = 10,
    InvalidSpi = 11,
    InvalidTransformId = 12,
    AttributesNotSupported = 13,
    NoProposalChosen = 14,
    PayloadMalformed = 16,
    InvalidKeyInformation = 17,
    InvalidIdInformation = 18,
    AuthenticationFailed = 24,
    InvalidHashInformation = 23,
    ResponderLifetime = 24576,
    ReplayStatus = 24577,
    InitialContact = 24578,
    DpdRUThere = 36136,
    DpdRUThereAck = 36137,
}
