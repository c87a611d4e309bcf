namespace DmvpnLab.Ios.Config;

/// <summary>
/// Loads a whole IOS config into a device as if pasted at <c>Router(config)#</c>:
/// comments and <c>!!</c> remarks are dropped, indentation is ignored, a line unknown in
/// the current sub-mode is tried in its parents, and a refused line is reported with its
/// file and line number while the rest of the file still loads.
/// </summary>
public sealed class ConfigLoader
{
    private readonly CliDevice _device;

    public ConfigLoader(CliDevice device)
    {
        _device = device;
    }

    public ConfigLoadResult Load(string text, string fileName)
    {
        var state = new CliState(_device, _device.Modes.GlobalConfig);
        var dispatcher = new CommandDispatcher(state);
        var diagnostics = new List<ConfigDiagnostic>();
        int remarks = 0;
        int applied = 0;
        int? endLine = null;
        int afterEnd = 0;
        var lines = text.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            string? line = ConfigComments.Strip(lines[index], out bool remark);
            remarks += remark ? 1 : 0;
            if (line is null || line.Trim().Length == 0)
            {
                continue;
            }

            if (endLine is not null)
            {
                afterEnd++;
                continue;
            }

            line = Parsing.Tokenizer.Normalize(line);
            var output = new StringWriter();
            var result = dispatcher.Execute(line, output, allowFilters: false);
            var diagnostic = Diagnose(fileName, index + 1, line, result, output.ToString());
            if (diagnostic is not null)
            {
                diagnostics.Add(diagnostic);
            }

            applied += result.IsSuccess ? 1 : 0;
            if (!state.Mode.IsConfig)
            {
                // A startup config stops at "end"; whatever follows is not configuration.
                endLine = index + 1;
            }
        }

        return new ConfigLoadResult(fileName, diagnostics, remarks, applied, endLine, afterEnd);
    }

    private static ConfigDiagnostic? Diagnose(string fileName, int lineNumber, string line,
        DispatchResult result, string output)
    {
        if (result.Error is { } error)
        {
            int? caret = error.Kind == CliErrorKind.InvalidInput ? error.Column : null;
            return new ConfigDiagnostic(fileName, lineNumber, line, error.Text, caret, true);
        }

        if (output.Length == 0)
        {
            return null;
        }

        return new ConfigDiagnostic(fileName, lineNumber, line, output, null, false);
    }
}
