using System.Net;
using System.Text;

namespace SnapMagic.UnitTests.Bedrock.Video;

/// <summary>The transport under the signer in the video adapter tests: records every request and answers from a script.</summary>
internal sealed class StubBedrockHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string? ErrorType, string Body)> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public StubBedrockHandler Answer(string json, HttpStatusCode status = HttpStatusCode.OK, string? errorType = null)
    {
        _answers.Enqueue((status, errorType, json));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new(request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.AbsoluteUri,
            request.Headers.TryGetValues("Authorization", out var authorization) ? string.Join(",", authorization) : "", body));
        var (status, errorType, json) = _answers.Dequeue();
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (errorType is not null)
            response.Headers.Add("X-Amzn-ErrorType", $"{errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/");
        return response;
    }

    public sealed record RecordedRequest(HttpMethod Method, string Path, string Uri, string Authorization, string Body);
}
