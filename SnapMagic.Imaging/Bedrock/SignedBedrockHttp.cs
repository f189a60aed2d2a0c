using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// The HTTP under both Bedrock clients (runtime and control plane): SigV4-signed for service <c>bedrock</c> in
/// <see cref="BedrockOptions.Region"/>, any non-2xx answer or lost connection turned into a <see cref="BedrockException"/>.
/// </summary>
internal sealed class SignedBedrockHttp : IDisposable
{
    public const string SigningService = "bedrock";

    private readonly HttpClient _http;

    public SignedBedrockHttp(BedrockOptions options, Uri baseAddress, AWSCredentials credentials, HttpMessageHandler? innerHandler)
    {
        var signer = new SigV4SigningHandler(
            credentials,
            RegionEndpoint.GetBySystemName(options.Region),
            SigningService,
            innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http = new HttpClient(signer)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)),
        };
    }

    /// <summary>Sends the request and returns the body of a 2xx answer.</summary>
    public async Task<byte[]> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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
