namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// What a backend needs besides the services (<c>--backend aws-local</c>: local servers; <c>--backend aws</c>: the
/// queues, table and bucket in the account): made ready before the services start, stopped after they stop.
/// The embedded backend has none.
/// </summary>
internal interface IBackendResources : IAsyncDisposable
{
    /// <summary>Settings every service gets, as environment variables (<c>Aws__Region</c>); known before <see cref="StartAsync"/>.</summary>
    IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts what the backend runs and creates what is missing, saying what it did; throws <see cref="BackendFailedException"/>.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Lines for the "SnapMagic is running" banner: where the backend is.</summary>
    IEnumerable<string> Describe();

    /// <summary>The servers the backend runs on this machine, for the dashboard; none for a real account.</summary>
    IReadOnlyList<Dashboard.BackendServerView> DescribeServers();
}

/// <summary>The backend could not be made ready; the message says why and what to do.</summary>
public sealed class BackendFailedException(string message, Exception? inner = null) : Exception(message, inner);
