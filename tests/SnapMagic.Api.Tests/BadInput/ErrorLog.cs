using Microsoft.Extensions.Logging;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>Every Error and Critical log line the Api writes: a 4xx answer with an unhandled exception behind it still counts as a crash.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];

    public int Count
    {
        get { lock (_lock) return _lines.Count; }
    }

    /// <summary>The lines logged after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> Since(int skip)
    {
        lock (_lock) return [.. _lines.Skip(skip)];
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var line = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}";
            lock (log._lock) log._lines.Add(line);
        }
    }
}
