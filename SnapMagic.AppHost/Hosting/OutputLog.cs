namespace SnapMagic.AppHost.Hosting;

public sealed record OutputLine(long Sequence, DateTimeOffset Time, bool IsError, string Text);

/// <summary>The latest lines a service printed (a ring: memory stays bounded however long it runs).</summary>
public sealed class OutputLog(int capacity = 2000)
{
    private readonly Lock _lock = new();
    private readonly OutputLine[] _lines = new OutputLine[capacity];
    private long _written;

    public void Add(string text, bool isError, DateTimeOffset time)
    {
        lock (_lock)
        {
            _lines[_written % _lines.Length] = new OutputLine(_written + 1, time, isError, text);
            _written++;
        }
    }

    /// <summary>The last <paramref name="limit"/> lines, oldest first, that contain <paramref name="search"/> (case-insensitive) when given.</summary>
    public IReadOnlyList<OutputLine> Tail(int limit, string? search = null)
    {
        lock (_lock)
        {
            var result = new List<OutputLine>(Math.Min(limit, _lines.Length));
            var oldest = Math.Max(0, _written - _lines.Length);
            for (var i = _written - 1; i >= oldest && result.Count < limit; i--)
            {
                var line = _lines[i % _lines.Length];
                if (string.IsNullOrEmpty(search) || line.Text.Contains(search, StringComparison.OrdinalIgnoreCase))
                    result.Add(line);
            }
            result.Reverse();
            return result;
        }
    }
}
