using System.Net;

namespace SnapMagic.TestSupport.Api;

/// <summary>The Api answered a request with another status than its contract's.</summary>
public sealed class UnexpectedStatusException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
