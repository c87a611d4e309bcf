using DmvpnLab.Wire.Tests.Nhrp;

namespace DmvpnLab.Wire.Tests.Isakmp;

/// <summary>ISAKMP messages of ISAKMP_sa_setup.pcap (PacketLife, two Cisco routers).</summary>
internal static class IsakmpSamples
{
    public const string File = "ISAKMP_sa_setup.pcap";

    public const int MessageCount = 9;

    /// <summary>The UDP payload of frame <paramref name="frame"/>.</summary>
    public static byte[] Message(int frame) => CapturedPayload.Udp(RefData.Frame(File, frame));

    public static IEnumerable<(int Frame, byte[] Bytes)> All()
    {
        for (int frame = 1; frame <= MessageCount; frame++)
        {
            yield return (frame, Message(frame));
        }
    }
}
