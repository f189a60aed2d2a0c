namespace SnapMagic.Storage;

/// <summary>
/// The event's blob store: finished card PNGs (<see cref="Cards.CardJob.ImageKeyFor"/>), card animations
/// (<see cref="Cards.CardAnimation.VideoKeyFor"/>) and feedback recordings (<see cref="Feedback.FeedbackItem.RecordingKeyFor"/>).
/// Keys are relative paths of plain segments (letters, digits, '.', '-', '_').
/// </summary>
public interface IImageStore
{
    /// <summary>Writes (or overwrites: a retried job writes the same key) the PNG: <see cref="SaveAsync(string, ReadOnlyMemory{byte}, string, CancellationToken)"/> as <c>image/png</c>.</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default);

    /// <summary>Writes (or overwrites) any blob with its media type (<c>video/mp4</c>, <c>image/webp</c>, <c>audio/webm</c>, <c>audio/wav</c>).</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The blob's bytes, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A short-lived URL a browser can load without an Authorization header (S3: a presigned GET), or null
    /// when the store has none and the Api serves the image itself behind its own signed link.
    /// </summary>
    Uri? GetDirectReadUrl(string key, TimeSpan lifetime);

    Task PingAsync(CancellationToken cancellationToken = default);
}
