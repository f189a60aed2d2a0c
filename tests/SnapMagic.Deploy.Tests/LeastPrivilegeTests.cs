using System.Text.Json.Nodes;
using static SnapMagic.Deploy.Tests.IamStatements;

namespace SnapMagic.Deploy.Tests;

/// <summary>One task role per service that may do what the service does; secrets only as ECS secrets.</summary>
public class LeastPrivilegeTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    /// <summary>Every identity policy statement in the template: IAM policies, managed policies and roles' inline policies.</summary>
    private IEnumerable<(string Owner, JsonObject Statement)> IdentityStatements()
    {
        foreach (var (id, policy) in synthesized.Resources("AWS::IAM::Policy").Concat(synthesized.Resources("AWS::IAM::ManagedPolicy")))
            foreach (var statement in Statements(policy["Properties"]!["PolicyDocument"]))
                yield return (id, statement);
        foreach (var (id, role) in synthesized.Resources("AWS::IAM::Role"))
            foreach (var inline in role["Properties"]!["Policies"]?.AsArray() ?? [])
                foreach (var statement in Statements(inline!["PolicyDocument"]))
                    yield return (id, statement);
    }

    private List<JsonObject> TaskRoleStatements(string service) => synthesized.TaskRoleStatements(service);

    [Fact]
    public void No_iam_policy_grants_a_wildcard_action()
    {
        var statements = IdentityStatements().ToList();
        Assert.NotEmpty(statements);
        foreach (var (owner, statement) in statements)
            foreach (var action in Actions(statement))
                Assert.False(action.Contains('*'), $"{owner} allows '{action}'");
    }

    [Fact]
    public void Wildcard_actions_appear_only_in_the_resource_policies_tls_only_denials()
    {
        var resourcePolicies = synthesized.Resources("AWS::S3::BucketPolicy")
            .Concat(synthesized.Resources("AWS::SQS::QueuePolicy"))
            .Concat(synthesized.Resources("AWS::SNS::TopicPolicy"));
        foreach (var (owner, policy) in resourcePolicies)
            foreach (var statement in Statements(policy["Properties"]!["PolicyDocument"]).Where(s => Actions(s).Any(a => a.Contains('*'))))
            {
                Assert.Equal("Deny", (string?)statement["Effect"]);
                Assert.Equal("false", (string?)statement["Condition"]!["Bool"]!["aws:SecureTransport"]);
            }
    }

    [Fact]
    public void Each_service_has_its_own_task_role()
    {
        var roles = synthesized.Resources("AWS::ECS::TaskDefinition")
            .Select(task => task.Resource["Properties"]!["TaskRoleArn"]!.ToJsonString())
            .ToList();

        Assert.Equal(3, roles.Distinct().Count());
    }

    [Fact]
    public void The_worker_alone_may_call_bedrock_and_only_on_the_chosen_model()
    {
        Assert.DoesNotContain(TaskRoleStatements("api").SelectMany(Actions), action => action.StartsWith("bedrock:", StringComparison.Ordinal));
        // The Web host's role holds only the collector's telemetry permissions.
        Assert.All(TaskRoleStatements("web").SelectMany(Actions), action =>
            Assert.True(action.StartsWith("xray:", StringComparison.Ordinal) || action.StartsWith("logs:", StringComparison.Ordinal), action));
        var bedrockOutsideWorker = IdentityStatements()
            .Where(s => Actions(s.Statement).Any(a => a.StartsWith("bedrock:", StringComparison.Ordinal)))
            .Select(s => s.Owner)
            .Distinct();
        Assert.Single(bedrockOutsideWorker);

        var worker = TaskRoleStatements("worker");
        var invoke = worker.Single(s => (string?)s["Sid"] == "InvokeTheImageModel");
        Assert.Equal(["bedrock:InvokeModel"], Actions(invoke));
        var resources = invoke["Resource"]!.AsArray().Select(r => r!.ToJsonString()).ToList();
        Assert.Equal(2, resources.Count);
        Assert.Contains(resources, r => r.Contains(":inference-profile/us.amazon.nova-2-omni-v1:0"));
        Assert.Contains(resources, r => r.Contains(":bedrock:*::foundation-model/amazon.nova-2-omni-v1:0"));

        var lifecycle = worker.Single(s => (string?)s["Sid"] == "ReadTheImageModelLifecycle");
        Assert.Equal(["bedrock:GetFoundationModel"], Actions(lifecycle));
        Assert.Contains("::foundation-model/amazon.nova-2-omni-v1:0", lifecycle["Resource"]!.ToJsonString());
    }

    [Fact]
    public void The_api_enqueues_and_the_worker_consumes()
    {
        var api = TaskRoleStatements("api").SelectMany(Actions).ToHashSet();
        var worker = TaskRoleStatements("worker").SelectMany(Actions).ToHashSet();

        Assert.Contains("sqs:SendMessage", api);
        Assert.DoesNotContain("sqs:ReceiveMessage", api);
        Assert.DoesNotContain("sqs:DeleteMessage", api);
        Assert.Contains("sqs:ReceiveMessage", worker);
        Assert.Contains("sqs:DeleteMessage", worker);
        Assert.DoesNotContain("dynamodb:PutItem", worker);
        // The Api writes spoken reviews only; the worker writes card images and (through Bedrock) animations only.
        var apiPuts = TaskRoleStatements("api").Allowing("s3:PutObject");
        Assert.Equal(["/feedback/*"], apiPuts.SelectMany(Resources).Select(ObjectPrefix));
        var workerPuts = TaskRoleStatements("worker").Allowing("s3:PutObject");
        Assert.Equal(["/animations/*", "/cards/*"], workerPuts.SelectMany(Resources).Select(ObjectPrefix).Order());
        Assert.All(TaskRoleStatements("worker").Concat(TaskRoleStatements("api")).Where(s => Actions(s).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))),
            s => Assert.All(Resources(s), r => Assert.Contains(ObjectPrefix(r), new[] { "/cards/*", "/animations/*", "/feedback/*" })));
    }

    /// <summary>The object-key pattern an S3 resource ends with (<c>/cards/*</c>), from its Fn::Join.</summary>
    private static string ObjectPrefix(string resource) =>
        System.Text.RegularExpressions.Regex.Match(resource, "\"(/[a-z]+/\\*)\"").Groups[1].Value;

    [Fact]
    public void Secrets_are_generated_in_secrets_manager()
    {
        var secrets = synthesized.Resources("AWS::SecretsManager::Secret").ToList();
        Assert.Equal(4, secrets.Count);
        Assert.All(secrets, secret => Assert.NotNull(secret.Resource["Properties"]!["GenerateSecretString"]));
        Assert.DoesNotContain(secrets, secret => secret.Resource["Properties"]!["SecretString"] is not null);
    }

    [Fact]
    public void Secrets_reach_the_tasks_as_ecs_secrets_never_as_environment_values()
    {
        string[] secretSettings =
        [
            ServiceSettings.EventUsername, ServiceSettings.EventPassword, ServiceSettings.OrganizerUsername, ServiceSettings.OrganizerPassword,
            ServiceSettings.JwtSigningKey, ServiceSettings.InternalApiKey,
        ];
        var api = synthesized.Container("api");
        var worker = synthesized.Container("worker");

        Assert.Equal(secretSettings.Order(), SynthesizedEvent.SecretNames(api).Order());
        Assert.Equal([ServiceSettings.InternalApiKey], SynthesizedEvent.SecretNames(worker));
        Assert.Empty(SynthesizedEvent.SecretNames(synthesized.Container("web")));
        var secretIds = synthesized.Resources("AWS::SecretsManager::Secret").Select(secret => secret.LogicalId).ToList();
        foreach (var name in new[] { "api", "worker", "web" })
        {
            var environment = SynthesizedEvent.Environment(synthesized.Container(name));
            Assert.Empty(environment.Keys.Intersect(secretSettings));
            foreach (var value in environment.Values.Select(value => value?.ToJsonString() ?? ""))
            {
                Assert.DoesNotContain("resolve:secretsmanager", value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secretIds, value.Contains);
            }
        }
        foreach (var secret in api["Secrets"]!.AsArray())
            Assert.Contains("Secrets", secret!["ValueFrom"]!.ToJsonString());
    }
}
