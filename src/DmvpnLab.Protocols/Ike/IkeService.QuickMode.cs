// RFC 2409 5.5, Quick Mode (no PFS, as the lab's profile sets none):
//
//    Initiator                          Responder
//   -----------                        -----------
//    HDR*, HASH(1), SA, Ni [, IDci, IDcr ] -->
//                             <--    HDR*, HASH(2), SA, Nr [, IDci, IDcr ]
//    HDR*, HASH(3)            -->
//
//   HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [ | IDci | IDcr ])
//   HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [ | IDci | IDcr ])
//   HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b)
//   KEYMAT  = prf(SKEYID_d, protocol | SPI | Ni_b | Nr_b), one per SPI and direction.
//
// For tunnel protection the identities are the GRE flow: protocol 47, host to host.
using System.Buffers.Binary;
using System.Security.Cryptography;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike.Crypto;
using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

public sealed partial class IkeService
{
    private readonly Dictionary<Ipv4Address, int> quickModeCounts = [];

    private void StartQuickMode(IsakmpSa sa, TunnelInterface tunnel)
    {
        if (quickModeCounts.ContainsKey(sa.Peer))
        {
            return;
        }

        var profile = ipsec.ProfileOf(tunnel);
        var transformSets = profile is null ? [] : TransformSetsOf(profile.TransformSetNames);
        if (profile is null || transformSets.Count == 0)
        {
            if (DebugOn)
            {
                Debug(sa, $"no IPsec profile with a transform set on {tunnel.Name}");
            }

            return;
        }

        uint messageId;
        do
        {
            messageId = NewMessageId();
        }
        while (sa.QuickModes.ContainsKey(messageId));

        var exchange = new QuickModeExchange(sa, messageId, isInitiator: true, tunnel)
        {
            InitiatorNonce = NewNonce(),
            InboundSpi = ipsec.AllocateSpi(),
            LifetimeSeconds = profile.LifetimeSeconds,
            LifetimeKilobytes = profile.LifetimeKilobytes,
        };
        var proposals = new List<IsakmpProposalPayload>();
        foreach (var transformSet in transformSets)
        {
            proposals.Add(new IsakmpProposalPayload
            {
                ProposalNumber = (byte)(proposals.Count + 1),
                ProtocolId = IsakmpProtocolId.Esp,
                Spi = SpiBytes(exchange.InboundSpi),
                Transforms = [transformSet.ToTransform(1, profile.LifetimeSeconds,
                    profile.LifetimeKilobytes)],
            });
        }

        var payloads = new List<IsakmpPayload>
        {
            EmptyHash(sa),
            new IsakmpSecurityAssociationPayload { Proposals = proposals },
            new IsakmpNoncePayload { Data = exchange.InitiatorNonce },
            IkePayloads.Identification(sa.Local, (byte)IpProtocol.Gre, 0),
            IkePayloads.Identification(sa.Peer, (byte)IpProtocol.Gre, 0),
        };
        byte[] plaintext = IkePayloads.Emit(payloads);
        FillLeadingHash(plaintext, sa.Keys!.ComputeQuickModeHash1(messageId,
            plaintext.AsSpan(payloads[0].Length)));

        Begin(exchange);
        if (DebugOn)
        {
            Debug(sa, $"beginning Quick Mode exchange, M-ID of {messageId}");
            Debug(sa, "QM Initiator gets spi");
        }

        exchange.LastSent = BuildEncrypted(sa, IsakmpExchangeType.QuickMode, messageId,
            plaintext, IsakmpPayloadType.Hash);
        Send(sa, exchange.LastSent, "QM_IDLE");
        exchange.RetransmitTimer!.Start(RetransmitInterval);
        DebugNode(exchange, "IKE_MESG_INTERNAL, IKE_INIT_QM", "IKE_QM_READY", "IKE_QM_I_QM1");
    }

    /// <summary>A Quick Mode state change, logged as IOS does with the node (M-ID).</summary>
    private void DebugNode(QuickModeExchange exchange, string input, string oldState,
        string newState)
    {
        if (DebugOn)
        {
            Debug(exchange.Sa, $"Node {exchange.MessageId}, Input = {input}");
            Debug(exchange.Sa, $"Old State = {oldState}  New State = {newState}");
        }
    }

