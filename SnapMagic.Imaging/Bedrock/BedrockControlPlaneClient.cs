using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// The one control-plane call the worker makes: GetFoundationModel (<c>GET /foundation-models/{modelId}</c> on
/// <c>bedrock.{region}.amazonaws.com</c>, SigV4 service <c>bedrock</c>), to read the model's lifecycle at start-up.
/// </summary>
public sealed partial class BedrockControlPlaneClient : IDisposable
{
    private readonly SignedBedrockHttp _http;

    public BedrockControlPlaneClient(BedrockOptions options, AWSCredentials credentials, HttpMessageHandler? innerHandler = null) =>
        _http = new SignedBedrockHttp(options, options.ResolveControlPlaneUrl(), credentials, innerHandler);

    /// <summary>The lifecycle of the foundation model behind <paramref name="modelOrProfileId"/>; <see cref="BedrockException"/> on refusal.</summary>
    public async Task<FoundationModelLifecycle> GetFoundationModelLifecycleAsync(string modelOrProfileId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FoundationModelPath(FoundationModelId(modelOrProfileId)));
        var body = await _http.SendAsync(request, cancellationToken);
        return FoundationModelLifecycle.Parse(body);
    }

    public static string FoundationModelPath(string modelId) => $"foundation-models/{Uri.EscapeDataString(modelId)}";

    /// <summary>
    /// GetFoundationModel knows foundation models, not inference profiles: <c>us.amazon.nova-2-omni-v1:0</c> is the
    /// US cross-Region profile of <c>amazon.nova-2-omni-v1:0</c>, so the geography prefix is dropped.
    /// </summary>
    public static string FoundationModelId(string modelOrProfileId) => GeographyPrefix().Replace(modelOrProfileId, "");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"^(us|us-gov|eu|apac|jp|au|ca|global)\.(?=[a-z0-9-]+\.)")]
    private static partial Regex GeographyPrefix();
}
