namespace DmvpnLab.Ios.Filters;

/// <summary>The output filters after <c>|</c> that the emulator supports.</summary>
public enum FilterKind
{
    Include,
    Exclude,
    Begin,
    Section,
    Count,
}
