using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Cards;

/// <summary>
/// Short-lived signed links to <c>/api/cards/{id}/image</c>, so an image works in an &lt;img&gt; tag or a download
/// link where no Authorization header travels. HMAC-SHA256 over id and expiry, with a key derived from the JWT key.
/// </summary>
internal sealed class ImageLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    // Expiry rounded up to this step, so repeated reads of a card give the same URL and the browser cache hits.
    private static readonly long StepSeconds = 300;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public ImageLinks(IOptions<JwtOptions> jwt, TimeProvider time)
    {
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(jwt.Value.SigningKey!), "snapmagic image links v1"u8);
        _time = time;
    }

    public string PathAndQuery(string correlationId)
    {
        var expires = _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        expires = (expires + StepSeconds - 1) / StepSeconds * StepSeconds;
        return $"{ApiRoutes.CardImage(correlationId)}?expires={expires}&sig={Sign(correlationId, expires)}";
    }

    public bool IsValid(string correlationId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) || signature is null)
            return false;
        if (expiresAt < _time.GetUtcNow().ToUnixTimeSeconds())
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(correlationId, expiresAt));
        var presented = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private string Sign(string correlationId, long expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{correlationId}\n{expires}"));
        return System.Buffers.Text.Base64Url.EncodeToString(mac);
    }
}
