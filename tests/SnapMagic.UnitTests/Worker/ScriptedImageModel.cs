using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Worker;

/// <summary>
/// An image model that plays a script, one step per call (the last step repeats): answer a PNG, throw,
/// or hang until the call is cancelled. Records every call.
/// </summary>
internal sealed class ScriptedImageModel : IImageModel
{
    public delegate Task<byte[]> Step(CardImageRequest request, CancellationToken cancellationToken);

    /// <summary>The smallest valid PNG header; enough for a store that does not decode it.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private readonly Lock _lock = new();
    private readonly List<Step> _script = [];
    private readonly List<CardImageRequest> _calls = [];
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<CardImageRequest> Calls
    {
        get
        {
            lock (_lock)
                return [.. _calls];
        }
    }

    /// <summary>Completes when a call is hanging (waiting for its cancellation).</summary>
    public Task Hanging => _hanging.Task;

    public static Step Succeeds() => (_, _) => Task.FromResult(Png);

    public static Step Throws(ImageModelFailure failure, string message = "scripted failure") =>
        (_, _) => throw new ImageModelException(failure, message);

    public static Step Throws(Exception exception) => (_, _) => throw exception;

    public ScriptedImageModel Then(params Step[] steps)
    {
        lock (_lock)
            _script.AddRange(steps);
        return this;
    }

    public Task<byte[]> PaintCardAsync(CardImageRequest request, CancellationToken cancellationToken = default)
    {
        Step step;
        lock (_lock)
        {
            if (_script.Count == 0)
                throw new InvalidOperationException("The test gave the model no script.");
            step = _script[Math.Min(_calls.Count, _script.Count - 1)];
            _calls.Add(request);
        }
        return step(request, cancellationToken);
    }

    public Step Hangs() => async (_, cancellationToken) =>
    {
        _hanging.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };
}
