using System.Diagnostics;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>
/// A fixed number of requests with a fixed number in flight: each of <c>inFlight</c> loops sends its next
/// request when its last one answered (a closed loop), so latency is the server's answer time under that load.
/// </summary>
public static class ClosedLoopLoad
{
    public static async Task<LatencySample> RunAsync(
        string name, int requests, int inFlight, Func<int, CancellationToken, Task> request, CancellationToken cancellationToken = default)
    {
        var sample = new LatencySample(name);
        await RunAsync(sample, requests, inFlight, request, cancellationToken);
        return sample;
    }

    /// <summary>The same, adding to <paramref name="sample"/> (one series measured in several rounds).</summary>
    public static async Task RunAsync(
        LatencySample sample, int requests, int inFlight, Func<int, CancellationToken, Task> request, CancellationToken cancellationToken = default)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await request(index, cancellationToken);
                    sample.Add(Stopwatch.GetElapsedTime(started));
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    sample.AddError(ErrorReason.Of(ex));
                }
            }
        }, cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
    }
}
