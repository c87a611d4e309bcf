namespace DmvpnLab.Ios.RunningConfig;

/// <summary>
/// The order in which IOS prints the blocks of a running config, as order keys spaced so
/// a feature can slot between two neighbours.
/// </summary>
public static class RunningConfigOrder
{
    public const int Version = 100;
    public const int Hostname = 200;
    public const int Global = 300;
    public const int CryptoIsakmp = 1000;
    public const int CryptoIpsec = 1100;
    public const int Interface = 2000;
    public const int Router = 3000;
    public const int IpStatic = 4000;
    public const int AccessList = 5000;
    public const int Line = 9000;
}
