namespace SnapMagic.Benchmarks.Measuring;

/// <summary>A token that fires after <paramref name="limit"/> or when the run is cancelled, whichever comes first.</summary>
public static class Deadline
{
    public static CancellationTokenSource After(TimeSpan limit, CancellationToken run)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(run);
        source.CancelAfter(limit);
        return source;
    }
}
