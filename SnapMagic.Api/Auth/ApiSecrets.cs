using SnapMagic.Contracts;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Internal;
using SnapMagic.Api.Organizer;

namespace SnapMagic.Api.Auth;

/// <summary>
/// The secrets the Api needs. In Development each has a well-known default so `dotnet run` just works; in any
/// other environment a missing or default value stops start-up with a message that names the key to set.
/// </summary>
internal sealed class ApiSecrets(IHostEnvironment environment)
    : IPostConfigureOptions<EventOptions>, IPostConfigureOptions<JwtOptions>, IPostConfigureOptions<InternalOptions>,
      IPostConfigureOptions<OrganizerOptions>,
      IValidateOptions<EventOptions>, IValidateOptions<JwtOptions>, IValidateOptions<InternalOptions>, IValidateOptions<OrganizerOptions>
{
    public const string DevelopmentUsername = "demo";
    public const string DevelopmentPassword = "demo";
    public const string DevelopmentSigningKey = "snapmagic-development-signing-key-not-for-production";
    public const string DevelopmentInternalKey = InternalApi.DevelopmentKey;
    public const string DevelopmentOrganizerUsername = "organizer";
    public const string DevelopmentOrganizerPassword = "organizer";

    private bool UseDefaults => environment.IsDevelopment();

    public void PostConfigure(string? name, EventOptions options)
    {
        if (!UseDefaults) return;
        if (string.IsNullOrEmpty(options.Username)) options.Username = DevelopmentUsername;
        if (string.IsNullOrEmpty(options.Password)) options.Password = DevelopmentPassword;
    }

    public void PostConfigure(string? name, JwtOptions options)
    {
        if (UseDefaults && string.IsNullOrEmpty(options.SigningKey)) options.SigningKey = DevelopmentSigningKey;
    }

    public void PostConfigure(string? name, InternalOptions options)
    {
        if (UseDefaults && string.IsNullOrEmpty(options.ApiKey)) options.ApiKey = DevelopmentInternalKey;
    }

    public void PostConfigure(string? name, OrganizerOptions options)
    {
        if (!UseDefaults) return;
        if (string.IsNullOrEmpty(options.Username)) options.Username = DevelopmentOrganizerUsername;
        if (string.IsNullOrEmpty(options.Password)) options.Password = DevelopmentOrganizerPassword;
    }

    public ValidateOptionsResult Validate(string? name, OrganizerOptions options) => Combine(
        Check("Organizer:Username", options.Username, DevelopmentOrganizerUsername),
        Check("Organizer:Password", options.Password, DevelopmentOrganizerPassword));

    public ValidateOptionsResult Validate(string? name, EventOptions options) => Combine(
        Check("Event:Username", options.Username, DevelopmentUsername),
        Check("Event:Password", options.Password, DevelopmentPassword));

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var error = Check("Jwt:SigningKey", options.SigningKey, DevelopmentSigningKey);
        if (error is null && System.Text.Encoding.UTF8.GetByteCount(options.SigningKey!) < JwtOptions.MinimumKeyBytes)
            error = $"Jwt:SigningKey is too short: set it to at least {JwtOptions.MinimumKeyBytes} bytes of random text.";
        return Combine(error);
    }

    public ValidateOptionsResult Validate(string? name, InternalOptions options) =>
        Combine(Check("Internal:ApiKey", options.ApiKey, DevelopmentInternalKey));

    private string? Check(string key, string? value, string developmentDefault)
    {
        if (string.IsNullOrWhiteSpace(value))
            return $"{key} is not set: set the configuration key {key} (environment variable {key.Replace(":", "__")}).";
        if (!UseDefaults && value == developmentDefault)
            return $"{key} still has its development default: set the configuration key {key} to a secret value outside Development.";
        return null;
    }

    private static ValidateOptionsResult Combine(params string?[] errors)
    {
        var failures = errors.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
