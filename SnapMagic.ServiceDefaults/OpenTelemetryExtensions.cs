using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Traces, metrics and logs: ASP.NET Core, HttpClient and runtime instrumentation plus our own sources and meters,
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the AppHost sets it and the other <c>OTEL_*</c>).
/// Without it nothing is exported, but activities are still created, so trace ids reach logs and the W3C context travels.
/// </summary>
public static class OpenTelemetryExtensions
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddCompactConsole();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(TelemetryNames.ActivitySources)
                // Processors run in the order added, both before the exporter's.
                .AddProcessor(new CorrelationIdProcessor())
                .AddProcessor(new BackgroundCallFilter()))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryNames.Meters)
                .AddView(instrument =>
                    instrument.Meter.Name.StartsWith("SnapMagic.", StringComparison.Ordinal) && instrument.Unit == "s"
                    && instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(System.Diagnostics.Metrics.Histogram<>)
                        ? new ExplicitBucketHistogramConfiguration { Boundaries = TelemetryNames.SecondsBuckets }
                        : null));

        if (!string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        TelemetryNames.UntracedPaths.Any(probe => path.StartsWithSegments(probe, StringComparison.OrdinalIgnoreCase));
}
