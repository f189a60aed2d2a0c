using System.Buffers;
using System.IO.Pipelines;
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
        if (request.ContentLength > maxBytes)
            return (null, ApiProblems.TooLarge(maxBytes));

        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(request.HttpContext.RequestAborted);
                var buffer = read.Buffer;
                if (buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    return (null, ApiProblems.TooLarge(maxBytes));
                }
                if (read.IsCompleted)
                {
                    var result = Parse(buffer, typeInfo);
                    reader.AdvanceTo(buffer.End);
                    return result;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, TypedResults.Problem("The request body could not be read.", statusCode: ex.StatusCode, title: "Bad request body"));
        }
    }

    private static (T? Value, IResult? Problem) Parse<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (body.IsEmpty)
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
