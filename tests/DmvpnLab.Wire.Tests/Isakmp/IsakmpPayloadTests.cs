using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Wire.Tests.Isakmp;

/// <summary>
/// Payloads the cleartext messages of the capture lack (they travel encrypted): built as
/// IOS builds them, emitted, parsed back.
/// </summary>
public class IsakmpPayloadTests
{
    [Fact]
    public void QuickModeBody_WithZeroPadding_ParsesAsDecryptedChain()
    {
        List<IsakmpPayload> payloads =
        [
            new IsakmpHashPayload { Data = new byte[20] },
            EspSecurityAssociation(),
            new IsakmpNoncePayload { Data = [.. Enumerable.Range(1, 20).Select(i => (byte)i)] },
            GreProxyIdentity("192.0.2.1"),
            GreProxyIdentity("192.0.2.2"),
        ];
        int length = IsakmpPayloadChain.GetLength(payloads);
        var body = new byte[length + 7]; // padded to the cipher block with zeros
        IsakmpPayloadChain.Emit(payloads, body);

        bool ok = IsakmpPayloadChain.TryParse(IsakmpPayloadChain.FirstType(payloads), body,
            out var parsed, out WireError error);

        Assert.True(ok, error.ToString());
        Assert.Equal(payloads.Select(p => p.Type), parsed!.Select(p => p.Type));
        var reEmitted = new byte[length];
        IsakmpPayloadChain.Emit(parsed, reEmitted);
        Assert.True(body.AsSpan(0, length).SequenceEqual(reEmitted));

        var sa = (IsakmpSecurityAssociationPayload)parsed[1];
        var transform = sa.Proposals[0].Transforms[0];
        Assert.Equal((byte)EspTransformId.Aes, transform.TransformId);
        Assert.Equal((ushort)IpsecEncapsulationMode.Transport,
            transform.Find((ushort)IpsecAttributeType.EncapsulationMode)!.BasicValue);
        Assert.Equal(4, sa.Proposals[0].Spi.Length);
        var id = (IsakmpIdentificationPayload)parsed[3];
        Assert.Equal(IsakmpIdentificationType.Ipv4Address, id.IdType);
        Assert.Equal(47, id.ProtocolId);

        Assert.False(IsakmpPayloadChain.TryParse(payloads[0].Type, body, allowPadding: false,
            out _, out _, out error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void InformationalDpd_NotificationRoundTrips()
    {
        var message = new IsakmpMessage
        {
            InitiatorCookie = 0x0102030405060708,
            ResponderCookie = 0x1112131415161718,
            ExchangeType = IsakmpExchangeType.Informational,
            MessageId = 0xDEADBEEF,
            Payloads =
            [
                new IsakmpHashPayload { Data = new byte[16] },
                new IsakmpNotificationPayload
                {
                    ProtocolId = IsakmpProtocolId.Isakmp,
                    NotifyMessageType = IsakmpNotifyMessageType.DpdRUThere,
                    Spi = Hex.Bytes("01020304050607081112131415161718"),
                    Data = [0, 0, 0, 42],
                },
            ],
        };

        var parsed = RoundTrip(message);

        var notify = Assert.IsType<IsakmpNotificationPayload>(parsed.Payloads[1]);
        Assert.Equal(IsakmpNotifyMessageType.DpdRUThere, notify.NotifyMessageType);
        Assert.Equal(16, notify.Spi.Length);
        Assert.Equal([0, 0, 0, 42], notify.Data);
    }

    [Fact]
    public void Delete_TwoEspSpis_RoundTrips()
    {
        var message = new IsakmpMessage
        {
            ExchangeType = IsakmpExchangeType.Informational,
            Payloads =
            [
                new IsakmpDeletePayload
                {
                    ProtocolId = IsakmpProtocolId.Esp,
                    SpiSize = 4,
                    Spis = [[1, 2, 3, 4], [5, 6, 7, 8]],
                },
            ],
        };

        var parsed = RoundTrip(message);

        var delete = Assert.IsType<IsakmpDeletePayload>(parsed.Payloads[0]);
        Assert.Equal(2, delete.Spis.Count);
        Assert.Equal([5, 6, 7, 8], delete.Spis[1]);
    }

    [Fact]
    public void UnknownPayloadType_KeptRaw()
    {
        var message = new IsakmpMessage
        {
            ExchangeType = IsakmpExchangeType.Aggressive,
            Payloads =
            [
                new IsakmpRawPayload((IsakmpPayloadType)200) { Reserved = 7, Body = [9, 9, 9] },
                new IsakmpSignaturePayload { Data = [1, 2] },
            ],
        };

        var parsed = RoundTrip(message);

        var raw = Assert.IsType<IsakmpRawPayload>(parsed.Payloads[0]);
        Assert.Equal((IsakmpPayloadType)200, raw.Type);
        Assert.Equal(7, raw.Reserved);
    }

    [Fact]
    public void EncryptedMessage_EmitsGivenNextPayloadAndBody()
    {
        var message = new IsakmpMessage
        {
            ExchangeType = IsakmpExchangeType.QuickMode,
            Flags = IsakmpFlags.Encryption | IsakmpFlags.Commit,
            NextPayload = IsakmpPayloadType.Hash,
            MessageId = 5,
            EncryptedBody = new byte[32],
        };

        var parsed = RoundTrip(message);

        Assert.Equal(IsakmpPayloadType.Hash, parsed.NextPayload);
        Assert.Equal(60, parsed.Length);
    }

    private static IsakmpSecurityAssociationPayload EspSecurityAssociation() => new()
    {
        Proposals =
        [
            new IsakmpProposalPayload
            {
                ProtocolId = IsakmpProtocolId.Esp,
                Spi = [0xC0, 0xFF, 0xEE, 0x01],
                Transforms =
                [
                    new IsakmpTransformPayload
                    {
                        TransformNumber = 1,
                        TransformId = (byte)EspTransformId.Aes,
                        Attributes =
                        [
                            IsakmpAttribute.Basic((ushort)IpsecAttributeType.EncapsulationMode,
                                (ushort)IpsecEncapsulationMode.Transport),
                            IsakmpAttribute.Basic((ushort)IpsecAttributeType.SaLifeType,
                                (ushort)IkeLifeType.Seconds),
                            IsakmpAttribute.Variable((ushort)IpsecAttributeType.SaLifeDuration,
                                3600),
                            IsakmpAttribute.Basic(
                                (ushort)IpsecAttributeType.AuthenticationAlgorithm,
                                (ushort)IpsecAuthenticationAlgorithm.HmacSha),
                            IsakmpAttribute.Basic((ushort)IpsecAttributeType.KeyLength, 128),
                        ],
                    },
                ],
            },
        ],
    };

    private static IsakmpIdentificationPayload GreProxyIdentity(string address) => new()
    {
        IdType = IsakmpIdentificationType.Ipv4Address,
        ProtocolId = 47,
        Data = Nhrp.NhrpSamples.Ip(address),
    };

    private static IsakmpMessage RoundTrip(IsakmpMessage message)
    {
        var bytes = new byte[message.Length];
        Assert.Equal(bytes.Length, message.Emit(bytes));

        Assert.True(IsakmpMessage.TryParse(bytes, out var parsed, out WireError error),
            error.ToString());
        var again = new byte[parsed!.Length];
        parsed.Emit(again);
        Assert.Equal(Hex.Of(bytes), Hex.Of(again));
        return parsed;
    }
}
