namespace SnapMagic.AppHost;

internal static class ServiceEndpoints
{
    /// <summary>The origins a browser shows for the page's endpoint (localhost and 127.0.0.1), for the Api's CORS.</summary>
    public static ReferenceExpression BrowserOrigins(this IResourceBuilder<ProjectResource> page)
    {
        var port = page.GetEndpoint("http").Property(EndpointProperty.Port);
        return ReferenceExpression.Create($"http://localhost:{port},http://127.0.0.1:{port}");
    }
}
