using Microsoft.Extensions.Options;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>
/// The latest value of every metric series each service exports, a few points of history per series, and a
/// history of the key figures. Bounded: past <see cref="TelemetryCollectorOptions.MaxMetricSeries"/> the series
/// updated longest ago goes (a restarted process reports under a new instance id).
/// </summary>
public sealed class MetricStore(IOptions<TelemetryCollectorOptions> options, TimeProvider time)
{
    /// <summary>Series silent for longer than this (a stopped process) no longer count in the key figures.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    /// <summary>A counter's rate is taken over this much of its history: steady figures at a 5 s export interval.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly List<KeyMetricsView> _history = [];
    private readonly int _maxSeries = Math.Max(1, options.Value.MaxMetricSeries);
    private readonly int _maxPoints = Math.Max(1, options.Value.PointsPerSeries);

    public int SeriesCount
    {
        get
        {
            lock (_gate)
            {
                return _series.Count;
            }
        }
    }

    internal void Add(IEnumerable<MetricSample> samples)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var sample in samples)
            {
                var key = Key(sample);
                if (!_series.TryGetValue(key, out var series))
                {
                    if (_series.Count >= _maxSeries)
                    {
                        _series.Remove(_series.MinBy(pair => pair.Value.Updated).Key);
                    }

                    series = new Series(sample);
                    _series.Add(key, series);
                }

                series.Update(sample, now, _maxPoints);
            }

            RecordKeyMetrics(now);
        }
    }

    /// <summary>Series whose name contains <paramref name="name"/> (all when empty); points only when asked for.</summary>
    public MetricsView Snapshot(string? name = null, string? service = null, bool includePoints = false)
    {
        lock (_gate)
        {
            var series = _series.Values
                .Where(s => string.IsNullOrEmpty(name) || s.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
                .Where(s => string.IsNullOrEmpty(service) || string.Equals(s.Service, service, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .ThenBy(s => s.Service, StringComparer.Ordinal)
                .ThenBy(s => s.Instance, StringComparer.Ordinal)
                .Select(s => s.ToView(includePoints))
                .ToList();
            return new MetricsView(KeyMetrics(time.GetUtcNow()), _history.ToList(), series);
        }
    }

    private void RecordKeyMetrics(DateTimeOffset now)
    {
        var current = KeyMetrics(now);
        // Several services export within the same second: one point per second is enough for a chart.
        if (_history.Count > 0 && now - _history[^1].Time < TimeSpan.FromSeconds(1))
        {
            _history[^1] = current;
            return;
        }

        _history.Add(current);
        if (_history.Count > _maxPoints)
        {
            _history.RemoveAt(0);
        }
    }

    private KeyMetricsView KeyMetrics(DateTimeOffset now)
    {
        var fresh = _series.Values.Where(s => now - s.Updated <= Freshness).ToList();

        IEnumerable<Series> Named(string[] names)
        {
            foreach (var name in names)
            {
                var matching = fresh.Where(s => s.Name == name).ToList();
                if (matching.Count > 0)
                {
                    return matching;
                }
            }

            return [];
        }

        // Every worker reports the same queue, so the newest instance's report is the depth, not the workers' sum;
        // within it, the series per attribute (visible, in flight) add up.
        double? Latest(string[] names)
        {
            var newest = Named(names).MaxBy(s => s.Updated);
            return newest is null
                ? null
                : Named(names).Where(s => s.Service == newest.Service && s.Instance == newest.Instance).Sum(s => s.Value ?? 0);
        }
        double? SumOf(string[] names, Func<Series, double?> value)
        {
            var values = Named(names).Select(value).OfType<double>().ToList();
            return values.Count == 0 ? null : values.Sum();
        }

        double? Percentile(string[] names, double quantile)
        {
            var histograms = Named(names).Where(s => s.IntervalCounts is not null).ToList();
            var newest = histograms.MaxBy(s => s.Updated);
            if (newest is null)
            {
                return null;
            }

            // Instances with the same buckets merge; the percentile of the merged counts is the system's.
            var merged = new ulong[newest.IntervalCounts!.Length];
            foreach (var histogram in histograms.Where(s => s.Bounds!.SequenceEqual(newest.Bounds!)))
            {
                for (var i = 0; i < merged.Length; i++)
                {
                    merged[i] += histogram.IntervalCounts![i];
                }
            }

            var value = HistogramMath.Percentile(newest.Bounds!, merged, quantile, histograms.Min(s => s.Min), histograms.Max(s => s.Max));
            return value * MillisecondsPer(newest.Unit);
        }

        return new KeyMetricsView(
            now,
            QueueDepth: Latest(KeyMetricNames.QueueDepth),
            DeadLetterDepth: Latest(KeyMetricNames.DeadLetterDepth),
            CardsAcceptedPerMinute: SumOf(KeyMetricNames.CardsAccepted, s => s.RatePerMinute),
            AcceptLatencyP95Ms: Percentile(KeyMetricNames.AcceptLatency, 0.95),
            CardsCompletedPerMinute: SumOf(KeyMetricNames.CardsCompleted, s => s.RatePerMinute),
            CardsFailedPerMinute: SumOf(KeyMetricNames.CardsFailed, s => s.RatePerMinute),
            ModelRetriesPerMinute: SumOf(KeyMetricNames.ModelRetries, s => s.RatePerMinute),
            ModelLatencyP50Ms: Percentile(KeyMetricNames.ModelLatency, 0.50),
            ModelLatencyP95Ms: Percentile(KeyMetricNames.ModelLatency, 0.95),
            QueueWaitP95Ms: Percentile(KeyMetricNames.QueueWait, 0.95),
            BreakerState: Named(KeyMetricNames.BreakerState).Select(s => s.Value).Max(),
            HubConnections: SumOf(KeyMetricNames.HubConnections, s => s.Value),
            PushesPerMinute: SumOf(KeyMetricNames.PushesSent, s => s.RatePerMinute));
    }

    private static double MillisecondsPer(string? unit) => unit switch
    {
        "s" => 1000,
        "us" => 0.001,
        "ns" => 0.000001,
        _ => 1,
    };

    private static string Key(MetricSample sample) =>
        string.Join('\u001f', new[] { sample.Service, sample.Instance ?? "", sample.Name }
            .Concat(sample.Attributes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")));

    private sealed class Series(MetricSample first)
    {
        private readonly Queue<MetricPointView> _points = new();
        private readonly Queue<(DateTimeOffset Time, double Total)> _totals = new();
        private DateTimeOffset? _previousStart;
        private DateTimeOffset _previousTime;
        private double _previousValue;
        private ulong[]? _previousCounts;

        public string Service { get; } = first.Service;
        public string? Instance { get; } = first.Instance;
        public string Name { get; } = first.Name;
        public string? Unit { get; private set; } = first.Unit;
        public string? Description { get; private set; } = first.Description;
        public MetricKind Kind { get; private set; } = first.Kind;
        public IReadOnlyDictionary<string, string> Attributes { get; } = first.Attributes;
        public DateTimeOffset Updated { get; private set; }
        public double? Value { get; private set; }
        public double? RatePerMinute { get; private set; }
        public ulong? Count { get; private set; }
        public double? Sum { get; private set; }
        public double? Min { get; private set; }
        public double? Max { get; private set; }
        public double? P50 { get; private set; }
        public double? P95 { get; private set; }
        public double[]? Bounds { get; private set; }

        /// <summary>Bucket counts of the last export interval that saw measurements.</summary>
        public ulong[]? IntervalCounts { get; private set; }

        public void Update(MetricSample sample, DateTimeOffset now, int maxPoints)
        {
            Unit = sample.Unit;
            Description = sample.Description;
            Kind = sample.Kind;
            Updated = now;
            var continues = _previousStart == sample.StartTime && sample.Time > _previousTime;
            double? point = sample.Kind switch
            {
                MetricKind.Counter => UpdateCounter(sample, continues),
                MetricKind.Histogram when sample.Histogram is not null => UpdateHistogram(sample, sample.Histogram, continues),
                _ => Value = sample.Value,
            };

            _previousStart = sample.StartTime;
            _previousTime = sample.Time;
            if (point is { } value && double.IsFinite(value))
            {
                _points.Enqueue(new MetricPointView(sample.Time, value));
                while (_points.Count > maxPoints)
                {
                    _points.Dequeue();
                }
            }
        }

        private double? UpdateCounter(MetricSample sample, bool continues)
        {
            if (!sample.IsDelta && (!continues || sample.Value < _previousValue))
            {
                // A new process (or a reset): its history says nothing about this one.
                _totals.Clear();
            }

            Value = sample.IsDelta ? (Value ?? 0) + sample.Value : sample.Value;
            _totals.Enqueue((sample.Time, Value.Value));
            // Keep the newest report at least a window old as the base, drop the older ones.
            while (_totals.Count > 2 && sample.Time - _totals.ElementAt(1).Time >= RateWindow)
            {
                _totals.Dequeue();
            }

            var (baseTime, baseTotal) = _totals.Peek();
            RatePerMinute = _totals.Count > 1
                ? PerMinute(Value.Value - baseTotal, sample.Time - baseTime)
                // The first report: the average since the counter started.
                : PerMinute(sample.Value, sample.Time - sample.StartTime);
            _previousValue = sample.Value;
            return RatePerMinute;
        }

        private double? UpdateHistogram(MetricSample sample, HistogramSample histogram, bool continues)
        {
            var interval = !sample.IsDelta && continues && _previousCounts is not null && Bounds is not null && Bounds.SequenceEqual(histogram.Bounds)
                ? HistogramMath.Difference(histogram.BucketCounts, _previousCounts) ?? histogram.BucketCounts
                : histogram.BucketCounts;
            _previousCounts = sample.IsDelta ? null : histogram.BucketCounts;
            Bounds = histogram.Bounds;
            Count = histogram.Count;
            Sum = histogram.Sum;
            Min = histogram.Min;
            Max = histogram.Max;
            Value = histogram.Count > 0 && histogram.Sum is { } sum ? sum / histogram.Count : null;
            if (HistogramMath.Total(interval) == 0)
            {
                return null;
            }

            IntervalCounts = interval;
            P50 = HistogramMath.Percentile(histogram.Bounds, interval, 0.50, histogram.Min, histogram.Max);
            P95 = HistogramMath.Percentile(histogram.Bounds, interval, 0.95, histogram.Min, histogram.Max);
            return P95;
        }

        private static double? PerMinute(double amount, TimeSpan elapsed) =>
            elapsed > TimeSpan.Zero ? amount / elapsed.TotalMinutes : null;

        public MetricSeriesView ToView(bool includePoints) => new(
            Service, Instance, Name, Unit, Description, Kind.ToString().ToLowerInvariant(), Attributes, Updated,
            Value, RatePerMinute, Count, Sum, Min, Max, P50, P95, includePoints ? _points.ToList() : null);
    }
}
