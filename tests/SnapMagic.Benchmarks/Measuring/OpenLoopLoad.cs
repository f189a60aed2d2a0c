using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// Fires requests at a fixed arrival rate whether or not earlier ones have answered (an open loop, as real
/// attendees arrive), so a slow server shows up as latency instead of a lower request rate. Latency is
/// measured from the moment a request was due, which keeps queueing delay in the figures. Bounded in time
/// and in requests in flight.
/// </summary>
public static class OpenLoopLoad
{
    public static async Task<LoadResult> RunAsync(
        string name, int perSecond, TimeSpan duration, Func<int, CancellationToken, Task<bool>> request,
        int maxInFlight = 4000, CancellationToken cancellationToken = default)
    {
        var sample = new LatencySample(name);
        var total = (int)(perSecond * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var gate = new SemaphoreSlim(maxInFlight);
        var dropped = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
            if (!gate.Wait(0)) { dropped++; sample.AddError(); continue; }
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    var ok = await request(index, cancellationToken);
                    if (ok) sample.Add(clock.Elapsed - due); else sample.AddError();
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    sample.AddError();
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken));
        }
        var sent = clock.Elapsed;
        await Task.WhenAll(inFlight);
        return new LoadResult(sample, perSecond, total, dropped, total / sent.TotalSeconds);
    }
}

/// <param name="AchievedRate">Requests started per second over the sending window.</param>
public sealed record LoadResult(LatencySample Latency, int TargetRate, int Requests, int Dropped, double AchievedRate);
