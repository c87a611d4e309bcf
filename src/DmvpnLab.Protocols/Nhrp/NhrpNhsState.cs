namespace DmvpnLab.Protocols.Nhrp;

/// <summary>An NHS as `show ip nhrp nhs` marks it: E, or RE once it has answered.</summary>
public enum NhrpNhsState
{
    /// <summary>E: registrations are sent and no reply has come yet.</summary>
    Expecting,

    /// <summary>RE: the server answers (and further replies are expected).</summary>
    Responding,
}
