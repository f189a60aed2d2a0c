using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SnapMagic.Imaging.Video;

/// <summary>
/// Animates cards on this machine: a <see cref="KenBurnsAnimation"/> written as <c>{correlation id}.webp</c> under
/// <see cref="LocalVideoModelOptions.OutputDirectory"/>. Starting returns at once; the frames are drawn in the
/// background (about a second) and the file appears whole (written aside, then moved).
/// </summary>
public sealed class LocalVideoModel(IOptions<VideoModelOptions> options, ILogger<LocalVideoModel> logger) : IVideoModel
{
    public const string ContentType = "image/webp";

    private readonly ConcurrentDictionary<string, Task> _renders = new();

    public Task<AnimationHandle> StartAnimationAsync(AnimationRequest request, CancellationToken cancellationToken = default)
    {
        var path = PathOf(request.CorrelationId);
        if (!File.Exists(path))
            _renders.GetOrAdd(request.CorrelationId, _ => Task.Run(() => Render(request, path), CancellationToken.None));
        return Task.FromResult(new AnimationHandle(request.CorrelationId));
    }

    public Task<AnimationStatus> GetStatusAsync(AnimationHandle handle, CancellationToken cancellationToken = default)
    {
        var path = PathOf(handle.Id);
        AnimationStatus status = File.Exists(path) ? new AnimationStatus.Completed(path, ContentType)
            : !_renders.TryGetValue(handle.Id, out var render) ? new AnimationStatus.Failed(LostMessage, $"No animation of {handle.Id} is being drawn in this process.")
            : render.IsFaulted ? new AnimationStatus.Failed(VideoModelException.RefusedMessage, render.Exception!.GetBaseException().Message)
            : AnimationStatus.InProgress;
        return Task.FromResult(status);
    }

    /// <summary>Completes when this process's drawing of <paramref name="handle"/> ends (tests wait on it instead of sleeping).</summary>
    internal Task WhenDrawnAsync(AnimationHandle handle) => _renders.TryGetValue(handle.Id, out var render) ? render : Task.CompletedTask;

    public const string LostMessage = "The animation was interrupted. Please start it again.";

    private void Render(AnimationRequest request, string path)
    {
        try
        {
            var webp = KenBurnsAnimation.RenderWebP(request.CardPng);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = $"{path}.{Guid.NewGuid():N}.partial";
            File.WriteAllBytes(partial, webp);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The local animation of card {CorrelationId} failed.", request.CorrelationId);
            throw;
        }
    }

    private string PathOf(string correlationId)
    {
        // Correlation ids are the Api's URL-safe tokens; anything else must not reach the file system.
        if (correlationId.Length is 0 or > 128 || !correlationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new VideoModelException(false, VideoModelException.RefusedMessage, $"'{correlationId}' is not a correlation id.");
        return Path.Combine(options.Value.Local.OutputDirectory, correlationId + ".webp");
    }
}
