using Microsoft.Extensions.Logging;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>Every Error and Critical log line the Api writes: a 4xx answer with an unhandled exception behind it still counts as a crash.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    /// <summary>
    /// The lines logged after the first <paramref name="skip"/>. A hub refusing bad input (a HubException) logs no
    /// Error line: see SnapMagic.Api.Hub.HubErrorLogging.
    /// </summary>
    public IReadOnlyList<string> UnexpectedSince(int skip)
    {
        lock (_lock)
            return [.. _entries.Skip(skip).Select(e => e.ToString())];
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() =>
            $"{Level} {Category}: {Message}{(Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})")}";
    }

    private sealed class Recorder(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var entry = new Entry(logLevel, category, formatter(state, exception), exception);
            lock (log._lock) log._entries.Add(entry);
        }
    }
}
