using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SnapMagic.AppHost.Telemetry;

public static class TelemetryCollectorExtensions
{
    /// <summary>
    /// The in-memory stores behind the OTLP receiver and the telemetry API; sizes from the <c>Telemetry</c>
    /// configuration section (<see cref="TelemetryCollectorOptions"/>), then <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddTelemetryCollector(this IServiceCollection services, Action<TelemetryCollectorOptions>? configure = null)
    {
        var options = services.AddOptions<TelemetryCollectorOptions>().BindConfiguration("Telemetry");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TraceStore>();
        services.TryAddSingleton<LogStore>();
        services.TryAddSingleton<MetricStore>();
        services.TryAddSingleton(provider => new OtlpConverter(provider.GetRequiredService<IOptions<TelemetryCollectorOptions>>().Value.MaxValueLength));
        return services;
    }
}
