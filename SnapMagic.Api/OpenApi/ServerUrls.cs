using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SnapMagic.Api.OpenApi;

/// <summary>
/// The server the document names is the request's own base, which ASP.NET writes with a trailing slash; paths start
/// with one, so a client that joins the two would ask for <c>//api/...</c>.
/// </summary>
internal sealed class ServerUrls : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
                server.Url = url.TrimEnd('/');
        }
        return Task.CompletedTask;
    }
}
