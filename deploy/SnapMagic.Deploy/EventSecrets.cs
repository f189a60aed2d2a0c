using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using Secret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace SnapMagic.Deploy;

/// <summary>
/// The secrets Secrets Manager generates for the event: the attendees' login, the organizer's login, the JWT signing
/// key and the key the worker shows the Api. The tasks get them as ECS secrets (resolved by the agent when a task
/// starts); they never appear in a task definition's environment. The organizer reads the logins in the console.
/// </summary>
public sealed class EventSecrets : Construct
{
    /// <summary>The organizers' username; the Api refuses its development default "organizer" outside Development.</summary>
    public const string OrganizerUsername = "host";

    public Secret EventLogin { get; }
    public Secret OrganizerLogin { get; }
    public Secret JwtSigningKey { get; }
    public Secret InternalApiKey { get; }

    public EventSecrets(Construct scope, string id, EventStackOptions options) : base(scope, id)
    {
        var prefix = $"snapmagic/{options.EventId}";
        EventLogin = Login("EventLogin", $"{prefix}/event-login", options.EventId, "The attendees' login (Event:Username, Event:Password)");
        OrganizerLogin = Login("OrganizerLogin", $"{prefix}/organizer-login", OrganizerUsername, "The organizers' login (Organizer:Username, Organizer:Password)");
        JwtSigningKey = Key("JwtSigningKey", $"{prefix}/jwt-signing-key", 64, "Signs the session tokens (Jwt:SigningKey, at least 32 bytes)");
        InternalApiKey = Key("InternalApiKey", $"{prefix}/internal-api-key", 40, "The worker's key on the Api's internal endpoint (Internal:ApiKey)");
    }

    public IEnumerable<Secret> All => [EventLogin, OrganizerLogin, JwtSigningKey, InternalApiKey];

    /// <summary>What the Api gets: every secret, by setting name.</summary>
    public Dictionary<string, EcsSecret> ForApi() => new()
    {
        [ServiceSettings.EventUsername] = EcsSecret.FromSecretsManager(EventLogin, "username"),
        [ServiceSettings.EventPassword] = EcsSecret.FromSecretsManager(EventLogin, "password"),
        [ServiceSettings.OrganizerUsername] = EcsSecret.FromSecretsManager(OrganizerLogin, "username"),
        [ServiceSettings.OrganizerPassword] = EcsSecret.FromSecretsManager(OrganizerLogin, "password"),
        [ServiceSettings.JwtSigningKey] = EcsSecret.FromSecretsManager(JwtSigningKey),
        [ServiceSettings.InternalApiKey] = EcsSecret.FromSecretsManager(InternalApiKey),
    };

    /// <summary>What the worker gets: the internal key alone.</summary>
    public Dictionary<string, EcsSecret> ForWorker() => new()
    {
        [ServiceSettings.InternalApiKey] = EcsSecret.FromSecretsManager(InternalApiKey),
    };

    private Secret Login(string id, string name, string username, string description) => new(this, id, new SecretProps
    {
        SecretName = name,
        Description = description,
        RemovalPolicy = RemovalPolicy.DESTROY,
        GenerateSecretString = new SecretStringGenerator
        {
            SecretStringTemplate = $$"""{"username":"{{username}}"}""",
            GenerateStringKey = "password",
            PasswordLength = 16,
            // Typed by people at a booth: letters and digits only.
            ExcludePunctuation = true,
        },
    });

    private Secret Key(string id, string name, int length, string description) => new(this, id, new SecretProps
    {
        SecretName = name,
        Description = description,
        RemovalPolicy = RemovalPolicy.DESTROY,
        GenerateSecretString = new SecretStringGenerator { PasswordLength = length, ExcludePunctuation = true },
    });
}
