using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SnapMagic.Api.OpenApi;

/// <summary>
/// The session token as an HTTP bearer security scheme, required by every operation that requires authorization.
/// An operation that also allows anonymous callers (the card image: a signed link or the owner's token) lists
/// "no auth" next to the token; one that needs no token at all (login) says so with an empty <c>security</c>.
/// </summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string SchemeId = JwtBearerDefaults.AuthenticationScheme;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The token POST /api/auth/login returns, as 'Authorization: Bearer <token>'.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Security ??= [];
        if (!metadata.OfType<IAuthorizeData>().Any())
            return Task.CompletedTask;

        if (metadata.OfType<IAllowAnonymous>().Any())
            operation.Security.Add(new OpenApiSecurityRequirement());
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
        return Task.CompletedTask;
    }
}
