using BenchmarkDotNet.Attributes;
using DmvpnLab.Wire.Capture;
using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Isakmp;
using DmvpnLab.Wire.Nhrp;
using DmvpnLab.Wire.Udp;

namespace DmvpnLab.Benchmarks;

/// <summary>
/// Control-plane parsing of real packets (refdata captures): an NHRP Registration Request
/// (view and full parse) and an ISAKMP Main Mode SA proposal.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] nhrp = null!;
    private byte[] isakmp = null!;

    [GlobalSetup]
    public void Setup()
    {
        nhrp = Payload("NHRP_registration.pcap", gre: true);
        isakmp = Payload("ISAKMP_sa_setup.pcap", gre: false);
    }

    [Benchmark]
    public bool NhrpView() => Wire.Nhrp.NhrpView.TryCreate(nhrp, out _, out NhrpDropReason _);

    [Benchmark]
    public bool NhrpParse() => NhrpPacket.TryParse(nhrp, out _, out _);

    [Benchmark]
    public bool IsakmpParse() => IsakmpMessage.TryParse(isakmp, out _, out _);

    private static byte[] Payload(string file, bool gre)
    {
        byte[] frame = PcapReader.ReadAll(Path.Combine(RefDataFolder(), file))[0].Data;
        EthernetFrameView.TryCreate(frame, out var ethernet, out _);
        Ipv4HeaderView.TryCreate(ethernet.Payload, out var ip, out _);
        if (gre)
        {
            GreHeaderView.TryCreate(ip.Payload, out var header, out _);
            return header.Payload.ToArray();
        }

        UdpDatagramView.TryCreate(ip.Payload, out var udp, out _);
        return udp.Payload.ToArray();
    }

    private static string RefDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "refdata", "pcaps", "tcpdump");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("shared/refdata not found above the benchmark");
    }
}
