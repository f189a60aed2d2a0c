using System.Net.Http.Headers;
using Amazon.Runtime;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// A thin Bedrock Runtime client (AWSSDK.BedrockRuntime is not served): <c>POST /model/{modelId}/invoke</c> and
/// <c>POST /model/{modelId}/converse</c> over HttpClient, SigV4-signed for service <c>bedrock</c> in
/// <see cref="BedrockOptions.Region"/>. Failures become <see cref="BedrockException"/>s. No retries here: the
/// worker's pipeline owns them.
/// </summary>
public sealed class BedrockRuntimeClient : IDisposable
{
    public const string SigningService = SignedBedrockHttp.SigningService;

    private readonly SignedBedrockHttp _http;

    /// <param name="innerHandler">The transport under the signer; tests may pass their own.</param>
    public BedrockRuntimeClient(BedrockOptions options, AWSCredentials credentials, HttpMessageHandler? innerHandler = null) =>
        _http = new SignedBedrockHttp(options, options.ResolveServiceUrl(), credentials, innerHandler);

    /// <summary>InvokeModel: sends the model's own JSON body and returns the response body of a 2xx answer.</summary>
    public Task<byte[]> InvokeModelAsync(string modelId, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken = default) =>
        PostJsonAsync(InvokePath(modelId), jsonBody, cancellationToken);

    /// <summary>Converse: sends a Converse request body (messages, system, inferenceConfig) and returns the response body.</summary>
    public Task<byte[]> ConverseAsync(string modelId, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken = default) =>
        PostJsonAsync(ConversePath(modelId), jsonBody, cancellationToken);

    /// <summary>The path with the model id as one URL-encoded segment (<c>:</c> travels as <c>%3A</c>).</summary>
    public static string InvokePath(string modelId) => $"model/{Uri.EscapeDataString(modelId)}/invoke";

    public static string ConversePath(string modelId) => $"model/{Uri.EscapeDataString(modelId)}/converse";

    public void Dispose() => _http.Dispose();

    private async Task<byte[]> PostJsonAsync(string path, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ReadOnlyMemoryContent(jsonBody) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await _http.SendAsync(request, cancellationToken);
    }
}
