using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Aws.S3;

/// <summary>
/// The event's blobs (card PNGs, animations, recordings) in one S3 bucket, each with its media type as the object's
/// Content-Type; browsers read them through short-lived presigned GET URLs.
/// </summary>
public sealed class S3ImageStore(IAmazonS3 s3, string bucketName) : IImageStore
{
    /// <summary>SigV4 presigned URLs live at most 7 days.</summary>
    private static readonly TimeSpan MaxUrlLifetime = TimeSpan.FromDays(7);

    public string BucketName => bucketName;

    public Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default) =>
        SaveAsync(key, png, "image/png", cancellationToken);

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        using var body = new MemoryStream(bytes.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucketName,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            AutoCloseStream = false,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        try
        {
            using var response = await s3.GetObjectAsync(bucketName, key, cancellationToken);
            // Copied so the HTTP response is released now; card PNGs are small.
            var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode is "NoSuchKey" or "NotFound")
        {
            return null;
        }
    }

    public Uri? GetDirectReadUrl(string key, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (lifetime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lifetime), "The URL lifetime must be positive.");
        var secure = s3.Config.ServiceURL is not { } serviceUrl || serviceUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        return new Uri(s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucketName,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + (lifetime < MaxUrlLifetime ? lifetime : MaxUrlLifetime),
            Protocol = secure ? Protocol.HTTPS : Protocol.HTTP,
            // An <img> ignores the disposition; a download link saves the card under a meaningful name,
            // which the page cannot ask for across origins.
            ResponseHeaderOverrides = new ResponseHeaderOverrides
            {
                ContentDisposition = $"attachment; filename=\"{DownloadFileName(key)}\"",
            },
        }));
    }

    /// <summary>The name a download is saved under: a card's or an animation's (by the key's extension), else the key's file name.</summary>
    internal static string DownloadFileName(string key)
    {
        var id = Path.GetFileNameWithoutExtension(key);
        return Path.GetExtension(key) switch
        {
            ".png" => CardJob.DownloadFileName(id),
            ".mp4" => CardAnimation.DownloadFileName(id, "video/mp4"),
            ".webp" => CardAnimation.DownloadFileName(id, "image/webp"),
            _ => Path.GetFileName(key),
        };
    }

    /// <summary>
    /// Any answer from the bucket proves S3 is reachable: the policy grants only Get/PutObject, so a missing
    /// key may come back 403 instead of 404. Only a missing bucket or no answer at all fails.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await s3.GetObjectMetadataAsync(bucketName, "cards/.ping", cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden && ex.ErrorCode is not "NoSuchBucket")
        {
        }
    }
}
