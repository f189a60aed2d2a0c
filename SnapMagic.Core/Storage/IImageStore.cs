namespace SnapMagic.Storage;

/// <summary>Finished card PNGs, keyed by <see cref="Cards.CardJob.ImageKeyFor"/>.</summary>
public interface IImageStore
{
    /// <summary>Writes (or overwrites: a retried job writes the same key) the PNG.</summary>
    Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default);

    /// <summary>The PNG's bytes, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A short-lived URL a browser can load without an Authorization header (S3: a presigned GET), or null
    /// when the store has none and the Api serves the image itself behind its own signed link.
    /// </summary>
    Uri? GetDirectReadUrl(string key, TimeSpan lifetime);

    Task PingAsync(CancellationToken cancellationToken = default);
}
