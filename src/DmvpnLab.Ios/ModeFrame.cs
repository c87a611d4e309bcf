namespace DmvpnLab.Ios;

/// <summary>One level of the mode stack: the mode and the object it configures.</summary>
public readonly record struct ModeFrame(CliMode Mode, object? Context);
