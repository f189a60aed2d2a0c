using System.Net.Http;
using SnapMagic.Benchmarks.Client;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Benchmarks.Measuring;

/// <summary>A short name for why a request failed, to count errors by kind in the report.</summary>
public static class ErrorReason
{
    public static string Of(Exception ex, bool timedOut = false) => ex switch
    {
        UnexpectedStatusException status => $"HTTP {(int)status.StatusCode}",
        OperationCanceledException when timedOut => "timeout",
        HttpRequestException { InnerException: { } inner } => $"{nameof(HttpRequestException)}: {inner.GetType().Name}",
        _ => ex.GetType().Name,
    };
}
