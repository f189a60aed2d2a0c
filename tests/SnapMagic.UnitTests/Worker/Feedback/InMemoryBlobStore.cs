using System.Collections.Concurrent;
using SnapMagic.Storage;

namespace SnapMagic.UnitTests.Worker.Feedback;

/// <summary>The blob store in memory: recordings a test put there.</summary>
internal sealed class InMemoryBlobStore : IImageStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new();

    public int Reads { get; private set; }

    public Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default) =>
        SaveAsync(key, png, "image/png", cancellationToken);

    public Task SaveAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken = default)
    {
        _blobs[key] = bytes.ToArray();
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult<Stream?>(_blobs.TryGetValue(key, out var bytes) ? new MemoryStream(bytes, writable: false) : null);
    }

    public Uri? GetDirectReadUrl(string key, TimeSpan lifetime) => null;

    public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
