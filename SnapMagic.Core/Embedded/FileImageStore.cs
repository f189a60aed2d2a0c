using Microsoft.Extensions.Options;
using SnapMagic.Storage;

namespace SnapMagic.Embedded;

/// <summary>
/// The event's blobs (PNGs, animations, recordings) as files under <c>{DataDirectory}/images/{key}</c>. A save writes a
/// temporary file and renames it over the key, so a reader sees the old file or the new one, never half of one. The
/// media type is not kept: the Api knows it from the key's record (the card, its animation, the feedback item).
/// </summary>
public sealed class FileImageStore : IImageStore
{
    private const int MaxKeyLength = 512;
    private readonly string _root;

    public FileImageStore(IOptions<EmbeddedOptions> options) : this(options.Value.DataDirectory)
    {
    }

    public FileImageStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _root = Path.GetFullPath(Path.Combine(dataDirectory, "images"));
        Directory.CreateDirectory(_root);
    }

    public Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default) =>
        SaveAsync(key, png, "image/png", cancellationToken);

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(bytes, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>None: the Api serves embedded images itself behind its own signed links.</summary>
    public Uri? GetDirectReadUrl(string key, TimeSpan lifetime)
    {
        _ = PathFor(key);
        return null;
    }

    public Task PingAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_root))
            throw new DirectoryNotFoundException($"The image folder '{_root}' does not exist.");
        return Task.CompletedTask;
    }

    /// <summary>Keys are relative paths of plain segments (letters, digits, '.', '-', '_'); nothing can leave the folder.</summary>
    internal string PathFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxKeyLength)
            throw new ArgumentException($"An image key must be 1-{MaxKeyLength} characters.", nameof(key));
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || !segment.All(IsKeyCharacter))
                throw new ArgumentException($"Invalid image key '{key}': use relative segments of letters, digits, '.', '-' and '_'.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Invalid image key '{key}'.", nameof(key));
        return path;
    }

    private static bool IsKeyCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
