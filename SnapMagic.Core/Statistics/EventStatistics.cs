namespace SnapMagic.Statistics;

/// <summary>The whole event's cards in figures, as a job store aggregates them for the organizer.</summary>
public sealed record EventStatistics
{
    public long Queued { get; init; }
    public long Processing { get; init; }
    public long Completed { get; init; }
    public long Failed { get; init; }
    public long RatedUp { get; init; }
    public long RatedDown { get; init; }
    /// <summary>Of <see cref="RatedUp"/> and <see cref="RatedDown"/>, those given with a gesture (the rest with buttons).</summary>
    public long RatedUpByGesture { get; init; }
    public long RatedDownByGesture { get; init; }
    /// <summary>Animations asked for, and of them those finished each way (the rest are queued or processing).</summary>
    public long AnimationsRequested { get; init; }
    public long AnimationsCompleted { get; init; }
    public long AnimationsFailed { get; init; }
    /// <summary>Failed cards by their error text, most frequent first.</summary>
    public IReadOnlyList<KeyCount> FailuresByReason { get; init; } = [];
    /// <summary>Cards completed in each minute of the window asked for (only minutes with cards; UTC minute starts).</summary>
    public IReadOnlyList<MinuteCount> CompletedPerMinute { get; init; } = [];
    /// <summary>From accepted to completed, over completed cards.</summary>
    public Percentiles TimeToCard { get; init; } = Percentiles.None;
    /// <summary>From accepted to a worker starting it, over started cards.</summary>
    public Percentiles QueueWait { get; init; } = Percentiles.None;
    /// <summary>The most frequent prompt words (<see cref="PromptWords"/>), most frequent first.</summary>
    public IReadOnlyList<KeyCount> TopWords { get; init; } = [];

    public long Accepted => Queued + Processing + Completed + Failed;
}

public sealed record KeyCount(string Key, long Count);

public sealed record MinuteCount(DateTimeOffset Minute, long Count)
{
    /// <summary>The UTC minute <paramref name="time"/> falls in, as <see cref="Minute"/> names minutes.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}

/// <summary>The 50th and 95th percentiles in seconds, null when there is nothing to measure.</summary>
public sealed record Percentiles(double? P50, double? P95)
{
    public static readonly Percentiles None = new(null, null);
}
