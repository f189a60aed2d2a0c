using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SnapMagic.Imaging.Video.Bedrock;

// StartAsyncInvoke and GetAsyncInvoke, as the Bedrock API reference gives them:
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_StartAsyncInvoke.html
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GetAsyncInvoke.html
// (clientRequestToken 1-256 characters of [!-~]; status InProgress | Completed | Failed; failureMessage.)

/// <summary>StartAsyncInvoke's body; <c>modelInput</c> is the model's own JSON document.</summary>
internal sealed record StartAsyncInvokeRequest(string ClientRequestToken, string ModelId, JsonNode ModelInput, AsyncInvokeOutputDataConfig OutputDataConfig);

/// <summary>A union in the API: the S3 location is its only member.</summary>
internal sealed record AsyncInvokeOutputDataConfig(AsyncInvokeS3OutputDataConfig S3OutputDataConfig);

internal sealed record AsyncInvokeS3OutputDataConfig(string S3Uri);

internal sealed record StartAsyncInvokeResponse(string? InvocationArn);

/// <summary>The fields of GetAsyncInvoke's answer the adapter reads.</summary>
internal sealed record GetAsyncInvokeResponse(string? InvocationArn, string? Status, string? FailureMessage, AsyncInvokeOutputDataConfig? OutputDataConfig);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartAsyncInvokeRequest))]
[JsonSerializable(typeof(StartAsyncInvokeResponse))]
[JsonSerializable(typeof(GetAsyncInvokeResponse))]
internal sealed partial class AsyncInvokeJsonContext : JsonSerializerContext;
