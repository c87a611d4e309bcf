namespace DmvpnLab.Lab;

/// <summary>How a lab is run: seed override and where captures go.</summary>
public sealed class LabOptions
{
    /// <summary>Overrides the seed in lab.yaml.</summary>
    public int? Seed { get; init; }

    /// <summary>Folder for one pcap per link and the SA key files; null means no captures.</summary>
    public string? CaptureFolder { get; init; }
}
