namespace SnapMagic.Benchmarks.Hosting;

/// <summary>How one benchmark's system is set up: workers and the local image model's latency and cap.</summary>
/// <param name="ModelLatencyMs">ImageModel:Local:LatencyMs, the simulated model's time per card (L).</param>
/// <param name="ModelConcurrency">ImageModel:MaxConcurrency, model calls at once per worker process.</param>
/// <param name="WorkerConcurrency">Worker:Concurrency, cards one worker process holds at once (at most 10, one SQS receive).</param>
/// <param name="ApiReplicas">Api replicas behind the one Api address (<c>--api-replicas</c>); 2 or more share a Redis.</param>
public sealed record SystemSettings(int Workers = 2, int ModelLatencyMs = 500, int ModelConcurrency = 4, int WorkerConcurrency = 8, int ApiReplicas = 1)
{
    /// <summary>C: model calls at once across all workers.</summary>
    public int ModelCap => ModelConcurrency * Workers;

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Cards__PerSessionPerMinute"] = "0",
        ["ImageModel__Local__LatencyMs"] = ModelLatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ImageModel__MaxConcurrency"] = ModelConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Worker__Concurrency"] = WorkerConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public string Describe() =>
        $"{Workers} workers, Worker:Concurrency {WorkerConcurrency}, local model L = {ModelLatencyMs} ms, " +
        $"ImageModel:MaxConcurrency {ModelConcurrency} (C = {ModelCap}), Cards:PerSessionPerMinute 0" +
        (ApiReplicas > 1 ? $", {ApiReplicas} Api replicas with the Redis backplane" : "");
}
