namespace DmvpnLab.Ios.Config;

/// <summary>What loading a config file did.</summary>
public sealed class ConfigLoadResult
{
    internal ConfigLoadResult(string fileName, List<ConfigDiagnostic> diagnostics,
        int remarksIgnored, int linesApplied, int? endLineNumber, int linesAfterEnd)
    {
        FileName = fileName;
        Diagnostics = diagnostics;
        RemarksIgnored = remarksIgnored;
        LinesApplied = linesApplied;
        EndLineNumber = endLineNumber;
        LinesAfterEnd = linesAfterEnd;
    }

    public string FileName { get; }

    /// <summary>Refused lines and command messages, in file order.</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; }

    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The lab notes' <c>!!</c> remarks removed, for the caller's "ignored N
    /// remarks" note.</summary>
    public int RemarksIgnored { get; }

    /// <summary>Commands that ran and were accepted.</summary>
    public int LinesApplied { get; }

    /// <summary>The line where <c>end</c> (or <c>exit</c> from global configuration) left
    /// configuration mode, or null when the file ran to its end.</summary>
    public int? EndLineNumber { get; }

    /// <summary>Non-comment lines after <see cref="EndLineNumber"/>, which were not run.</summary>
    public int LinesAfterEnd { get; }
}
