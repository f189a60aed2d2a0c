using SnapMagic.EndToEnd.Tests.Browser;
using SnapMagic.EndToEnd.Tests.Hosting;

namespace SnapMagic.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The embedded backend as <c>--api-replicas 2</c> runs it: two Api replicas behind one address and a Redis. Its
/// tests (the page, delivery across replicas, duplicate messages) break nothing, so they share one.
/// </summary>
public sealed class ScaledOutSystem : EmbeddedSystem
{
    /// <summary>The per-session limit, counted in Redis across the replicas: room for any one session's cards in these tests.</summary>
    public const int PerSessionPerMinute = 4;

    protected override int ApiReplicas => 2;

    protected override Task<IReadOnlyDictionary<string, string>> StartBackendAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["Cards__PerSessionPerMinute"] = $"{PerSessionPerMinute}",
        });
}

/// <summary>The scaled-out system and Chromium, for the page's tests; the others use only its system.</summary>
public sealed class ScaledOutBrowserSystem : BrowserSystem<ScaledOutSystem>;

[CollectionDefinition(Name)]
public sealed class ScaledOutCollection : ICollectionFixture<ScaledOutBrowserSystem>
{
    public const string Name = "Scaled out";
}
