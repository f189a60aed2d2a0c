namespace SnapMagic.AppHost;

/// <summary>
/// SnapMagic's own command-line options. Everything else on the command line (<c>--Key=value</c>) is Aspire
/// configuration and passes through, e.g. <c>--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true</c>.
/// </summary>
public sealed record AppHostOptions
{
    public const string Usage = """
        Usage: dotnet run --project SnapMagic.AppHost [-- options]
          --workers N            worker replicas (default 2)
          --api-replicas N       Api replicas behind the one Api port (default 1); 2 or more run redis-server for
                                 SignalR's backplane (apt-get install redis-server)
          --backend NAME         embedded (default) | aws-local (fauxqs, dynalite and a fake Bedrock, from npm) |
                                 aws (your account: standard credentials and region, Aws__BucketName required;
                                 runs in Production: every parameter must be set, no development login works)
          --api-port N           Api port (default 5180)
          --web-port N           Web page port (default 5080)
          --dashboard-port N     Aspire dashboard port (default 18888; its OTLP receiver takes the next port)
          --data-dir PATH        embedded backend data folder (default .snapmagic-data/embedded, kept across runs)
        """;

    public int Workers { get; init; } = 2;
    public int ApiReplicas { get; init; } = 1;
    public Backend Backend { get; init; } = Backend.Embedded;
    public int ApiPort { get; init; } = 5180;
    public int WebPort { get; init; } = 5080;
    public int DashboardPort { get; init; } = 18888;
    /// <summary>The embedded backend's folder; null: <c>.snapmagic-data/embedded</c> in the repository.</summary>
    public string? DataDirectory { get; init; }
    /// <summary>The arguments that are not SnapMagic's: Aspire's configuration.</summary>
    public IReadOnlyList<string> AspireArgs { get; init; } = [];

    /// <summary>Parses the command line; false (with the reason and the usage on the console) when it is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AppHostOptions? options)
    {
        options = null;
        try
        {
            options = Parse(args);
            return true;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return false;
        }
    }

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static AppHostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AppHostOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Port() => int.TryParse(Value(), out var port) && port is > 0 and < 65535 ? port : throw new ArgumentException($"{name} needs a port number (1-65534).");
            switch (name)
            {
                case "--workers":
                    options = options with { Workers = int.TryParse(Value(), out var n) && n is >= 1 and <= 32 ? n : throw new ArgumentException("--workers needs a number from 1 to 32.") };
                    break;
                case "--api-replicas":
                    options = options with { ApiReplicas = int.TryParse(Value(), out var replicas) && replicas is >= 1 and <= 16 ? replicas : throw new ArgumentException("--api-replicas needs a number from 1 to 16.") };
                    break;
                case "--backend": options = options with { Backend = ParseBackend(Value()) }; break;
                case "--api-port": options = options with { ApiPort = Port() }; break;
                case "--web-port": options = options with { WebPort = Port() }; break;
                case "--dashboard-port": options = options with { DashboardPort = Port() }; break;
                case "--data-dir": options = options with { DataDirectory = Path.GetFullPath(Value()) }; break;
                case "--no-restart":
                    throw new ArgumentException("--no-restart is gone: Aspire never restarts a service that exits; the dashboard shows it as exited and it can be started again there.");
                default:
                    if (!name.StartsWith("--", StringComparison.Ordinal) || !name.Contains('='))
                        throw new ArgumentException($"Unknown option '{name}'.");
                    rest.Add(name);
                    break;
            }
        }
        return options with { AspireArgs = rest };
    }

    private static Backend ParseBackend(string value) => value.ToLowerInvariant() switch
    {
        "embedded" => Backend.Embedded,
        "aws-local" => Backend.AwsLocal,
        "aws" => Backend.Aws,
        _ => throw new ArgumentException($"Unknown backend '{value}': use embedded, aws-local or aws."),
    };

    /// <summary>
    /// Aspire's settings for a developer machine without an HTTPS certificate: http everywhere, the dashboard on
    /// <see cref="DashboardPort"/> and its OTLP (gRPC) receiver on the next port, and the Development environment,
    /// except against a real AWS account, which runs as Production: no development login or key works there.
    /// Each applies only when neither the environment nor the command line sets it.
    /// </summary>
    public string[] BuilderArgs()
    {
        var args = new List<string>(AspireArgs);
        void Default(string key, string value)
        {
            if (Environment.GetEnvironmentVariable(key) is null && !AspireArgs.Any(a => a.StartsWith($"--{key}=", StringComparison.OrdinalIgnoreCase)))
                args.Add($"--{key}={value}");
        }
        Default("ASPNETCORE_URLS", $"http://localhost:{DashboardPort}");
        Default("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://localhost:{DashboardPort + 1}");
        Default("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        if (Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null && Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null)
            Default("environment", Backend == Backend.Aws ? "Production" : "Development");
        return [.. args];
    }
}

public enum Backend
{
    /// <summary>SQLite queue and job store, images on disk, the local painter.</summary>
    Embedded,
    /// <summary>The AWS code path against fauxqs, dynalite and the fake Bedrock on this machine.</summary>
    AwsLocal,
    /// <summary>A real AWS account and Bedrock.</summary>
    Aws,
}
