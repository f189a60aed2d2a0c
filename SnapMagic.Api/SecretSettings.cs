using Microsoft.Extensions.Options;

namespace SnapMagic.Api;

/// <summary>
/// A setting that holds a secret. In Development it has a well-known default so `dotnet run` just works; in any other
/// environment a missing or default value stops start-up with a message that names the key to set.
/// </summary>
public static class SecretSettings
{
    public static OptionsBuilder<TOptions> RequireSecret<TOptions>(
        this OptionsBuilder<TOptions> options, string key, Func<TOptions, string?> get, Action<TOptions, string> set, string developmentDefault)
        where TOptions : class => options
        .PostConfigure<IHostEnvironment>((value, environment) =>
        {
            if (environment.IsDevelopment() && string.IsNullOrEmpty(get(value)))
                set(value, developmentDefault);
        })
        .Validate(value => !string.IsNullOrWhiteSpace(get(value)),
            $"{key} is not set: set the configuration key {key} (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).")
        .Validate<IHostEnvironment>((value, environment) => environment.IsDevelopment() || get(value) != developmentDefault,
            $"{key} still has its development default: set the configuration key {key} to a secret value outside Development.");
}
