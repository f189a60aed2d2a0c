using System.Globalization;
using System.Text.RegularExpressions;

namespace SnapMagic.Deploy;

/// <summary>
/// What one event's stack is built from. The same names work as command-line options
/// (<c>dotnet run -- --event reinvent --end 2026-12-06T18:00Z</c>) and as CDK context
/// (<c>npx cdk deploy -c event=reinvent -c end=2026-12-06T18:00Z</c>); both go through <see cref="Parse"/>.
/// </summary>
public sealed partial record EventStackOptions
{
    public const string Usage = """
        Options (command line --name value, or CDK context -c name=value):
          --event <id>                 required: the event's id (lowercase letters, digits, '-'); the stack is SnapMagic-<id>
          --end <time>                 required: when the event ends, ISO 8601 (UTC unless an offset is given)
          --teardown-days <n>          days after the end the stack is deleted (default 14)
          --teardown-notice-hours <n>  hours before the teardown the organizer is told (default 48)
          --api-replicas <n>           Api tasks; more than one adds the Valkey backplane (default 1)
          --workers-min <n> / --workers-max <n>   worker tasks during the event (default 1 / 10)
          --workers-after-event <n>    minimum worker tasks after the end (default 0)
          --backlog-per-worker <n>     queued cards per worker task the scaling aims at (default 4)
          --model <family>             Nova2Omni (default), NovaCanvas or StabilityInpaint
          --model-id <id>              the foundation model id, without a geography prefix (default: the family's)
          --inference-profile <geo>    us, eu, apac, global or none (default: us, none for NovaCanvas)
          --bedrock-region <region>    Bedrock's Region (default: the stack's)
          --video-model <family>       LumaRay2 (default, us-west-2 only) or NovaReel (legacy, us-east-1 only); the stack must
                                       be deployed in that Region (Bedrock writes the videos into the event's bucket)
          --speech-model <id>          model or inference profile that transcribes spoken reviews (default us.amazon.nova-2-omni-v1:0)
          --sentiment-model <id>       model or inference profile that scores feedback (default us.amazon.nova-2-lite-v1:0)
          --animations-per-session <n> animations one session may start per 10 minutes (default 2)
          --animations-per-hour <n> / --animations-per-day <n>   the whole event's animation budget (default 30 / 100)
          --feedback-per-session <n>   feedback one session may send per 10 minutes (default 3)
          --certificate-arn <arn> --domain <name>   serve HTTPS on the domain (both or neither)
          --vpc-id <vpc-...>           use an existing VPC (looked up: needs credentials) instead of a new one
          --image-tag <tag>            default of the ApiImageTag/WorkerImageTag/WebImageTag parameters (default latest)
          --organizer-email <address>  subscribed to the alarms and the teardown notice
          --budget-usd <n>             the event's monthly cost budget (default 100)
          --log-retention-days <n>     CloudWatch Logs retention (default 30)
          --card-retention-days <n>    card images and jobs expire after (default: the teardown days)
          --otlp-endpoint <url>        send traces and metrics there instead of an ADOT collector sidecar
        """;

    public static readonly IReadOnlyList<string> Names =
    [
        "event", "end", "teardown-days", "teardown-notice-hours", "api-replicas", "workers-min", "workers-max",
        "workers-after-event", "backlog-per-worker", "model", "model-id", "inference-profile", "bedrock-region",
        "video-model", "speech-model", "sentiment-model", "animations-per-session", "animations-per-hour", "animations-per-day",
        "feedback-per-session",
        "certificate-arn", "domain", "vpc-id", "image-tag", "organizer-email", "budget-usd", "log-retention-days",
        "card-retention-days", "otlp-endpoint",
    ];

    /// <summary>The retention periods CloudWatch Logs accepts.</summary>
    public static readonly IReadOnlyList<int> LogRetentionDaysAllowed =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public required string EventId { get; init; }
    public required DateTimeOffset EventEnd { get; init; }
    public int TeardownDays { get; init; } = 14;
    public int TeardownNoticeHours { get; init; } = 48;
    public int ApiReplicas { get; init; } = 1;
    public int WorkersMin { get; init; } = 1;
    public int WorkersMax { get; init; } = 10;
    public int WorkersAfterEvent { get; init; }
    public int BacklogPerWorker { get; init; } = 4;
    public required ImageModelChoice ImageModel { get; init; }
    public required VideoModelChoice VideoModel { get; init; }
    public InvokedModel SpeechModel { get; init; } = InvokedModel.Parse(InvokedModel.DefaultSpeechModel, "speech-model");
    public InvokedModel SentimentModel { get; init; } = InvokedModel.Parse(InvokedModel.DefaultSentimentModel, "sentiment-model");
    public int AnimationsPerSessionPer10Minutes { get; init; } = 2;
    public int AnimationsPerHour { get; init; } = 30;
    public int AnimationsPerDay { get; init; } = 100;
    public int FeedbackPerSessionPer10Minutes { get; init; } = 3;
    public string? CertificateArn { get; init; }
    public string? DomainName { get; init; }
    public string? VpcId { get; init; }
    public string ImageTag { get; init; } = "latest";
    public string? OrganizerEmail { get; init; }
    public int BudgetUsd { get; init; } = 100;
    public int LogRetentionDays { get; init; } = 30;
    public required int CardRetentionDays { get; init; }
    public Uri? OtlpEndpoint { get; init; }

    public string StackName => $"SnapMagic-{EventId}";

    /// <summary>When CloudFormation deletes the stack.</summary>
    public DateTimeOffset TeardownAt => EventEnd.AddDays(TeardownDays);

    public DateTimeOffset TeardownNoticeAt => TeardownAt.AddHours(-TeardownNoticeHours);

