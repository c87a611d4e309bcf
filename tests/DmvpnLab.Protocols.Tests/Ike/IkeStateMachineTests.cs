using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Tests.Ike;

/// <summary>The IKEv1 exchanges, grouped by the state an SA is in when something happens.</summary>
public class IkeStateMachineTests
{
    public class Idle
    {
        [Fact]
        public void Request_StartsMainModeAsInitiator_MmNoStateWithoutConnId()
        {
            var pair = new ProtectedPair();

            pair.RequestFromA();

            var sa = ProtectedPair.Single(pair.AIke);
            Assert.True(sa.IsInitiator);
            Assert.Equal(IsakmpSaState.InitiatorMm1, sa.State);
            Assert.Equal("MM_NO_STATE", sa.State.ShowName());
            Assert.Equal(0, sa.ConnId);
            Assert.True(pair.AIke.IsNegotiating);
        }

        [Fact]
        public void SecondRequestWhileNegotiating_JoinsTheSameSa()
        {
            var pair = new ProtectedPair();

            pair.RequestFromA();
            pair.RequestFromA();
            pair.PingFromA(1);
            pair.Run(0.003);

            Assert.Single(pair.AIke.SecurityAssociations);
            Assert.Single(pair.IsakmpMessages(ProtectedPair.AAddress));
        }

        [Fact]
        public void FirstMessage_OffersThePolicyAndIosVendorIds()
        {
            var pair = new ProtectedPair();

            pair.RequestFromA();
            pair.Run(0.003);

            byte[] first = Assert.Single(pair.IsakmpMessages(ProtectedPair.AAddress));
            Assert.True(IsakmpMessage.TryParse(first, out var message, out _));
            var sa = Assert.IsType<IsakmpSecurityAssociationPayload>(message!.Payloads[0]);
            var transform = Assert.Single(Assert.Single(sa.Proposals).Transforms);
            var encryption = transform.Find((ushort)IkeAttributeType.EncryptionAlgorithm);
            Assert.Equal(5, encryption!.BasicValue);
            Assert.Equal(1, transform.Find((ushort)IkeAttributeType.HashAlgorithm)!.BasicValue);
            Assert.Equal(2, transform.Find((ushort)IkeAttributeType.GroupDescription)!.BasicValue);
            Assert.True(transform.Find((ushort)IkeAttributeType.LifeDuration)!.TryGetInteger(
                out ulong life));
            Assert.Equal(86400UL, life);
            Assert.Equal(4, message.Payloads.Count(p => p is IsakmpVendorIdPayload));
        }
    }

    public class InitiatorMm1
    {
        [Fact]
        public void PeerUnreachable_RetransmitsFiveTimesEveryTenSecondsThenDeletes()
        {
            var pair = new ProtectedPair();
            pair.WarmUpArp();
            pair.Link.LossProbability = 1;

            pair.RequestFromA();
            pair.Run(55);
            var sa = ProtectedPair.Single(pair.AIke);
            Assert.Equal(6, pair.IsakmpMessages().Count);
            Assert.Equal("MM_NO_STATE", sa.State.ShowName());
            Assert.False(sa.IsDeleted);

            pair.Run(10);
            Assert.True(sa.IsDeleted);
            Assert.False(pair.AIke.IsNegotiating);

            pair.Run(61);
            Assert.Empty(pair.AIke.SecurityAssociations);
        }
    }

    public class ResponderMm2
    {
        [Fact]
        public void AfterMessage1_ResponderAnswersMmSaSetup()
        {
            var pair = new ProtectedPair();
            pair.RequestFromA();

            pair.Scheduler.RunUntil(() => pair.BIke.SecurityAssociations.Count == 1,
                TimeSpan.FromSeconds(1));

            var responder = ProtectedPair.Single(pair.BIke);
            Assert.False(responder.IsInitiator);
            Assert.Equal("MM_SA_SETUP", responder.State.ShowName());
            Assert.Equal(pair.AIke.SecurityAssociations[0].InitiatorCookie,
                responder.InitiatorCookie);
        }

