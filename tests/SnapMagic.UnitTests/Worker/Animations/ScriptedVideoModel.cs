using System.Collections.Concurrent;
using SnapMagic.Imaging.Video;

namespace SnapMagic.UnitTests.Worker.Animations;

/// <summary>
/// A video model the test scripts: each start and status read takes the next scripted answer (or throws it), else starts
/// succeed and videos stay in progress. Like Bedrock with its client request token, a start with a correlation id it has
/// seen returns the same handle and makes no second video (<see cref="Videos"/>).
/// </summary>
internal sealed class ScriptedVideoModel : IVideoModel
{
    private readonly ConcurrentQueue<Exception> _startFailures = new();
    private readonly ConcurrentQueue<Func<AnimationStatus>> _statuses = new();
    private readonly ConcurrentDictionary<string, AnimationHandle> _videos = new();
    private int _starts;
    private int _statusReads;

    /// <summary>Start calls, repeated ones included.</summary>
    public int Starts => Volatile.Read(ref _starts);
    public int StatusReads => Volatile.Read(ref _statusReads);
    /// <summary>Videos made: one per correlation id however often it was started.</summary>
    public int Videos => _videos.Count;
    public AnimationRequest? LastRequest { get; private set; }

    public static AnimationHandle HandleOf(string correlationId) => new($"arn:test:async-invoke/{correlationId}");

    public void FailStart(params Exception[] failures)
    {
        foreach (var failure in failures)
            _startFailures.Enqueue(failure);
    }

    public void Then(params AnimationStatus[] statuses)
    {
        foreach (var status in statuses)
            _statuses.Enqueue(() => status);
    }

    public void ThenThrow(Exception failure) => _statuses.Enqueue(() => throw failure);

    public Task<AnimationHandle> StartAnimationAsync(AnimationRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _starts);
        LastRequest = request;
        if (_startFailures.TryDequeue(out var failure))
            return Task.FromException<AnimationHandle>(failure);
        return Task.FromResult(_videos.GetOrAdd(request.CorrelationId, HandleOf));
    }

    public Task<AnimationStatus> GetStatusAsync(AnimationHandle handle, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statusReads);
        try
        {
            return Task.FromResult(_statuses.TryDequeue(out var next) ? next() : AnimationStatus.InProgress);
        }
        catch (Exception ex)
        {
            return Task.FromException<AnimationStatus>(ex);
        }
    }

    public static VideoModelException Throttled => new(true, VideoModelException.BusyMessage, "Bedrock ThrottlingException (429)");
    public static VideoModelException Refused => new(false, VideoModelException.RefusedMessage, "Bedrock ValidationException (400)");
}
