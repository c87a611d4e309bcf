namespace DmvpnLab.Ios.Parsing;

/// <summary>
/// A node of a mode's command tree. Edges are keywords or parameters; a node where a
/// pattern ends holds its command. Patterns sharing a prefix share nodes, which is what
/// lets abbreviation and ambiguity be judged over every command at once.
/// </summary>
internal sealed class TreeNode
{
    public List<(PatternElement Element, TreeNode Child)> Edges { get; } = new();

    public Command? Command { get; set; }

    /// <summary>Every command whose pattern passes through this node, so a <c>no</c> form
    /// cut short (<c>no ip address</c>) can tell whether it names exactly one command.</summary>
    public HashSet<Command> Reachable { get; } = new();

    public TreeNode GetOrAdd(PatternElement element)
    {
        foreach (var (existing, child) in Edges)
        {
            if (existing.SameAs(element))
            {
                return child;
            }
        }

        var node = new TreeNode();
        Edges.Add((element, node));
        return node;
    }
}
