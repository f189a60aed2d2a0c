using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace SnapMagic.Aws.Bedrock;

/// <summary>
/// A thin Bedrock Runtime client (AWSSDK.BedrockRuntime is not served): <c>POST /model/{modelId}/invoke</c>
/// over HttpClient, SigV4-signed for service <c>bedrock</c> in <see cref="BedrockOptions.Region"/>.
/// Failures become <see cref="BedrockException"/>s. No retries here: the worker's pipeline owns them.
/// </summary>
public sealed class BedrockRuntimeClient : IDisposable
{
    public const string SigningService = "bedrock";

    private readonly HttpClient _http;

    /// <param name="innerHandler">The transport under the signer; tests may pass their own.</param>
    public BedrockRuntimeClient(BedrockOptions options, AWSCredentials credentials, HttpMessageHandler? innerHandler = null)
    {
        var signer = new SigV4SigningHandler(
            credentials,
            RegionEndpoint.GetBySystemName(options.Region),
            SigningService,
            innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http = new HttpClient(signer)
        {
            BaseAddress = options.ResolveServiceUrl(),
            Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
        };
    }

    /// <summary>InvokeModel: sends the JSON body and returns the response body of a 2xx answer.</summary>
    public async Task<byte[]> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InvokePath(modelId))
        {
            Content = new ReadOnlyMemoryContent(jsonBody) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return body;
            throw FromErrorResponse(response, body);
        }
        catch (HttpRequestException ex)
        {
            throw new BedrockException(0, "ConnectionFailure", ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BedrockException(HttpStatusCode.RequestTimeout, "ClientTimeout", $"No answer within {_http.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    /// <summary>The path with the model id as one URL-encoded segment (<c>:</c> travels as <c>%3A</c>).</summary>
    public static string InvokePath(string modelId) => $"model/{Uri.EscapeDataString(modelId)}/invoke";

    public void Dispose() => _http.Dispose();

    private static BedrockException FromErrorResponse(HttpResponseMessage response, byte[] body)
    {
        // "ValidationException:http://internal.amazon.com/coral/..." → "ValidationException".
        var errorType = response.Headers.TryGetValues("X-Amzn-ErrorType", out var values) ? values.FirstOrDefault()?.Split(':')[0] : null;
        string? message = null;
        try
        {
            message = body.Length > 0 ? JsonSerializer.Deserialize(body, BedrockJsonContext.Default.BedrockErrorBody)?.Message : null;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status code still says what happened.
        }
        return new BedrockException(
            response.StatusCode,
            string.IsNullOrEmpty(errorType) ? $"Http{(int)response.StatusCode}" : errorType,
            message ?? response.ReasonPhrase ?? "no message");
    }
}
