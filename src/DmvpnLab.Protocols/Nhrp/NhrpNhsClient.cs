using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// The Next Hop Client's side of one `ip nhrp nhs`: it registers (RFC 2332 5.2.3), retries
/// with IOS's back-off while unanswered, and re-registers every registration interval once
/// answered.
/// </summary>
/// <remarks>
/// Back-off: the nhrp.pcapng capture (refdata) shows an unanswered request repeated after
/// about 1, 2, 4, 8, 16, 32 and then 64 s, and `show ip nhrp nhs detail` prints the current
/// step ("Ret 64"). IOS adds a little jitter to those steps; this one does not.
/// IOS's rule for declaring an answering NHS down is not documented; here it is three
/// unanswered retransmissions of one request, logged as IOS logs a registration failure.
/// </remarks>
public sealed class NhrpNhsClient
{
    /// <summary>The first retransmission timeout, seconds.</summary>
    public const int InitialRetransmitSeconds = 1;

    /// <summary>The longest retransmission timeout, seconds ("Ret 64").</summary>
    public const int MaximumRetransmitSeconds = 64;

    /// <summary>Unanswered retransmissions after which a responding NHS is declared down.</summary>
    public const int RetransmissionsBeforeDown = 3;

    private readonly NhrpInterface owner;
    private readonly SimTimer registrationTimer;

    public NhrpNhsClient(NhrpInterface owner, Ipv4Address address)
    {
        this.owner = owner;
        Address = address;
        registrationTimer = new SimTimer(owner.Node.Scheduler, OnRegistrationTimer);
    }

    /// <summary>The NHS's tunnel (protocol) address.</summary>
    public Ipv4Address Address { get; }

    /// <summary>`nbma A.B.C.D` of the `ip nhrp nhs` command, if given.</summary>
    public Ipv4Address? ConfiguredNbma { get; set; }

    /// <summary>`multicast` of the `ip nhrp nhs … nbma …` command.</summary>
    public bool ConfiguredMulticast { get; set; }

    public NhrpNhsState State { get; private set; } = NhrpNhsState.Expecting;

    /// <summary>When the NHS last changed state (for `show dmvpn`'s UpDn column).</summary>
    public long? StateChangedAtNanoseconds { get; private set; }

    public long RequestsSent { get; private set; }

    public long RequestsFailed { get; private set; }

    public long RepliesReceived { get; private set; }

    public long? LastReplyAtNanoseconds { get; private set; }

    public uint CurrentRequestId { get; private set; }

    public uint? AcknowledgedRequestId { get; private set; }

    /// <summary>A request is out and unanswered.</summary>
    public bool AwaitingReply { get; private set; }

    /// <summary>The current retransmission timeout, seconds.</summary>
    public int RetransmitSeconds { get; private set; } = InitialRetransmitSeconds;

    public int UnansweredRetransmissions { get; private set; }

    public bool IsRunning => registrationTimer.IsRunning;

    /// <summary>Registers now (or as soon as the tunnel can send).</summary>
    public void Start() => registrationTimer.Start(TimeSpan.Zero);

    public void Stop()
    {
        registrationTimer.Stop();
        AwaitingReply = false;
    }

    /// <summary>`shutdown` on the tunnel: the NHS is down and nothing is sent.</summary>
    public void Shutdown()
    {
        Stop();
        if (State == NhrpNhsState.Expecting && StateChangedAtNanoseconds is null)
            return;

        State = NhrpNhsState.Expecting;
        StateChangedAtNanoseconds = owner.Node.Scheduler.NowNanoseconds;
    }

    /// <summary>The tunnel came up: a fresh request now, the back-off from its start.</summary>
    public void Restart()
    {
        AwaitingReply = false;
        UnansweredRetransmissions = 0;
        RetransmitSeconds = InitialRetransmitSeconds;
        Start();
    }

    private void OnRegistrationTimer()
    {
        if (!owner.CanRegisterWith(this, out var nbma))
        {
            registrationTimer.Start(TimeSpan.FromSeconds(InitialRetransmitSeconds));
            return;
        }

        if (AwaitingReply)
        {
            UnansweredRetransmissions++;
            RetransmitSeconds = Math.Min(RetransmitSeconds * 2, MaximumRetransmitSeconds);
            if (State == NhrpNhsState.Responding &&
                UnansweredRetransmissions >= RetransmissionsBeforeDown)
                GoDown(nbma);
        }
        else
        {
            CurrentRequestId = owner.Protocol.NextRequestId();
            RetransmitSeconds = InitialRetransmitSeconds;
            UnansweredRetransmissions = 0;
            AwaitingReply = true;
        }

        // A request the tunnel cannot send (its source link is down) is not counted as
        // sent but runs the same back-off, so a responding NHS goes down on the schedule
        // of a lost request.
        if (owner.SendRegistrationRequest(this, nbma))
            RequestsSent++;

        registrationTimer.Start(TimeSpan.FromSeconds(RetransmitSeconds));
    }

    /// <summary>
    /// A Registration Reply for <paramref name="requestId"/> with the CIE code
    /// <paramref name="code"/>; false when it answers nothing outstanding.
    /// </summary>
    public bool OnReply(uint requestId, NhrpCieCode code, Ipv4Address nbma)
    {
        if (!AwaitingReply || requestId != CurrentRequestId)
            return false;

        long now = owner.Node.Scheduler.NowNanoseconds;
        AwaitingReply = false;
        RepliesReceived++;
        LastReplyAtNanoseconds = now;
        AcknowledgedRequestId = requestId;
        if (code != NhrpCieCode.Success)
        {
            // RFC 2332 5.2.4: the server refused; try again after the back-off step.
            RequestsFailed++;
            registrationTimer.Start(TimeSpan.FromSeconds(RetransmitSeconds));
            return true;
        }

        if (State != NhrpNhsState.Responding)
        {
            State = NhrpNhsState.Responding;
            StateChangedAtNanoseconds = now;
            owner.OnNhsUp(this, nbma);
        }

        registrationTimer.Start(owner.Config.RegistrationInterval);
        return true;
    }

    private void GoDown(Ipv4Address nbma)
    {
        State = NhrpNhsState.Expecting;
        StateChangedAtNanoseconds = owner.Node.Scheduler.NowNanoseconds;
        owner.OnNhsDown(this, nbma);
    }
}
