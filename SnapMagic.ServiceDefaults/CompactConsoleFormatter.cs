using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// One line per entry, <c>12:00:01.234 info SnapMagic.Api.Cards: message [trace 4bf9...]</c>, so the dashboard's console
/// view reads as a log, and the trace id (from ActivityTrackingOptions' scope) finds the trace on the dashboard.
/// </summary>
internal sealed class CompactConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "snapmagic-compact";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff"));
        textWriter.Write(' ');
        textWriter.Write(LevelName(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.Write(message?.ReplaceLineEndings(" "));
        if (TraceId(scopeProvider) is { } traceId)
        {
            textWriter.Write(" [trace ");
            textWriter.Write(traceId);
            textWriter.Write(']');
        }
        textWriter.WriteLine();
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }

    private static string? TraceId(IExternalScopeProvider? scopeProvider)
    {
        string? traceId = null;
        scopeProvider?.ForEachScope((scope, _) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    if (pair.Key == "TraceId")
                    {
                        traceId = pair.Value?.ToString();
                    }
                }
            }
        }, (object?)null);
        return traceId;
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

internal static class CompactConsoleLoggingExtensions
{
    public static ILoggingBuilder AddCompactConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole(options => options.FormatterName = CompactConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<CompactConsoleFormatter, ConsoleFormatterOptions>();
        return logging;
    }
}