    private void OnQuickMode(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        if (!sa.IsUsable || !message.IsEncrypted)
        {
            Drop(IkeDropReason.UnexpectedMessage, sa, "Quick Mode before phase 1 completed");
            return;
        }

        if (!sa.QuickModes.TryGetValue(message.MessageId, out var exchange))
        {
            OnQuickMode1(sa, message, datagram);
            return;
        }

        if (exchange.LastReceived is { } last && last.AsSpan().SequenceEqual(datagram))
        {
            drops[(int)IkeDropReason.Duplicate]++;
            if (!exchange.IsInitiator && exchange.LastSent is not null)
            {
                // The initiator lost our HASH(2) message and sent HASH(1) again.
                Send(sa, exchange.LastSent, "QM_IDLE");
            }

            return;
        }

        if (exchange.IsDone)
        {
            Drop(IkeDropReason.UnexpectedMessage, sa, $"node {message.MessageId} is complete");
        }
        else if (exchange.IsInitiator)
        {
            OnQuickMode2(exchange, message, datagram);
        }
        else
        {
            OnQuickMode3(exchange, message, datagram);
        }
    }

    private void OnQuickMode1(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        uint messageId = message.MessageId;
        if (DebugOn)
        {
            Debug(sa, $"set new node {messageId} to QM_IDLE      ");
        }

        if (!TryOpenQuickMode(sa, message, out var opened, expected: null))
        {
            return;
        }

        var tunnel = ipsec.FindProtectedTunnel(sa.Local);
        var profile = tunnel is null ? null : ipsec.ProfileOf(tunnel);
        var offered = IkePayloads.Find<IsakmpSecurityAssociationPayload>(opened.Payloads);
        var nonce = IkePayloads.Find<IsakmpNoncePayload>(opened.Payloads);
        if (offered is null || nonce is null)
        {
            sa.Cipher!.EndExchange(messageId);
            Drop(IkeDropReason.UnexpectedMessage, sa, "Quick Mode 1 without SA and nonce");
            return;
        }

        if (tunnel is null || profile is null
            || !TryChooseTransform(sa, offered, TransformSetsOf(profile.TransformSetNames),
                out var proposal, out var transform, out var transformSet,
                out int lifetimeSeconds, out long lifetimeKilobytes))
        {
            sa.Cipher!.EndExchange(messageId);
            Drop(IkeDropReason.NoProposalChosen, sa, "IPSec policy invalidated proposal");
            return;
        }

        var exchange = new QuickModeExchange(sa, messageId, isInitiator: false, tunnel)
        {
            InitiatorNonce = nonce.Data,
            ResponderNonce = NewNonce(),
            OutboundSpi = BinaryPrimitives.ReadUInt32BigEndian(proposal.Spi),
            InboundSpi = ipsec.AllocateSpi(),
            TransformSet = transformSet,
            LifetimeSeconds = Shorter(profile.LifetimeSeconds, lifetimeSeconds),
            LifetimeKilobytes = Shorter(profile.LifetimeKilobytes, lifetimeKilobytes),
            LastReceived = datagram,
        };
        var payloads = new List<IsakmpPayload>
        {
            EmptyHash(sa),
            new IsakmpSecurityAssociationPayload
            {
                Proposals =
                [
                    new IsakmpProposalPayload
                    {
                        ProposalNumber = proposal.ProposalNumber,
                        ProtocolId = IsakmpProtocolId.Esp,
                        Spi = SpiBytes(exchange.InboundSpi),
                        Transforms = [transform],
                    },
                ],
            },
            new IsakmpNoncePayload { Data = exchange.ResponderNonce },
        };
        foreach (var payload in opened.Payloads)
        {
            if (payload is IsakmpIdentificationPayload)
            {
                payloads.Add(payload);
            }
        }

        byte[] plaintext = IkePayloads.Emit(payloads);
        FillLeadingHash(plaintext, sa.Keys!.ComputeQuickModeHash2(messageId,
            exchange.InitiatorNonce, plaintext.AsSpan(payloads[0].Length)));
        Begin(exchange);
        if (DebugOn)
        {
            Debug(sa, "QM Responder gets spi");
        }

        DebugNode(exchange, "IKE_MESG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_READY",
            "IKE_QM_SPI_STARVE");
        DebugNode(exchange, "IKE_MESG_INTERNAL, IKE_GOT_SPI", "IKE_QM_SPI_STARVE",
            "IKE_QM_IPSEC_INSTALL_AWAIT");

        // IOS's responder installs both SAs before it answers, so the initiator, which
        // installs on HASH(2), may use them at once; HASH(3) then only ends the exchange.
        InstallPair(exchange);
        exchange.LastSent = BuildEncrypted(sa, IsakmpExchangeType.QuickMode, messageId,
            plaintext, IsakmpPayloadType.Hash);
        Send(sa, exchange.LastSent, "QM_IDLE");
        exchange.RetransmitTimer!.Start(RetransmitInterval);
        DebugNode(exchange, "IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE",
            "IKE_QM_IPSEC_INSTALL_AWAIT", "IKE_QM_R_QM2");
    }

