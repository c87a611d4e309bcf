using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Tests.Nhrp;

/// <summary>The NHS (hub) side of registration, by state of the client's entry.</summary>
public class NhrpServerTests
{
    private static readonly Ipv4Address OtherNbma = Ipv4Address.Parse("169.254.100.9");

    [Fact]
    public void NoEntry_Registration_RegisteredUniqueEntryAndDynamicMulticast()
    {
        var hub = NhrpHarness.Hub();

        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, NhrpHarness.CapturedRegistration(1));

        Assert.True(hub.Nhrp.Cache.TryGetHost(NhrpHarness.SpokeTunnel, out var entry));
        Assert.Equal(NhrpCacheFlags.Unique | NhrpCacheFlags.Registered | NhrpCacheFlags.Nhop,
            entry.Flags);
        Assert.Equal(NhrpHarness.SpokeNbma, entry.Nbma);
        Assert.Equal(new[] { NhrpHarness.SpokeNbma },
            hub.Nhrp.MulticastDestinations(hub.Tunnel));
    }

    [Fact]
    public void UniqueEntry_RegistrationFromOtherNbma_RefusedWithCode14()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, NhrpHarness.CapturedRegistration(1));

        hub.Nhrp.Receive(OtherNbma, NhrpHarness.CapturedRegistration(3));

        Assert.True(NhrpPacket.TryParse(hub.SentNhrp(1), out var reply, out _));
        Assert.Equal(NhrpCieCode.UniqueAddressAlreadyRegistered,
            reply!.ClientInformationEntries[0].Code);
        Assert.Equal(OtherNbma, hub.Sent[1].Nbma);
        hub.Nhrp.Cache.TryGetHost(NhrpHarness.SpokeTunnel, out var entry);
        Assert.Equal(NhrpHarness.SpokeNbma, entry.Nbma);
    }

    [Fact]
    public void NonUniqueEntry_RegistrationFromOtherNbma_Replaced()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Register(NhrpHarness.SpokeTunnel, NhrpHarness.SpokeNbma,
            NhrpHarness.SpokeNbma, unique: false, 7200);

        var code = hub.Nhrp.Register(NhrpHarness.SpokeTunnel, OtherNbma, OtherNbma,
            unique: false, 7200);

        Assert.Equal(NhrpCieCode.Success, code);
        hub.Nhrp.Cache.TryGetHost(NhrpHarness.SpokeTunnel, out var entry);
        Assert.Equal(OtherNbma, entry.Nbma);
        Assert.Equal(NhrpCacheFlags.Registered | NhrpCacheFlags.Nhop, entry.Flags);
        Assert.Equal(new[] { OtherNbma }, hub.Nhrp.MulticastDestinations(hub.Tunnel));
    }

    [Fact]
    public void RegisteredEntry_HoldTimePasses_ExpiresAndLeavesMulticastList()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Register(NhrpHarness.SpokeTunnel, NhrpHarness.SpokeNbma,
            NhrpHarness.SpokeNbma, unique: true, 300);

        hub.Scheduler.RunFor(TimeSpan.FromSeconds(361));

        Assert.False(hub.Nhrp.Cache.TryGetHost(NhrpHarness.SpokeTunnel, out _));
        Assert.Empty(hub.Nhrp.MulticastDestinations(hub.Tunnel));
    }

    [Fact]
    public void WrongKey_Registration_DroppedAndCountedNoReply()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Config.Authentication = "other"u8.ToArray();

        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, NhrpHarness.CapturedRegistration(1));

        Assert.Empty(hub.Sent);
        Assert.Equal(0, hub.Nhrp.Cache.Count);
        Assert.Equal(1, hub.Nhrp.Protocol.Drops[NhrpProtocolDropReason.AuthenticationMismatch]);
    }

    [Fact]
    public void NoNetworkId_Registration_DroppedAndCounted()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Config.NetworkId = null;

        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, NhrpHarness.CapturedRegistration(1));

        Assert.Empty(hub.Sent);
        Assert.Equal(1, hub.Nhrp.Protocol.Drops[NhrpProtocolDropReason.NetworkIdNotConfigured]);
    }

    [Fact]
    public void CapturedPackets_EveryTruncationAndBitFlip_NeverThrowsAndCountsDrops()
    {
        var hub = NhrpHarness.Hub();
        var packet = NhrpHarness.CapturedRegistration(1);
        int inputs = 0;

        for (int length = 0; length < packet.Length; length++)
        {
            hub.Nhrp.Receive(NhrpHarness.SpokeNbma, packet.AsSpan(0, length));
            inputs++;
        }

        for (int bit = 0; bit < packet.Length * 8; bit++)
        {
            var flipped = (byte[])packet.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            hub.Nhrp.Receive(NhrpHarness.SpokeNbma, flipped);
            inputs++;
        }

        // The checksum catches every single-bit flip; truncations fail on length.
        Assert.Equal(inputs, hub.Nhrp.Protocol.Drops.Total);
        Assert.Empty(hub.Sent);
        Assert.True(hub.Nhrp.Protocol.Drops[NhrpDropReason.BadChecksum] > 0);
    }

    [Fact]
    public void MalformedCapture_PbNhrp1_DroppedWithCodecReason()
    {
        var hub = NhrpHarness.Hub();
        var frame = DmvpnLab.Wire.Capture.PcapReader.ReadAll(
            Ipsec.RefData.Path("pcaps", "tcpdump", "pb_nhrp_1.pcap"))[0].Data;
        int headerLength = (frame[14] & 0x0F) * 4;
        int totalLength = frame[16] << 8 | frame[17];

        var nhrp = frame.AsSpan((14 + headerLength)..(14 + totalLength));
        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, nhrp);

        Assert.Equal(1, hub.Nhrp.Protocol.Drops.Total);
        Assert.Empty(hub.Sent);
    }
}
