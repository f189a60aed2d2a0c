using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Cards;

/// <summary>What a signed link opens: a link signed for one never opens the other.</summary>
internal enum SignedLinkPurpose
{
    /// <summary><c>/api/cards/{id}/image</c>.</summary>
    Image,
    /// <summary><c>/api/cards/{id}/animation/video</c>.</summary>
    AnimationVideo,
}

/// <summary>
/// Short-lived signed links to a card's image (<c>/api/cards/{id}/image</c>) and its animation's video, so they work in an
/// &lt;img&gt; or &lt;video&gt; tag or a download link where no Authorization header travels. HMAC-SHA256 over id and
/// expiry, with a key derived from the JWT key per <see cref="SignedLinkPurpose"/>, so an image's signature never opens a video.
/// </summary>
internal sealed class ImageLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    // Expiry rounded up to this step, so repeated reads of a card give the same URL and the browser cache hits.
    private static readonly long StepSeconds = 300;

    private readonly byte[] _imageKey;
    private readonly byte[] _videoKey;
    private readonly TimeProvider _time;

    public ImageLinks(IOptions<JwtOptions> jwt, TimeProvider time)
    {
        var signingKey = Encoding.UTF8.GetBytes(jwt.Value.SigningKey!);
        _imageKey = HMACSHA256.HashData(signingKey, "snapmagic image links v1"u8);
        _videoKey = HMACSHA256.HashData(signingKey, "snapmagic animation video links v1"u8);
        _time = time;
    }

    public string PathAndQuery(string correlationId, SignedLinkPurpose purpose = SignedLinkPurpose.Image)
    {
        var expires = _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        expires = (expires + StepSeconds - 1) / StepSeconds * StepSeconds;
        var path = purpose == SignedLinkPurpose.Image ? ApiRoutes.CardImage(correlationId) : ApiRoutes.CardAnimationVideo(correlationId);
        return $"{path}?expires={expires}&sig={Sign(purpose, correlationId, expires)}";
    }

    public bool IsValid(string correlationId, string? expires, string? signature, SignedLinkPurpose purpose = SignedLinkPurpose.Image)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) || signature is null)
            return false;
        if (expiresAt < _time.GetUtcNow().ToUnixTimeSeconds())
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(purpose, correlationId, expiresAt));
        var presented = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private string Sign(SignedLinkPurpose purpose, string correlationId, long expires)
    {
        var mac = HMACSHA256.HashData(purpose == SignedLinkPurpose.Image ? _imageKey : _videoKey, Encoding.UTF8.GetBytes($"{correlationId}\n{expires}"));
        return System.Buffers.Text.Base64Url.EncodeToString(mac);
    }
}
