namespace DmvpnLab.Lab.Definition;

/// <summary>A lab folder that cannot be loaded; the message names the file and the fault.</summary>
public sealed class LabLoadException(string message) : Exception(message);