    private void OnQuickMode2(QuickModeExchange exchange, IsakmpMessage message,
        byte[] datagram)
    {
        var sa = exchange.Sa;
        if (!TryOpenQuickMode(sa, message, out var opened, null, exchange))
        {
            return;
        }

        var offered = IkePayloads.Find<IsakmpSecurityAssociationPayload>(opened.Payloads);
        var nonce = IkePayloads.Find<IsakmpNoncePayload>(opened.Payloads);
        var profile = ipsec.ProfileOf(exchange.Tunnel);
        if (offered is null || nonce is null || profile is null
            || !TryChooseTransform(sa, offered, TransformSetsOf(profile.TransformSetNames),
                out var proposal, out _, out var transformSet, out int lifetimeSeconds,
                out long lifetimeKilobytes))
        {
            Drop(IkeDropReason.NoProposalChosen, sa, "Quick Mode 2 answers no proposal of ours");
            return;
        }

        exchange.ResponderNonce = nonce.Data;
        exchange.OutboundSpi = BinaryPrimitives.ReadUInt32BigEndian(proposal.Spi);
        exchange.TransformSet = transformSet;
        exchange.LifetimeSeconds = Shorter(exchange.LifetimeSeconds, lifetimeSeconds);
        exchange.LifetimeKilobytes = Shorter(exchange.LifetimeKilobytes, lifetimeKilobytes);
        exchange.LastReceived = datagram;
        exchange.IsDone = true;
        exchange.RetransmitTimer!.Stop();
        DebugNode(exchange, "IKE_MESG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_I_QM1",
            "IKE_QM_IPSEC_INSTALL_AWAIT");
        InstallPair(exchange);
        var hash = new IsakmpHashPayload
        {
            Data = sa.Keys!.ComputeQuickModeHash3(message.MessageId, exchange.InitiatorNonce,
                exchange.ResponderNonce),
        };
        exchange.LastSent = BuildEncrypted(sa, IsakmpExchangeType.QuickMode, message.MessageId,
            IkePayloads.Emit([hash]), IsakmpPayloadType.Hash);
        Send(sa, exchange.LastSent, "QM_IDLE");
        Finish(exchange, "No Error");
        DebugNode(exchange, "IKE_MESG_FROM_IPSEC, IPSEC_INSTALL_DONE",
            "IKE_QM_IPSEC_INSTALL_AWAIT", "IKE_QM_PHASE2_COMPLETE");
    }

    private void OnQuickMode3(QuickModeExchange exchange, IsakmpMessage message,
        byte[] datagram)
    {
        var sa = exchange.Sa;
        byte[] expected = sa.Keys!.ComputeQuickModeHash3(message.MessageId,
            exchange.InitiatorNonce, exchange.ResponderNonce);
        if (!TryOpenQuickMode(sa, message, out _, expected))
        {
            return;
        }

        exchange.LastReceived = datagram;
        exchange.IsDone = true;
        exchange.RetransmitTimer!.Stop();
        Finish(exchange, "QM done (await)");
        DebugNode(exchange, "IKE_MESG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_R_QM2",
            "IKE_QM_PHASE2_COMPLETE");
    }

