using Microsoft.OpenApi;
using SnapMagic.Api.OpenApi;

namespace SnapMagic.Api.Cards;

/// <summary>The request values the card endpoints read themselves, as the document shows them.</summary>
internal static class CardsOpenApi
{
    public static RouteHandlerBuilder WithIdempotencyKeyHeader(this RouteHandlerBuilder endpoint) =>
        endpoint.WithOptionalParameter(ParameterLocation.Header, IdempotencyKeys.Header,
            "A retry with the key the session already sent answers 202 with that first card instead of making another; the same key with another prompt is 422.",
            new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotencyKeys.MaxLength,
                Pattern = $"^[!-~]{{1,{IdempotencyKeys.MaxLength}}}$",
            });

    /// <summary>The signed link's values: the card's <c>imageUrl</c> (or <paramref name="linkField"/>) carries them, a client never builds them.</summary>
    public static RouteHandlerBuilder WithImageLinkParameters(this RouteHandlerBuilder endpoint, string linkField = "imageUrl") => endpoint
        .WithOptionalParameter(ParameterLocation.Query, "expires", $"Expiry of a signed link (Unix seconds), as in the card's {linkField}.")
        .WithOptionalParameter(ParameterLocation.Query, "sig", $"Signature of a signed link, as in the card's {linkField}; with it no token is needed.")
        .WithOptionalParameter(ParameterLocation.Query, "download", "1: answer as a file download with a file name.");
}
