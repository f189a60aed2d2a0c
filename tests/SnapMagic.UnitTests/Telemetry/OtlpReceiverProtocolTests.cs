using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using SnapMagic.AppHost.Telemetry.Otlp;

namespace SnapMagic.UnitTests.Telemetry;

/// <summary>What the receiver does with bodies no well-behaved exporter sends, and with the ones it does in unusual forms.</summary>
public sealed class OtlpReceiverProtocolTests
{
    [Theory]
    [InlineData("traces")]
    [InlineData("metrics")]
    [InlineData("logs")]
    public async Task Garbage_bodies_answer_400_with_problem_details_and_the_receiver_keeps_working(string signal)
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();

        // 0xFF as a tag is field 31 with wire type 7, which protobuf does not have.
        using var garbage = await receiver.PostAsync(signal, [0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x02]);
        using var truncated = await receiver.PostAsync(signal, [0x0A, 0x64, 0x0A]);

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        using var valid = await receiver.PostAsync("traces", OtlpPayloads.Traces("api", OtlpPayloads.Span(OtlpPayloads.TraceId(1), 0)));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(1, receiver.Traces.Count);
    }

    [Fact]
    public async Task An_empty_request_is_a_valid_export_and_is_answered_with_an_empty_response()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();

        using var response = await receiver.PostAsync("metrics", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(answer.PartialSuccess);
    }

    [Fact]
    public async Task Gzip_bodies_are_accepted_and_broken_gzip_is_a_400()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();
        var request = OtlpPayloads.Logs("web", ["page served"]);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            request.WriteTo(gzip);
        }

        using var accepted = await receiver.PostAsync("logs", compressed.ToArray(), encoding: "gzip");
        using var broken = await receiver.PostAsync("logs", request.ToByteArray(), encoding: "gzip");
        using var unknownEncoding = await receiver.PostAsync("logs", request.ToByteArray(), encoding: "br");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("page served", Assert.Single(await receiver.LogsAsync()).Message);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unknownEncoding.StatusCode);
    }

    [Fact]
    public async Task Json_bodies_are_refused_with_415()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();

        using var response = await receiver.PostAsync("traces", "{\"resourceSpans\":[]}"u8.ToArray(), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Bodies_over_the_limit_answer_413_before_and_after_decompression()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync(options => options.MaxRequestBytes = 4_096);
        var large = OtlpPayloads.Logs("api", [new string('x', 10_000)]).ToByteArray();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(large);
        }

        Assert.True(compressed.Length < 4_096);
        using var plain = await receiver.PostAsync("logs", large);
        using var expanding = await receiver.PostAsync("logs", compressed.ToArray(), encoding: "gzip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, expanding.StatusCode);
        Assert.Equal(0, receiver.Logs.Count);
    }

    [Fact]
    public async Task Spans_without_valid_ids_are_rejected_in_a_partial_success_and_the_rest_are_kept()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();
        var broken = OtlpPayloads.Span(OtlpPayloads.TraceId(1), 1);
        broken.TraceId = ByteString.CopyFrom(1, 2, 3);

        using var response = await receiver.PostAsync("traces", OtlpPayloads.Traces("api", OtlpPayloads.Span(OtlpPayloads.TraceId(1), 0), broken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, answer.PartialSuccess.RejectedSpans);
        Assert.Single(Assert.Single(await receiver.TracesAsync()).Spans);
    }

    [Fact]
    public async Task Unknown_trace_ids_answer_404_problem_details()
    {
        await using var receiver = await TelemetryReceiverHost.StartAsync();

        using var response = await receiver.Http.GetAsync("/api/traces/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
