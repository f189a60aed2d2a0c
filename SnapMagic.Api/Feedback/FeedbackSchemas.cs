using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SnapMagic.Contracts;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Feedback;

/// <summary>What the feedback contracts' plain strings may hold: status, kind and sentiment names, and the typed answer's rules.</summary>
internal sealed class FeedbackSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        switch (context.JsonPropertyInfo)
        {
            case { Name: "status", DeclaringType: var type } when type == typeof(FeedbackView) || type == typeof(FeedbackAccepted):
                schema.Enum = [.. Enum.GetValues<FeedbackStatus>().Select(status => (JsonNode)JsonValue.Create(status.ToWireName()))];
                break;
            case { Name: "kind", DeclaringType: var type } when type == typeof(FeedbackView):
                schema.Enum = [.. Enum.GetValues<FeedbackKind>().Select(kind => (JsonNode)JsonValue.Create(kind.ToWireName()))];
                break;
            case { Name: "sentiment", DeclaringType: var type } when type == typeof(FeedbackView):
                schema.Enum = [.. Enum.GetValues<Sentiment>().Select(sentiment => (JsonNode)JsonValue.Create(sentiment.ToWireName())), null!];
                break;
            case { Name: "text", DeclaringType: var type } when type == typeof(TypedFeedbackRequest):
                schema.Description = $"{FeedbackLimits.MinTextLength}-{FeedbackLimits.MaxTextLength} characters after trimming spaces; plain text without control characters.";
                break;
        }
        return Task.CompletedTask;
    }
}
