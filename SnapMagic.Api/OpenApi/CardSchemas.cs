using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SnapMagic.Api.Cards;
using SnapMagic.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.OpenApi;

/// <summary>What the card contracts' plain strings may hold: the status names and the prompt's rules.</summary>
internal sealed class CardSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.JsonPropertyInfo)
        {
            case { Name: "status", DeclaringType: var type } when type == typeof(CardView) || type == typeof(CardAccepted):
                schema.Enum = [.. Enum.GetValues<CardStatus>().Select(status => (JsonNode)JsonValue.Create(status.ToWireName()))];
                break;
            case { Name: "prompt", DeclaringType: var type } when type == typeof(CreateCardRequest):
                schema.Description = $"{PromptRules.MinLength}-{PromptRules.MaxLength} characters after trimming spaces; plain text without control characters.";
                break;
        }
        return Task.CompletedTask;
    }
}
