using SnapMagic.AppHost.Telemetry;

namespace SnapMagic.UnitTests.Telemetry;

public sealed class HistogramMathTests
{
    private static readonly double[] Bounds = [10, 20, 50];

    [Theory]
    [InlineData(0.5, 15)]
    [InlineData(0.6, 17)]
    [InlineData(0.85, 35)]
    public void Percentiles_interpolate_inside_the_bucket_that_holds_the_rank(double quantile, double expected)
    {
        // 5 in (0,10], 10 in (10,20], 4 in (20,50], 1 above 50: rank 10 of 20 lies halfway into (10,20].
        var value = HistogramMath.Percentile(Bounds, [5, 10, 4, 1], quantile);

        Assert.Equal(expected, value!.Value, precision: 6);
    }

    [Fact]
    public void The_overflow_bucket_reaches_up_to_the_maximum_seen()
    {
        Assert.Equal(80, HistogramMath.Percentile(Bounds, [0, 0, 0, 2], 1.0, max: 80));
        Assert.Equal(50, HistogramMath.Percentile(Bounds, [0, 0, 0, 2], 1.0));
    }

    [Fact]
    public void No_measurements_or_mismatched_buckets_give_no_percentile()
    {
        Assert.Null(HistogramMath.Percentile(Bounds, [0, 0, 0, 0], 0.5));
        Assert.Null(HistogramMath.Percentile(Bounds, [1, 2], 0.5));
    }

    [Fact]
    public void Differences_of_cumulative_counts_are_the_interval_and_a_reset_gives_none()
    {
        Assert.Equal([1UL, 0, 3, 0], HistogramMath.Difference([3, 2, 7, 1], [2, 2, 4, 1]));
        Assert.Null(HistogramMath.Difference([0, 2, 7, 1], [2, 2, 4, 1]));
    }
}
