// RFC 2409 5.7: Informational exchanges under an ISAKMP SA are encrypted and start with
//   HASH(1) = prf(SKEYID_a, M-ID | N/D)
// IOS sends DELETE (RFC 2408 3.15) for an IPsec SA it removes (its inbound SPI) and for
// an ISAKMP SA it clears (both cookies as a 16-byte SPI).
using System.Buffers.Binary;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

public sealed partial class IkeService
{
    /// <summary>Tells the peer an IPsec pair is gone, if an ISAKMP SA to it is up.</summary>
    public void SendDeleteFor(IpsecSaPair pair)
    {
        var sa = FindUsable(pair.Flow.Peer);
        if (sa is null)
        {
            return;
        }

        SendInformational(sa, new IsakmpDeletePayload
        {
            ProtocolId = IsakmpProtocolId.Esp,
            SpiSize = 4,
            Spis = [SpiBytes(pair.Inbound.Spi)],
        });
    }

    private void SendIsakmpDelete(IsakmpSa sa) =>
        SendInformational(sa, new IsakmpDeletePayload
        {
            ProtocolId = IsakmpProtocolId.Isakmp,
            SpiSize = 16,
            Spis = [[.. sa.InitiatorCookieBytes, .. sa.ResponderCookieBytes]],
        });

    private void SendInformational(IsakmpSa sa, IsakmpPayload payload)
    {
        uint messageId = NewMessageId();
        var payloads = new List<IsakmpPayload> { EmptyHash(sa), payload };
        byte[] plaintext = IkePayloads.Emit(payloads);
        FillLeadingHash(plaintext, sa.Keys!.ComputeInformationalHash(messageId,
            plaintext.AsSpan(payloads[0].Length)));
        if (DebugOn)
        {
            Debug(sa, $"set new node {messageId} to QM_IDLE      ");
        }

        byte[] datagram = BuildEncrypted(sa, IsakmpExchangeType.Informational, messageId,
            plaintext, IsakmpPayloadType.Hash);
        Send(sa, datagram, "QM_IDLE");
        sa.Cipher!.EndExchange(messageId);
        if (DebugOn)
        {
            Debug(sa, $"purging node {messageId}");
        }
    }

    private void OnInformational(IsakmpSa sa, IsakmpMessage message)
    {
        if (!message.IsEncrypted || sa.Cipher is null)
        {
            // Unauthenticated notifications could tear SAs down; IOS ignores them too.
            Drop(IkeDropReason.UnexpectedMessage, sa, "unencrypted informational");
            return;
        }

        if (!TryOpen(sa, message, out var opened))
        {
            sa.Cipher.EndExchange(message.MessageId);
            Drop(IkeDropReason.DecryptionFailed, sa, "informational does not decrypt");
            return;
        }

        var expected = sa.Keys!.ComputeInformationalHash(message.MessageId,
            opened.AfterLeadingHash);
        if (opened.LeadingHash is not { } hash
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                hash.Data, expected))
        {
            sa.Cipher.EndExchange(message.MessageId);
            Drop(IkeDropReason.BadHash, sa, "informational hash fails");
            return;
        }

        sa.Cipher.EndExchange(message.MessageId);
        foreach (var payload in opened.Payloads)
        {
            if (payload is IsakmpDeletePayload delete)
            {
                OnDelete(sa, delete);
            }
        }
    }

    private void OnDelete(IsakmpSa sa, IsakmpDeletePayload delete)
    {
        if (DebugOn)
        {
            Debug(sa, " processing DELETE payload. message ID = 0");
        }

        if (delete is { ProtocolId: IsakmpProtocolId.Esp, SpiSize: 4 })
        {
            foreach (byte[] spi in delete.Spis)
            {
                uint value = BinaryPrimitives.ReadUInt32BigEndian(spi);
                if (ipsec.RemoveByOutboundSpi(sa.Peer, value) && DebugOn)
                {
                    Debug(sa, $"Enqueued KEY_MGR_DELETE_SAS for IPSEC SA (SPI:0x{value:X8})");
                }
            }

            return;
        }

        if (delete is { ProtocolId: IsakmpProtocolId.Isakmp, SpiSize: 16 })
        {
            foreach (byte[] cookies in delete.Spis)
            {
                ulong initiator = BinaryPrimitives.ReadUInt64BigEndian(cookies);
                if (sas.TryGetValue((sa.Peer, initiator), out var target))
                {
                    Delete(target, "Receive DELETE", notifyPeer: false);
                }
            }
        }
    }

    private IsakmpSa? FindUsable(Wire.Ipv4Address peer)
    {
        if (!sasByPeer.TryGetValue(peer, out var list))
        {
            return null;
        }

        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].IsUsable)
            {
                return list[i];
            }
        }

        return null;
    }
}