    public bool UsesBackplane => ApiReplicas > 1;

    public bool UsesHttps => CertificateArn is not null;

    /// <summary>
    /// Reads <c>--name value</c> pairs from <paramref name="args"/> over the CDK context values
    /// <paramref name="context"/> gives for the same names: the command line wins.
    /// </summary>
    public static EventStackOptions FromArgsAndContext(IReadOnlyList<string> args, Func<string, object?> context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            if (context(name) is { } value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
                values[name] = text;
        }
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                values[name[..equals]] = name[(equals + 1)..];
                continue;
            }
            if (i + 1 >= args.Count)
                throw new ArgumentException($"--{name} needs a value.");
            values[name] = args[++i];
        }
        return Parse(values);
    }

    public static EventStackOptions Parse(IReadOnlyDictionary<string, string> values)
    {
        if (values.Keys.FirstOrDefault(name => !Names.Contains(name)) is { } unknown)
            throw new ArgumentException($"Unknown option '{unknown}'.");

        var eventId = Required(values, "event");
        if (!EventIdPattern().IsMatch(eventId))
            throw new ArgumentException($"--event must be 2-24 lowercase letters, digits or '-', starting with a letter; it is '{eventId}'.");
        var end = Required(values, "end");
        if (!DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var eventEnd))
            throw new ArgumentException($"--end must be an ISO 8601 time such as 2026-12-06T18:00Z; it is '{end}'.");

        var teardownDays = Integer(values, "teardown-days", 14, min: 1);
        var options = new EventStackOptions
        {
            EventId = eventId,
            EventEnd = eventEnd.ToUniversalTime(),
            TeardownDays = teardownDays,
            TeardownNoticeHours = Integer(values, "teardown-notice-hours", 48, min: 1),
            ApiReplicas = Integer(values, "api-replicas", 1, min: 1),
            WorkersMin = Integer(values, "workers-min", 1, min: 0),
            WorkersMax = Integer(values, "workers-max", 10, min: 1),
            WorkersAfterEvent = Integer(values, "workers-after-event", 0, min: 0),
            BacklogPerWorker = Integer(values, "backlog-per-worker", 4, min: 1),
            ImageModel = ImageModelChoice.Create(
                Optional(values, "model"), Optional(values, "model-id"), Optional(values, "inference-profile"), Optional(values, "bedrock-region")),
            VideoModel = VideoModelChoice.Create(Optional(values, "video-model")),
            SpeechModel = InvokedModel.Parse(Optional(values, "speech-model") ?? InvokedModel.DefaultSpeechModel, "speech-model"),
            SentimentModel = InvokedModel.Parse(Optional(values, "sentiment-model") ?? InvokedModel.DefaultSentimentModel, "sentiment-model"),
            AnimationsPerSessionPer10Minutes = Integer(values, "animations-per-session", 2, min: 1),
            AnimationsPerHour = Integer(values, "animations-per-hour", 30, min: 1),
            AnimationsPerDay = Integer(values, "animations-per-day", 100, min: 1),
            FeedbackPerSessionPer10Minutes = Integer(values, "feedback-per-session", 3, min: 1),
            CertificateArn = Optional(values, "certificate-arn"),
            DomainName = Optional(values, "domain"),
            VpcId = Optional(values, "vpc-id"),
            ImageTag = Optional(values, "image-tag") ?? "latest",
            OrganizerEmail = Optional(values, "organizer-email"),
            BudgetUsd = Integer(values, "budget-usd", 100, min: 1),
            LogRetentionDays = Integer(values, "log-retention-days", 30, min: 1),
            CardRetentionDays = Integer(values, "card-retention-days", teardownDays, min: 1),
            OtlpEndpoint = Optional(values, "otlp-endpoint") is { } otlp
                ? Uri.TryCreate(otlp, UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--otlp-endpoint must be an absolute URL; it is '{otlp}'.")
                : null,
        };

        if (options.WorkersMin > options.WorkersMax || options.WorkersAfterEvent > options.WorkersMax)
            throw new ArgumentException("--workers-min and --workers-after-event must not exceed --workers-max.");
        if ((options.CertificateArn is null) != (options.DomainName is null))
            throw new ArgumentException("--certificate-arn and --domain go together: the certificate must be for the domain the page is served on.");
        if (options.VpcId is { } vpcId && !VpcIdPattern().IsMatch(vpcId))
            throw new ArgumentException($"--vpc-id must look like vpc-0123abcd; it is '{vpcId}'.");
        if (!LogRetentionDaysAllowed.Contains(options.LogRetentionDays))
            throw new ArgumentException($"--log-retention-days must be one of {string.Join(", ", LogRetentionDaysAllowed)}.");
        if (options.AnimationsPerHour > options.AnimationsPerDay)
            throw new ArgumentException("--animations-per-hour must not exceed --animations-per-day.");
        if (options.TeardownNoticeHours >= options.TeardownDays * 24)
            throw new ArgumentException("--teardown-notice-hours must fall after the event's end (less than --teardown-days).");
        return options;
    }

    private static string Required(IReadOnlyDictionary<string, string> values, string name) =>
        Optional(values, name) ?? throw new ArgumentException($"--{name} is required (or -c {name}=... with the CDK CLI).");

    private static string? Optional(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int Integer(IReadOnlyDictionary<string, string> values, string name, int defaultValue, int min)
    {
        if (Optional(values, name) is not { } text)
            return defaultValue;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new ArgumentException($"--{name} must be a whole number of at least {min}; it is '{text}'.");
        return value;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,23}$")]
    private static partial Regex EventIdPattern();

    [GeneratedRegex("^vpc-[0-9a-f]{8,17}$")]
    private static partial Regex VpcIdPattern();
}
