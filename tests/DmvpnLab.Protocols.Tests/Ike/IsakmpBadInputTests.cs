using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ike.Crypto;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Tests.Ike;

/// <summary>
/// What a peer can send to UDP 500 that is not a valid next message: it is counted and
/// dropped, never thrown, and the SAs in place keep working.
/// </summary>
public class IsakmpBadInputTests
{
    private static ProtectedPair Established()
    {
        var pair = new ProtectedPair();
        pair.RequestFromA();
        pair.Run(1);
        return pair;
    }

    private static void Deliver(ProtectedPair pair, byte[] datagram) =>
        pair.BIke.OnDatagram(pair.BWan, ProtectedPair.AAddress, IkeService.IsakmpPort,
            ProtectedPair.BAddress, datagram);

    private static long TotalDrops(IkeService ike) =>
        Enum.GetValues<IkeDropReason>().Sum(ike.GetDropCount);

    [Fact]
    public void EveryPrefixOfEveryMessage_DroppedWithoutThrowing()
    {
        var pair = Established();
        var messages = pair.IsakmpMessages();
        Assert.Equal(9, messages.Count);

        foreach (byte[] message in messages)
        {
            for (int length = 0; length < message.Length; length++)
            {
                Deliver(pair, message[..length]);
            }
        }

        Assert.True(pair.BIke.GetDropCount(IkeDropReason.Malformed) > 0);
        AssertStillProtecting(pair);
    }

    [Fact]
    public void EveryBitFlipOfEveryMessage_NeverThrows_SasKeepWorking()
    {
        var pair = Established();
        var messages = pair.IsakmpMessages(ProtectedPair.AAddress);
        long before = TotalDrops(pair.BIke);

        foreach (byte[] message in messages)
        {
            for (int bit = 0; bit < message.Length * 8; bit++)
            {
                byte[] flipped = (byte[])message.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                Deliver(pair, flipped);
            }
        }

        Assert.True(TotalDrops(pair.BIke) > before);
        AssertStillProtecting(pair);
    }

    [Fact]
    public void UnknownCookies_DroppedAndCounted()
    {
        var pair = Established();
        var message = new IsakmpMessage
        {
            InitiatorCookie = 0x1122334455667788,
            ResponderCookie = 0x99AABBCCDDEEFF00,
            ExchangeType = IsakmpExchangeType.QuickMode,
            Flags = IsakmpFlags.Encryption,
            MessageId = 77,
            NextPayload = IsakmpPayloadType.Hash,
            EncryptedBody = new byte[32],
        };
        byte[] datagram = new byte[message.Length];
        message.Emit(datagram);

        Deliver(pair, datagram);

        Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.UnknownCookies));
    }

    [Fact]
    public void WrongResponderCookie_DroppedAndCounted()
    {
        var pair = Established();
        byte[] datagram = pair.IsakmpMessages(ProtectedPair.AAddress)[^1];
        datagram[15] ^= 0xFF;

        Deliver(pair, datagram);

        Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.UnknownCookies));
    }

    [Fact]
    public void DeleteWithBadHash_DroppedAndCounted_SaKept()
    {
        var pair = Established();
        var sa = ProtectedPair.Single(pair.AIke);
        var flow = pair.AIpsec.FindFlow(ProtectedPair.BAddress)!;
        byte[] spi = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(spi, flow.Current!.Inbound.Spi);
        var payloads = new List<IsakmpPayload>
        {
            new IsakmpHashPayload { Data = new byte[16] },
            new IsakmpDeletePayload
            {
                ProtocolId = IsakmpProtocolId.Esp, SpiSize = 4, Spis = [spi],
            },
        };
        byte[] plaintext = new byte[IsakmpPayloadChain.GetLength(payloads)];
        IsakmpPayloadChain.Emit(payloads, plaintext);
        byte[] body = new byte[sa.Cipher!.GetEncryptedLength(plaintext.Length)];
        sa.Cipher.Encrypt(0x5EED, plaintext, body);
        var message = new IsakmpMessage
        {
            InitiatorCookie = sa.InitiatorCookie,
            ResponderCookie = sa.ResponderCookie,
            ExchangeType = IsakmpExchangeType.Informational,
            Flags = IsakmpFlags.Encryption,
            MessageId = 0x5EED,
            NextPayload = IsakmpPayloadType.Hash,
            EncryptedBody = body,
        };
        byte[] datagram = new byte[message.Length];
        message.Emit(datagram);

        Deliver(pair, datagram);

        Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.BadHash));
        Assert.NotNull(pair.BIpsec.FindFlow(ProtectedPair.AAddress)!.Current);
    }

    [Fact]
    public void MessageOneFromPeerWithoutKey_DroppedAndCounted()
    {
        var pair = new ProtectedPair();
        pair.BIke.PreSharedKeys.Clear();

        pair.RequestFromA();
        pair.Run(0.1);

        Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.NoPreSharedKey));
        Assert.Empty(pair.BIke.SecurityAssociations);
    }

    [Fact]
    public void KeyExchangeValueOutOfRange_DroppedAndCounted()
    {
        var pair = new ProtectedPair();
        pair.WarmUpArp();
        pair.RequestFromA();
        pair.Scheduler.RunUntil(() => pair.BIke.SecurityAssociations.Count == 1,
            TimeSpan.FromSeconds(1));
        var sa = ProtectedPair.Single(pair.BIke);
        var message = new IsakmpMessage
        {
            InitiatorCookie = sa.InitiatorCookie,
            ResponderCookie = sa.ResponderCookie,
            ExchangeType = IsakmpExchangeType.IdentityProtection,
            Payloads =
            [
                new IsakmpKeyExchangePayload { Data = new byte[ModpGroup.Group2.Length] },
                new IsakmpNoncePayload { Data = new byte[20] },
            ],
        };
        byte[] datagram = new byte[message.Length];
        message.Emit(datagram);

        Deliver(pair, datagram);

        Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.BadKeyExchange));
        Assert.Equal("MM_SA_SETUP", sa.State.ShowName());
    }

    private static void AssertStillProtecting(ProtectedPair pair)
    {
        var flow = pair.BIpsec.FindFlow(ProtectedPair.AAddress)!;
        long before = flow.PacketsDecapsulated;
        pair.PingFromA(99);
        pair.Run(1);
        Assert.Equal(before + 1, flow.PacketsDecapsulated);
        Assert.True(pair.AIpsec.FindFlow(ProtectedPair.BAddress)!.PacketsDecapsulated > 0);
        pair.AIpsec.ClearAll();
        pair.Run(1);
        pair.PingFromA(100);
        pair.Run(1);
        Assert.NotNull(pair.BIpsec.FindFlow(ProtectedPair.AAddress)!.Current);
    }
}
