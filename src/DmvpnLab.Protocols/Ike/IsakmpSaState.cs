namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// Where a Main Mode exchange stands, in IOS's internal states (IKE_I_MM1 … IKE_I_MM6,
/// IKE_R_MM1 … IKE_R_MM5, IKE_P1_COMPLETE, IKE_DEST_SA). An SA rests in the odd initiator
/// and even responder states while it waits for the peer; the others last while a message
/// is processed and the answer sent (refdata debug-crypto-isakmp.txt).
/// <see cref="IsakmpSaStateNames"/> maps them to what `show crypto isakmp sa` prints.
/// </summary>
public enum IsakmpSaState
{
    /// <summary>Initiator sent message 1: MM_NO_STATE until the peer answers.</summary>
    InitiatorMm1,

    /// <summary>Initiator processing message 2 and sending message 3.</summary>
    InitiatorMm2,

    /// <summary>Initiator sent message 3: MM_SA_SETUP.</summary>
    InitiatorMm3,

    /// <summary>Initiator processing message 4 and sending message 5.</summary>
    InitiatorMm4,

    /// <summary>Initiator sent message 5: MM_KEY_EXCH until message 6 authenticates.</summary>
    InitiatorMm5,

    /// <summary>Initiator processing message 6.</summary>
    InitiatorMm6,

    /// <summary>Responder processing message 1 and sending message 2.</summary>
    ResponderMm1,

    /// <summary>Responder sent message 2: MM_SA_SETUP.</summary>
    ResponderMm2,

    /// <summary>Responder processing message 3 and sending message 4.</summary>
    ResponderMm3,

    /// <summary>Responder sent message 4: MM_KEY_EXCH (a wrong key stops here).</summary>
    ResponderMm4,

    /// <summary>Responder processing message 5 and sending message 6.</summary>
    ResponderMm5,

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
    /// <summary>
    /// The state column of `show crypto isakmp sa` and of the debug's packet lines: IOS
    /// sends message 3 (initiator) and message 2 (responder) in MM_SA_SETUP, messages 4, 5
    /// and 6 in MM_KEY_EXCH (refdata debug-crypto-isakmp.txt).
    /// </summary>
    public static string ShowName(this IsakmpSaState state) => state switch
    {
        IsakmpSaState.InitiatorMm1 or IsakmpSaState.Deleted => "MM_NO_STATE",
        IsakmpSaState.InitiatorMm2 or IsakmpSaState.InitiatorMm3
            or IsakmpSaState.ResponderMm1 or IsakmpSaState.ResponderMm2 => "MM_SA_SETUP",
        IsakmpSaState.Complete => "QM_IDLE",
        _ => "MM_KEY_EXCH",
    };

    /// <summary>The "Old State = … New State = …" names of `debug crypto isakmp`.</summary>
    public static string DebugName(this IsakmpSaState state) => state switch
    {
        IsakmpSaState.InitiatorMm1 => "IKE_I_MM1",
        IsakmpSaState.InitiatorMm2 => "IKE_I_MM2",
        IsakmpSaState.InitiatorMm3 => "IKE_I_MM3",
        IsakmpSaState.InitiatorMm4 => "IKE_I_MM4",
        IsakmpSaState.InitiatorMm5 => "IKE_I_MM5",
        IsakmpSaState.InitiatorMm6 => "IKE_I_MM6",
        IsakmpSaState.ResponderMm1 => "IKE_R_MM1",
        IsakmpSaState.ResponderMm2 => "IKE_R_MM2",
        IsakmpSaState.ResponderMm3 => "IKE_R_MM3",
        IsakmpSaState.ResponderMm4 => "IKE_R_MM4",
        IsakmpSaState.ResponderMm5 => "IKE_R_MM5",
        IsakmpSaState.Deleted => "IKE_DEST_SA",
        _ => "IKE_P1_COMPLETE",
    };
}
