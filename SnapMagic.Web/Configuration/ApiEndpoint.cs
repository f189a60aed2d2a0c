namespace SnapMagic.Web.Configuration;

/// <summary>
/// Where browsers reach the Api (<c>Api:PublicUrl</c>). The page learns it from <c>/config.json</c>;
/// the Content-Security-Policy allows exactly this origin.
/// </summary>
public sealed record ApiEndpoint(Uri PublicUrl)
{
    public const string ConfigurationKey = "Api:PublicUrl";

    /// <summary>The AppHost's default Api address, used only in Development when nothing is configured.</summary>
    public static readonly Uri DevelopmentDefault = new("http://localhost:5180");

    /// <summary>The base URL without a trailing slash, as the page joins paths to it.</summary>
    public string BaseUrl => PublicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public string Origin => PublicUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The same origin for SignalR's WebSocket transport (ws: or wss:).</summary>
    public string WebSocketOrigin => (PublicUrl.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + PublicUrl.Authority;

    public static ApiEndpoint FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsDevelopment())
                return new ApiEndpoint(DevelopmentDefault);
            throw new InvalidOperationException(
                $"Set {ConfigurationKey} (environment variable Api__PublicUrl) to the absolute URL browsers use for the SnapMagic Api, e.g. https://api.example.com.");
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"{ConfigurationKey} must be an absolute http or https URL; it is '{configured}'.");

        return new ApiEndpoint(url);
    }
}
