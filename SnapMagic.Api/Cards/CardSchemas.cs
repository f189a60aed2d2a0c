using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SnapMagic.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Cards;

/// <summary>What the card contracts' plain strings may hold: the status, rating, rating source and animation status names and the prompt's rules.</summary>
internal sealed class CardSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.JsonPropertyInfo)
        {
            case { Name: "status", DeclaringType: var type } when type == typeof(CardView) || type == typeof(CardAccepted):
                schema.Enum = [.. Enum.GetValues<CardStatus>().Select(status => (JsonNode)JsonValue.Create(status.ToWireName()))];
                break;
            // Left out of the JSON until the owner rates, so null stands only for "not rated" in clients' types.
            case { Name: "rating", DeclaringType: var type } when type == typeof(CardView):
                schema.Enum = [.. Enum.GetValues<CardRating>().Select(rating => (JsonNode)JsonValue.Create(rating.ToWireName())), null!];
                break;
            case { Name: "ratingSource", DeclaringType: var type } when type == typeof(CardView):
                schema.Enum = [.. Enum.GetValues<RatingSource>().Select(source => (JsonNode)JsonValue.Create(source.ToWireName())), null!];
                break;
            case { Name: "source", DeclaringType: var type } when type == typeof(RateCardRequest):
                schema.Enum = [.. Enum.GetValues<RatingSource>().Select(source => (JsonNode)JsonValue.Create(source.ToWireName())), null!];
                schema.Description = "How the attendee rated: button (the default when left out) or gesture (a thumb to the camera).";
                break;
            case { Name: "status", DeclaringType: var type } when type == typeof(CardAnimationView):
                schema.Enum = [.. Enum.GetValues<CardAnimationStatus>().Select(status => (JsonNode)JsonValue.Create(status.ToWireName()))];
                break;
            case { Name: "prompt", DeclaringType: var type } when type == typeof(CreateCardRequest):
                schema.Description = $"{PromptRules.MinLength}-{PromptRules.MaxLength} characters after trimming spaces; plain text without control characters.";
                break;
        }
        return Task.CompletedTask;
    }
}
