namespace DmvpnLab.Net.Routing;

/// <summary>Where a route came from, with the code letter `show ip route` prints.</summary>
public enum RouteSource
{
    Connected,
    Local,
    Static,
    Eigrp,
    EigrpExternal,
    Nhrp,
}

public static class RouteSourceText
{
    public static string Code(RouteSource source) => source switch
    {
        RouteSource.Connected => "C",
        RouteSource.Local => "L",
        RouteSource.Static => "S",
        RouteSource.Eigrp => "D",
        RouteSource.EigrpExternal => "D EX",
        RouteSource.Nhrp => "H",
        _ => "?",
    };

    /// <summary>The name in `Known via "…"`.</summary>
    public static string KnownVia(RouteSource source, int processId) => source switch
    {
        RouteSource.Connected or RouteSource.Local => "connected",
        RouteSource.Static => "static",
        RouteSource.Eigrp or RouteSource.EigrpExternal => $"eigrp {processId}",
        RouteSource.Nhrp => "nhrp",
        _ => "unknown",
    };

    /// <summary>IOS's default administrative distances.</summary>
    public static byte DefaultDistance(RouteSource source) => source switch
    {
        RouteSource.Connected or RouteSource.Local => 0,
        RouteSource.Static => 1,
        RouteSource.Eigrp => 90,
        RouteSource.EigrpExternal => 170,
        RouteSource.Nhrp => 250,
        _ => 255,
    };
}
