using System.Text.RegularExpressions;
using DmvpnLab.Protocols.Ike;

namespace DmvpnLab.Protocols.Tests.Ike;

/// <summary>
/// `debug crypto isakmp` walks IOS's state machine: every "Old State = … New State = …"
/// line of both ends, in order, as in refdata debug-crypto-isakmp.txt (the NAT IKE and
/// GETVPN key server traces: IKE_I_MM1 … IKE_I_MM6, IKE_R_MM1 … IKE_R_MM5).
/// </summary>
public class IkeDebugTraceTests
{
    [Fact]
    public void MainAndQuickMode_StateLinesFollowIos_OnBothEnds()
    {
        var pair = new ProtectedPair();
        var initiator = Collect(pair.A);
        var responder = Collect(pair.B);

        pair.RequestFromA();
        pair.Run(1);

        Assert.Equal(
        [
            "IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM: IKE_READY -> IKE_I_MM1",
            "IKE_MESG_FROM_PEER, IKE_MM_EXCH: IKE_I_MM1 -> IKE_I_MM2",
            "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE: IKE_I_MM2 -> IKE_I_MM2",
            "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE: IKE_I_MM2 -> IKE_I_MM3",
            "IKE_MESG_FROM_PEER, IKE_MM_EXCH: IKE_I_MM3 -> IKE_I_MM4",
            "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE: IKE_I_MM4 -> IKE_I_MM4",
            "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE: IKE_I_MM4 -> IKE_I_MM5",
            "IKE_MESG_FROM_PEER, IKE_MM_EXCH: IKE_I_MM5 -> IKE_I_MM6",
            "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE: IKE_I_MM6 -> IKE_I_MM6",
            "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE: IKE_I_MM6 -> IKE_P1_COMPLETE",
            "IKE_MESG_INTERNAL, IKE_INIT_QM: IKE_QM_READY -> IKE_QM_I_QM1",
            "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE: IKE_P1_COMPLETE -> IKE_P1_COMPLETE",
            "IKE_MESG_FROM_PEER, IKE_QM_EXCH: IKE_QM_I_QM1 -> IKE_QM_IPSEC_INSTALL_AWAIT",
            "IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE: IKE_QM_IPSEC_INSTALL_AWAIT -> " +
                "IKE_QM_PHASE2_COMPLETE",
        ], Transitions(initiator));
        Assert.Equal(
        [
            "IKE_MESG_FROM_PEER, IKE_MM_EXCH: IKE_READY -> IKE_R_MM1",
            "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE: IKE_R_MM1 -> IKE_R_MM1",
            "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE: IKE_R_MM1 -> IKE_R_MM2",
            "IKE_MESG_FROM_PEER, IKE_MM_EXCH: IKE_R_MM2 -> IKE_R_MM3",
            "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE: IKE_R_MM3 -> IKE_R_MM3",
            "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE: IKE_R_MM3 -> IKE_R_MM4",
            "IKE_MESG_FROM_PEER, IKE_MM_EXCH: IKE_R_MM4 -> IKE_R_MM5",
            "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE: IKE_R_MM5 -> IKE_R_MM5",
            "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE: IKE_R_MM5 -> IKE_P1_COMPLETE",
            "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE: IKE_P1_COMPLETE -> IKE_P1_COMPLETE",
            "IKE_MESG_FROM_PEER, IKE_QM_EXCH: IKE_QM_READY -> IKE_QM_SPI_STARVE",
            "IKE_MESG_INTERNAL, IKE_GOT_SPI: IKE_QM_SPI_STARVE -> IKE_QM_IPSEC_INSTALL_AWAIT",
            "IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE: IKE_QM_IPSEC_INSTALL_AWAIT -> " +
                "IKE_QM_R_QM2",
            "IKE_MESG_FROM_PEER, IKE_QM_EXCH: IKE_QM_R_QM2 -> IKE_QM_PHASE2_COMPLETE",
        ], Transitions(responder));
    }

    [Fact]
    public void MainMode_SendingLinesNameTheStateIosPrints()
    {
        var pair = new ProtectedPair();
        var initiator = Collect(pair.A);
        var responder = Collect(pair.B);

        pair.RequestFromA();
        pair.Run(1);

        // IOS: message 1 in MM_NO_STATE, 3 in MM_SA_SETUP, 5 in MM_KEY_EXCH; the responder
        // answers in MM_SA_SETUP, MM_KEY_EXCH and MM_KEY_EXCH.
        Assert.Equal(["MM_NO_STATE", "MM_SA_SETUP", "MM_KEY_EXCH", "QM_IDLE", "QM_IDLE"],
            Sent(initiator));
        Assert.Equal(["MM_SA_SETUP", "MM_KEY_EXCH", "MM_KEY_EXCH", "QM_IDLE"],
            Sent(responder));
    }

    private static List<string> Collect(Net.NetworkNode node)
    {
        var lines = new List<string>();
        node.Log.EnableDebug(IkeService.DebugCategory);
        node.Log.Line += (_, line) => lines.AddRange(line.Split('\n'));
        return lines;
    }

    /// <summary>Each Input line with the state line after it, as "input: old -> new".</summary>
    private static List<string> Transitions(List<string> lines)
    {
        var transitions = new List<string>();
        for (int i = 1; i < lines.Count; i++)
        {
            var state = Regex.Match(lines[i], @"Old State = (\S+)  New State = (\S+)");
            var input = Regex.Match(lines[i - 1], @"Input = (.+)$");
            if (state.Success)
            {
                Assert.True(input.Success, $"no Input line before: {lines[i]}");
                transitions.Add($"{input.Groups[1].Value}: {state.Groups[1].Value} -> " +
                    state.Groups[2].Value);
            }
        }

        return transitions;
    }

    private static List<string> Sent(List<string> lines)
    {
        var states = new List<string>();
        foreach (string line in lines)
        {
            var match = Regex.Match(line, @"sending packet to \S+ my_port 500 peer_port 500 " +
                @"\([IR]\) (\S+)");
            if (match.Success)
            {
                states.Add(match.Groups[1].Value);
            }
        }

        return states;
    }
}