        [Fact]
        public void NoAcceptablePolicy_DroppedAndCounted()
        {
            var pair = new ProtectedPair();
            pair.BIke.Policies[1].Hash = IkeHashAlgorithm.Sha;

            pair.RequestFromA();
            pair.Run(1);

            Assert.Empty(pair.BIke.SecurityAssociations);
            Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.NoProposalChosen));
            Assert.Equal("MM_NO_STATE", ProtectedPair.Single(pair.AIke).State.ShowName());
        }
    }

    public class KeyExchange
    {
        [Fact]
        public void WrongPreSharedKey_BothStayInMmKeyExch_ResponderCountsTheBadMessage()
        {
            var pair = new ProtectedPair(keyA: "wrong-key");

            pair.RequestFromA();
            pair.Run(25);

            Assert.Equal("MM_KEY_EXCH", ProtectedPair.Single(pair.AIke).State.ShowName());
            Assert.Equal("MM_KEY_EXCH", ProtectedPair.Single(pair.BIke).State.ShowName());
            long bad = pair.BIke.GetDropCount(IkeDropReason.DecryptionFailed)
                + pair.BIke.GetDropCount(IkeDropReason.BadHash)
                + pair.BIke.GetDropCount(IkeDropReason.UnexpectedMessage);
            Assert.True(bad >= 3, $"{bad} bad messages counted");
            Assert.Empty(pair.AIpsec.Flows);
        }

        [Fact]
        public void KeysDerived_ConnIdsFrom1001()
        {
            var pair = new ProtectedPair();

            pair.RequestFromA();
            pair.Run(1);

            Assert.Equal(1001, ProtectedPair.Single(pair.AIke).ConnId);
            Assert.Equal(1001, ProtectedPair.Single(pair.BIke).ConnId);
        }
    }

    public class InitiatorMm5
    {
        [Fact]
        public void Message6Lost_InitiatorRetransmitsAndResponderResendsIt()
        {
            var pair = new ProtectedPair();
            pair.RequestFromA();
            pair.Scheduler.RunUntil(
                () => pair.AIke.SecurityAssociations[0].State == IsakmpSaState.InitiatorMm5,
                TimeSpan.FromSeconds(1));
            pair.Link.LossProbability = 1;
            pair.Scheduler.RunUntil(
                () => pair.BIke.SecurityAssociations[0].State == IsakmpSaState.Complete,
                TimeSpan.FromSeconds(1));
            pair.Run(0.1);
            pair.Link.LossProbability = 0;
            Assert.Equal("MM_KEY_EXCH", ProtectedPair.Single(pair.AIke).State.ShowName());

            pair.Run(11);

            Assert.Equal("QM_IDLE", ProtectedPair.Single(pair.AIke).State.ShowName());
            Assert.Equal(1, pair.BIke.GetDropCount(IkeDropReason.Duplicate));
            Assert.NotNull(pair.AIpsec.FindFlow(ProtectedPair.BAddress)?.Current);
        }
    }

    public class Complete
    {
        [Fact]
        public void MainAndQuickMode_BothQmIdle_SpisAndKeysMirror()
        {
            var pair = new ProtectedPair();

            pair.RequestFromA();
            pair.Run(1);

            Assert.Equal("QM_IDLE", ProtectedPair.Single(pair.AIke).State.ShowName());
            Assert.Equal("QM_IDLE", ProtectedPair.Single(pair.BIke).State.ShowName());
            Assert.False(pair.AIke.IsNegotiating || pair.BIke.IsNegotiating);
            var a = pair.AIpsec.FindFlow(ProtectedPair.BAddress)!.Current!;
            var b = pair.BIpsec.FindFlow(ProtectedPair.AAddress)!.Current!;
            Assert.Equal(a.Inbound.Spi, b.Outbound.Spi);
            Assert.Equal(a.Outbound.Spi, b.Inbound.Spi);
            Assert.Equal(a.Inbound.EncryptionKey.ToArray(), b.Outbound.EncryptionKey.ToArray());
            Assert.Equal(a.Outbound.IntegrityKey.ToArray(), b.Inbound.IntegrityKey.ToArray());
            Assert.NotEqual(a.Inbound.EncryptionKey.ToArray(), a.Outbound.EncryptionKey.ToArray());
            Assert.Equal(86400, a.LifetimeSeconds);
            Assert.Equal(4_608_000, a.LifetimeKilobytes);
        }

        [Fact]
        public void ClearCryptoSa_DeleteReachesThePeer_NextPacketRenegotiatesQuickModeOnly()
        {
            var pair = new ProtectedPair();
            pair.RequestFromA();
            pair.Run(1);

            pair.AIpsec.ClearAll();
            pair.Run(1);

            Assert.Null(pair.AIpsec.FindFlow(ProtectedPair.BAddress)!.Current);
            Assert.Null(pair.BIpsec.FindFlow(ProtectedPair.AAddress)!.Current);
            pair.PingFromA(1);
            pair.Run(1);
            Assert.NotNull(pair.AIpsec.FindFlow(ProtectedPair.BAddress)!.Current);
            Assert.Single(pair.AIke.SecurityAssociations);
        }

        [Fact]
        public void ClearCryptoIsakmp_PeerDeletesItsSaToo_IpsecSasStay()
        {
            var pair = new ProtectedPair();
            pair.RequestFromA();
            pair.Run(1);

            pair.AIke.ClearAll();
            pair.Run(1);

            Assert.True(ProtectedPair.Single(pair.AIke).IsDeleted);
            Assert.True(ProtectedPair.Single(pair.BIke).IsDeleted);
            Assert.NotNull(pair.BIpsec.FindFlow(ProtectedPair.AAddress)!.Current);
        }

        [Fact]
        public void IsakmpLifetime_ExpiresAndDeletes()
        {
            var pair = new ProtectedPair();
            pair.AIke.Policies[1].LifetimeSeconds = 600;
            pair.RequestFromA();
            pair.Run(1);
            Assert.Equal(600, ProtectedPair.Single(pair.BIke).LifetimeSeconds);

            pair.Run(600);

            Assert.True(ProtectedPair.Single(pair.AIke).IsDeleted);
            Assert.True(ProtectedPair.Single(pair.BIke).IsDeleted);
        }
    }
}
