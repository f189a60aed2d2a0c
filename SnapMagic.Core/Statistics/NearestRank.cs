namespace SnapMagic.Statistics;

/// <summary>The nearest-rank percentile: the smallest value with at least p of all values at or below it.</summary>
public static class NearestRank
{
    /// <summary>The 1-based rank of percentile <paramref name="p"/> (0-1) among <paramref name="count"/> values.</summary>
    public static long Rank(double p, long count) => Math.Clamp((long)Math.Ceiling(p * count), 1, count);
}
