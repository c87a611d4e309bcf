namespace DmvpnLab.Ios.Text;

/// <summary>
/// Fixed-width columns as IOS tables print them. IOS never wraps a cell: a value wider
/// than its column pushes the rest of the row right, so padding never truncates.
/// </summary>
public static class IosColumns
{
    /// <summary>Left-aligns <paramref name="value"/> in a column of
    /// <paramref name="width"/> characters.</summary>
    public static string Left(string value, int width) => value.PadRight(width);

    /// <summary>Right-aligns <paramref name="value"/> in a column of
    /// <paramref name="width"/> characters.</summary>
    public static string Right(string value, int width) => value.PadLeft(width);

    /// <summary>
    /// Lays out one row: each cell padded to its width (negative width right-aligns), the
    /// last cell unpadded, trailing spaces removed as IOS does not print them.
    /// </summary>
    public static string Row(params (string Value, int Width)[] cells)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            var (value, width) = cells[i];
            bool last = i == cells.Length - 1;
            builder.Append(width < 0 ? Right(value, -width) : last ? value : Left(value, width));
        }

        return builder.ToString().TrimEnd();
    }
}
