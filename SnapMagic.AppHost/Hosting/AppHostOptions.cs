namespace SnapMagic.AppHost.Hosting;

/// <summary>What the AppHost starts and where. Program parses it from the command line; tests build it.</summary>
public sealed record AppHostOptions
{
    public const string Usage = """
        Usage: dotnet run --project SnapMagic.AppHost [options]   (put -- before --help, which dotnet run keeps)
          --workers N            worker processes (default 2)
          --backend NAME         embedded (default) | aws-local (fauxqs, dynalite and a fake Bedrock, from npm) |
                                 aws (your account: standard credentials and region, Aws__BucketName required)
          --api-port N           Api port (default 5180)
          --web-port N           Web page port (default 5080)
          --dashboard-port N     dashboard port (default 18888)
          --data-dir PATH        embedded backend data folder (default: a new folder per run under .snapmagic-data/)
          --no-restart           do not restart a service that crashed
        """;

    public int Workers { get; init; } = 2;
    /// <summary>The <c>Backend</c> configuration value the services get: <c>Embedded</c> or <c>Aws</c>.</summary>
    public string Backend { get; init; } = "Embedded";
    /// <summary><c>--backend aws-local</c>: the AWS backend against local servers the AppHost runs (LocalAws/).</summary>
    public bool LocalAws { get; init; }
    public int ApiPort { get; init; } = 5180;
    public int WebPort { get; init; } = 5080;
    public int DashboardPort { get; init; } = 18888;
    /// <summary>The embedded backend's folder; null: a fresh one per run under <c>.snapmagic-data/</c>.</summary>
    public string? DataDirectory { get; init; }
    public bool RestartCrashed { get; init; } = true;
    public int MaxRestarts { get; init; } = 5;
    /// <summary>How long a service may take to answer <c>/health</c> after it starts.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(90);
    /// <summary>After SIGTERM, how long a service may take to stop before it is killed (the worker drains for 20 s).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(35);
    /// <summary>Extra environment for every service (tests use it; the AppHost's own environment is inherited anyway).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>Stop on Ctrl+C / SIGTERM (the command line); tests stop the app themselves.</summary>
    public bool HandleShutdownSignals { get; init; } = true;

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static AppHostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AppHostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Port() => int.TryParse(Value(), out var port) && port is > 0 and < 65536 ? port : throw new ArgumentException($"{name} needs a port number (1-65535).");
            options = name switch
            {
                "--workers" => options with { Workers = int.TryParse(Value(), out var n) && n is >= 0 and <= 32 ? n : throw new ArgumentException("--workers needs a number from 0 to 32.") },
                "--backend" => ParseBackend(options, Value()),
                "--api-port" => options with { ApiPort = Port() },
                "--web-port" => options with { WebPort = Port() },
                "--dashboard-port" => options with { DashboardPort = Port() },
                "--data-dir" => options with { DataDirectory = Path.GetFullPath(Value()) },
                "--no-restart" => options with { RestartCrashed = false },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        return options;
    }

    private static AppHostOptions ParseBackend(AppHostOptions options, string value) => value.ToLowerInvariant() switch
    {
        "embedded" => options with { Backend = "Embedded", LocalAws = false },
        "aws-local" => options with { Backend = "Aws", LocalAws = true },
        "aws" => options with { Backend = "Aws", LocalAws = false },
        _ => throw new ArgumentException($"Unknown backend '{value}': use embedded, aws-local or aws."),
    };
}
