using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// Fires requests at a fixed arrival rate whether or not earlier ones have answered (an open loop, as real
/// attendees arrive), so a slow server shows up as latency instead of a lower request rate. Latency is
/// measured from the moment a request was due, which keeps queueing delay in the figures. Bounded in time
/// (each request gets <c>requestTimeout</c>) and in requests in flight (past the cap a request is counted
/// as an error, "dropped: too many in flight", rather than sent late).
/// </summary>
public static class OpenLoopLoad
{
    public static async Task<LoadResult> RunAsync(
        string name, int perSecond, TimeSpan duration, Func<int, CancellationToken, Task> request,
        int maxInFlight = 4000, TimeSpan? requestTimeout = null, CancellationToken cancellationToken = default)
    {
        var sample = new LatencySample(name);
        var total = (int)(perSecond * duration.TotalSeconds);
        var timeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        var inFlight = new List<Task>(total);
        using var gate = new SemaphoreSlim(maxInFlight);
        var dropped = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
            if (!gate.Wait(0)) { dropped++; sample.AddError("dropped: too many in flight"); continue; }
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(timeout);
                try
                {
                    await request(index, deadline.Token);
                    sample.Add(clock.Elapsed - due);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    sample.AddError(ErrorReason.Of(ex, deadline.IsCancellationRequested));
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None));
        }
        var sent = clock.Elapsed;
        await Task.WhenAll(inFlight);
        cancellationToken.ThrowIfCancellationRequested();
        return new LoadResult(sample, perSecond, total, dropped, total / Math.Max(sent.TotalSeconds, 1e-3));
    }
}

/// <param name="AchievedRate">Requests started per second over the sending window.</param>
public sealed record LoadResult(LatencySample Latency, int TargetRate, int Requests, int Dropped, double AchievedRate);
