namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// Where a Main Mode exchange stands, in IOS's internal names (IKE_I_MM1 … IKE_R_MM4,
/// IKE_P1_COMPLETE); <see cref="IsakmpSaStateNames"/> maps them to what
/// `show crypto isakmp sa` prints.
/// </summary>
public enum IsakmpSaState
{
    /// <summary>Initiator sent message 1: MM_NO_STATE until the peer answers.</summary>
    InitiatorMm1,

    /// <summary>Initiator sent message 3: MM_SA_SETUP.</summary>
    InitiatorMm3,

    /// <summary>Initiator sent message 5: MM_KEY_EXCH until message 6 authenticates.</summary>
    InitiatorMm5,

    /// <summary>Responder sent message 2: MM_SA_SETUP.</summary>
    ResponderMm2,

    /// <summary>Responder sent message 4: MM_KEY_EXCH (a wrong key stops here).</summary>
    ResponderMm4,

    /// <summary>Phase 1 complete: QM_IDLE.</summary>
    Complete,

    /// <summary>
    /// Deleted, listed "ACTIVE (deleted)" until purged: IOS's IKE_DEST_SA, which `show
    /// crypto isakmp sa` prints as MM_NO_STATE whatever state the SA was in (the lab log's
    /// hub after `clear crypto isakmp`).
    /// </summary>
    Deleted,
}

/// <summary>IOS's names for <see cref="IsakmpSaState"/>.</summary>
public static class IsakmpSaStateNames
{
    /// <summary>The state column of `show crypto isakmp sa`.</summary>
    public static string ShowName(this IsakmpSaState state) => state switch
    {
        IsakmpSaState.InitiatorMm1 or IsakmpSaState.Deleted => "MM_NO_STATE",
        IsakmpSaState.InitiatorMm3 or IsakmpSaState.ResponderMm2 => "MM_SA_SETUP",
        IsakmpSaState.InitiatorMm5 or IsakmpSaState.ResponderMm4 => "MM_KEY_EXCH",
        _ => "QM_IDLE",
    };

    /// <summary>The "Old State = … New State = …" names of `debug crypto isakmp`.</summary>
    public static string DebugName(this IsakmpSaState state) => state switch
    {
        IsakmpSaState.InitiatorMm1 => "IKE_I_MM1",
        IsakmpSaState.InitiatorMm3 => "IKE_I_MM3",
        IsakmpSaState.InitiatorMm5 => "IKE_I_MM5",
        IsakmpSaState.ResponderMm2 => "IKE_R_MM2",
        IsakmpSaState.ResponderMm4 => "IKE_R_MM4",
        IsakmpSaState.Deleted => "IKE_DEST_SA",
        _ => "IKE_P1_COMPLETE",
    };
}
