using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SnapMagic.Api.Http;

/// <summary>
/// Reads a small JSON body with a size cap, answering every way it can be wrong (no body, not JSON, wrong
/// content type, too large) with a 4xx ProblemDetails instead of an exception.
/// </summary>
internal static class JsonRequestBody
{
    public const int DefaultMaxBytes = 16 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, int maxBytes = DefaultMaxBytes) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, ApiProblems.UnsupportedMediaType());
        var (body, problem) = await RequestBytes.ReadAsync(request, maxBytes);
        return problem is not null ? (null, problem) : Parse(body!, typeInfo);
    }

    private static (T? Value, IResult? Problem) Parse<T>(byte[] body, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (body.Length == 0)
            return (null, ApiProblems.BadRequest("The request needs a JSON body.", "Missing body"));
        try
        {
            var jsonReader = new Utf8JsonReader(body);
            var value = JsonSerializer.Deserialize(ref jsonReader, typeInfo);
            if (jsonReader.Read())
                throw new JsonException("More than one JSON value.");
            return value is null
                ? (null, ApiProblems.BadRequest("The request body must be a JSON object.", "Invalid JSON"))
                : (value, null);
        }
        catch (JsonException)
        {
            return (null, ApiProblems.BadRequest("The request body is not valid JSON for this endpoint.", "Invalid JSON"));
        }
    }
}
