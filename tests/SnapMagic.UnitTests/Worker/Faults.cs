namespace SnapMagic.UnitTests.Worker;

/// <summary>
/// Failures a test plans for named port operations ("store.TryCompleteAsync", "jobs.DeleteAsync", ...), and how
/// often each was called; the Faulty* decorators consult it before every call.
/// </summary>
internal sealed class Faults
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _planned = [];
    private readonly Dictionary<string, int> _calls = [];

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> throw an <see cref="IOException"/>.</summary>
    public void Fail(string operation, int times = 1)
    {
        lock (_lock)
            _planned[operation] = _planned.GetValueOrDefault(operation) + times;
    }

    public int Calls(string operation)
    {
        lock (_lock)
            return _calls.GetValueOrDefault(operation);
    }

    public void Check(string operation)
    {
        lock (_lock)
        {
            _calls[operation] = _calls.GetValueOrDefault(operation) + 1;
            var left = _planned.GetValueOrDefault(operation);
            if (left == 0)
                return;
            _planned[operation] = left - 1;
        }
        throw new IOException($"planned failure of {operation}");
    }
}
