using SnapMagic.Contracts;

namespace SnapMagic.Api.Internal;

/// <summary>The key the worker presents on the internal push endpoint (<c>Internal:ApiKey</c>).</summary>
public sealed class InternalOptions
{
    public const string Section = "Internal";
    public const string DevelopmentApiKey = InternalApi.DevelopmentKey;

    public string? ApiKey { get; set; }
}
