using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Wire.Tests.Isakmp;

/// <summary>
/// IKEv1 Main Mode and Quick Mode between two Cisco routers; expected values from
/// ISAKMP_sa_setup.pcap.tshark-V.txt.
/// </summary>
public class IsakmpCaptureTests
{
    private const ulong InitiatorCookie = 0xcf02326f14a95b93;
    private const ulong ResponderCookie = 0x18a109f89219e8df;

    [Fact]
    public void AllMessages_ParseThenEmit_SameBytes()
    {
        foreach (var (frame, bytes) in IsakmpSamples.All())
        {
            Assert.True(IsakmpMessage.TryParse(bytes, out var message, out WireError error),
                $"frame {frame}: {error}");
            var emitted = new byte[message!.Length];

            Assert.Equal(bytes.Length, message.Emit(emitted));
            Assert.True(bytes.AsSpan().SequenceEqual(emitted), $"frame {frame}");
        }
    }

    [Fact]
    public void MainMode1_SecurityAssociation_MatchesTshark()
    {
        Assert.True(IsakmpMessage.TryParse(IsakmpSamples.Message(1), out var message, out _));

        Assert.Equal(InitiatorCookie, message!.InitiatorCookie);
        Assert.Equal(0UL, message.ResponderCookie);
        Assert.Equal(IsakmpView.Version1, message.Version);
        Assert.Equal(IsakmpExchangeType.IdentityProtection, message.ExchangeType);
        Assert.Equal(IsakmpFlags.None, message.Flags);
        Assert.Equal(0u, message.MessageId);
        Assert.Equal(148, message.Length);
        Assert.Equal(
            [
                IsakmpPayloadType.SecurityAssociation, IsakmpPayloadType.VendorId,
                IsakmpPayloadType.VendorId, IsakmpPayloadType.VendorId,
            ],
            message.Payloads.Select(p => p.Type));

        var sa = Assert.IsType<IsakmpSecurityAssociationPayload>(message.Payloads[0]);
        Assert.Equal(60, sa.Length);
        Assert.Equal(IsakmpSecurityAssociationPayload.IpsecDoi, sa.Doi);
        Assert.Equal(IsakmpSecurityAssociationPayload.SituationIdentityOnly, sa.Situation);
        var proposal = Assert.Single(sa.Proposals);
        Assert.Equal(1, proposal.ProposalNumber);
        Assert.Equal(IsakmpProtocolId.Isakmp, proposal.ProtocolId);
        Assert.Empty(proposal.Spi);
        var transform = Assert.Single(proposal.Transforms);
        Assert.Equal(40, transform.Length);
        Assert.Equal(1, transform.TransformNumber);
        Assert.Equal(IsakmpTransformPayload.KeyIke, transform.TransformId);

        var attributes = transform.Attributes;
        Assert.Equal(
            [
                IkeAttributeType.EncryptionAlgorithm, IkeAttributeType.KeyLength,
                IkeAttributeType.HashAlgorithm, IkeAttributeType.GroupDescription,
                IkeAttributeType.AuthenticationMethod, IkeAttributeType.LifeType,
                IkeAttributeType.LifeDuration,
            ],
            attributes.Select(a => (IkeAttributeType)a.Type));
        Assert.Equal((ushort)IkeEncryptionAlgorithm.AesCbc, attributes[0].BasicValue);
        Assert.Equal(128, attributes[1].BasicValue);
        Assert.Equal((ushort)IkeHashAlgorithm.Sha, attributes[2].BasicValue);
        Assert.Equal((ushort)IkeGroupDescription.Modp768, attributes[3].BasicValue);
        Assert.Equal((ushort)IkeAuthenticationMethod.PreSharedKey, attributes[4].BasicValue);
        Assert.Equal((ushort)IkeLifeType.Seconds, attributes[5].BasicValue);
        Assert.False(attributes[6].IsBasic);
        Assert.Equal(4, attributes[6].Value.Length);
        Assert.True(attributes[6].TryGetInteger(out ulong lifetime));
        Assert.Equal(86400UL, lifetime);

        Assert.Equal("439b59f8ba676c4c7737ae22eab8f582",
            Hex.Of(((IsakmpVendorIdPayload)message.Payloads[1]).Data));
        Assert.Equal("7d9419a65310ca6f2c179d9215529d56",
            Hex.Of(((IsakmpVendorIdPayload)message.Payloads[2]).Data));
        Assert.Equal("90cb80913ebb696e086381b5ec427b1f",
            Hex.Of(((IsakmpVendorIdPayload)message.Payloads[3]).Data));
    }

