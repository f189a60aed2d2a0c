using SnapMagic.Statistics;

namespace SnapMagic.Aws.DynamoDb;

/// <summary>
/// A histogram of durations kept as counters: bucket i holds durations in (0.1·1.1^(i-1), 0.1·1.1^i] seconds, so
/// a percentile read from it is within 5 % of the exact one, and recording a duration is one atomic ADD.
/// </summary>
internal static class DurationBuckets
{
    public const int Count = 150; // up to about 42 hours
    private const double FirstSeconds = 0.1;
    private const double Growth = 1.1;

    public static int IndexOf(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        return seconds <= FirstSeconds ? 0 : Math.Min(Count - 1, (int)Math.Ceiling(Math.Log(seconds / FirstSeconds) / Math.Log(Growth)));
    }

    /// <summary>The bucket's geometric middle, the value a percentile falling in it is reported as.</summary>
    public static double Middle(int index) => index == 0 ? FirstSeconds : FirstSeconds * Math.Pow(Growth, index - 0.5);

    public static Percentiles Percentiles(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        return total == 0 ? Statistics.Percentiles.None : new Percentiles(At(0.50), At(0.95));

        double At(double p)
        {
            var rank = NearestRank.Rank(p, total);
            long seen = 0;
            for (var i = 0; i < counts.Count; i++)
            {
                seen += counts[i];
                if (seen >= rank)
                    return Math.Round(Middle(i), 2);
            }
            return Math.Round(Middle(counts.Count - 1), 2);
        }
    }
}