    /// <summary>
    /// Decrypts a Quick Mode message and checks its leading HASH: against
    /// <paramref name="expected"/> when given, else HASH(1) or, with the initiator's
    /// <paramref name="exchange"/>, HASH(2) over the bytes after it.
    /// </summary>
    private bool TryOpenQuickMode(IsakmpSa sa, IsakmpMessage message, out OpenedMessage opened,
        byte[]? expected, QuickModeExchange? exchange = null)
    {
        if (!TryOpen(sa, message, out opened))
        {
            ForgetUnknownExchange(sa, message.MessageId);
            Drop(IkeDropReason.DecryptionFailed, sa, "Quick Mode message does not decrypt");
            return false;
        }

        if (opened.LeadingHash is not { } hash)
        {
            sa.Cipher!.RestoreIv(message.MessageId, opened.SavedIv);
            ForgetUnknownExchange(sa, message.MessageId);
            Drop(IkeDropReason.UnexpectedMessage, sa, "Quick Mode message without HASH first");
            return false;
        }

        expected ??= exchange is null
            ? sa.Keys!.ComputeQuickModeHash1(message.MessageId, opened.AfterLeadingHash)
            : sa.Keys!.ComputeQuickModeHash2(message.MessageId, exchange.InitiatorNonce,
                opened.AfterLeadingHash);
        if (!CryptographicOperations.FixedTimeEquals(hash.Data, expected))
        {
            sa.Cipher!.RestoreIv(message.MessageId, opened.SavedIv);
            ForgetUnknownExchange(sa, message.MessageId);
            Drop(IkeDropReason.BadHash, sa, $"hash of node {message.MessageId} fails");
            return false;
        }

        if (DebugOn)
        {
            Debug(sa, $" processing HASH payload. message ID = {message.MessageId}");
        }

        return true;
    }

    /// <summary>
    /// A rejected message with a message ID of no exchange of ours must not leave an IV
    /// behind: a peer (or an attacker) inventing IDs would otherwise grow the table.
    /// </summary>
    private static void ForgetUnknownExchange(IsakmpSa sa, uint messageId)
    {
        if (!sa.QuickModes.ContainsKey(messageId))
        {
            sa.Cipher?.EndExchange(messageId);
        }
    }

    private bool TryChooseTransform(IsakmpSa sa, IsakmpSecurityAssociationPayload offered,
        List<IpsecTransformSet> transformSets, out IsakmpProposalPayload proposal,
        out IsakmpTransformPayload transform, out IpsecTransformSet transformSet,
        out int lifetimeSeconds, out long lifetimeKilobytes)
    {
        foreach (var offer in offered.Proposals)
        {
            if (offer.ProtocolId != IsakmpProtocolId.Esp || offer.Spi.Length != 4)
            {
                continue;
            }

            if (DebugOn)
            {
                Debug(sa, $"Checking IPSec proposal {offer.ProposalNumber}");
            }

            foreach (var offeredTransform in offer.Transforms)
            {
                foreach (var candidate in transformSets)
                {
                    if (candidate.Matches(offeredTransform, out lifetimeSeconds,
                            out lifetimeKilobytes))
                    {
                        (proposal, transform, transformSet) =
                            (offer, offeredTransform, candidate);
                        if (DebugOn)
                        {
                            Debug(sa, "atts are acceptable.");
                        }

                        return true;
                    }
                }
            }
        }

        (proposal, transform, transformSet) = (null!, null!, null!);
        (lifetimeSeconds, lifetimeKilobytes) = (0, 0);
        return false;
    }