    [Fact]
    public void MainMode2_ResponderCookieAndOneVendorId()
    {
        Assert.True(IsakmpMessage.TryParse(IsakmpSamples.Message(2), out var message, out _));

        Assert.Equal(ResponderCookie, message!.ResponderCookie);
        Assert.Equal(2, message.Payloads.Count);
        Assert.IsType<IsakmpSecurityAssociationPayload>(message.Payloads[0]);
    }

    [Fact]
    public void MainMode3_KeyExchangeNonceVendorIdsAndDraftNatD()
    {
        Assert.True(IsakmpMessage.TryParse(IsakmpSamples.Message(3), out var message, out _));

        Assert.Equal(272, message!.Length);
        var ke = Assert.IsType<IsakmpKeyExchangePayload>(message.Payloads[0]);
        Assert.Equal(96, ke.Data.Length); // group 1: 768 bits
        Assert.StartsWith("3bce03faae189d2b", Hex.Of(ke.Data));
        var nonce = Assert.IsType<IsakmpNoncePayload>(message.Payloads[1]);
        Assert.Equal("6ea7c7ed3ca3383538801b4b32a5aba161807765", Hex.Of(nonce.Data));
        string[] vendorIds =
        [
            "12f5f28c457168a9702d9fe274cc0100", "afcad71368a1f1c96b8696fc77570100",
            "3ac5957214a85b93db6a509869fdb330", "09002689dfd6b712",
        ];
        Assert.Equal(vendorIds,
            message.Payloads.OfType<IsakmpVendorIdPayload>().Select(v => Hex.Of(v.Data)));

        // Payload 15 is the NAT-D of draft-ietf-ipsec-nat-t-ike-02/03 (tshark misreads it
        // as GDOI's SA KEK and flags the packet malformed): kept raw, 20-byte hashes.
        var natD = message.Payloads.OfType<IsakmpRawPayload>().ToList();
        Assert.Equal(2, natD.Count);
        Assert.All(natD, p => Assert.Equal((IsakmpPayloadType)15, p.Type));
        Assert.All(natD, p => Assert.Equal(20, p.Body.Length));
    }

    [Theory]
    [InlineData(5, IsakmpExchangeType.IdentityProtection, IsakmpPayloadType.Identification,
        0u, 80)]
    [InlineData(6, IsakmpExchangeType.IdentityProtection, IsakmpPayloadType.Identification,
        0u, 48)]
    [InlineData(7, IsakmpExchangeType.QuickMode, IsakmpPayloadType.Hash, 0x0f2b7862u, 192)]
    [InlineData(8, IsakmpExchangeType.QuickMode, IsakmpPayloadType.Hash, 0x0f2b7862u, 192)]
    [InlineData(9, IsakmpExchangeType.QuickMode, IsakmpPayloadType.Hash, 0x0f2b7862u, 32)]
    public void EncryptedMessages_HeaderParsedBodyKept(
        int frame, IsakmpExchangeType exchange, IsakmpPayloadType first, uint messageId,
        int encryptedLength)
    {
        Assert.True(IsakmpMessage.TryParse(IsakmpSamples.Message(frame), out var message,
            out _));

        Assert.True(message!.IsEncrypted);
        Assert.Equal(IsakmpFlags.Encryption, message.Flags);
        Assert.Equal(exchange, message.ExchangeType);
        Assert.Equal(first, message.NextPayload);
        Assert.Equal(messageId, message.MessageId);
        Assert.Equal(encryptedLength, message.EncryptedBody!.Length);
        Assert.Empty(message.Payloads);
        Assert.Equal(InitiatorCookie, message.InitiatorCookie);
        Assert.Equal(ResponderCookie, message.ResponderCookie);
    }

    [Fact]
    public void View_QuickMode_PeeksHeader()
    {
        byte[] bytes = IsakmpSamples.Message(7);

        Assert.True(IsakmpView.TryCreate(bytes, out var view, out WireError error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(InitiatorCookie, view.InitiatorCookie);
        Assert.Equal(IsakmpExchangeType.QuickMode, view.ExchangeType);
        Assert.Equal(0x0f2b7862u, view.MessageId);
        Assert.Equal(220, view.Length);
        Assert.Equal(192, view.Body.Length);
    }
}
