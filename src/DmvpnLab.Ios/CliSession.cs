namespace DmvpnLab.Ios;

/// <summary>
/// An interactive exec session on one device: it keeps the mode stack, renders the prompt
/// and turns each typed line into the text IOS would print. No terminal I/O happens here;
/// the caller shows the prompt and the returned text.
/// </summary>
public sealed class CliSession
{
    private readonly CommandDispatcher _dispatcher;

    /// <param name="device">The router whose commands the session runs.</param>
    /// <param name="privileged">Start at <c>Router#</c> rather than <c>Router&gt;</c>, as a
    /// lab console without an enable secret does.</param>
    public CliSession(CliDevice device, bool privileged = false)
    {
        var start = privileged ? device.Modes.PrivilegedExec : device.Modes.UserExec;
        State = new CliState(device, start);
        _dispatcher = new CommandDispatcher(State);
    }

    public CliState State { get; }

    /// <summary>The prompt to show before the next line, e.g. <c>HUB(config-if)#</c>.</summary>
    public string Prompt => State.Prompt;

    /// <summary>True once <c>exit</c> or <c>logout</c> left exec; later lines do nothing.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Runs one line and returns what the router prints in answer.</summary>
    public string Execute(string line)
    {
        var output = new StringWriter();
        Execute(line, output);
        return output.ToString();
    }

    public DispatchResult Execute(string line, TextWriter output)
    {
        if (IsClosed)
        {
            return DispatchResult.Empty;
        }

        var result = _dispatcher.Execute(line, output, allowFilters: true,
            caretIndent: Prompt.Length);

        // IOS leaves an empty line after a parser error before the next prompt.
        if (result.Error is { Kind: not CliErrorKind.Refused })
        {
            output.WriteLine();
        }

        IsClosed = result.Closed;
        return result;
    }
}
