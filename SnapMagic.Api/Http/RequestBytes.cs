using System.Buffers;

namespace SnapMagic.Api.Http;

/// <summary>
/// Reads a binary body of at most <c>maxBytes</c>, answering a body past it with 413 (whether it says its length or is
/// chunked) and a body the server cannot read with its 4xx, as ProblemDetails instead of exceptions.
/// </summary>
internal static class RequestBytes
{
    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes)
    {
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
                    var bytes = buffer.ToArray();
                    reader.AdvanceTo(buffer.End);
                    return (bytes, null);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, TypedResults.Problem(
                ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"The request body is larger than {maxBytes} bytes." : "The request body could not be read.",
                statusCode: ex.StatusCode, title: ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request body"));
        }
    }
}
