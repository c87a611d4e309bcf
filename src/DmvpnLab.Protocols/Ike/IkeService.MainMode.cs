// RFC 2409 5 (Main Mode with pre-shared keys, 5.4):
//
//    Initiator                          Responder
//   -----------                        -----------
//    HDR, SA                     -->                         (MM_NO_STATE)
//                                <--    HDR, SA              (MM_SA_SETUP)
//    HDR, KE, Ni                 -->
//                                <--    HDR, KE, Nr          (MM_KEY_EXCH)
//    HDR*, IDii, HASH_I          -->
//                                <--    HDR*, IDir, HASH_R   (QM_IDLE)
//
// IOS adds vendor IDs (NAT-T, Unity, DPD, XAUTH) and, once both ends said RFC 3947, NAT-D
// payloads to messages 3 and 4; message 5 carries INITIAL-CONTACT when it has no other SA
// with the peer (RFC 2407 4.6.3.3).
using System.Security.Cryptography;
using System.Text;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Protocols.Ike.Crypto;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

public sealed partial class IkeService
{
    private void StartMainMode(TunnelInterface tunnel, Ipv4Address peer)
    {
        var key = FindKey(peer);
        if (key is null)
        {
            if (DebugOn)
            {
                Debug(null, $"No pre-shared key with {peer}!");
            }

            return;
        }

        var transforms = new List<IsakmpTransformPayload>();
        foreach (var policy in Policies.Values)
        {
            if (policy.IsUsable)
            {
                transforms.Add(policy.ToTransform((byte)(transforms.Count + 1)));
            }
        }

        if (transforms.Count == 0)
        {
            if (DebugOn)
            {
                Debug(null, "no usable ISAKMP policy (pre-share with 3des or aes)");
            }

            return;
        }

        var sa = new IsakmpSa(tunnel.SourceAddress, peer, isInitiator: true, NewCookie(), Now)
        {
            PreSharedKey = Encoding.ASCII.GetBytes(key.Key),
            State = IsakmpSaState.InitiatorMm1,
        };
        sa.PendingTunnels.Add(tunnel);
        Register(sa);

        var saPayload = new IsakmpSecurityAssociationPayload
        {
            Proposals = [new IsakmpProposalPayload { Transforms = transforms }],
        };
        sa.InitiatorSaBody = IkePayloads.Body(saPayload);
        var message = new IsakmpMessage
        {
            InitiatorCookie = sa.InitiatorCookie,
            ExchangeType = IsakmpExchangeType.IdentityProtection,
            Payloads = [saPayload, .. IkePayloads.NatTraversalVendorIds()],
        };
        if (DebugOn)
        {
            Debug(sa, $"found peer pre-shared key matching {peer}");
            Debug(sa, " constructed NAT-T vendor-rfc3947 ID");
            Debug(sa, " constructed NAT-T vendor-07 ID");
            Debug(sa, " constructed NAT-T vendor-03 ID");
            Debug(sa, " constructed NAT-T vendor-02 ID");
            DebugTransition(sa, "IKE_MESG_FROM_IPSEC, IKE_SA_REQ_MM", "IKE_READY");
            Debug(sa, " beginning Main Mode exchange");
        }

        SendAndAwait(sa, Emit(message));
    }

