using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SnapMagic.Imaging.Video;

/// <summary>
/// Animates cards on this machine: a <see cref="KenBurnsAnimation"/> written as <c>{correlation id}.webp</c> under
/// <see cref="LocalVideoModelOptions.OutputDirectory"/>. Starting draws the frames at once (about a second) and writes the
/// file whole (aside, then moved); the status is read from the folder alone, so any worker process that shares it answers
/// the same (a re-check lands on whichever replica receives it). A start that finds the file drawn does not draw it again.
/// </summary>
public sealed class LocalVideoModel(IOptions<VideoModelOptions> options, ILogger<LocalVideoModel> logger) : IVideoModel
{
    public const string ContentType = "image/webp";
    public const string LostMessage = "The animation was interrupted. Please start it again.";

    public async Task<AnimationHandle> StartAnimationAsync(AnimationRequest request, CancellationToken cancellationToken = default)
    {
        var path = PathOf(request.CorrelationId);
        if (!File.Exists(path))
        {
            byte[] webp;
            try
            {
                webp = KenBurnsAnimation.RenderWebP(request.CardPng);
            }
            catch (Exception ex) when (ex is not VideoModelException)
            {
                logger.LogWarning(ex, "The local animation of card {CorrelationId} failed.", request.CorrelationId);
                throw new VideoModelException(false, VideoModelException.RefusedMessage, $"Drawing the animation failed: {ex.Message}", ex);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = $"{path}.{Guid.NewGuid():N}.partial";
            await File.WriteAllBytesAsync(partial, webp, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        return new AnimationHandle(request.CorrelationId);
    }

    /// <summary>Completed when the file is there; otherwise it was never drawn here (or the folder lost it): failed.</summary>
    public Task<AnimationStatus> GetStatusAsync(AnimationHandle handle, CancellationToken cancellationToken = default)
    {
        var path = PathOf(handle.Id);
        AnimationStatus status = File.Exists(path)
            ? new AnimationStatus.Completed(path, ContentType)
            : new AnimationStatus.Failed(LostMessage, $"No animation of {handle.Id} in {options.Value.Local.OutputDirectory}.");
        return Task.FromResult(status);
    }

    private string PathOf(string correlationId)
    {
        // Correlation ids are the Api's URL-safe tokens; anything else must not reach the file system.
        if (correlationId.Length is 0 or > 128 || !correlationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new VideoModelException(false, VideoModelException.RefusedMessage, $"'{correlationId}' is not a correlation id.");
        return Path.Combine(options.Value.Local.OutputDirectory, correlationId + ".webp");
    }
}