    /// <summary>Both ESP SAs of the exchange, each keyed from its own SPI (RFC 2409 5.5).</summary>
    private void InstallPair(QuickModeExchange exchange)
    {
        var sa = exchange.Sa;
        var transformSet = exchange.TransformSet!;
        int length = transformSet.EncryptionKeyLength + transformSet.IntegrityKeyLength;
        byte esp = (byte)IsakmpProtocolId.Esp;
        byte[] inbound = sa.Keys!.ComputeQuickModeKeymat(esp, exchange.InboundSpi,
            exchange.InitiatorNonce, exchange.ResponderNonce, length);
        byte[] outbound = sa.Keys.ComputeQuickModeKeymat(esp, exchange.OutboundSpi,
            exchange.InitiatorNonce, exchange.ResponderNonce, length);
        ipsec.Install(exchange.Tunnel, sa.Local, sa.Peer, transformSet, exchange.InboundSpi,
            inbound, exchange.OutboundSpi, outbound, exchange.LifetimeSeconds,
            exchange.LifetimeKilobytes);
        if (DebugOn)
        {
            Debug(sa, $"Successfully installed IPSEC SA (SPI:0x{exchange.InboundSpi:X8}) on " +
                exchange.Tunnel.Name);
        }
    }

    private void Begin(QuickModeExchange exchange)
    {
        var sa = exchange.Sa;
        sa.QuickModes[exchange.MessageId] = exchange;
        quickModeCounts[sa.Peer] = quickModeCounts.GetValueOrDefault(sa.Peer) + 1;
        exchange.RetransmitTimer = new SimTimer(node.Scheduler,
            () => OnQuickModeRetransmit(exchange));
    }

    /// <summary>The exchange is over; IOS purges the node a minute later.</summary>
    private void Finish(QuickModeExchange exchange, string reason)
    {
        var sa = exchange.Sa;
        EndQuickMode(exchange);
        if (DebugOn)
        {
            Debug(sa, $"deleting node {exchange.MessageId} error FALSE reason \"{reason}\"");
        }

        node.Scheduler.Schedule(PurgeDelay, () =>
        {
            sa.QuickModes.Remove(exchange.MessageId);
            sa.Cipher?.EndExchange(exchange.MessageId);
        });
    }

    private void EndQuickMode(QuickModeExchange exchange)
    {
        var peer = exchange.Sa.Peer;
        exchange.RetransmitTimer?.Stop();
        if (!exchange.IsDone)
        {
            ipsec.ReleaseSpi(exchange.InboundSpi);
        }

        if (quickModeCounts.TryGetValue(peer, out int count))
        {
            if (count <= 1)
            {
                quickModeCounts.Remove(peer);
            }
            else
            {
                quickModeCounts[peer] = count - 1;
            }
        }
    }

    private void OnQuickModeRetransmit(QuickModeExchange exchange)
    {
        var sa = exchange.Sa;
        if (exchange.IsDone || sa.IsDeleted || exchange.LastSent is null)
        {
            return;
        }

        if (exchange.RetransmitCount >= MaximumRetransmissions)
        {
            if (DebugOn)
            {
                Debug(sa, $"deleting node {exchange.MessageId} error TRUE reason " +
                    "\"Death by retransmission P2\"");
            }

            EndQuickMode(exchange);
            sa.QuickModes.Remove(exchange.MessageId);
            return;
        }

        exchange.RetransmitCount++;
        if (DebugOn)
        {
            Debug(sa, $" retransmitting phase 2 QM_IDLE       {exchange.MessageId} ...");
        }

        Send(sa, exchange.LastSent, "QM_IDLE");
        exchange.RetransmitTimer!.Start(RetransmitInterval);
    }

    private List<IpsecTransformSet> TransformSetsOf(List<string> names)
    {
        var sets = new List<IpsecTransformSet>();
        foreach (string name in names)
        {
            if (ipsec.FindTransformSet(name) is { } transformSet)
            {
                sets.Add(transformSet);
            }
        }

        return sets;
    }

    private static IsakmpHashPayload EmptyHash(IsakmpSa sa) =>
        new() { Data = new byte[sa.Keys!.Hash.OutputLength()] };

    private static byte[] SpiBytes(uint spi)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, spi);
        return bytes;
    }

    /// <summary>The shorter of our lifetime and the peer's, zero meaning "not offered".</summary>
    private static int Shorter(int own, int offered) => offered > 0 ? Math.Min(own, offered) : own;

    private static long Shorter(long own, long offered) =>
        offered > 0 ? Math.Min(own, offered) : own;
}
