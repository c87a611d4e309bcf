namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// The metric weights a router announces in its Hellos (RFC 7868 5.3.3, 6.7.1). Two
/// routers become neighbors only when all five match; IOS's defaults are K1=K3=1.
/// </summary>
public readonly record struct EigrpKValues(byte K1, byte K2, byte K3, byte K4, byte K5)
{
    /// <summary>IOS's default weights: bandwidth and delay only.</summary>
    public static EigrpKValues Default => new(1, 0, 1, 0, 0);

    public override string ToString() =>
        $"K1={K1}, K2={K2}, K3={K3}, K4={K4}, K5={K5}";
}
