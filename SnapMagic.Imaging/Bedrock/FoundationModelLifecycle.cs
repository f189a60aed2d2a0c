using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// <c>modelDetails.modelLifecycle</c> of a GetFoundationModel answer: <c>ACTIVE</c> or <c>LEGACY</c>, and the
/// dates the API reference lists (all optional).
/// </summary>
public sealed record FoundationModelLifecycle(
    string ModelId,
    string Status,
    DateTimeOffset? LegacyTime = null,
    DateTimeOffset? PublicExtendedAccessTime = null,
    DateTimeOffset? EndOfLifeTime = null)
{
    public bool IsLegacy => Status.Equals("LEGACY", StringComparison.OrdinalIgnoreCase);

    public bool IsPastEndOfLife(DateTimeOffset now) => EndOfLifeTime <= now;

    /// <summary>Reads a GetFoundationModel response body; <see cref="FormatException"/> when it has no lifecycle status.</summary>
    public static FoundationModelLifecycle Parse(ReadOnlySpan<byte> body)
    {
        JsonNode? details;
        try
        {
            details = JsonNode.Parse(body)?["modelDetails"];
        }
        catch (JsonException ex)
        {
            throw new FormatException($"GetFoundationModel answered with a body that is not JSON: {ex.Message}", ex);
        }
        var lifecycle = details?["modelLifecycle"];
        var status = lifecycle?["status"]?.GetValue<string>() ?? throw new FormatException("GetFoundationModel answered without modelDetails.modelLifecycle.status.");
        return new FoundationModelLifecycle(
            details!["modelId"]?.GetValue<string>() ?? "",
            status,
            ReadTime(lifecycle!["legacyTime"]),
            ReadTime(lifecycle["publicExtendedAccessTime"]),
            ReadTime(lifecycle["endOfLifeTime"]));
    }

    // The API reference types these as Timestamp without saying how they travel in JSON: accept epoch
    // seconds (the REST-JSON default) and ISO 8601 strings.
    private static DateTimeOffset? ReadTime(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)(node.GetValue<double>() * 1000)),
        JsonValueKind.String when DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
        _ => null,
    };
}
