namespace SnapMagic.Web.Configuration;

/// <summary>
/// Where card images come from besides the Api (<c>Web:ImageOrigins</c>, space- or comma-separated origins): the
/// image bucket's presigned links on the AWS backend (images and animations). The Content-Security-Policy admits these hosts
/// and no other, in img-src and media-src.
/// </summary>
public sealed record ImageOrigins(IReadOnlyList<string> Origins)
{
    public const string ConfigurationKey = "Web:ImageOrigins";

    public static ImageOrigins FromConfiguration(IConfiguration configuration)
    {
        var origins = new List<string>();
        foreach (var configured in (configuration[ConfigurationKey] ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw new InvalidOperationException($"{ConfigurationKey} must list absolute http or https origins; '{configured}' is not one.");
            origins.Add(url.GetLeftPart(UriPartial.Authority));
        }
        return new ImageOrigins(origins);
    }
}
