namespace SnapMagic.Benchmarks.Measuring;

/// <summary>Latencies of one measured series, with the percentiles the report prints.</summary>
public sealed class LatencySample(string name)
{
    private readonly List<double> _millis = [];
    private readonly Lock _lock = new();
    private int _errors;

    public string Name { get; } = name;
    public int Count { get { lock (_lock) return _millis.Count; } }
    public int Errors => Volatile.Read(ref _errors);

    public void Add(TimeSpan latency)
    {
        lock (_lock) _millis.Add(latency.TotalMilliseconds);
    }

    public void AddError() => Interlocked.Increment(ref _errors);

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
}
