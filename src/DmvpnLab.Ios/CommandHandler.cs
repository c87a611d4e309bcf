namespace DmvpnLab.Ios;

/// <summary>Runs one matched command. Output goes to <see cref="CommandContext.Output"/>;
/// the result says whether the CLI changes mode.</summary>
public delegate CommandResult CommandHandler(CommandContext context);
