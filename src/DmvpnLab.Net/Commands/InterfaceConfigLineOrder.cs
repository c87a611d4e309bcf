namespace DmvpnLab.Net.Commands;

/// <summary>
/// Where each kind of line sits inside an `interface` block of the running config, in
/// the order IOS 15 prints them; protocols pass these to ConfigSection.Add.
/// </summary>
public static class InterfaceConfigLineOrder
{
    public const int Description = 10;
    public const int Bandwidth = 20;
    public const int IpAddress = 30;
    public const int IpRedirects = 35;
    public const int IpMtu = 40;
    public const int Eigrp = 45;
    public const int Nhrp = 50;
    public const int TcpAdjustMss = 60;
    public const int EigrpSummary = 65;
    public const int LoadInterval = 70;
    public const int Delay = 75;
    public const int Shutdown = 78;
    public const int Keepalive = 80;
    public const int Hardware = 85;
    public const int Tunnel = 90;
    public const int TunnelProtection = 95;
}
