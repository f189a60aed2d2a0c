using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SnapMagic.Api.OpenApi;

/// <summary>
/// Documents the optional headers and query values a handler reads from the request itself (they are not handler
/// parameters, so the document cannot see them), and the headers an answer carries.
/// </summary>
internal static class OpenApiParameters
{
    public static RouteHandlerBuilder WithOptionalParameter(
        this RouteHandlerBuilder endpoint, ParameterLocation location, string name, string description, OpenApiSchema? schema = null) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = location,
                Required = false,
                Description = description,
                Schema = schema ?? new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder endpoint, int status, string name, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true
                && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });
}
