using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.Imaging.Video.Bedrock;

/// <summary>
/// Bedrock Runtime's asynchronous invocation over the project's SigV4 adapter (AWSSDK.BedrockRuntime is not served):
/// StartAsyncInvoke (<c>POST /async-invoke</c>) and GetAsyncInvoke (<c>GET /async-invoke/{invocationArn}</c>, the ARN
/// one URL-encoded segment). Failures are <see cref="BedrockException"/>s; no retries here.
/// </summary>
public sealed class BedrockAsyncInvokeClient : IDisposable
{
    private readonly SignedBedrockHttp _http;

    /// <param name="innerHandler">The transport under the signer; tests may pass their own.</param>
    public BedrockAsyncInvokeClient(BedrockVideoOptions options, AWSCredentials credentials, HttpMessageHandler? innerHandler = null)
    {
        var runtime = options.ToRuntimeOptions();
        _http = new SignedBedrockHttp(runtime, runtime.ResolveServiceUrl(), credentials, innerHandler);
    }

    public const string StartPath = "async-invoke";

    public static string GetPath(string invocationArn) => $"async-invoke/{Uri.EscapeDataString(invocationArn)}";

    /// <summary>Starts the invocation and returns its ARN; the same token returns the same ARN.</summary>
    internal async Task<string> StartAsync(StartAsyncInvokeRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StartPath)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, AsyncInvokeJsonContext.Default.StartAsyncInvokeRequest))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        var answer = Read(await _http.SendAsync(request, cancellationToken), AsyncInvokeJsonContext.Default.StartAsyncInvokeResponse);
        return string.IsNullOrEmpty(answer.InvocationArn) ? throw Garbled("StartAsyncInvoke answered without an invocationArn.") : answer.InvocationArn;
    }

    internal async Task<GetAsyncInvokeResponse> GetAsync(string invocationArn, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, GetPath(invocationArn));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return Read(await _http.SendAsync(request, cancellationToken), AsyncInvokeJsonContext.Default.GetAsyncInvokeResponse);
    }

    public void Dispose() => _http.Dispose();

    private static T Read<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw Garbled("Bedrock answered 200 with a JSON null.");
        }
        catch (JsonException ex)
        {
            throw Garbled($"Bedrock answered 200 with a body that is not the expected JSON: {ex.Message}");
        }
    }

    // A garbled 200 is worth asking again, as for the image models.
    private static VideoModelException Garbled(string detail) => new(true, VideoModelException.BusyMessage, detail);
}
