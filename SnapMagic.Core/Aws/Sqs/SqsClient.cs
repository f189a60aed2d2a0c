using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime.Signing;
using SnapMagic.Queueing;

namespace SnapMagic.Aws.Sqs;

/// <summary>
/// A thin Amazon SQS client over the AWS JSON 1.0 protocol (<c>POST /</c>, <c>X-Amz-Target: AmazonSQS.Op</c>),
/// signed by AWSSDK.Core's <see cref="SigV4SigningHandler"/>. Requests always go to the configured endpoint;
/// a queue URL is only ever a value in the body (local servers answer URLs with hosts that do not resolve).
/// </summary>
public sealed class SqsClient : IDisposable
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.0");
    private static readonly string[] AllMessageAttributes = ["All"];
    private static readonly string[] SystemAttributes = ["ApproximateReceiveCount", "SentTimestamp"];

    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public SqsClient(HttpClient signedHttpClient, Uri endpoint)
    {
        _http = signedHttpClient;
        _endpoint = endpoint;
    }

    public static SqsClient Create(AwsOptions options)
    {
        var region = options.ResolveRegion();
        var endpoint = new Uri(options.SqsEndpoint ?? $"https://sqs.{region.SystemName}.amazonaws.com/");
        var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var signing = new SigV4SigningHandler(AwsCredentialsSource.Resolve(options), region, "sqs", transport);
        return new SqsClient(new HttpClient(signing) { Timeout = TimeSpan.FromSeconds(60) }, endpoint);
    }

    public async Task<string> SendMessageAsync(string queueUrl, string body, IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken = default)
    {
        var messageAttributes = attributes is { Count: > 0 }
            ? attributes.ToDictionary(a => a.Key, a => new SqsMessageAttributeValue("String", a.Value))
            : null;
        var response = await SendAsync("SendMessage", new SendMessageRequest(queueUrl, body, messageAttributes),
            SqsJsonContext.Default.SendMessageRequest, SqsJsonContext.Default.SendMessageResponse, cancellationToken);
        return response.MessageId;
    }

    /// <param name="maxMessages">1-10.</param>
    /// <param name="waitTimeSeconds">Long polling, 0-20.</param>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(string queueUrl, int maxMessages, int waitTimeSeconds, CancellationToken cancellationToken = default)
    {
        var request = new ReceiveMessageRequest(queueUrl, Math.Clamp(maxMessages, 1, 10), Math.Clamp(waitTimeSeconds, 0, 20),
            AllMessageAttributes, SystemAttributes);
        var response = await SendAsync("ReceiveMessage", request,
            SqsJsonContext.Default.ReceiveMessageRequest, SqsJsonContext.Default.ReceiveMessageResponse, cancellationToken);
        return response.Messages is null ? [] : response.Messages.Select(ToQueueMessage).ToList();
    }

    public Task DeleteMessageAsync(string queueUrl, string receiptHandle, CancellationToken cancellationToken = default) =>
        SendAsync("DeleteMessage", new DeleteMessageRequest(queueUrl, receiptHandle),
            SqsJsonContext.Default.DeleteMessageRequest, SqsJsonContext.Default.EmptyResponse, cancellationToken);

    /// <summary>Deletes up to 10 messages in one call; throws an <see cref="SqsException"/> naming the first failure.</summary>
    public async Task DeleteMessageBatchAsync(string queueUrl, IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken = default)
    {
        if (receiptHandles.Count == 0)
            return;
        var entries = receiptHandles.Select((handle, i) => new DeleteMessageBatchEntry(i.ToString(CultureInfo.InvariantCulture), handle)).ToList();
        var response = await SendAsync("DeleteMessageBatch", new DeleteMessageBatchRequest(queueUrl, entries),
            SqsJsonContext.Default.DeleteMessageBatchRequest, SqsJsonContext.Default.DeleteMessageBatchResponse, cancellationToken);
        if (response.Failed is [var failed, ..])
            throw SqsException.Create(failed.Code ?? "BatchEntryFailed",
                $"{response.Failed.Count} of {entries.Count} deletes failed: {failed.Message}", System.Net.HttpStatusCode.OK);
    }

    /// <param name="visibilityTimeoutSeconds">0 (release now) to 43200 (12 h).</param>
    public Task ChangeMessageVisibilityAsync(string queueUrl, string receiptHandle, int visibilityTimeoutSeconds, CancellationToken cancellationToken = default) =>
        SendAsync("ChangeMessageVisibility", new ChangeMessageVisibilityRequest(queueUrl, receiptHandle, visibilityTimeoutSeconds),
            SqsJsonContext.Default.ChangeMessageVisibilityRequest, SqsJsonContext.Default.EmptyResponse, cancellationToken);

    /// <exception cref="QueueDoesNotExistException">No queue of that name.</exception>
    public async Task<string> GetQueueUrlAsync(string queueName, CancellationToken cancellationToken = default) =>
        (await SendAsync("GetQueueUrl", new GetQueueUrlRequest(queueName),
            SqsJsonContext.Default.GetQueueUrlRequest, SqsJsonContext.Default.QueueUrlResponse, cancellationToken)).QueueUrl;

    public async Task<IReadOnlyDictionary<string, string>> GetQueueAttributesAsync(string queueUrl, string[] attributeNames, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("GetQueueAttributes", new GetQueueAttributesRequest(queueUrl, attributeNames),
            SqsJsonContext.Default.GetQueueAttributesRequest, SqsJsonContext.Default.GetQueueAttributesResponse, cancellationToken);
        return response.Attributes ?? [];
    }

    /// <summary>Creates the queue, or returns the URL of an existing one with the same attributes.</summary>
    /// <exception cref="QueueNameExistsException">A queue of that name exists with different attributes.</exception>
    public async Task<string> CreateQueueAsync(string queueName, IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken = default) =>
        (await SendAsync("CreateQueue", new CreateQueueRequest(queueName, attributes?.ToDictionary()),
            SqsJsonContext.Default.CreateQueueRequest, SqsJsonContext.Default.QueueUrlResponse, cancellationToken)).QueueUrl;

    /// <summary>The <c>RedrivePolicy</c> attribute value: a JSON string, as SQS wants it.</summary>
    public static string RedrivePolicyJson(string deadLetterQueueArn, int maxReceiveCount) =>
        JsonSerializer.Serialize(new RedrivePolicy(deadLetterQueueArn, maxReceiveCount), SqsJsonContext.Default.RedrivePolicy);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest body,
        JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        content.Headers.ContentType = AmzJson;
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = content };
        request.Headers.Add("X-Amz-Target", "AmazonSQS." + operation);

        using var response = await _http.SendAsync(request, cancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw ToException(response, payload);
        if (payload.Length == 0)
            return JsonSerializer.Deserialize("{}", responseType)!;
        return JsonSerializer.Deserialize(payload, responseType)
            ?? throw new SqsException("EmptyResponse", $"{operation} answered no body", response.StatusCode);
    }

    private static SqsException ToException(HttpResponseMessage response, byte[] payload)
    {
        SqsErrorResponse? error = null;
        try
        {
            error = payload.Length > 0 ? JsonSerializer.Deserialize(payload, SqsJsonContext.Default.SqsErrorResponse) : null;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy or load balancer answered): fall back to the status line.
        }
        var type = error?.Type;
        var code = type is null ? response.StatusCode.ToString() : type[(type.LastIndexOf('#') + 1)..];
        var message = error?.Message ?? error?.MessageUpper ?? response.ReasonPhrase ?? "no message";
        return SqsException.Create(code, message, response.StatusCode);
    }

    private static QueueMessage ToQueueMessage(SqsMessage message)
    {
        var attributes = message.MessageAttributes?
            .Where(a => a.Value.StringValue is not null)
            .ToDictionary(a => a.Key, a => a.Value.StringValue!) ?? [];
        var system = message.Attributes ?? [];
        var receiveCount = system.TryGetValue("ApproximateReceiveCount", out var count)
            && int.TryParse(count, CultureInfo.InvariantCulture, out var parsedCount) ? parsedCount : 1;
        var sentAt = system.TryGetValue("SentTimestamp", out var sent)
            && long.TryParse(sent, CultureInfo.InvariantCulture, out var epochMs)
                ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs)
                : DateTimeOffset.UtcNow;
        return new QueueMessage(message.MessageId, message.ReceiptHandle, message.Body ?? "", attributes, receiveCount, sentAt);
    }

    public void Dispose() => _http.Dispose();
}