    /// <summary>Message 1 from a new peer: answer as responder with the policy chosen.</summary>
    private void OnMainModeStart(Ipv4Address local, Ipv4Address peer, IsakmpMessage message,
        byte[] datagram)
    {
        if (DebugOn)
        {
            node.Log.Debug(DebugCategory, $"ISAKMP (0): received packet from {peer} dport " +
                $"{IsakmpPort} sport {IsakmpPort} Global (N) NEW SA");
        }

        var key = FindKey(peer);
        if (key is null)
        {
            Drop(IkeDropReason.NoPreSharedKey, null, $"No pre-shared key with {peer}!");
            return;
        }

        var offered = IkePayloads.Find<IsakmpSecurityAssociationPayload>(message.Payloads);
        if (offered is null)
        {
            Drop(IkeDropReason.UnexpectedMessage, null, "message 1 without an SA payload");
            return;
        }

        if (!TryChoosePolicy(offered, out var proposal, out var transform, out var policy,
                out int lifetime))
        {
            Drop(IkeDropReason.NoProposalChosen, null, "atts are not acceptable.");
            return;
        }

        var sa = new IsakmpSa(local, peer, isInitiator: false, NewCookie(), Now)
        {
            InitiatorCookie = message.InitiatorCookie,
            PreSharedKey = Encoding.ASCII.GetBytes(key.Key),
            Policy = policy,
            LifetimeSeconds = lifetime,
            InitiatorSaBody = IkePayloads.Body(offered),
            NatTraversal = IkePayloads.OffersNatTraversal(message.Payloads),
            State = IsakmpSaState.ResponderMm1,
            LastReceived = datagram,
        };
        Register(sa);
        DebugTransition(sa, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", "IKE_READY");
        if (DebugOn)
        {
            Debug(sa, $"found peer pre-shared key matching {peer}");
            Debug(sa, $"Checking ISAKMP transform {transform.TransformNumber} against " +
                $"priority {policy.Priority} policy");
            Debug(sa, "atts are acceptable. Next payload is 0");
        }

        var chosen = new IsakmpSecurityAssociationPayload
        {
            Proposals =
            [
                new IsakmpProposalPayload
                {
                    ProposalNumber = proposal.ProposalNumber,
                    Transforms = [transform],
                },
            ],
        };
        var reply = new IsakmpMessage
        {
            InitiatorCookie = sa.InitiatorCookie,
            ResponderCookie = sa.ResponderCookie,
            ExchangeType = IsakmpExchangeType.IdentityProtection,
            Payloads = sa.NatTraversal
                ? [chosen, IkePayloads.VendorId(IkePayloads.NatTRfc3947)]
                : [chosen],
        };
        Step(sa, ProcessMainMode, IsakmpSaState.ResponderMm1);
        SendAndAwait(sa, Emit(reply));
        Step(sa, ProcessComplete, IsakmpSaState.ResponderMm2);
    }

    /// <summary>
    /// RFC 2409 5: the responder picks one transform it accepts. IOS tries its policies
    /// in priority order against the offered transforms.
    /// </summary>
    private bool TryChoosePolicy(IsakmpSecurityAssociationPayload offered,
        out IsakmpProposalPayload proposal, out IsakmpTransformPayload transform,
        out IsakmpPolicy policy, out int lifetime)
    {
        foreach (var candidate in Policies.Values)
        {
            if (!candidate.IsUsable)
            {
                continue;
            }

            foreach (var offer in offered.Proposals)
            {
                if (offer.ProtocolId != IsakmpProtocolId.Isakmp)
                {
                    continue;
                }

                foreach (var offeredTransform in offer.Transforms)
                {
                    if (candidate.Matches(offeredTransform, out lifetime))
                    {
                        (proposal, transform, policy) = (offer, offeredTransform, candidate);
                        return true;
                    }
                }
            }
        }

        (proposal, transform, policy, lifetime) = (null!, null!, null!, 0);
        return false;
    }

    private void OnMainMode(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        if (sa.LastReceived is { } last && last.AsSpan().SequenceEqual(datagram))
        {
            OnDuplicate(sa);
            return;
        }

        switch (sa.State)
        {
            case IsakmpSaState.InitiatorMm1 when !message.IsEncrypted:
                OnMessage2(sa, message, datagram);
                break;
            case IsakmpSaState.ResponderMm2 when !message.IsEncrypted:
                OnMessage3(sa, message, datagram);
                break;
            case IsakmpSaState.InitiatorMm3 when !message.IsEncrypted:
                OnMessage4(sa, message, datagram);
                break;
            case IsakmpSaState.ResponderMm4 when message.IsEncrypted:
                OnMessage5(sa, message, datagram);
                break;
            case IsakmpSaState.InitiatorMm5 when message.IsEncrypted:
                OnMessage6(sa, message, datagram);
                break;
            default:
                Drop(IkeDropReason.UnexpectedMessage, sa,
                    $"Main Mode message not expected in {sa.State.DebugName()}");
                break;
        }
    }

    /// <summary>
    /// A retransmission of what we already processed: the peer lost our answer. If we are
    /// waiting for nothing we re-send it; otherwise our own timer will (IOS: "retransmission
    /// skipped").
    /// </summary>
    private void OnDuplicate(IsakmpSa sa)
    {
        drops[(int)IkeDropReason.Duplicate]++;
        if (DebugOn)
        {
            Debug(sa, "phase 1 packet is a duplicate of a previous packet.");
        }

        if (sa.RetransmitTimer!.IsRunning || sa.LastSent is null)
        {
            if (DebugOn)
            {
                Debug(sa, "retransmission skipped for phase 1");
            }

            return;
        }

        Send(sa, sa.LastSent, sa.State.ShowName());
    }

    private void OnMessage2(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        var offered = IkePayloads.Find<IsakmpSecurityAssociationPayload>(message.Payloads);
        if (offered is not { Proposals: [{ Transforms: [var transform] }] }
            || message.ResponderCookie == 0)
        {
            Drop(IkeDropReason.UnexpectedMessage, sa, "message 2 without one chosen transform");
            return;
        }

        IsakmpPolicy? chosen = null;
        int lifetime = 0;
        foreach (var policy in Policies.Values)
        {
            if (policy.IsUsable && policy.Matches(transform, out lifetime))
            {
                chosen = policy;
                break;
            }
        }

        if (chosen is null)
        {
            Drop(IkeDropReason.NoProposalChosen, sa, "atts are not acceptable.");
            return;
        }

        sa.ResponderCookie = message.ResponderCookie;
        sa.Policy = chosen;
        sa.LifetimeSeconds = lifetime;
        sa.NatTraversal = IkePayloads.OffersNatTraversal(message.Payloads);
        sa.LastReceived = datagram;
        sa.RetransmitTimer!.Stop();
        Step(sa, FromPeer, IsakmpSaState.InitiatorMm2);
        Step(sa, ProcessMainMode, IsakmpSaState.InitiatorMm2);

        var group = ModpGroup.FromNumber(chosen.Group)!;
        sa.KeyPair = DiffieHellman.Default.GenerateKeyPair(group, node.Scheduler.Random);
        sa.InitiatorPublicValue = sa.KeyPair.PublicValue;
        sa.InitiatorNonce = NewNonce();
        SendAndAwait(sa, BuildKeyExchangeMessage(sa, sa.InitiatorPublicValue,
            sa.InitiatorNonce, sa.InitiatorCookie));
        Step(sa, ProcessComplete, IsakmpSaState.InitiatorMm3);
    }

    private void OnMessage3(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        if (!TryReadKeyExchange(sa, message, out byte[] publicValue, out byte[] nonce))
        {
            return;
        }

        Step(sa, FromPeer, IsakmpSaState.ResponderMm3);
        sa.InitiatorPublicValue = publicValue;
        sa.InitiatorNonce = nonce;
        var group = ModpGroup.FromNumber(sa.Policy!.Group)!;
        sa.KeyPair = DiffieHellman.Default.GenerateKeyPair(group, node.Scheduler.Random);
        sa.ResponderPublicValue = sa.KeyPair.PublicValue;
        sa.ResponderNonce = NewNonce();
        if (!TryDeriveKeys(sa, sa.InitiatorPublicValue))
        {
            sa.State = IsakmpSaState.ResponderMm2;
            return;
        }

        sa.LastReceived = datagram;
        sa.RetransmitTimer!.Stop();
        Step(sa, ProcessMainMode, IsakmpSaState.ResponderMm3);
        SendAndAwait(sa, BuildKeyExchangeMessage(sa, sa.ResponderPublicValue,
            sa.ResponderNonce, sa.ResponderCookie));
        Step(sa, ProcessComplete, IsakmpSaState.ResponderMm4);
    }

    private void OnMessage4(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        if (!TryReadKeyExchange(sa, message, out byte[] publicValue, out byte[] nonce))
        {
            return;
        }

        Step(sa, FromPeer, IsakmpSaState.InitiatorMm4);
        sa.ResponderPublicValue = publicValue;
        sa.ResponderNonce = nonce;
        if (!TryDeriveKeys(sa, sa.ResponderPublicValue))
        {
            sa.State = IsakmpSaState.InitiatorMm3;
            return;
        }

        sa.LastReceived = datagram;
        sa.RetransmitTimer!.Stop();
        Step(sa, ProcessMainMode, IsakmpSaState.InitiatorMm4);

        var id = IkePayloads.Identification(sa.Local, (byte)IpProtocol.Udp, IsakmpPort);
        byte[] hashI = sa.Keys!.ComputeHashI(sa.InitiatorPublicValue, sa.ResponderPublicValue,
            sa.InitiatorSaBody, IkePayloads.Body(id));
        var payloads = new List<IsakmpPayload> { id, new IsakmpHashPayload { Data = hashI } };
        if (!HasOtherSas(sa))
        {
            // RFC 2407 4.6.3.3: tell the peer to drop whatever it still holds for us.
            payloads.Add(new IsakmpNotificationPayload
            {
                ProtocolId = IsakmpProtocolId.Isakmp,
                NotifyMessageType = IsakmpNotifyMessageType.InitialContact,
                Spi = [.. sa.InitiatorCookieBytes, .. sa.ResponderCookieBytes],
            });
        }

        if (DebugOn)
        {
            Debug(sa, "SA is doing pre-shared key authentication using id type ID_IPV4_ADDR");
        }

        SendAndAwait(sa, BuildEncrypted(sa, IsakmpExchangeType.IdentityProtection, 0,
            IkePayloads.Emit(payloads), IsakmpPayloadType.Identification));
        Step(sa, ProcessComplete, IsakmpSaState.InitiatorMm5);
    }

    private void OnMessage5(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        if (!TryOpenAuthentication(sa, message, out var opened, out var id))
        {
            return;
        }

        byte[] expected = sa.Keys!.ComputeHashI(sa.InitiatorPublicValue,
            sa.ResponderPublicValue, sa.InitiatorSaBody, IkePayloads.Body(id));
        if (!VerifyAuthentication(sa, message, opened, expected))
        {
            return;
        }

        sa.LastReceived = datagram;
        sa.RetransmitTimer!.Stop();
        Step(sa, FromPeer, IsakmpSaState.ResponderMm5);
        DebugAuthenticated(sa);
        if (IkePayloads.Find<IsakmpNotificationPayload>(opened.Payloads) is
            { NotifyMessageType: IsakmpNotifyMessageType.InitialContact })
        {
            OnInitialContact(sa);
        }

        var ownId = IkePayloads.Identification(sa.Local, (byte)IpProtocol.Udp, IsakmpPort);
        byte[] hashR = sa.Keys.ComputeHashR(sa.InitiatorPublicValue, sa.ResponderPublicValue,
            sa.InitiatorSaBody, IkePayloads.Body(ownId));
        byte[] reply = BuildEncrypted(sa, IsakmpExchangeType.IdentityProtection, 0,
            IkePayloads.Emit([ownId, new IsakmpHashPayload { Data = hashR }]),
            IsakmpPayloadType.Identification);
        Step(sa, ProcessMainMode, IsakmpSaState.ResponderMm5);
        sa.LastSent = reply;
        Send(sa, reply, sa.State.ShowName());
        Complete(sa);
    }

    private void OnMessage6(IsakmpSa sa, IsakmpMessage message, byte[] datagram)
    {
        if (!TryOpenAuthentication(sa, message, out var opened, out var id))
        {
            return;
        }

        byte[] expected = sa.Keys!.ComputeHashR(sa.InitiatorPublicValue,
            sa.ResponderPublicValue, sa.InitiatorSaBody, IkePayloads.Body(id));
        if (!VerifyAuthentication(sa, message, opened, expected))
        {
            return;
        }

        sa.LastReceived = datagram;
        sa.RetransmitTimer!.Stop();
        Step(sa, FromPeer, IsakmpSaState.InitiatorMm6);
        DebugAuthenticated(sa);
        Step(sa, ProcessMainMode, IsakmpSaState.InitiatorMm6);
        Complete(sa);
    }

    private bool TryOpenAuthentication(IsakmpSa sa, IsakmpMessage message,
        out OpenedMessage opened, out IsakmpIdentificationPayload id)
    {
        id = null!;
        if (!TryOpen(sa, message, out opened))
        {
            // A wrong pre-shared key gives wrong keys: the body decrypts to garbage.
            LogBadMessage(sa);
            Drop(IkeDropReason.DecryptionFailed, sa, "message 5/6 does not decrypt");
            return false;
        }

        if (IkePayloads.Find<IsakmpIdentificationPayload>(opened.Payloads) is not { } found
            || IkePayloads.Find<IsakmpHashPayload>(opened.Payloads) is null)
        {
            sa.Cipher!.RestoreIv(message.MessageId, opened.SavedIv);
            LogBadMessage(sa);
            Drop(IkeDropReason.UnexpectedMessage, sa, "message 5/6 without ID and HASH");
            return false;
        }

        id = found;
        return true;
    }

    private bool VerifyAuthentication(IsakmpSa sa, IsakmpMessage message, OpenedMessage opened,
        byte[] expected)
    {
        var hash = IkePayloads.Find<IsakmpHashPayload>(opened.Payloads)!;
        if (CryptographicOperations.FixedTimeEquals(hash.Data, expected))
        {
            return true;
        }

        sa.Cipher!.RestoreIv(message.MessageId, opened.SavedIv);
        LogBadMessage(sa);
        Drop(IkeDropReason.BadHash, sa, "hash of the peer's identity does not verify");
        return false;
    }

    /// <summary>
    /// IOS's console message for a phase 1 message that fails its checks, the usual sign of
    /// a mismatched pre-shared key; once per SA, as IOS rate-limits it.
    /// </summary>
    private void LogBadMessage(IsakmpSa sa)
    {
        if (sa.BadMessageLogged)
        {
            return;
        }

        sa.BadMessageLogged = true;
        node.Log.Syslog($"%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from {sa.Peer} failed its " +
            "sanity check or is malformed");
    }

    private bool TryReadKeyExchange(IsakmpSa sa, IsakmpMessage message, out byte[] publicValue,
        out byte[] nonce)
    {
        publicValue = nonce = [];
        var ke = IkePayloads.Find<IsakmpKeyExchangePayload>(message.Payloads);
        var ni = IkePayloads.Find<IsakmpNoncePayload>(message.Payloads);
        if (ke is null || ni is null || ni.Data.Length is < 8 or > 256)
        {
            Drop(IkeDropReason.UnexpectedMessage, sa, "message without KE and nonce");
            return false;
        }

        var group = ModpGroup.FromNumber(sa.Policy!.Group)!;
        if (!DiffieHellman.IsValidPublicValue(group, ke.Data))
        {
            Drop(IkeDropReason.BadKeyExchange, sa, "Diffie-Hellman value out of range");
            return false;
        }

        if (DebugOn)
        {
            Debug(sa, " processing KE payload. message ID = 0");
            Debug(sa, " processing NONCE payload. message ID = 0");
        }

        publicValue = ke.Data;
        nonce = ni.Data;
        return true;
    }

    /// <summary>RFC 2409 5 / Appendix B: SKEYID and its children, the cipher and its IV.</summary>
    private bool TryDeriveKeys(IsakmpSa sa, byte[] peerPublicValue)
    {
        if (!DiffieHellman.Default.TryComputeSharedSecret(sa.KeyPair!, peerPublicValue,
                out byte[]? sharedSecret))
        {
            Drop(IkeDropReason.BadKeyExchange, sa, "Diffie-Hellman value out of range");
            return false;
        }

        var policy = sa.Policy!;
        sa.Keys = Ikev1KeyMaterial.FromPreSharedKey(policy.PrfHash, policy.CipherAlgorithm,
            sa.PreSharedKey, sa.InitiatorNonce, sa.ResponderNonce, sharedSecret,
            sa.InitiatorCookieBytes, sa.ResponderCookieBytes);
        byte[] iv = sa.Keys.ComputePhase1Iv(sa.InitiatorPublicValue, sa.ResponderPublicValue);
        sa.Cipher = new IsakmpCipher(sa.Keys, iv);
        AssignConnId(sa);
        keyRecords.Add(sa);
        return true;
    }

    private byte[] BuildKeyExchangeMessage(IsakmpSa sa, byte[] publicValue, byte[] nonce,
        ulong ownCookie)
    {
        var payloads = new List<IsakmpPayload>
        {
            new IsakmpKeyExchangePayload { Data = publicValue },
            new IsakmpNoncePayload { Data = nonce },
            IkePayloads.VendorId(IkePayloads.CiscoUnity),
            IkePayloads.VendorId(IkePayloads.DeadPeerDetection),
            IkePayloads.IosBoxVendorId(ownCookie, node.Scheduler.Random),
            IkePayloads.VendorId(IkePayloads.Xauth),
        };
        if (sa.NatTraversal)
        {
            var hash = sa.Policy!.PrfHash;
            payloads.Add(IkePayloads.NatDiscovery(hash, sa, sa.Peer, IsakmpPort));
            payloads.Add(IkePayloads.NatDiscovery(hash, sa, sa.Local, IsakmpPort));
        }

        return Emit(new IsakmpMessage
        {
            InitiatorCookie = sa.InitiatorCookie,
            ResponderCookie = sa.ResponderCookie,
            ExchangeType = IsakmpExchangeType.IdentityProtection,
            Payloads = payloads,
        });
    }

    private void DebugAuthenticated(IsakmpSa sa)
    {
        if (DebugOn)
        {
            Debug(sa, "SA authentication status:\n\tauthenticated");
            Debug(sa, $"SA has been authenticated with {sa.Peer}");
        }
    }

    /// <summary>
    /// Phase 1 is done: QM_IDLE, the lifetime runs, waiting tunnels get phase 2. IOS starts
    /// those Quick Modes before it logs IKE_PHASE1_COMPLETE (refdata, NAT IKE initiator).
    /// </summary>
    private void Complete(IsakmpSa sa)
    {
        Step(sa, ProcessComplete, IsakmpSaState.Complete);
        sa.CompletedAtNanoseconds = Now;
        mainModesInProgress--;
        sa.LifetimeTimer = new SimTimer(node.Scheduler,
            () => Delete(sa, "Lifetime expired", notifyPeer: true));
        sa.LifetimeTimer.Start(TimeSpan.FromSeconds(sa.LifetimeSeconds));
        foreach (var tunnel in sa.PendingTunnels.ToArray())
        {
            if (ipsec.FindFlow(sa.Peer)?.Current is null)
            {
                StartQuickMode(sa, tunnel);
            }
        }

        sa.PendingTunnels.Clear();
        Step(sa, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE", IsakmpSaState.Complete);
    }

    private bool HasOtherSas(IsakmpSa sa)
    {
        foreach (var other in sasByPeer[sa.Peer])
        {
            if (other != sa && !other.IsDeleted)
            {
                return true;
            }
        }

        return ipsec.FindFlow(sa.Peer) is { Pairs.Count: > 0 };
    }

    /// <summary>
    /// RFC 2407 4.6.3.3: the peer has no other SA with us, so what we still hold for it is
    /// stale (it rebooted or cleared). SAs established before this exchange began go.
    /// </summary>
    private void OnInitialContact(IsakmpSa sa)
    {
        if (DebugOn)
        {
            Debug(sa, $" Process initial contact,\nbring down existing phase 1 and 2 SA's " +
                $"with local {sa.Local} remote {sa.Peer} remote port {IsakmpPort}");
        }

        foreach (var other in sasByPeer[sa.Peer].ToArray())
        {
            if (other != sa && other.IsUsable
                && other.CompletedAtNanoseconds < sa.CreatedAtNanoseconds)
            {
                Delete(other, "Receive initial contact", notifyPeer: false);
            }
        }

        ipsec.RemovePairsCreatedBefore(sa.Peer, sa.CreatedAtNanoseconds);
    }
}
