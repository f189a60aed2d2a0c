namespace SnapMagic.Benchmarks.Measuring;

/// <summary>Latencies of one measured series, with the percentiles the report prints and its errors by reason.</summary>
public sealed class LatencySample(string name)
{
    private readonly List<double> _millis = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Name { get; } = name;
    public int Count { get { lock (_lock) return _millis.Count; } }
    public int Errors { get { lock (_lock) return _errors.Values.Sum(); } }

    /// <summary>Errors counted per reason (status code, exception type), most frequent first.</summary>
    public IReadOnlyList<(string Reason, int Count)> ErrorReasons
    {
        get { lock (_lock) return [.. _errors.OrderByDescending(e => e.Value).Select(e => (e.Key, e.Value))]; }
    }

    public void Add(TimeSpan latency) => AddMilliseconds(latency.TotalMilliseconds);

    public void AddMilliseconds(double millis)
    {
        lock (_lock) _millis.Add(millis);
    }

    public void AddError(string reason = "error")
    {
        lock (_lock) _errors[reason] = _errors.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Nearest-rank percentile (p in 0..100); NaN when the sample is empty.</summary>
    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_millis.Count == 0) return double.NaN;
            var sorted = _millis.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public double Mean { get { lock (_lock) return _millis.Count == 0 ? double.NaN : _millis.Average(); } }
    public double Max { get { lock (_lock) return _millis.Count == 0 ? double.NaN : _millis.Max(); } }
    public double Min { get { lock (_lock) return _millis.Count == 0 ? double.NaN : _millis.Min(); } }
}
