using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Traces, metrics and logs through the OpenTelemetry SDK without OpenTelemetry.Extensions.Hosting (not served):
/// configured by the standard <c>OTEL_*</c> variables; without <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> nothing is exported,
/// but activities are still created, so trace ids reach logs and the W3C context still travels.
/// </summary>
public static class OpenTelemetryExtensions
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var exportOtlp = !string.IsNullOrWhiteSpace(configuration[EndpointKey]);
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;
        // One id for all three signals; worker processes share a service name, so this tells them apart.
        var instanceId = $"{Environment.MachineName}-{Environment.ProcessId}";

        // OTEL_RESOURCE_ATTRIBUTES (the detector added last) may still refine it.
        void DescribeResource(ResourceBuilder resource) => resource
            .AddService(serviceName, serviceInstanceId: instanceId)
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();

        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddCompactConsole();
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(CreateResource(DescribeResource));
            if (exportOtlp)
            {
                logging.AddOtlpExporter();
            }
        });

        builder.Services.AddSingleton(_ => OpenTelemetrySdk.Create(otel =>
        {
            // The SDK reads OTEL_* from its own configuration; give it the host's (environment included).
            otel.Services.AddSingleton<IConfiguration>(configuration);
            otel.ConfigureResource(DescribeResource);
            otel.WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.ActivitySources);
                // Processors run in the order added: both before the exporter's.
                tracing.AddProcessor(new CorrelationIdProcessor());
                tracing.AddProcessor(new BackgroundCallFilter());
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Meters);
                metrics.AddView(instrument =>
                    instrument.Meter.Name.StartsWith("SnapMagic.", StringComparison.Ordinal) && instrument.Unit == "s"
                    && instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(System.Diagnostics.Metrics.Histogram<>)
                        ? new ExplicitBucketHistogramConfiguration { Boundaries = TelemetryNames.SecondsBuckets }
                        : null);
                if (exportOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        }));
        builder.Services.AddHostedService<OpenTelemetryLifetime>();
        builder.Services.AddServerSpanNaming();
        return builder;
    }

    private static ResourceBuilder CreateResource(Action<ResourceBuilder> describe)
    {
        var resource = ResourceBuilder.CreateEmpty();
        describe(resource);
        return resource;
    }

    /// <summary>Exists so the host resolves (creates) the SDK at start; the container disposes it, flushing the exporters, at shutdown.</summary>
    private sealed class OpenTelemetryLifetime(OpenTelemetrySdk sdk) : IHostedService
    {
        public OpenTelemetrySdk Sdk { get; } = sdk;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
