namespace SnapMagic.AppHost.Hosting;

/// <summary>The AppHost's console: service lines on stdout, crashes and errors on stderr; one writer at a time.</summary>
public static class ConsoleOutput
{
    private static readonly Lock Gate = new();

    public static void WriteLine(string line, bool isError)
    {
        lock (Gate)
            (isError ? Console.Error : Console.Out).WriteLine(line);
    }
}
