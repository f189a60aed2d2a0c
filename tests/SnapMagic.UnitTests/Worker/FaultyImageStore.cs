using SnapMagic.Storage;

namespace SnapMagic.UnitTests.Worker;

/// <summary>An image store that fails as <see cref="Faults"/> plans ("images.&lt;method&gt;"), else asks the real one.</summary>
internal sealed class FaultyImageStore(IImageStore inner, Faults faults) : IImageStore
{
    public Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default)
    {
        faults.Check("images.SaveAsync");
        return inner.SaveAsync(key, png, cancellationToken);
    }

    public Task SaveAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken = default)
    {
        faults.Check("images.SaveAsync");
        return inner.SaveAsync(key, bytes, contentType, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        faults.Check("images.OpenReadAsync");
        return inner.OpenReadAsync(key, cancellationToken);
    }

    public Uri? GetDirectReadUrl(string key, TimeSpan lifetime) => inner.GetDirectReadUrl(key, lifetime);

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
