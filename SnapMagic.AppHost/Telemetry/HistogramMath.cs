namespace SnapMagic.AppHost.Telemetry;

/// <summary>Percentiles estimated from explicit-bucket histograms, interpolating linearly inside the bucket.</summary>
internal static class HistogramMath
{
    /// <param name="bounds">Upper bounds; bucket i holds (bounds[i-1], bounds[i]], the last one everything above.</param>
    /// <param name="min">Smallest value seen, the lower edge of the first bucket when known.</param>
    /// <param name="max">Largest value seen, the upper edge of the overflow bucket when known.</param>
    public static double? Percentile(double[] bounds, ulong[] counts, double quantile, double? min = null, double? max = null)
    {
        ulong total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0 || counts.Length != bounds.Length + 1)
        {
            return null;
        }

        var rank = quantile * total;
        double below = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            if (below + counts[i] >= rank)
            {
                var upper = i < bounds.Length ? bounds[i] : max ?? bounds[^1];
                var lower = i > 0 ? bounds[i - 1] : min ?? Math.Min(0, upper);
                if (upper < lower)
                {
                    upper = lower;
                }

                return lower + (upper - lower) * ((rank - below) / counts[i]);
            }

            below += counts[i];
        }

        return max;
    }

    /// <summary>Counts of <paramref name="current"/> minus <paramref name="previous"/>; null when the series restarted.</summary>
    public static ulong[]? Difference(ulong[] current, ulong[] previous)
    {
        if (current.Length != previous.Length)
        {
            return null;
        }

        var difference = new ulong[current.Length];
        for (var i = 0; i < current.Length; i++)
        {
            if (current[i] < previous[i])
            {
                return null;
            }

            difference[i] = current[i] - previous[i];
        }

        return difference;
    }

    public static ulong Total(ulong[] counts)
    {
        ulong total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        return total;
    }
}
