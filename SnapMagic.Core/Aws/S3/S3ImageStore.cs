using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Aws.S3;

/// <summary>Card PNGs in one S3 bucket; browsers read them through short-lived presigned GET URLs.</summary>
public sealed class S3ImageStore(IAmazonS3 s3, string bucketName) : IImageStore
{
    /// <summary>SigV4 presigned URLs live at most 7 days.</summary>
    private static readonly TimeSpan MaxUrlLifetime = TimeSpan.FromDays(7);

    public string BucketName => bucketName;

    public async Task SaveAsync(string key, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var body = new MemoryStream(png.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucketName,
            Key = key,
            InputStream = body,
            ContentType = "image/png",
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
                ContentDisposition = $"attachment; filename=\"{CardJob.DownloadFileName(Path.GetFileNameWithoutExtension(key))}\"",
            },
        }));
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
